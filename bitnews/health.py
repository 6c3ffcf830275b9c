"""`/health/ready/`: whether this app server should get traffic, for a load balancer or an
operator: the database answers, and the cache (news/cache/) answers, takes writes and has no
invalidation this process could not deliver. 200 with every check "ok", else 503 naming the
failing ones; never cached."""

from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from news.cache import invalidation, store


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


@never_cache
@require_safe
def ready(request):
    checks = {"database": database(), "cache": cache()}
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "failing", "checks": checks}, status=200 if healthy else 503
    )
