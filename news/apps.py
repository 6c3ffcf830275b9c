from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    """The public site: page models, listings, feeds, metadata. Owns every model of News&Events
    (the newsroom, news/newsroom/, is the admin side and has none of its own)."""

    name = "news"
    verbose_name = _("News")

    def ready(self):
        # Runs after wagtail_modeltranslation's ready() (earlier in INSTALLED_APPS), which set
        # its own child-scanning `route` on every page model.
        from .models import ArticlePage, HomePage, NewsIndexPage
        from .routing import localized_route

        for model in (HomePage, NewsIndexPage, ArticlePage):
            model.route = localized_route
