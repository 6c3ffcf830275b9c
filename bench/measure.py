"""The measurements: wrk against each page and server in turn (bench/probe.py,
bench/nothing.py, bench/publish.py and bench/invalidation.py beside it), each page against
issue 24's targets, and the long tail (bench/longtail.py, bench/longtail.lua)."""

import json
import re
import shutil
import signal
import statistics
import subprocess
import time
import urllib.request

from bench.environment import PYTHON, REDIS_URL, ROOT, WORK, environment, log, run
from bench.servers import cpu_seconds, free_port, gunicorn, nginx, varnish, wait_for
from news import languages

HEADERS = ["-H", "X-Forwarded-Proto: https", "-H", "Host: 127.0.0.1"]


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

    searches = [f"/{code}/search/?q=warm+up+{n}" for code in languages.CODES for n in range(16)]
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
