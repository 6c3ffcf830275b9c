"""The servers measured, each on a loopback port for a `with` block: gunicorn, Varnish with the
repository's VCL, nginx serving files; their workers' CPU time from /proc."""

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from bench.environment import PYTHON, ROOT, WORK

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, process, seconds=60):
    deadline = time.monotonic() + seconds
    while True:
        try:
            request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
            urllib.request.urlopen(request, timeout=30)
            return
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                raise SystemExit(f"no answer at {url}") from None
            time.sleep(0.3)


@contextlib.contextmanager
def serving(command, port, stop=signal.SIGTERM, **popen):
    """`command` running (a server on loopback `port`): (its process, its base URL)."""
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **popen
    )
    try:
        yield process, f"http://127.0.0.1:{port}"
    finally:
        process.send_signal(stop)
        process.wait(timeout=30)


def gunicorn(env, app, *options):
    port = free_port()
    command = [PYTHON, "-m", "gunicorn", app, "--workers", "2", "--bind", f"127.0.0.1:{port}"]
    return serving([*command, *options], port, env=env, cwd=ROOT)


VCL = ROOT / "deploy" / "varnish" / "bitnews.vcl"
VARNISH_SERVICE = ROOT / "deploy" / "systemd" / "varnish.service.d" / "bitnews.conf"


def varnish(backend, purge_port):
    """varnishd with the repository's VCL in front of `backend` ("http://127.0.0.1:port"), with
    the -p parameters it is deployed with (a sitemap page's cache tags need them): its visitors'
    listener, and its purge listener on `purge_port` (the app servers' SHARED_CACHES)."""
    port = free_port()
    folder = WORK / "varnish"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    vcl = VCL.read_text().replace('.port = "8000";', f'.port = "{backend.rsplit(":", 1)[1]}";')
    (folder / "bitnews.vcl").write_text(vcl)
    command = ["varnishd", "-F", "-j", "none", "-n", str(folder / "state"), "-s", "malloc,256m"]
    command += ["-a", f"http=127.0.0.1:{port}", "-a", f"purge=127.0.0.1:{purge_port}"]
    command += ["-f", str(folder / "bitnews.vcl")]
    for parameter in re.findall(r"^\s+-p (\S+)", VARNISH_SERVICE.read_text(), re.MULTILINE):
        command += ["-p", parameter]
    return serving(command, port)


def nginx(root):
    port = free_port()
    prefix = WORK / "nginx"
    prefix.mkdir(exist_ok=True)
    user = "user root;" if os.geteuid() == 0 else ""
    (prefix / "nginx.conf").write_text(
        f"""{user}
worker_processes 2;
daemon off;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    default_type text/html;
    client_body_temp_path {prefix};
    server {{
        listen 127.0.0.1:{port};
        root {root};
    }}
}}
"""
    )
    command = ["nginx", "-p", str(prefix), "-c", str(prefix / "nginx.conf")]
    return serving(command, port, stop=signal.SIGQUIT)


def cpu_seconds(master):
    """CPU time of the master's worker processes (user + system), from /proc."""
    total = 0
    for pid in children(master.pid):
        with contextlib.suppress(FileNotFoundError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / CLOCK_TICKS


def children(pid):
    with contextlib.suppress(FileNotFoundError):
        return [
            int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        ]
    return []
