from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatsConfig(AppConfig):
    """Article view counts. Switch counting off by removing "stats" from INSTALLED_APPS: the
    article then shows no count and sends no beacon, and /<lang>/views/ is not routed."""

    name = "stats"
    verbose_name = _("Statistics")
