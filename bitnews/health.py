"""What an operator and a load balancer ask an app server (docs/deployment.md, Health):

- `/healthz`: the process answers (no database, no Redis): 200 "ok". For systemd and a load
  balancer's liveness check.
- `/readyz` (and `/health/ready/`, its earlier address): whether this server should get
  traffic and the site works: the database answers, the cache (news/cache/) answers, takes
  writes and has no invalidation this process could not deliver, and the background worker is
  alive (a heartbeat less than WORKER_STALE_SECONDS old, `manage.py worker`) and keeping up
  (no task waiting longer than TASK_WAIT_LIMIT). 200 with every check "ok", else 503 naming
  the failing ones.
- `/metrics`: Prometheus's text format (news/metrics.py, and the task queue and worker read
  at each scrape), only for the addresses in METRICS_ALLOWED (news/visitor.py names the
  client: behind nginx, the visitor, never nginx itself); 403 for anyone else.

None is kept by any cache (`never_cache`), and a 503 or 403 here is not logged as a server
error: it is an answer, watched by whoever asked."""

import datetime
import functools
import os

from django.conf import settings
from django.db import connection
from django.db.models import Count
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django_tasks_db.models import DBTaskResult
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily

from news import visitor
from news.cache import invalidation, store
from news.models import WorkerHeartbeat

WORKER_STALE_SECONDS = 60  # a worker writes one every 10 s
TASK_WAIT_LIMIT = datetime.timedelta(minutes=10)


def answered_quietly(response):
    """Django logs every 4xx and 5xx ("Service Unavailable: /readyz") at warning or error:
    not these, which are answers, not faults."""
    response._has_been_logged = True  # noqa: SLF001 - Django's own flag (django.utils.log)
    return response


def database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as error:  # noqa: BLE001 - any failure is "not ready", said in the answer
        return f"failing: {error.__class__.__name__}"
    return "ok"


def cache():
    try:
        began = store.get().begin()
    except store.Unavailable as error:
        return f"failing: not answering ({error})"
    if not began.writable:
        return (
            "failing: refuses writes (full, read-only or misconfigured): nothing is served from it"
        )
    if began.clock is None:
        return "failing: its invalidation clock is lost"
    if invalidation.pending():
        return "failing: invalidations not taken yet (retried every second)"
    return "ok"


def uses_worker():
    return settings.TASKS.get("background", {}).get("BACKEND") == "django_tasks_db.DatabaseBackend"


def worker():
    if not uses_worker():
        return "ok"  # tasks run at once: there is no worker to wait for
    try:
        newest = WorkerHeartbeat.objects.order_by("-beat_at").values_list("beat_at", flat=True)
        beat = newest.first()
        waiting = (
            DBTaskResult.objects.ready()
            .filter(backend_name="background")
            .order_by("enqueued_at")
            .values_list("enqueued_at", flat=True)
            .first()
        )
    except Exception as error:  # noqa: BLE001 - the database's own check says why
        return f"failing: not read ({error.__class__.__name__})"
    now = timezone.now()
    if beat is None:
        return "failing: no worker has reported (start bitnews-worker: manage.py worker)"
    age = (now - beat).total_seconds()
    if age > WORKER_STALE_SECONDS:
        return f"failing: the last heartbeat is {age:.0f} s old (is bitnews-worker running?)"
    if waiting is not None and now - waiting > TASK_WAIT_LIMIT:
        minutes = (now - waiting).total_seconds() / 60
        return f"failing: a task has waited {minutes:.0f} minutes (the worker is stuck or slow)"
    return "ok"


@never_cache
@require_safe
def live(request):
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")


@never_cache
@require_safe
def ready(request):
    checks = {"database": database(), "cache": cache(), "worker": worker()}
    healthy = all(value == "ok" for value in checks.values())
    response = JsonResponse(
        {"status": "ok" if healthy else "failing", "checks": checks}, status=200 if healthy else 503
    )
    return answered_quietly(response)


class QueueCollector:
    """The task queue by state and the newest worker heartbeat's age, read at each scrape
    (two small queries)."""

    def collect(self):
        tasks = GaugeMetricFamily("bitnews_tasks", "Background tasks, by state", labels=["state"])
        counts = dict.fromkeys(("READY", "RUNNING", "FAILED", "SUCCESSFUL"), 0)
        heartbeat = GaugeMetricFamily(
            "bitnews_worker_heartbeat_age_seconds",
            "Seconds since a background worker last said it was alive (absent: none ever did)",
        )
        try:
            for status, count in (
                DBTaskResult.objects.values_list("status").order_by().annotate(n=Count("id"))
            ):
                counts[status] = count
            beat = WorkerHeartbeat.objects.order_by("-beat_at").values_list("beat_at", flat=True)
            newest = beat.first()
        except Exception:  # noqa: BLE001 - the database away: /readyz says so; no gauges then
            return
        for status, count in counts.items():
            tasks.add_metric([status.lower()], count)
        yield tasks
        if newest is not None:
            heartbeat.add_metric([], (timezone.now() - newest).total_seconds())
            yield heartbeat


@functools.cache
def registry():
    """What a scrape reads: every gunicorn worker's counts added up when
    PROMETHEUS_MULTIPROC_DIR is set, else this process's; and the queue."""
    collected = CollectorRegistry()
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.MultiProcessCollector(collected)
    else:
        for collector in list(REGISTRY._collector_to_names):  # noqa: SLF001 - the default's
            collected.register(collector)
    collected.register(QueueCollector())
    return collected


@never_cache
@require_safe
def metrics(request):
    if not visitor.within(visitor.parsed(visitor.client_ip(request)), settings.METRICS_ALLOWED):
        return answered_quietly(HttpResponse(status=403))
    return HttpResponse(generate_latest(registry()), content_type=CONTENT_TYPE_LATEST)
