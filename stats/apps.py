from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatsConfig(AppConfig):
    """Article view counts; remove it from INSTALLED_APPS and urls.py to switch counting off."""

    name = "stats"
    verbose_name = _("Statistics")
