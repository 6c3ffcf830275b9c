"""Run inside the benchmark's database with the production settings, while bench/measure.py serves
it: what a request costs right after a publish. For each page, SAMPLES times each, one request
at a time (wall ms, median):

- cold: the page rendered from the fragments kept until a write of what it shows (PAGE_CACHE=off);
- scratch: rendered right after everything kept was invalidated (nothing kept: every fragment
  made again), PAGE_CACHE=off;
- after publish: the page kept by the server with the page cache, then an article published
  (`save_revision().publish()`, as the admin does: the oldest, on no measured page but the
  lists, the feed, the sitemaps and the API list), then the first request: a hit where the
  publish changed nothing the page shows, a render of what it changed where it did.

Prints JSON; bench/measure.py starts it in a process of its own."""

import json
import statistics
import sys
import time
import urllib.request
from pathlib import Path

import django

SAMPLES = 7


def timed_get(url):
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=120) as response:
        response.read()
        if response.status != 200:
            raise SystemExit(f"{url} answered {response.status}")
    return 1000 * (time.perf_counter() - started)


def main(pages_file, cold_base, cached_base):
    django.setup()
    from news.cache import invalidation
    from news.models import ArticlePage

    pages = json.loads(Path(pages_file).read_text())
    published = ArticlePage.objects.live().order_by("pk").first()
    results = {}
    for name, url in pages.items():
        timed_get(cold_base + url)  # its fragments made
        cold = [timed_get(cold_base + url) for _ in range(SAMPLES)]
        scratch, after = [], []
        for _ in range(SAMPLES):
            invalidation.everything()
            scratch.append(timed_get(cold_base + url))
            timed_get(cached_base + url)  # kept again, as before any publish
            published.save_revision().publish()
            after.append(timed_get(cached_base + url))
        results[name] = {
            "cold_ms": statistics.median(cold),
            "scratch_ms": statistics.median(scratch),
            "after_publish_ms": statistics.median(after),
        }
    print(json.dumps(results))


if __name__ == "__main__":
    main(*sys.argv[1:])
