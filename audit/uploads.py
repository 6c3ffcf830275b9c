"""Part 3: the hostile uploads of news/tests/test_upload_memory.py (its files, built by
news/tests/utils.py), sent by an editor through the admin's image upload form of a running
app server: gunicorn with the production settings and one worker, replaced before each upload
so that its peak resident memory (VmHWM, /proc) is that upload's. Targets: no 5xx; every
hostile file refused with a form error, except the JPEG with HTML after its end, which is a
valid picture and accepted (docs/architecture.md explains why); peak under 200 MB."""

import html
import os
import re
import signal
import time
from pathlib import Path

from audit.report import Part, table
from audit.site import log
from bench.servers import children
from tests_integration.cluster import Browser, log_in

FORM = "/admin/images/add/"
PEAK_LIMIT_MB = 200
ERROR = re.compile(r'<p class="error-message">(.*?)</p>', re.S)


def memory_mb(pid):
    """{"VmHWM": peak, "VmRSS": now} of a process, in MB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmHWM", "VmRSS"):
            fields[name] = int(value.split()[0]) / 1024
    return fields


def new_worker(node, old=None, seconds=60):
    """The pid of the node's one worker, once it is not `old` (stopped here) any more."""
    if old is not None:
        os.kill(old, signal.SIGKILL)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        workers = [pid for pid in children(node.process.pid) if pid != old]
        if len(workers) == 1:
            return workers[0]
        time.sleep(0.05)
    raise SystemExit("gunicorn did not start a new worker")


def outcome(status, body):
    if status == 302:
        return "accepted"
    errors = [html.unescape(re.sub(r"<[^>]+>", "", error)).strip() for error in ERROR.findall(body)]
    return " ".join(errors) or f"no form error (HTTP {status})"


def run(site):
    from news.tests.utils import HOSTILE

    node = site.node(workers=1)
    rows, misses = [], []
    try:
        browser = Browser(node.port, timeout=120)
        log_in(browser, *site.editor)
        worker = None
        for case, (filename, make, refusal) in HOSTILE.items():
            content = make()
            worker = new_worker(node, worker)
            _status, _headers, form = browser.get(FORM)  # the new worker loads the app
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
            before = memory_mb(worker)["VmRSS"]
            started = time.monotonic()
            status, _headers, body = browser.request(
                "POST",
                FORM,
                body={"csrfmiddlewaretoken": token, "title": case},
                files={"file": (filename, content)},
            )
            seconds = time.monotonic() - started
            peak = memory_mb(worker)["VmHWM"]
            said = outcome(status, body)
            log(f"upload {case}: {status} {said[:60]}")
            rows.append(
                [case, filename, f"{len(content):,}", status, f"{before:.0f}", f"{peak:.0f}"]
                + [f"{seconds:.1f}", said if len(said) <= 72 else said[:71] + "…"]
            )
            refused = status == 200 and said and not said.startswith("no form error")
            if status >= 500:
                misses.append(f"upload {case}: HTTP {status}")
            elif refusal is None and status != 302:
                misses.append(f"upload {case}: a valid picture, refused ({said})")
            elif refusal is not None and not refused:
                misses.append(f"upload {case}: not refused with a form error (HTTP {status})")
            if peak >= PEAK_LIMIT_MB:
                misses.append(f"upload {case}: worker peak {peak:.0f} MB")
    finally:
        node.stop()
    head = ["file", "name", "bytes", "HTTP", "MB before", "peak MB", "s", "outcome (form error)"]
    return Part(
        f"Hostile uploads through {FORM} (targets: no 5xx, refused, peak < {PEAK_LIMIT_MB} MB)",
        table(head, rows),
        misses,
    )
