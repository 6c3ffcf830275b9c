"""The newsletter's test helpers: a real SMTP server (aiosmtpd) on a free loopback port, what
arrived parsed, issues and subscribers."""

import asyncio
import email
import socket
import threading
from email import policy

from aiosmtpd.controller import Controller
from django.test import override_settings

from newsletter.models import IssueStory, NewsletterIssue, Subscriber


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Mailbox:
    """aiosmtpd's handler: keeps every message, refuses the addresses told (`refuse`:
    {address: "550 No such user"}), waits `delay` seconds before taking each message."""

    def __init__(self, refuse=None, delay=0):
        self.refuse = refuse or {}
        self.delay = delay
        self.messages = []
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        answer = self.refuse.get(address)
        if answer:
            return answer
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        message = email.message_from_bytes(envelope.original_content, policy=policy.default)
        with self.lock:
            self.messages.append((list(envelope.rcpt_tos), message))
        return "250 Message accepted"

    def to(self, address):
        """The messages that arrived for `address`."""
        with self.lock:
            return [message for rcpt, message in self.messages if address in rcpt]


class SMTPServer:
    """A running aiosmtpd server and the settings that send through it."""

    def __init__(self, mailbox=None):
        self.mailbox = mailbox or Mailbox()
        self.port = free_port()
        self.controller = Controller(self.mailbox, hostname="127.0.0.1", port=self.port)

    def __enter__(self):
        self.controller.start()
        self.settings = override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=self.port,
            EMAIL_USE_TLS=False,
            EMAIL_USE_SSL=False,
        )
        self.settings.enable()
        return self.mailbox

    def __exit__(self, *exc):
        self.settings.disable()
        self.controller.stop()


def parts(message):
    """(plain text, html) of a message that arrived."""
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    return text, html


def subscriber(address, language="en", status=Subscriber.Status.ACTIVE, columns=()):
    made = Subscriber.objects.create(email=address, language=language, status=status)
    if columns:
        made.columns.set(columns)
    return made


def issue_of(articles, language="en", subject="This week", introduction="Hello readers."):
    """A draft issue with `articles` in that order."""
    issue = NewsletterIssue(language=language, subject=subject, introduction=introduction)
    issue.stories = [IssueStory(article=a, sort_order=n) for n, a in enumerate(articles)]
    issue.live = False
    issue.save()
    issue.save_revision()
    return issue


def publish(issue):
    """Publish (send) `issue` as the admin's Publish button does."""
    issue.save_revision().publish()


def seed_for_resume(english, chinese):
    """In a database a worker process reads (`manage.py shell`): a site with a story, `english`
    and `chinese` active subscribers, and an issue in each language published (each send is
    enqueued for the worker)."""
    from news.factories import ArticlePageFactory  # noqa: PLC0415 - this runs in `shell`
    from news.tests.utils import build_site  # noqa: PLC0415

    _home, index, _ = build_site()
    story = ArticlePageFactory(parent=index)
    for n in range(english):
        subscriber(f"reader{n}@example.org")
    for n in range(chinese):
        subscriber(f"duzhe{n}@example.cn", language="zh-hans")
    for language, subject in (("en", "This week"), ("zh-hans", "本周")):
        publish(issue_of([story], language=language, subject=subject))
