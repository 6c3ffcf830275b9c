from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    """The admin side of News&Events: roles and the review workflow, translation status and
    the translators' dashboard, copy-body, image upload checks, who may delete images and
    documents (media_permissions.py) (hooks: wagtail_hooks.py).

    An app of its own so that Wagtail finds its hooks and it connects its own signals; it
    has no models (they are the `news` app's) and the public site never imports it.
    """

    name = "news.newsroom"
    label = "newsroom"
    verbose_name = _("Newsroom")

    def ready(self):
        from django.core import checks
        from django.db.models.signals import post_migrate, post_save
        from wagtail.models import Revision

        from news.models import ArticlePage, ContactPage, EventPage, SiteSettings, StandardPage
        from news.models.base import NewsroomPermissionTester

        from . import checks as newsroom_checks
        from . import exports, images, media_permissions, translation_status
        from .roles import apply_review_setting, may_publish_directly, review_new_site_page

        media_permissions.install()
        exports.install()
        checks.register(newsroom_checks.mail_is_configured, checks.Tags.security, deploy=True)
        if may_publish_directly not in NewsroomPermissionTester.publish_rules:
            NewsroomPermissionTester.publish_rules.append(may_publish_directly)
        images.limit_pillow()

        post_save.connect(
            lambda instance, **kwargs: apply_review_setting(instance),
            sender=SiteSettings,
            weak=False,
            dispatch_uid="newsroom.apply_review_setting",
        )
        for model in (StandardPage, ContactPage):
            post_save.connect(
                review_new_site_page,
                sender=model,
                dispatch_uid=f"newsroom.review_{model._meta.model_name}",
            )
        post_migrate.connect(
            translation_status.record_existing_articles, dispatch_uid="newsroom.states"
        )
        for model in (ArticlePage, EventPage):  # an event is an article (news/models/events.py)
            post_save.connect(
                translation_status.record_saved_article,
                sender=model,
                dispatch_uid=f"newsroom.record_{model._meta.model_name}",
            )
        post_save.connect(
            translation_status.record_new_revision,
            sender=Revision,
            dispatch_uid="newsroom.record_revision",
        )
