from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The read-only JSON API, /api/v2/: articles, events and columns as data for the
    university's other systems (portal, department sites, signage, WeChat editors). No models:
    it reads news's pages with the site's own visibility rules (docs/architecture.md, API)."""

    name = "api"
    label = "newsapi"  # "api" is too generic a label to claim
    verbose_name = _("JSON API")
