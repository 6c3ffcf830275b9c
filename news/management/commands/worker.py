"""`manage.py worker`: django-tasks' database worker (`db_worker`, the same options) that also
says it is alive: every HEARTBEAT_SECONDS a thread of it writes its WorkerHeartbeat row, read
by /readyz and /metrics (bitnews/health.py). What make run and deploy/systemd/bitnews-worker.service
start."""

import datetime
import logging
import os
import socket
import threading

from django.db import connection
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorker

from news.models import WorkerHeartbeat

logger = logging.getLogger(__name__)
HEARTBEAT_SECONDS = 10
FORGOTTEN_AFTER = datetime.timedelta(days=1)  # rows of workers silent this long are removed


class Heartbeat(threading.Thread):
    def __init__(self, worker_id):
        super().__init__(name="heartbeat", daemon=True)
        self.worker_id = worker_id
        self.started_at = timezone.now()
        self.stopped = threading.Event()

    def beat(self):
        now = timezone.now()
        try:
            WorkerHeartbeat.objects.update_or_create(
                worker_id=self.worker_id,
                defaults={
                    "host": socket.gethostname()[:255],
                    "pid": os.getpid(),
                    "started_at": self.started_at,
                    "beat_at": now,
                },
            )
            WorkerHeartbeat.objects.filter(beat_at__lt=now - FORGOTTEN_AFTER).delete()
        except Exception as error:  # noqa: BLE001 - the database away: the next beat tries again
            logger.warning("worker heartbeat not written: %s", error)

    def run(self):
        while not self.stopped.is_set():
            self.beat()
            connection.close()  # this thread's own connection: none held between beats
            self.stopped.wait(HEARTBEAT_SECONDS)


class Command(DatabaseWorker):
    help = (
        "Run the background worker (django-tasks' db_worker, the same options), writing a "
        "heartbeat that /readyz reads."
    )

    def handle(self, *args, **options):
        heartbeat = Heartbeat(options["worker_id"])
        heartbeat.start()
        try:
            super().handle(*args, **options)
        finally:
            heartbeat.stopped.set()
