"""A demo site served by `manage.py runserver`, as `make run` sets it up, for browser checks."""

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
MAP_KEY = "browser-test-key"  # a Baidu map key for tests: nothing reaches Baidu from here
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def demo_server(folder=None, settings="bitnews.settings.test", **environment):
    """Migrate a fresh SQLite database, load the demo and serve it; yields url, password,
    database and manage(*command), which runs a `manage.py` command beside the server.

    `settings="bitnews.settings.dev"` serves it as `make run` does; uploads go to `folder`.
    """
    with contextlib.ExitStack() as stack:
        folder = Path(folder or stack.enter_context(tempfile.TemporaryDirectory()))
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": settings,
            "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
            "MEDIA_ROOT": str(folder / "media"),
            **environment,
        }
        manage = [sys.executable, str(ROOT / "manage.py")]
        for command in (
            ["migrate", "--noinput"],
            ["load_demo", "--password-file", str(folder / "password")],
        ):
            done = subprocess.run([*manage, *command], env=env, capture_output=True, text=True)
            if done.returncode:
                raise RuntimeError(f"manage.py {command[0]} failed:\n{done.stderr[-3000:]}")
        port = free_port()
        server = subprocess.Popen(
            [*manage, "runserver", f"127.0.0.1:{port}", "--noreload"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            url = f"http://127.0.0.1:{port}"
            # The first page view renders image renditions (AVIF is slow): wait for the server
            # on a static file, then let each caller warm what it needs with a patient request.
            wait_for(url + "/static/css/site.css", server)
            yield SimpleNamespace(
                url=url,
                password=(folder / "password").read_text().strip(),
                database=folder / "db.sqlite3",
                manage=lambda *command: subprocess.run(
                    [*manage, *command], env=env, capture_output=True, text=True, check=False
                ),
            )
        finally:
            server.terminate()
            server.wait(timeout=10)


def wait_for(url, server, seconds=60):
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=5)  # noqa: S310 - our own server
            return
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError(f"the demo server did not answer at {url}") from None
            time.sleep(0.3)
