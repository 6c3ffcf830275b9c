"""Part 4: PostgreSQL restarted under load. A private cluster (initdb in a temporary folder,
started on a free loopback port; the machine's own server is never touched) holds a copy of
the audit's database; app servers (gunicorn, production settings: CONN_MAX_AGE and
CONN_HEALTH_CHECKS as production sets them) use it. Editors save article drafts in the admin
(a 302 after "Save draft" acknowledges the write) while readers ask for pages that need the
database (searches for words never asked before and the admin's page explorer: the page cache
would hide an outage); `pg_ctl restart -m fast` happens in the middle. Afterwards every
acknowledged draft is looked for in the revisions the cluster kept.

Twice: straight to one app server (what the app does), then through nginx with
deploy/nginx/bitnews.conf in front of two (what a visitor sees). Targets, each time: no
acknowledged write lost; no 500 (an outage answers 503 with Retry-After, bitnews/errors.py);
requests succeed again within 2 s of the server being back."""

import contextlib
import glob
import http.client
import os
import re
import shutil
import ssl
import subprocess
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

from audit.report import Part, table
from audit.site import ADDRESS, DATABASE, database_url, deployed, log
from bench.build import postgres_admin
from news import languages
from tests_integration.cluster import Browser, free_port, log_in

PG_BIN = Path(max(glob.glob("/usr/lib/postgresql/*/bin/initdb"), default="/usr/bin/initdb")).parent
READERS = 3
TITLE = languages.DEFAULT.field("title")  # the field each writer edits
# seconds of load before the restart, and after the server is back: at least AFTER, until
# nothing failed for QUIET seconds, at most LONGEST
BEFORE, AFTER, QUIET, LONGEST = 4, 6, 2, 30
RECOVERY_LIMIT = 2.0
MARKER = re.compile(r"\[(audit-\w+-\d+-\d+)\]")


@contextlib.contextmanager
def private_cluster():
    """A cluster of the audit's own, run as the postgres user when the audit runs as root:
    yields (pg_ctl, its psycopg2.connect arguments); pg_ctl(*arguments) runs pg_ctl on it."""
    folder = Path(tempfile.mkdtemp(prefix="bitnews-audit-pg-"))
    as_postgres = []
    if os.geteuid() == 0:
        as_postgres = ["runuser", "-u", "postgres", "--"]
        shutil.chown(folder, "postgres", "postgres")
    data, port = folder / "data", free_port()

    def pg_ctl(*arguments):
        command = [*as_postgres, PG_BIN / "pg_ctl", "-D", data, "-l", folder / "log", *arguments]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    try:
        subprocess.run(
            [*as_postgres, PG_BIN / "initdb", "-D", data, "-U", "postgres", "-A", "trust"]
            + ["-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
            check=True,
            capture_output=True,
        )
        options = f"-p {port} -c listen_addresses=127.0.0.1 -k {folder}"
        pg_ctl("-w", "-o", options, "start")
        yield pg_ctl, {"host": "127.0.0.1", "port": port, "user": "postgres", "dbname": "postgres"}
    finally:
        with contextlib.suppress(subprocess.SubprocessError):
            pg_ctl("-m", "immediate", "stop")
        shutil.rmtree(folder, ignore_errors=True)


def copy_database(site, server):
    """The audit's database (its demo, its editor) into the private cluster: pg_dump, pg_restore."""
    dump = site.work / "audit.dump"
    source = site.server
    libpq = {**os.environ, "PGPASSWORD": source.get("password") or ""}
    subprocess.run(
        [PG_BIN / "pg_dump", "--format=custom", "--no-owner", "--file", dump]
        + ["-h", source["host"], "-p", str(source["port"]), "-U", source["user"], DATABASE],
        env=libpq,
        check=True,
        capture_output=True,
    )
    postgres_admin(f'CREATE DATABASE "{DATABASE}"', server=server)
    subprocess.run(
        [PG_BIN / "pg_restore", "--no-owner", "--exit-on-error", "-h", server["host"]]
        + ["-p", str(server["port"]), "-U", server["user"], "-d", DATABASE, dump],
        check=True,
        capture_output=True,
    )


@contextlib.contextmanager
def straight(site, env):
    """One app server, asked directly: yields a factory of visitors."""
    node = site.node(env)
    try:
        yield lambda: Browser(node.port, timeout=60)
    finally:
        node.stop()


@contextlib.contextmanager
def through_nginx(site, env):
    """Two app servers behind nginx with deploy/nginx/bitnews.conf: a factory of visitors."""
    folder = site.work / "restart-nginx"
    folder.mkdir(exist_ok=True)
    with deployed(folder, env, site.log, site.cert, site.key) as ports:
        context = ssl.create_default_context(cafile=str(site.ca))
        yield lambda: Browser(ports["https"], tls=True, host=ADDRESS, context=context, timeout=60)


class Load:
    """Writers and readers, each a thread with the editor's session, until `stop` is set.
    records: (kind, started, ended, status or None when no answer came, Retry-After sent)."""

    def __init__(self, visitor, cookies, drafts, index, name):
        self.visitor, self.cookies, self.drafts, self.index = visitor, cookies, drafts, index
        self.name = name
        self.records, self.acknowledged, self.stop = [], [], threading.Event()
        self.lock = threading.Lock()

    def browser(self):
        browser = self.visitor()
        browser.cookies = dict(self.cookies)
        return browser

    def request(self, kind, browser, method, path, body=None):
        started = time.monotonic()
        try:
            status, headers, _body = browser.request(method, path, body=body)
            retry_after = "Retry-After" in headers
        except (OSError, http.client.HTTPException):
            status, retry_after = None, False
        with self.lock:
            self.records.append((kind, started, time.monotonic(), status, retry_after))
        return status

    def writer(self, number, pk, form):
        """Saves drafts of one article, each with a title of its own."""
        browser = self.browser()
        path = f"/admin/pages/{pk}/edit/"
        page = browser.get(path)[2]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        count = 0
        while not self.stop.is_set():
            count += 1
            marker = f"audit-{self.name}-{number}-{count}"
            fields = {**form, "csrfmiddlewaretoken": token}
            fields[TITLE] = f"{form[TITLE]} [{marker}]"
            if self.request("write", browser, "POST", path, fields) == 302:
                with self.lock:
                    self.acknowledged.append(marker)

    def reader(self, number):
        browser = self.browser()
        count = 0
        while not self.stop.is_set():
            count += 1
            if count % 2:
                path = f"/en/search/?q=audit{self.name}{number}x{count}"
            else:
                path = f"/admin/pages/{self.index}/"
            self.request("read", browser, "GET", path)

    def failed_since(self, moment):
        with self.lock:
            return any(r[2] >= moment and (r[3] is None or r[3] >= 400) for r in self.records)

    def threads(self):
        writers = [
            threading.Thread(target=self.writer, args=(number, pk, form), daemon=True)
            for number, (pk, form) in enumerate(self.drafts)
        ]
        readers = [
            threading.Thread(target=self.reader, args=(n,), daemon=True) for n in range(READERS)
        ]
        return writers + readers


def saved_markers(server, pks):
    import psycopg2

    conn = psycopg2.connect(**{**server, "dbname": DATABASE})
    try:
        with conn.cursor() as cursor:
            cursor.execute(
                "SELECT content->>%s FROM wagtailcore_revision WHERE object_id = ANY(%s)",
                [TITLE, [str(pk) for pk in pks]],
            )
            titles = [row[0] or "" for row in cursor.fetchall()]
    finally:
        conn.close()
    return {match for title in titles for match in MARKER.findall(title)}


def measure(site, pg_ctl, visitor, name):
    """The load through `visitor`s, and a restart in its middle: (load, restart's start, the
    moment pg_ctl said the server was back)."""
    editor = visitor()
    log_in(editor, *site.editor)
    load = Load(visitor, editor.cookies, site.drafts, site.index, name)
    threads = load.threads()
    try:
        for thread in threads:
            thread.start()
        time.sleep(BEFORE)
        log(f"pg_ctl restart -m fast ({name})")
        restarted = time.monotonic()
        pg_ctl("-m", "fast", "-w", "restart")
        back = time.monotonic()
        while time.monotonic() - back < LONGEST:
            time.sleep(0.5)
            now = time.monotonic()
            if now - back >= AFTER and not load.failed_since(now - QUIET):
                break
    finally:
        load.stop.set()
        for thread in threads:
            thread.join(timeout=120)
    return load, restarted, back


def figures(load, restarted, back, saved, where):
    """{figure: value} of one run, and the targets it missed."""
    records = load.records
    failed = [r for r in records if r[3] is None or r[3] >= 400]
    statuses = Counter("no answer" if r[3] is None else r[3] for r in records)
    kinds = Counter(r[0] for r in records)
    lost = [marker for marker in load.acknowledged if marker not in saved]
    server_errors = statuses[500]
    no_retry_after = sum(1 for r in failed if r[3] == 503 and not r[4])
    window = max(r[2] for r in failed) - min(r[2] for r in failed) if failed else 0
    recovery = max(0, max(r[2] for r in failed) - back) if failed else 0
    answered = [r[2] - back for r in records if r[1] >= back and r[3] is not None and r[3] < 400]
    values = {
        "requests": f"{len(records)} ({kinds['read']} reads, {kinds['write']} draft saves)",
        "statuses": ", ".join(f"{s} × {n}" for s, n in sorted(statuses.items(), key=str)),
        "errors (non-2xx/3xx)": f"{len(failed)}: 500 × {server_errors}, "
        f"503 without Retry-After × {no_retry_after}",
        "restart took": f"{back - restarted:.2f} s",
        "error window": f"{window:.2f} s",
        "errors after server back": f"{recovery:.2f} s",
        "first success after back": f"{min(answered):.2f} s" if answered else "none",
        "writes acknowledged": f"{len(load.acknowledged)}, all found: {not lost}",
        "acknowledged writes lost": str(len(lost)),
    }
    misses = []
    if lost:
        misses.append(f"restart {where}: {len(lost)} acknowledged writes lost ({lost[0]}…)")
    if server_errors:
        misses.append(f"restart {where}: 500 × {server_errors} (an outage answers 503)")
    if no_retry_after:
        misses.append(f"restart {where}: 503 without Retry-After × {no_retry_after}")
    other = {s: n for s, n in statuses.items() if s not in (200, 302, 500, 503)}
    if other:
        misses.append(f"restart {where}: other failures {other}")
    if recovery > RECOVERY_LIMIT:
        misses.append(
            f"restart {where}: requests failed until {recovery:.1f} s after the server was "
            f"back (target {RECOVERY_LIMIT:.0f} s)"
        )
    if not load.acknowledged or kinds["read"] < 10:
        misses.append(f"restart {where}: too little load to tell")
    return values, misses


def run(site):
    ways = (
        ("straight", "straight to gunicorn", straight),
        ("nginx", "through nginx", through_nginx),
    )
    columns, misses = [], []
    with private_cluster() as (pg_ctl, server):
        log(f"private PostgreSQL cluster on port {server['port']}, a copy of {DATABASE}")
        copy_database(site, server)
        env = {**site.env, "DATABASE_URL": database_url(server)}
        runs = []
        for name, where, entry in ways:
            with entry(site, env) as visitor:
                runs.append((where, *measure(site, pg_ctl, visitor, name)))
        saved = saved_markers(server, [pk for pk, _form in site.drafts])
    for where, load, restarted, back in runs:
        values, missed = figures(load, restarted, back, saved, where)
        columns.append(values)
        misses += missed
    rows = [[figure, *(values[figure] for values in columns)] for figure in columns[0]]
    head = ["figure", *(where for where, *_ in runs)]
    lines = table(head, rows, numbers=False)
    lines.append(
        "(error window: from the first failed answer to the last; errors after server back: "
        "from pg_ctl's return to the last failed answer)"
    )
    return Part(
        "PostgreSQL restart under load (targets: 0 lost writes, no 500, recovery <= 2 s)",
        lines,
        misses,
    )
