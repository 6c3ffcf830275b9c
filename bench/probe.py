"""Run inside the benchmark's database with the production settings: for each page, the number
of SQL queries and the time spent in SQL per request (warm caches), and its bytes for the bare
view and nginx. Prints JSON; bench/measure.py starts it in a process of its own."""

import json
import sys
import time
from pathlib import Path

import django

REPEAT = 5


def main(pages_file, out_dir):
    django.setup()
    from django.db import connection
    from django.test import Client

    pages = json.loads(Path(pages_file).read_text())
    client = Client(HTTP_X_FORWARDED_PROTO="https", HTTP_HOST="127.0.0.1")
    spent = []

    def timed(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            spent.append(time.perf_counter() - started)

    results = {}
    for name, url in pages.items():
        response = client.get(url, secure=True)  # warms renditions and caches
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
        Path(out_dir, f"{name}.html").write_bytes(response.content)
        spent.clear()
        with connection.execute_wrapper(timed):
            for _ in range(REPEAT):
                client.get(url, secure=True)
        results[name] = {
            "queries": len(spent) / REPEAT,
            "sql_ms": 1000 * sum(spent) / REPEAT,
            "bytes": len(response.content),
        }
    print(json.dumps(results))


if __name__ == "__main__":
    main(*sys.argv[1:])
