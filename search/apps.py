from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The site search, /<lang>/search/, and the search form in every page's header. No models:
    it searches the pages' index (Wagtail's database backend: articles, events, the site's own
    pages) in the visitor's language; its one migration makes SQLite's full-text table stem
    English."""

    name = "search"
    verbose_name = _("Search")
