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
7. The translation memory (bench/memory.py): --memory-articles synthetic articles' segments
   (100,000 by default, the scale issue 27 names, whatever N is), 300 lookups through
   its JSON view in process; p50 and p99 ms against 50 ms, fuzzy recall, time-guard count
   (`--no-memory` leaves it out).
8. The newsletter (bench/newsletter.py): an issue sent to --newsletter-subscribers (10,000)
   through an SMTP sink by the real worker at an unlimited rate: its time and mails a second,
   and a page's req/s and p99 under wrk before and while it sends (`--no-newsletter`).
9. Prints the tables and writes .bench/results-<N>-<db>-<time>.json (compare two runs with it).

A quick run: `--articles 60 --seconds 1 --nothing-seconds 1 --tail 200`, or `--no-build` and
`--pages home,article-en` to measure some pages of the last database built.

Here: the options and the order of the steps. environment.py (folders, the settings'
environment, a command run), build.py (1: the database, the pages chosen), servers.py (2:
gunicorn, Varnish, nginx; CPU from /proc), measure.py (3-6: wrk, the targets, the long
tail), memory.py (7), report.py (8: the tables).
"""

import argparse
import datetime
import json
import os
import subprocess

from bench.build import build, pages
from bench.environment import PYTHON, REDIS_URL, ROOT, WORK, environment, log, run
from bench.measure import long_tail, measure
from bench.report import (
    long_tail_table,
    memory_table,
    newsletter_table,
    nothing_table,
    table,
    writes_table,
)


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
    parser.add_argument(
        "--no-memory", action="store_true", help="leave out the translation memory's lookups"
    )
    parser.add_argument(
        "--memory-articles",
        type=int,
        default=100_000,
        help="articles whose segments fill the translation memory (about 5 minutes at 100,000)",
    )
    parser.add_argument(
        "--no-newsletter", action="store_true", help="leave out sending the newsletter"
    )
    parser.add_argument(
        "--newsletter-subscribers",
        type=int,
        default=10_000,
        help="subscribers the newsletter is sent to (bench/newsletter.py)",
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
    memory = None
    if not (options.no_memory or options.writes_only):
        log("translation memory")
        environ = environment(options.db, "bitnews.settings.production")
        memory = json.loads(
            run([PYTHON, "-m", "bench.memory", "--articles", str(options.memory_articles)], environ)
        )
    newsletter = None
    if not (options.no_newsletter or options.writes_only):
        log("newsletter: sending an issue while the site serves")
        environ = environment(options.db, "bitnews.settings.production")
        command = [PYTHON, "-m", "bench.newsletter", "--seconds", str(options.seconds)]
        command += ["--subscribers", str(options.newsletter_subscribers)]
        newsletter = json.loads(run(command, environ))
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
        json.dumps(
            {
                "meta": meta,
                "pages": results,
                "long_tail": tail,
                "writes": writes,
                "memory": memory,
                "newsletter": newsletter,
            },
            indent=2,
        )
    )
    print(f"\nbitnews, {options.articles} articles on {options.db}, commit {commit}:")
    if not options.writes_only:
        print(table(results))
        print("\n" + nothing_table(results))
    if tail:
        print(long_tail_table(tail, results, options.articles))
    print(writes_table(writes))
    if memory:
        print("\n" + memory_table(memory))
    if newsletter:
        print("\n" + newsletter_table(newsletter))
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
