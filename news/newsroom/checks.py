"""System checks of the newsroom's production needs (run by `manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Warning as CheckWarning


def mail_is_configured(app_configs, **kwargs):
    if settings.EMAIL_HOST:
        return []
    return [
        CheckWarning(
            "EMAIL_HOST is not set: password resets and workflow notifications are only "
            "written to the log.",
            hint="Set EMAIL_HOST (and EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, "
            "EMAIL_SECURITY, DEFAULT_FROM_EMAIL) in the environment; see .env.example.",
            id="newsroom.W001",
        )
    ]
