"""A hostile upload cannot make a worker swell or get through: an image whose header claims far
more pixels than the limit is refused from the header, before anything decodes it; the rest of
the hostile set (issue 12) gets its form error. Each upload runs in a
fresh process (news/tests/measure_upload.py) whose peak resident memory is measured: today's
Wagtail field alone took a worker from 95 MB to 740 MB on a 0.68 MB PNG."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

from news.tests.utils import HOSTILE

PEAK_LIMIT_MB = 200


@pytest.mark.parametrize("hostile", HOSTILE)
def test_a_hostile_upload_is_refused_with_bounded_memory(hostile, tmp_path):
    name, make, refusal = HOSTILE[hostile]
    path = tmp_path / name
    path.write_bytes(make())
    result = subprocess.run(
        [sys.executable, "-m", "news.tests.measure_upload", str(path), name],
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": os.environ.get(
                "DJANGO_SETTINGS_MODULE", "bitnews.settings.test"
            ),
        },
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    measured = json.loads(result.stdout.strip().splitlines()[-1])
    assert measured["error"] == refusal
    assert measured["peak_mb"] < PEAK_LIMIT_MB, measured
