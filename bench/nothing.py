"""What a page costs rendered from nothing: run inside a database with the production settings.
Before each request the cache's Redis database is emptied (no page, no fragment, no rendition
or site root path kept in it) and this process's copies of fragments dropped; only its
configuration copies stay (the Site, settings, menus, sections: news/cache/fragments.py
`config`, which a publish does not change); with --process, those too (a new process's first
request, Django's content types dropped too, as demo/tests/test_query_budget.py does). Then
the page is asked for in this process (each page once before: imports, templates and its
pictures made); its CPU time (time.process_time), queries and SQL time are the median of
REPEAT requests.

    python -m bench.nothing PAGES.json            JSON: {name: {cpu_ms, queries, sql_ms}}
    python -m bench.nothing PAGES.json --profile NAME [--sort tottime]
                                                  cProfile of NAME from nothing, top functions
    python -m bench.nothing PAGES.json --queries NAME
                                                  the SQL NAME runs from nothing, in order

PAGES.json is {name: address}, as bench/measure.py writes it (.bench/urls.json)."""

import argparse
import cProfile
import io
import json
import pstats
import statistics
import time
from pathlib import Path

import django

REPEAT = 7


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages")
    parser.add_argument("--profile")
    parser.add_argument("--queries")
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--dump", help="with --profile: the pstats file to write")
    parser.add_argument("--repeat", type=int, default=REPEAT)
    parser.add_argument(
        "--process", action="store_true", help="nothing kept at all: a new process's first request"
    )
    options = parser.parse_args()
    django.setup()
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client

    from news.cache import fragments, local

    pages = json.loads(Path(options.pages).read_text())
    client = Client(HTTP_X_FORWARDED_PROTO="https", HTTP_HOST="127.0.0.1")
    spent, statements = [], []

    def timed(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            spent.append(time.perf_counter() - started)
            statements.append(sql)

    def empty():
        """Nothing kept but this process's configuration copies that no publish changes (the
        Site, its settings, the menus, the sections: fragments.config), as after a write of
        every story: the Redis database emptied (pages, fragments, Wagtail's renditions and
        site root paths), this process's copies of fragments dropped, and of its
        configuration copies those made from a list of stories (`list:` tags: the archive's
        and the columns' counts, the next Focus end); its clock moved to the store's new one,
        which the others stay valid at. With --process, all are dropped: the first request
        of a new process."""
        cache.clear()
        if options.process:
            local.sync(None, None)
            ContentType.objects.clear_cache()
            return
        fragments.forget_content()

    def from_nothing(url):
        empty()
        spent.clear()
        statements.clear()
        started = time.process_time()
        with connection.execute_wrapper(timed):
            response = client.get(url, secure=True)
        cpu = time.process_time() - started
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
        return cpu

    for url in pages.values():  # imports, template loading, renditions made once
        from_nothing(url)
    if options.profile:
        url = pages[options.profile]
        profiler = cProfile.Profile()
        for _ in range(options.repeat):
            empty()
            profiler.enable()
            client.get(url, secure=True)
            profiler.disable()
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        if options.dump:
            stats.dump_stats(options.dump)
        stats.sort_stats(options.sort).print_stats(60)
        print(out.getvalue())
        return
    if options.queries:
        from_nothing(pages[options.queries])
        for number, (sql, took) in enumerate(zip(statements, spent, strict=True), 1):
            print(f"{number:>2} {1000 * took:6.2f} ms  {sql}\n")
        return
    results = {}
    for name, url in pages.items():
        cpu, queries, sql = [], [], []
        for _ in range(options.repeat):
            cpu.append(from_nothing(url))
            queries.append(len(spent))
            sql.append(sum(spent))
        results[name] = {
            "nothing_cpu_ms": 1000 * statistics.median(cpu),
            "nothing_queries": statistics.median(queries),
            "nothing_sql_ms": 1000 * statistics.median(sql),
        }
    print(json.dumps(results))


if __name__ == "__main__":
    main()
