"""A send survives its worker killed halfway: the real worker (`manage.py worker`) in its own
process, against a file database this test makes, sending through a slow aiosmtpd server;
SIGKILL halfway, then a new worker: every recipient gets exactly one mail, except those the
killed worker was sending at that moment ("uncertain"), who get at most one."""

import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from django.conf import settings
from django.test import SimpleTestCase

from .utils import Mailbox, SMTPServer

ENGLISH, CHINESE = 24, 12
TOTAL = ENGLISH + CHINESE


class ResumeAfterKillTests(SimpleTestCase):
    def setUp(self):
        self.folder = tempfile.TemporaryDirectory()
        self.database = Path(self.folder.name) / "db.sqlite3"
        self.mailbox = Mailbox(delay=0.1)
        self.smtp = SMTPServer(self.mailbox)
        self.smtp.__enter__()
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "bitnews.settings.test",
            "DATABASE_URL": f"sqlite:///{self.database}",
            "MEDIA_ROOT": str(Path(self.folder.name) / "media"),
            "TEST_SMTP_PORT": str(self.smtp.port),
            "NEWSLETTER_RATE": "0",
            "NEWSLETTER_RESUME_AFTER": "2",
        }
        self.env.pop("REDIS_URL", None)

    def tearDown(self):
        self.smtp.__exit__()
        self.folder.cleanup()

    def manage(self, *args):
        done = subprocess.run(
            [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        self.assertEqual(done.returncode, 0, done.stderr[-3000:])

    def start_worker(self):
        return subprocess.Popen(
            [
                sys.executable,
                str(Path(settings.BASE_DIR) / "manage.py"),
                "worker",
                "--backend",
                "background",
                "--no-reload",
                "--no-startup-delay",
                "--interval",
                "0.2",
            ],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def deliveries(self):
        """{email: status} read from the worker's database."""
        with sqlite3.connect(self.database) as db:
            rows = db.execute(
                "SELECT s.email, d.status FROM newsletter_delivery d "
                "JOIN newsletter_subscriber s ON s.id = d.subscriber_id"
            ).fetchall()
        return dict(rows)

    def wait_for(self, condition, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return True
            time.sleep(0.1)
        return False

    def test_a_worker_killed_halfway_sends_nobody_the_issue_twice_and_the_rest_after(self):
        self.manage("migrate", "--noinput", "--verbosity", "0")
        self.manage(
            "shell",
            "-c",
            f"from newsletter.tests.utils import seed_for_resume; "
            f"seed_for_resume({ENGLISH}, {CHINESE})",
        )
        worker = self.start_worker()
        try:
            halfway = self.wait_for(lambda: len(self.mailbox.messages) >= ENGLISH // 2, 120)
            self.assertTrue(halfway, "the worker sent nothing")
        finally:
            worker.send_signal(signal.SIGKILL)
            worker.wait()
        at_kill = len(self.mailbox.messages)
        self.assertLess(at_kill, TOTAL)  # killed halfway indeed
        worker = self.start_worker()
        try:
            finished = self.wait_for(
                lambda: (
                    len(self.deliveries()) == TOTAL
                    and not {"queued", "sending"} & set(self.deliveries().values())
                ),
                120,
            )
        finally:
            worker.send_signal(signal.SIGTERM)
            worker.wait(timeout=30)
        self.assertTrue(finished, Counter(self.deliveries().values()))

        statuses = self.deliveries()
        received = Counter(rcpt for rcpts, _message in self.mailbox.messages for rcpt in rcpts)
        self.assertEqual(len(statuses), TOTAL)
        for address, status in statuses.items():
            if status == "uncertain":
                self.assertLessEqual(received[address], 1, address)
            else:
                self.assertEqual((status, received[address]), ("sent", 1), address)
        self.assertLessEqual(Counter(statuses.values())["uncertain"], 1)  # one mail in flight
        self.assertGreater(len(self.mailbox.messages), at_kill)  # the rest after the restart
        chinese = [m for rcpts, m in self.mailbox.messages if rcpts[0].endswith(".cn")]
        self.assertEqual({m["Subject"] for m in chinese}, {"本周"})
