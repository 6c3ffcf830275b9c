"""`manage.py` in a deployed checkout (a `.env` naming the production settings) refuses to
fall back to the development settings when DJANGO_SETTINGS_MODULE is not set."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from django.conf import settings


def run_manage(folder):
    """`python manage.py check` from a copy of manage.py in `folder`, the project importable."""
    shutil.copy(Path(settings.BASE_DIR) / "manage.py", folder / "manage.py")
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env["PYTHONPATH"] = str(settings.BASE_DIR)
    return subprocess.run(
        [sys.executable, str(folder / "manage.py"), "check"],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_deployed_checkout_refuses_the_development_settings(tmp_path):
    (tmp_path / ".env").write_text(
        "SECRET_KEY=x\nDJANGO_SETTINGS_MODULE=bitnews.settings.production\n"
    )
    result = run_manage(tmp_path)
    assert result.returncode != 0
    assert "names the production settings" in result.stderr
    assert "set -a; . ./.env; set +a" in result.stderr


def test_a_development_checkout_uses_the_development_settings(tmp_path):
    result = run_manage(tmp_path)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
