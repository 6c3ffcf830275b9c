"""What each app server counts for Prometheus (leaf: prometheus_client only). Read at
`/metrics` (bitnews/health.py); the names and what to alert on are in docs/deployment.md.

- `bitnews_requests_total{kind, status}` and `bitnews_request_seconds{kind}`: every request,
  by the kind of view (`kept`: answered by the page cache in front of Django; a page type
  such as `articlepage`; `admin`, `api`, `search`, a view's name…) and status class
  (`2xx`…`5xx`) (bitnews/middleware.py `RequestMetricsMiddleware`, news/cache/pages.py);
- `bitnews_page_cache_total{result}`: look-ups of the page cache: `hit`, `stale` (an edit's
  old copy answered while the new one is rendered), `miss`, `unavailable` (Redis not asked);
- `bitnews_invalidations_total{kind}`: `tags` and `everything` sent to the cache, `retried`
  (the store refused: retried every second);
- `bitnews_backend_errors_total{backend}`: `database` (a request answered 503: the database
  was not reachable) and `redis` (a command failed or timed out; the breaker opened);
- `bitnews_tasks{state}`, `bitnews_worker_heartbeat_age_seconds`: read from the database at
  each scrape (bitnews/health.py).

With gunicorn's several workers, set PROMETHEUS_MULTIPROC_DIR (an empty folder per server,
deploy/systemd/bitnews.service) so that a scrape adds up every worker's counts; without it
each process counts its own (`make run`, tests)."""

from prometheus_client import Counter, Histogram

REQUESTS = Counter(
    "bitnews_requests", "Requests answered, by kind of view and status class", ["kind", "status"]
)
LATENCY = Histogram(
    "bitnews_request_seconds",
    "Seconds from a request's arrival to its answer, by kind of view",
    ["kind"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
PAGE_CACHE = Counter("bitnews_page_cache", "Page cache look-ups, by result", ["result"])
INVALIDATIONS = Counter("bitnews_invalidations", "Invalidations sent to the cache", ["kind"])
BACKEND_ERRORS = Counter("bitnews_backend_errors", "Errors from a backend", ["backend"])


def answered(kind, status, seconds):
    """Count one request of `kind` answered with `status` in `seconds`."""
    REQUESTS.labels(kind, f"{status // 100}xx").inc()
    LATENCY.labels(kind).observe(seconds)
