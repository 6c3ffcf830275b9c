"""Sending the newsletter (newsletter/sending/) at scale: run inside the benchmark's database.

Makes SUBSCRIBERS active subscribers (bench-<n>@example.invalid, removed at the end) and an
issue of the ten newest stories, starts an SMTP sink (aiosmtpd, counting what arrives) and a
site server (gunicorn, 2 workers, every request rendered: PAGE_CACHE=off), measures a page with
wrk, starts the real worker (`manage.py worker`, sending at an unlimited rate:
NEWSLETTER_RATE=0), publishes the issue, measures the page again while it sends, and waits until
every delivery is recorded. Prints JSON: the send's seconds (from the publish to the last
delivery recorded), mails a second (from the first mail to the last, at the SMTP sink), and the
page's req/s, p50 and p99 before and while it sends.

Figures (2-core machine shared with other work, SQLite, 300 subscribers, wrk 5 s): 300 mails in
12.1 s, 28.6 mails/s; /en/news/ rendered 25 req/s (p99 884 ms) before, 17 req/s (p99 1.6 s)
while sending. On SQLite the send is bound by its commits (one a mail, ~17 ms each here:
PostgreSQL's are far cheaper); the worker and the site share the two cores.

`python -m bench.newsletter --subscribers 10000 --seconds 10` (bench/run.py runs it last)."""

import argparse
import json
import os
import subprocess
import sys
import threading
import time

import django

from bench.environment import ROOT, log
from bench.servers import free_port, gunicorn, wait_for

PAGE = "/en/news/"
EMAIL = "bench-{}@example.invalid"


class Sink:
    """aiosmtpd's handler: counts the messages, keeps nothing."""

    def __init__(self):
        self.count = 0
        self.first = self.last = None
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += len(envelope.rcpt_tos)
            self.last = time.monotonic()
            self.first = self.first or self.last
        return "250 OK"


def seed(subscribers):
    """The subscribers and a draft issue of the ten newest stories; the issue."""
    from news.models import ArticlePage
    from newsletter.models import IssueStory, NewsletterIssue, Subscriber

    Subscriber.objects.filter(email__endswith="@example.invalid").delete()
    Subscriber.objects.bulk_create(
        [
            Subscriber(email=EMAIL.format(n), status=Subscriber.Status.ACTIVE)
            for n in range(subscribers)
        ],
        batch_size=2000,
    )
    stories = ArticlePage.objects.live().order_by("-first_published_at")[:10]
    issue = NewsletterIssue(subject="Bench issue", introduction="This week, measured.")
    issue.stories = [IssueStory(article=a, sort_order=n) for n, a in enumerate(stories)]
    issue.live = False
    issue.save()
    return issue


def waiting_for(condition, what, seconds=300):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"newsletter: waited {seconds} s for {what}")
        time.sleep(0.1)


def worker_ready(pid):
    """Whether the worker process `pid` wrote its heartbeat (it is polling the queue)."""
    from news.models import WorkerHeartbeat

    return WorkerHeartbeat.objects.filter(pid=pid).exists()


def finished(issue):
    from newsletter.models import Delivery

    return (
        not Delivery.objects.filter(
            issue=issue, status__in=(Delivery.Status.QUEUED, Delivery.Status.SENDING)
        ).exists()
        and Delivery.objects.filter(issue=issue).exists()
    )


def clean(issue):
    from newsletter.models import Subscriber

    issue.delete()
    Subscriber.objects.filter(email__endswith="@example.invalid").delete()


def main():
    from aiosmtpd.controller import Controller

    from bench.measure import warm, wrk

    parser = argparse.ArgumentParser()
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--seconds", type=int, default=10)
    options = parser.parse_args()
    django.setup()
    from django.db import transaction

    issue = seed(options.subscribers)
    sink = Sink()
    smtp_port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    worker_env = {
        **os.environ,
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
        "EMAIL_SECURITY": "none",
        "NEWSLETTER_RATE": "0",
    }
    site_env = {**os.environ, "PAGE_CACHE": "off"}
    worker = None
    try:
        with gunicorn(site_env, "bitnews.wsgi") as (site, site_url):
            wait_for(site_url + PAGE, site)
            warm(site_url, PAGE)
            log(f"newsletter: {PAGE} before sending")
            before = wrk(site_url + PAGE, options.seconds, site)
            worker = subprocess.Popen(
                [sys.executable, "manage.py", "worker", "--backend", "background", "--no-reload"],
                env=worker_env,
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            waiting_for(lambda: worker_ready(worker.pid), "the worker")
            started = time.monotonic()
            with transaction.atomic():
                issue.save_revision().publish()  # enqueues the send after the commit
            waiting_for(lambda: sink.count, "the first mail")
            log(f"newsletter: {PAGE} while sending to {options.subscribers}")
            during = wrk(site_url + PAGE, options.seconds, site)
            sent_during_wrk = sink.count
            waiting_for(lambda: finished(issue), "the last delivery", seconds=3600)
            seconds = time.monotonic() - started
    finally:
        if worker is not None:
            worker.terminate()
            worker.wait(timeout=30)
        controller.stop()
    from newsletter.models import Delivery

    counts = issue.delivery_counts()
    result = {
        "subscribers": options.subscribers,
        "seconds": round(seconds, 1),  # from the publish to the last delivery recorded
        # from the first mail to the last, as the SMTP server saw them
        "mails_per_second": round(sink.count / max(sink.last - sink.first, 0.001), 1),
        "arrived": sink.count,
        "sent": counts[Delivery.Status.SENT],
        "sent_during_wrk": sent_during_wrk,
        "page": PAGE,
        "before": before,
        "during": during,
    }
    clean(issue)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
