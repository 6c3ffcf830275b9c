from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The site search, /<lang>/search/, and the search form in every page's header. No models:
    it searches the articles' index (Wagtail's database backend) in the visitor's language."""

    name = "search"
    verbose_name = _("Search")
