"""/healthz, /readyz and /metrics (bitnews/health.py): what a load balancer, systemd and an
operator's Prometheus read, that nothing keeps and that is never logged as an error; the
worker's heartbeat (`manage.py worker`); JSON log lines with nginx's request id."""

import datetime
import json
import logging

from django.core.cache import cache
from django.test import TestCase, override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from bitnews import logs
from news.management.commands.worker import Heartbeat
from news.models import WorkerHeartbeat
from news.pictures.tasks import prepare_pictures
from news.tests.utils import build_site


def metric(text, name, **labels):
    """The value of `name`{labels} in a Prometheus text page, or None."""
    wanted = ",".join(f'{key}="{value}"' for key, value in sorted(labels.items()))
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        series, _, value = line.rpartition(" ")
        series_name, _, rest = series.partition("{")
        found = ",".join(sorted(rest.rstrip("}").split(","))) if rest else ""
        if series_name == name and found == wanted:
            return float(value)
    return None


class HealthTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_site()

    def setUp(self):
        cache.clear()

    def beat(self, seconds_ago=0):
        heartbeat = Heartbeat("worker-1")
        heartbeat.beat()
        moment = timezone.now() - datetime.timedelta(seconds=seconds_ago)
        WorkerHeartbeat.objects.update(beat_at=moment)

    def test_healthz_says_the_process_answers_and_asks_nothing(self):
        with self.assertNumQueries(0):
            response = self.client.get("/healthz")
        self.assertEqual((response.status_code, response.content), (200, b"ok\n"))
        self.assertIn("no-store", response["Cache-Control"])

    def test_readyz_without_a_worker_is_503_naming_it_and_not_logged_as_an_error(self):
        with self.assertNoLogs("django.request"):
            response = self.client.get("/readyz")
        self.assertEqual(response.status_code, 503)
        checks = response.json()["checks"]
        self.assertEqual(checks["database"], "ok")
        self.assertEqual(checks["cache"], "ok")
        self.assertIn("no worker has reported", checks["worker"])
        self.assertIn("no-store", response["Cache-Control"])

    def test_readyz_is_200_with_a_recent_heartbeat(self):
        self.beat()
        response = self.client.get("/readyz")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.json(),
            {"status": "ok", "checks": dict.fromkeys(("database", "cache", "worker"), "ok")},
        )
        self.assertEqual(self.client.get("/health/ready/").status_code, 200)  # its old address

    def test_a_stale_heartbeat_or_a_task_waiting_too_long_is_not_ready(self):
        self.beat(seconds_ago=120)
        response = self.client.get("/readyz")
        self.assertEqual(response.status_code, 503)
        self.assertIn("the last heartbeat is 120 s old", response.json()["checks"]["worker"])
        self.beat()
        with self.captureOnCommitCallbacks(execute=True):
            prepare_pictures.enqueue(999_999)
        DBTaskResult.objects.update(enqueued_at=timezone.now() - datetime.timedelta(minutes=11))
        waiting = self.client.get("/readyz").json()["checks"]["worker"]
        self.assertIn("a task has waited 11 minutes", waiting)

    def test_a_heartbeat_is_one_row_per_worker_and_old_rows_go(self):
        WorkerHeartbeat.objects.create(
            worker_id="gone",
            host="h",
            pid=1,
            started_at=timezone.now(),
            beat_at=timezone.now() - datetime.timedelta(days=2),
        )
        beat = Heartbeat("worker-1")
        beat.beat()
        beat.beat()
        self.assertEqual(
            list(WorkerHeartbeat.objects.values_list("worker_id", flat=True)), ["worker-1"]
        )

    def test_metrics_are_read_from_an_allowed_address_only(self):
        self.assertEqual(self.client.get("/metrics").status_code, 200)  # 127.0.0.1
        with self.assertNoLogs("django.request"):
            refused = self.client.get("/metrics", REMOTE_ADDR="203.0.113.7")
        self.assertEqual(refused.status_code, 403)
        with override_settings(TRUSTED_PROXIES=["127.0.0.1"]):
            through_nginx = self.client.get("/metrics", HTTP_X_FORWARDED_FOR="203.0.113.7")
        self.assertEqual(through_nginx.status_code, 403)

    def test_metrics_count_requests_by_kind_the_page_cache_and_the_queue(self):
        before = self.client.get("/metrics").content.decode()
        self.client.get("/en/")  # rendered and kept
        self.client.get("/en/")  # answered by the page cache
        self.client.get("/en/no-such-page/")
        with self.captureOnCommitCallbacks(execute=True):
            prepare_pictures.enqueue(999_999)
        after = self.client.get("/metrics").content.decode()

        def grew(name, **labels):
            return (metric(after, name, **labels) or 0) - (metric(before, name, **labels) or 0)

        self.assertEqual(grew("bitnews_requests_total", kind="homepage", status="2xx"), 1)
        self.assertEqual(grew("bitnews_requests_total", kind="kept", status="2xx"), 1)
        self.assertEqual(grew("bitnews_requests_total", kind="page", status="4xx"), 1)
        self.assertEqual(grew("bitnews_page_cache_total", result="hit"), 1)
        self.assertGreaterEqual(grew("bitnews_page_cache_total", result="miss"), 2)
        self.assertEqual(grew("bitnews_request_seconds_count", kind="homepage"), 1)
        self.assertEqual(metric(after, "bitnews_tasks", state="ready"), 1)
        self.assertIn("bitnews_invalidations_total", after)


class JsonLogTests(TestCase):
    def test_a_log_line_is_one_json_object_with_the_request_id(self):
        record = logging.LogRecord("news", logging.WARNING, __file__, 1, "saw %s", ("它",), None)
        logs.begin_request("3f2a9c")
        try:
            logs.RequestIdFilter().filter(record)
        finally:
            logs.end_request()
        line = json.loads(logs.JsonFormatter().format(record))
        self.assertEqual(
            {key: line[key] for key in ("level", "logger", "message", "request_id")},
            {"level": "WARNING", "logger": "news", "message": "saw 它", "request_id": "3f2a9c"},
        )
        self.assertTrue(line["time"].endswith("+00:00"))

    def test_the_request_id_nginx_sets_is_on_the_requests_log_lines(self):
        handler_records = []

        class Keep(logging.Handler):
            def emit(self, record):
                handler_records.append(record)

        keep = Keep()
        keep.addFilter(logs.RequestIdFilter())
        logger = logging.getLogger("django.request")
        logger.addHandler(keep)
        try:
            self.client.get("/en/no-such-page/", HTTP_X_REQUEST_ID="abc123")
        finally:
            logger.removeHandler(keep)
        self.assertTrue(handler_records)
        self.assertEqual({record.request_id for record in handler_records}, {"abc123"})
