"""gunicorn's settings for bench/measure.py's long-tail server (`-c python:bench.counting`): each
worker counts the requests marked `X-Bench-Count` (bench/longtail.lua sends it; the warm-up
requests do not), the queries they made and the time spent in them (Django's
`execute_wrapper`, as bench/probe.py and bench/nothing.py count), how many were answered from
the page cache (with `Age`) and their statuses, and writes its totals to
$BENCH_COUNTS/<pid>.json when it exits."""

import json
import os
import time
from pathlib import Path

from django.db import connection


class Counting:
    """The WSGI application, counting what the marked requests cost in queries."""

    def __init__(self, application):
        self.application = application
        self.totals = {"requests": 0, "kept": 0, "queries": 0, "sql_s": 0.0, "statuses": {}}

    def __call__(self, environ, start_response):
        if "HTTP_X_BENCH_COUNT" not in environ:
            return self.application(environ, start_response)
        totals = self.totals

        def answered(status, headers, exc_info=None):
            code = status.split(" ", 1)[0]
            totals["statuses"][code] = totals["statuses"].get(code, 0) + 1
            if any(name.lower() == "age" for name, _value in headers):
                totals["kept"] += 1
            return start_response(status, headers, exc_info)

        def counted(execute, sql, params, many, context):
            started = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                totals["queries"] += 1
                totals["sql_s"] += time.perf_counter() - started

        totals["requests"] += 1
        with connection.execute_wrapper(counted):
            return self.application(environ, answered)


def post_worker_init(worker):
    worker.wsgi = Counting(worker.wsgi)


def worker_exit(server, worker):
    if isinstance(getattr(worker, "wsgi", None), Counting):
        folder = Path(os.environ["BENCH_COUNTS"])
        (folder / f"{os.getpid()}.json").write_text(json.dumps(worker.wsgi.totals))
