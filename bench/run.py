"""`make bench [N=2000] [DB=postgres|sqlite] [SECONDS=10] [PASSES=1]`.

1. Builds a fresh database (PostgreSQL `bitnews_bench`, or SQLite in .bench/) with the demo and
   N articles in all (`load_demo`, then `make_archive`), and collects the static files.
2. Serves it with the production settings under gunicorn (2 sync workers) three times: rendering
   every request ("cold": PAGE_CACHE=off, from the fragments kept until a write of what it shows),
   rendering every request from nothing ("nothing": PAGE_CACHE=off FRAGMENTS=off, no page or
   fragment read or kept) and with the page cache ("warm": each page answered from Redis);
   Varnish with the repository's VCL (deploy/varnish/bitnews.vcl) in front of a warm one; and the
   same pages' bytes twice more: from a bare Django view (bench/bare.py, gunicorn, standard
   middleware) and from nginx as files.
3. For each page and server, in turn (never two at once): wrk -t2 -c16 for SECONDS (the
   from-nothing server: --nothing-seconds); req/s, p50, p99, and CPU ms per request (the
   workers' CPU time, from /proc, over the requests served). Queries and SQL ms per request come
   from bench/probe.py (cold pages, warm fragments) and, from nothing, bench/nothing.py (every
   cache emptied before each request: queries, SQL ms and CPU ms in process), each page marked
   against issue 24's targets (6 ms CPU, 8 queries, 5 ms SQL).
4. One request at a time (bench/publish.py): a cold page, a page rendered from scratch (just
   after everything kept was invalidated) and the first request after a real publish.
5. What writes cost the cache (bench/invalidation.py): failed sign-ins under load, a new story
   published during a warm run (how many of 1,000 sampled addresses still hit), Varnish while a
   story is edited, a flood of junk query strings.
6. The long tail: wrk over up to --tail distinct article addresses in both languages, each asked
   for once (bench/longtail.py chooses them, bench/longtail.lua asks), on a server with the
   page cache whose Redis was emptied just before; queries counted in it (bench/counting.py).
7. Prints the tables and writes .bench/results-<N>-<db>-<time>.json (compare two runs with it).

A quick run: `--articles 60 --seconds 1 --nothing-seconds 1 --tail 200`, or `--no-build` and
`--pages home,article-en` to measure some pages of the last database built.
"""

import argparse
import contextlib
import datetime
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".bench"
PYTHON = sys.executable
PG_ADMIN = {"host": "127.0.0.1", "port": 5432, "user": "postgres", "dbname": "postgres"}
PG_DATABASE = "bitnews_bench"
REDIS_URL = "redis://127.0.0.1:6379/2"  # production's cache; emptied before each run
DEMO_ARTICLES = 15  # what load_demo makes
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
HEADERS = ["-H", "X-Forwarded-Proto: https", "-H", "Host: 127.0.0.1"]


def log(message):
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def run(command, env, **kwargs):
    done = subprocess.run(command, env=env, cwd=ROOT, text=True, capture_output=True, **kwargs)
    if done.returncode:
        raise SystemExit(f"{' '.join(map(str, command))} failed:\n{done.stderr[-3000:]}")
    return done.stdout


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url(db):
    if db == "sqlite":
        return f"sqlite:///{WORK / 'bench.sqlite3'}"
    return f"postgres://postgres@127.0.0.1:5432/{PG_DATABASE}"


def fresh_database(db):
    if db == "sqlite":
        (WORK / "bench.sqlite3").unlink(missing_ok=True)
        return
    postgres_admin(f'DROP DATABASE IF EXISTS "{PG_DATABASE}"', f'CREATE DATABASE "{PG_DATABASE}"')


def postgres_admin(*statements, server=PG_ADMIN):
    """Run `statements` one by one, outside any transaction (CREATE and DROP DATABASE), on
    the PostgreSQL server `server` (psycopg2.connect's arguments) names."""
    import psycopg2

    conn = psycopg2.connect(**server)
    conn.autocommit = True
    try:
        with conn.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
    finally:
        conn.close()


def environment(db, settings):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings,
        "DATABASE_URL": database_url(db),
        "MEDIA_ROOT": str(WORK / "media"),
        "STATIC_ROOT": str(WORK / "static"),
        "SECRET_KEY": "bench-not-secret",
        "ALLOWED_HOSTS": "127.0.0.1",
        "WAGTAILADMIN_BASE_URL": "https://127.0.0.1",
        "CONN_MAX_AGE": "60",
        "REDIS_URL": REDIS_URL,
        "PYTHONPATH": str(ROOT),
    }


def build(db, articles):
    """A fresh database with the demo and `articles` articles in all; the static files."""
    fresh_database(db)
    shutil.rmtree(WORK / "media", ignore_errors=True)
    dev = environment(db, "bitnews.settings.dev")
    manage = [PYTHON, "manage.py"]
    started = time.monotonic()
    log("migrate")
    run([*manage, "migrate", "--noinput"], dev)
    log("load_demo")
    run([*manage, "load_demo", "--password-file", str(WORK / "admin-password")], dev)
    extra = max(articles - DEMO_ARTICLES, 0)
    log(f"make_archive {extra}")
    subprocess.run([*manage, "make_archive", str(extra)], env=dev, cwd=ROOT, check=True)
    production = environment(db, "bitnews.settings.production")
    run([*manage, "collectstatic", "--noinput", "--clear", "-v0"], production)
    log(f"built in {time.monotonic() - started:.0f} s")


def pages(db):
    """{name: URL} of the pages measured, chosen in the database just built."""
    script = """
import json, django
django.setup()
from django.utils import translation
from django.utils import timezone
from news.models import ArticlePage, ArticleTag, EventIndexPage, EventPage, NewsIndexPage
index = NewsIndexPage.objects.get()
count = ArticlePage.objects.live().count()
translated = ArticlePage.objects.live().exclude(title_zh_hans="").order_by("-news_date", "-pk")
middle = translated[translated.count() // 2]
deep = max(1, min(500, (count + 9) // 10 // 2))
month = middle.news_date
# the middle story's first tag: make_archive files every story under two of the demo's tags,
# so at 100,000 articles a tag lists thousands (a deep listing, like News&Events)
tag = middle.tags.order_by("name").first() or ArticleTag.objects.order_by("name").first()
events = EventPage.objects.live().order_by("start", "pk")
event = events.filter(ends_at__gt=timezone.now()).first() or events.last()
urls = {}
for code, short in (("en", "en"), ("zh-hans", "zh")):
    with translation.override(code):
        urls[f"article-{short}"] = middle.get_url()
with translation.override("en"):
    news = index.get_url()
    urls.update({
        "home": "/en/",
        "news": news,
        "news-deep": f"{news}?page={deep}",
        "focus": news + "focus/",
        "column": news + "column/international/",
        "tag": news + index.reverse_subpage("tag", args=[tag.slug]),
        "month": f"{news}{month:%Y/%m}/",
        "event": event.get_url(),
        "events": EventIndexPage.objects.get().get_url(),
        "search-en": "/en/search/?q=international+cooperation",
        "feed": news + "feed/rss/",
    })
urls["search-zh"] = "/zh-hans/search/?q=%E5%9B%BD%E9%99%85%E5%90%88%E4%BD%9C"
urls["api-list"] = "/api/v2/articles/?lang=zh-hans&limit=20"
urls["api-article"] = f"/api/v2/articles/{middle.pk}/"
urls["sitemap"] = "/sitemap.xml"
urls["sitemap-articles"] = "/sitemap-articles-en.xml"
print(json.dumps(dict(sorted(urls.items(), key=lambda item: list(ORDER).index(item[0])))))
""".replace("ORDER", repr(ORDER))
    return json.loads(run([PYTHON, "-c", script], environment(db, "bitnews.settings.production")))


ORDER = (
    "home",
    "news",
    "news-deep",
    "focus",
    "column",
    "tag",
    "month",
    "article-en",
    "article-zh",
    "event",
    "events",
    "search-en",
    "search-zh",
    "feed",
    "api-list",
    "api-article",
    "sitemap",
    "sitemap-articles",
)


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


def wrk(url, seconds, master):
    """req/s, p50 and p99 in ms, and CPU ms per request of one wrk run against `url`."""
    before = cpu_seconds(master)
    output = subprocess.run(
        ["wrk", "-t2", "-c16", f"-d{seconds}s", "--latency", *HEADERS, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    cpu = cpu_seconds(master) - before
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        raise SystemExit(f"{url}: {errors.group(1)} error responses\n{output}")
    return wrk_figures(output, cpu)


def wrk_figures(output, cpu):
    """req/s, p50 and p99 in ms, and CPU ms per request (of `cpu` seconds) from wrk's output."""
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50_ms": duration_ms(re.search(r"50%\s+([\d.]+\w+)", output).group(1)),
        "p99_ms": duration_ms(re.search(r"99%\s+([\d.]+\w+)", output).group(1)),
        "cpu_ms": 1000 * cpu / requests if requests else None,
        "requests": requests,
    }


def duration_ms(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def warm(base, url, count=10):
    for _ in range(count):
        request = urllib.request.Request(base + url, headers={"X-Forwarded-Proto": "https"})
        with urllib.request.urlopen(request, timeout=120) as response:
            response.read()


def median_of(runs):
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def measure(db, urls, seconds, passes, writes_only=False, nothing_seconds=5):
    pages_dir = WORK / "pages"
    shutil.rmtree(pages_dir, ignore_errors=True)
    pages_dir.mkdir()
    urls_file = WORK / "urls.json"
    urls_file.write_text(json.dumps(urls))
    production = environment(db, "bitnews.settings.production")
    cold = {**production, "PAGE_CACHE": "off"}
    probe = json.loads(run([PYTHON, "-m", "bench.probe", str(urls_file), str(pages_dir)], cold))
    nothing = {name: {} for name in urls}
    if not writes_only:
        log("from nothing, in process (bench/nothing.py): every cache emptied before each request")
        nothing = json.loads(run([PYTHON, "-m", "bench.nothing", str(urls_file)], cold))
    # every request rendered from nothing: no page, no fragment read or kept (FRAGMENTS=off)
    empty = {**cold, "FRAGMENTS": "off"}
    bare_env = {**production, "DJANGO_SETTINGS_MODULE": "bench.bare", "BENCH_PAGES": str(pages_dir)}
    # Varnish's backend: the same, telling Varnish what changed (tags, news/cache/)
    purge_port = free_port()
    tagged = {**production, "SHARED_CACHES": f"http://127.0.0.1:{purge_port}/"}
    kinds = ("bitnews", "warm", "varnish", "bare", "nginx", "nothing")
    runs = {name: {kind: [] for kind in kinds} for name in urls}
    with (
        gunicorn(cold, "bitnews.wsgi") as (site, site_url),
        gunicorn(production, "bitnews.wsgi") as (cached, cached_url),
        gunicorn(tagged, "bitnews.wsgi") as (behind, behind_url),
        varnish(behind_url, purge_port) as (front, varnish_url),
        gunicorn(bare_env, "bench.bare_wsgi") as (bare, bare_url),
        nginx(pages_dir) as (server, nginx_url),
        gunicorn(empty, "bitnews.wsgi") as (fresh, fresh_url),
    ):
        wait_for(site_url + "/en/", site)
        wait_for(fresh_url + "/en/", fresh)
        wait_for(cached_url + "/en/", cached)
        wait_for(behind_url + "/en/", behind)
        wait_for(varnish_url + "/en/news/", front)
        first = next(iter(urls))  # a page whose bytes bench/probe.py saved (--pages)
        wait_for(f"{bare_url}/{first}.html", bare)
        wait_for(f"{nginx_url}/{first}.html", server)
        for number in range(0 if writes_only else passes):
            for name, url in urls.items():
                log(f"pass {number + 1}/{passes}: {name} {url}")
                warm(site_url, url)
                runs[name]["bitnews"].append(wrk(site_url + url, seconds, site))
                warm(cached_url, url)
                runs[name]["warm"].append(wrk(cached_url + url, seconds, cached))
                warm(varnish_url, url, 2)
                runs[name]["varnish"].append(wrk(varnish_url + url, seconds, front))
                runs[name]["bare"].append(wrk(f"{bare_url}/{name}.html", seconds, bare))
                runs[name]["nginx"].append(wrk(f"{nginx_url}/{name}.html", seconds, server))
                warm(fresh_url, url, 3)
                runs[name]["nothing"].append(wrk(fresh_url + url, nothing_seconds, fresh))
        publish = {name: {} for name in urls}
        if not writes_only:
            log("one request at a time: cold, from scratch, and after a publish")
            command = [PYTHON, "-m", "bench.publish", str(urls_file), site_url, cached_url]
            publish = json.loads(run(command, production))
        log("writes: failed sign-ins, a publish during a warm run, Varnish's soft purge")
        command = [PYTHON, "-m", "bench.invalidation", str(urls_file), cached_url, varnish_url]
        writes = json.loads(run([*command, str(seconds)], tagged))
    results = {
        name: {
            "url": urls[name],
            **probe[name],
            **nothing[name],
            **publish[name],
            **{kind: median_of(results) for kind, results in runs[name].items() if results},
        }
        for name in urls
    }
    if not writes_only:
        for page in results.values():
            page["over"] = over_targets(page)
    return writes, results


LONG_TAIL_SCRIPT = ROOT / "bench" / "longtail.lua"
LONG_TAIL_MAX_SECONDS = 1200  # wrk's limit: it stops earlier, once every address was answered


def start_workers(base):
    """Each worker of the server at `base` started (imports, templates): searches asked for
    eight at a time, so that both workers render some; no article is asked for."""
    from concurrent.futures import ThreadPoolExecutor

    searches = [f"/{code}/search/?q=warm+up+{n}" for code in ("en", "zh-hans") for n in range(16)]
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda path: warm(base, path, 1), searches))


def long_tail(db, limit):
    """wrk over up to `limit` distinct article addresses in both languages, each asked for once
    (bench/longtail.lua), against a server with the production settings (the page cache on)
    whose Redis was emptied just before: every answer made from nothing and kept. req/s, p50,
    p99 and CPU ms per request as for the pages; queries and SQL ms per request counted in the
    server by bench/counting.py."""
    import redis

    production = environment(db, "bitnews.settings.production")
    addresses = WORK / "longtail.txt"
    chosen = json.loads(
        run([PYTHON, "-m", "bench.longtail", str(addresses), str(limit)], production)
    )
    counts = WORK / "counts"
    shutil.rmtree(counts, ignore_errors=True)
    counts.mkdir()
    env = {**production, "BENCH_COUNTS": str(counts)}
    threads = 2
    command = ["wrk", f"-t{threads}", "-c16", f"-d{LONG_TAIL_MAX_SECONDS}s", "--timeout", "60s"]
    command += ["--latency", *HEADERS, "-H", "X-Bench-Count: 1", "-s", str(LONG_TAIL_SCRIPT)]
    with gunicorn(env, "bitnews.wsgi", "-c", "python:bench.counting") as (server, base):
        wait_for(base + "/en/", server)
        start_workers(base)
        redis.Redis.from_url(REDIS_URL).flushdb()  # nothing kept beforehand
        log(f"long tail: {chosen['addresses']} addresses, each asked for once")
        before = cpu_seconds(server)
        started = time.monotonic()
        wrk_process = subprocess.Popen(
            [*command, base, "--", str(addresses), str(threads)], stdout=subprocess.PIPE, text=True
        )
        lines, finished = [], 0
        for line in wrk_process.stdout:
            lines.append(line)
            finished += line == "done\n"
            if finished == threads:  # every address answered: end wrk's run now
                wrk_process.send_signal(signal.SIGINT)
                break
        lines += wrk_process.stdout.readlines()
        wrk_process.wait()
        seconds = time.monotonic() - started
        cpu = cpu_seconds(server) - before
    output = "".join(lines)
    asked = json.loads(re.search(r"^longtail (\{.*\})$", output, re.MULTILINE).group(1))
    totals = {"requests": 0, "kept": 0, "queries": 0, "sql_s": 0.0, "statuses": {}}
    for file in counts.glob("*.json"):  # each worker's, written as it stopped
        worker = json.loads(file.read_text())
        for key in ("requests", "kept", "queries", "sql_s"):
            totals[key] += worker[key]
        for status, number in worker["statuses"].items():
            totals["statuses"][status] = totals["statuses"].get(status, 0) + number
    rendered = totals["requests"] - totals["kept"]
    return {
        **chosen,
        **wrk_figures(output, cpu),
        "answered": asked["answered"],
        "kept_answers": asked["kept"],
        "failed": asked["failed"],
        "seconds": seconds,
        "queries": totals["queries"] / rendered if rendered else None,
        "sql_ms": 1000 * totals["sql_s"] / rendered if rendered else None,
        "statuses": totals["statuses"],
    }


# Issue 24: what a page may cost rendered from nothing
TARGETS = {"cpu": 6, "queries": 8, "sql": 5}


def over_targets(page):
    """The targets a page misses from nothing: "cpu" (its CPU ms under wrk or in process),
    "queries", "sql" (ms)."""
    figures = {
        "cpu": max(page["nothing"]["cpu_ms"], page["nothing_cpu_ms"]),
        "queries": page["nothing_queries"],
        "sql": page["nothing_sql_ms"],
    }
    return [target for target, limit in TARGETS.items() if figures[target] > limit]


def table(results):
    """Two tables: serving under load (wrk), and single requests around a publish."""
    head = (
        f"{'page':<16} {'cold r/s':>8} {'p50':>5} {'p99':>5} {'CPU ms':>6} {'queries':>7} "
        f"{'SQL ms':>6} | {'warm r/s':>8} {'p99':>4} {'CPU ms':>6} | {'varnish':>7} {'p99':>4} | "
        f"{'bare r/s':>8} {'CPU ms':>6} | {'nginx r/s':>9} | {'warm/bare':>9} "
        f"{'varnish/nginx':>13} {'bare/cold':>9}"
    )
    lines = [head, "-" * len(head)]
    for name, page in results.items():
        cold, warm_, front = page["bitnews"], page["warm"], page["varnish"]
        bare, nginx_ = page["bare"], page["nginx"]
        lines.append(
            f"{name:<16} {cold['rps']:>8.1f} {cold['p50_ms']:>5.1f} {cold['p99_ms']:>5.1f} "
            f"{cold['cpu_ms']:>6.1f} {page['queries']:>7.1f} {page['sql_ms']:>6.1f} | "
            f"{warm_['rps']:>8.0f} {warm_['p99_ms']:>4.1f} {warm_['cpu_ms']:>6.2f} | "
            f"{front['rps']:>7.0f} {front['p99_ms']:>4.1f} | "
            f"{bare['rps']:>8.0f} {bare['cpu_ms']:>6.2f} | {nginx_['rps']:>9.0f} | "
            f"{warm_['rps'] / bare['rps']:>9.0%} {front['rps'] / nginx_['rps']:>13.0%} "
            f"{bare['rps'] / cold['rps']:>8.0f}x"
        )
    head = (
        f"{'page':<16} {'cold ms':>8} {'scratch ms':>10} {'after publish ms':>16} "
        f"{'after/scratch':>13} {'after/cold':>10}"
    )
    lines += ["", head, "-" * len(head)]
    for name, page in results.items():
        lines.append(
            f"{name:<16} {page['cold_ms']:>8.1f} {page['scratch_ms']:>10.1f} "
            f"{page['after_publish_ms']:>16.1f} "
            f"{page['after_publish_ms'] / page['scratch_ms']:>13.2f} "
            f"{page['after_publish_ms'] / page['cold_ms']:>10.1f}"
        )
    return "\n".join(lines)


def nothing_table(results):
    """From nothing (issue 24) next to warm and kept fragments: under wrk (FRAGMENTS=off) and
    in process (bench/nothing.py), each page against the targets."""
    head = (
        f"{'page':<16} {'warm CPU':>8} | {'kept r/s':>8} {'CPU ms':>6} {'queries':>7} | "
        f"{'nothing r/s':>11} {'p50':>6} {'p99':>6} {'CPU ms':>6} | {'in-process CPU':>14} "
        f"{'queries':>7} {'SQL ms':>6} | targets"
    )
    lines = [
        "From nothing (issue 24: at most 6 ms CPU, 8 queries, 5 ms SQL a page):",
        head,
        "-" * len(head),
    ]
    for name, page in results.items():
        kept, nothing = page["bitnews"], page["nothing"]
        over = page["over"]
        lines.append(
            f"{name:<16} {page['warm']['cpu_ms']:>8.2f} | {kept['rps']:>8.1f} "
            f"{kept['cpu_ms']:>6.1f} {page['queries']:>7.1f} | {nothing['rps']:>11.1f} "
            f"{nothing['p50_ms']:>6.1f} {nothing['p99_ms']:>6.1f} {nothing['cpu_ms']:>6.1f} | "
            f"{page['nothing_cpu_ms']:>14.1f} {page['nothing_queries']:>7.0f} "
            f"{page['nothing_sql_ms']:>6.1f} | {'✗ over: ' + ', '.join(over) if over else '✓'}"
        )
    met = sum(not page["over"] for page in results.values())
    lines.append(f"{met} of {len(results)} pages within every target.")
    return "\n".join(lines)


def long_tail_table(tail, results, articles):
    """The long-tail row, next to an article's warm, kept-fragment and from-nothing rows."""
    languages_ = ", ".join(f"{count:,} {code}" for code, count in tail["languages"].items())
    every = "every article's" if tail["articles"] >= articles else "articles evenly spread"
    lines = [
        "",
        f"Long tail at {articles:,} articles: {tail['addresses']:,} distinct article addresses "
        f"({languages_}; {every}: {tail['articles']:,} articles), nothing kept before (page "
        f"cache on, Redis emptied), each asked for once: {tail['answered']:,} answered "
        f"({tail['failed']} not 200) in {tail['seconds']:.0f} s; {tail['kept_answers']} more "
        "answers were repeats, from the page cache, while the last were being rendered.",
    ]
    head = f"{'':<20} {'r/s':>8} {'p50':>7} {'p99':>7} {'CPU ms':>7} {'queries':>7} {'SQL ms':>6}"
    lines += [head, "-" * len(head)]

    def row(label, figures, queries, sql):
        lines.append(
            f"{label:<20} {figures['rps']:>8.1f} {figures['p50_ms']:>7.1f} "
            f"{figures['p99_ms']:>7.1f} {figures['cpu_ms']:>7.2f} {queries:>7.1f} {sql:>6.1f}"
        )

    row("long tail", tail, tail["queries"] or 0, tail["sql_ms"] or 0)
    for name in ("article-en", "article-zh"):
        page = results.get(name)
        if page:
            row(f"{name} warm", page["warm"], 0, 0)
            row(f"{name} kept", page["bitnews"], page["queries"], page["sql_ms"])
            row(f"{name} nothing", page["nothing"], page["nothing_queries"], page["nothing_sql_ms"])
    return "\n".join(lines)


def writes_table(writes):
    """What writes cost the cache (bench/invalidation.py), as text."""
    attack, publish = writes["attack"], writes["publish"]
    lines = [
        "",
        "Writes (bench/invalidation.py):",
        f"  failed sign-ins, {attack['sign_in_answers']} answers, "
        f"{attack['axes_attempts_written']} attempts written: {attack['attacked_rps']:.0f} req/s "
        f"against {attack['quiet_rps']:.0f} without ({100 * attack['ratio']:.0f} %)",
        f"  a new story published during a warm run: {publish['still_hits']} of "
        f"{publish['kept_before']} sampled addresses (of {publish['sitemap_addresses']} in the "
        f"sitemaps) still hits ({100 * (publish['hit_ratio'] or 0):.1f} %); publish took "
        f"{publish['publish_ms']:.0f} ms; shown at the next request: "
        f"{sum(publish['show_it_next_request'].values())} of "
        f"{len(publish['show_it_next_request'])} pages that show it",
    ]
    junk = writes["junk"]
    lines.append(
        f"  {junk['requests']} requests with junk query strings (an article, home): "
        f"{junk['entries_added']} entries added; answers {junk['answers']}"
    )
    if "varnish" in writes:
        hits, during = writes["varnish"]["hits"], writes["varnish"]["during_publish"]
        lines.append(
            f"  through Varnish, a story read while it is edited and published: p50 "
            f"{during['p50_ms']:.2f} ms, p99 {during['p99_ms']:.2f}, slowest "
            f"{during['max_ms']:.2f} ({during['requests']} requests, {during['errors']} errors); "
            f"hits alone: p50 {hits['p50_ms']:.2f}, p99 {hits['p99_ms']:.2f}, slowest "
            f"{hits['max_ms']:.2f}; the correction shown after: "
            f"{writes['varnish']['corrected_shown_after']}"
        )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--db", choices=["postgres", "sqlite"], default="postgres")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--passes", type=int, default=1)
    parser.add_argument("--no-build", action="store_true", help="reuse the last database")
    parser.add_argument(
        "--writes-only", action="store_true", help="only what writes cost (bench/invalidation.py)"
    )
    parser.add_argument(
        "--nothing-seconds", type=int, default=5, help="wrk's seconds on the from-nothing server"
    )
    parser.add_argument(
        "--tail",
        type=int,
        default=10_000,
        help="the long tail's distinct addresses at most (0: no long tail)",
    )
    parser.add_argument(
        "--pages", help="measure only these pages (names, comma-separated: a quick run)"
    )
    options = parser.parse_args()
    WORK.mkdir(exist_ok=True)
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()  # no fragment of an earlier run or build
    if not options.no_build:
        build(options.db, options.articles)
    urls = pages(options.db)
    if options.pages:
        names = options.pages.split(",")
        if unknown := set(names) - set(urls):
            raise SystemExit(
                f"no such page: {', '.join(sorted(unknown))} (pages: {', '.join(urls)})"
            )
        urls = {name: url for name, url in urls.items() if name in names}
    writes, results = measure(
        options.db,
        urls,
        options.seconds,
        options.passes,
        options.writes_only,
        options.nothing_seconds,
    )
    tail = None
    if options.tail and not options.writes_only:
        tail = long_tail(options.db, options.tail)
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    meta = {
        "articles": options.articles,
        "db": options.db,
        "seconds": options.seconds,
        "passes": options.passes,
        "nothing_seconds": options.nothing_seconds,
        "commit": commit,
        "when": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
    }
    out = WORK / f"results-{options.articles}-{options.db}-{meta['when'].replace(':', '')}.json"
    out.write_text(
        json.dumps({"meta": meta, "pages": results, "long_tail": tail, "writes": writes}, indent=2)
    )
    print(f"\nbitnews, {options.articles} articles on {options.db}, commit {commit}:")
    if not options.writes_only:
        print(table(results))
        print("\n" + nothing_table(results))
    if tail:
        print(long_tail_table(tail, results, options.articles))
    print(writes_table(writes))
    print(
        "\ncold: every request rendered (PAGE_CACHE=off, fragments kept);"
        "\nwarm: the page cache on; varnish: deploy/varnish/bitnews.vcl in front of warm;"
        "\nwarm/bare, varnish/nginx: req/s against the bare Django view's and nginx's;"
        "\nbare/cold: how many times more requests a second the bare view serves than cold."
        "\nOne at a time (wall ms, median): cold; scratch, just after everything was invalidated"
        "\n(nothing kept); after publish, the first request after a real publish (page cache on)."
        "\nFrom nothing: kept, the cold server (fragments kept); nothing r/s .. CPU ms, wrk on a"
        "\nserver that reads and keeps no page and no fragment (PAGE_CACHE=off FRAGMENTS=off);"
        "\nin-process, bench/nothing.py: Redis, this process's copies and content types emptied"
        "\nbefore each request (median of 7). A page is over a target if either CPU figure is."
        "\nLong tail: wrk (bench/longtail.lua) on a server with the page cache, Redis emptied"
        "\nbefore; queries and SQL ms per rendered request, counted in it (bench/counting.py)."
        f"\nResults: {out}"
    )


if __name__ == "__main__":
    main()
