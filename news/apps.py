from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News")

    def ready(self):
        # Runs after wagtail_modeltranslation's ready() (earlier in INSTALLED_APPS),
        # which set its own child-scanning `route` on every page model.
        from django.db.models.signals import post_save

        from .models import ArticlePage, HomePage, NewsIndexPage, SiteSettings
        from .roles import apply_review_setting
        from .routing import localized_route

        for model in (HomePage, NewsIndexPage, ArticlePage):
            model.route = localized_route

        post_save.connect(
            lambda instance, **kwargs: apply_review_setting(instance),
            sender=SiteSettings,
            weak=False,
            dispatch_uid="news.apply_review_setting",
        )
