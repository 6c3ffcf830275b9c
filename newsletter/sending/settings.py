"""The sending's settings, with their defaults (leaf)."""

import datetime

from django.conf import settings

BACKEND = "background"  # settings.TASKS: the database backend and its worker
MAX_ATTEMPTS = 3  # a refusal for now (4xx) is tried again, this many attempts in all
PAUSE_AFTER = 3  # failed deliveries in a row that pause a subscriber
BATCH = 50  # mails sent through one SMTP connection


def rate():
    """Mails a second (`NEWSLETTER_RATE`); 0: as fast as the server takes them."""
    return float(getattr(settings, "NEWSLETTER_RATE", 10))


def resume_after():
    """How long after a run starts the next one is due (`NEWSLETTER_RESUME_AFTER`, seconds):
    it resumes a run that was killed; a mail "sending" longer than this is uncertain."""
    return datetime.timedelta(seconds=getattr(settings, "NEWSLETTER_RESUME_AFTER", 300))


def retry_after(attempt):
    """When a mail refused for now (4xx) at attempt `attempt` is tried again."""
    seconds = getattr(settings, "NEWSLETTER_RETRY_AFTER", 600)
    return datetime.timedelta(seconds=seconds * attempt)
