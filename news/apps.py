from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    """The public site: page models, listings, feeds, metadata. Owns every model of News&Events
    (the newsroom, news/newsroom/, is the admin side and has none of its own)."""

    name = "news"
    verbose_name = _("News")

    def ready(self):
        # Runs after wagtail_modeltranslation's ready() (earlier in INSTALLED_APPS), which set
        # on every page model a `route` and slug checks that load every child of the parent
        # (news/routing.py): put back ones that ask the database for the one slug instead.
        from wagtail.models import Page
        from wagtail_modeltranslation import patch_wagtailadmin

        from .models import ArticlePage, EventIndexPage, HomePage, NewsIndexPage
        from .routing import (
            indexed_slug_check_form,
            localized_route,
            remembered_site_root_paths,
            validate_slugs,
        )

        # Its patched `clean()` looks this function up in its module each time it runs.
        patch_wagtailadmin._validate_slugs = validate_slugs
        for model in (Page, HomePage, NewsIndexPage, ArticlePage, EventIndexPage):
            model._get_site_root_paths = remembered_site_root_paths(model._get_site_root_paths)
        for model in (HomePage, NewsIndexPage, ArticlePage, EventIndexPage):
            model.route = localized_route
            form = model.base_form_class
            while form.__name__ == "WagtailFixedAdminPageForm":  # its sibling-loading wrapper
                form = form.__bases__[0]
            model.base_form_class = indexed_slug_check_form(form)

        # The archive's month counts follow every change to what the listings show.
        from django.db.models.signals import post_delete, post_migrate, post_save, pre_save
        from wagtail.models import PageViewRestriction
        from wagtail.signals import post_page_move

        from . import archive

        pre_save.connect(archive.article_saving, sender=ArticlePage, dispatch_uid="news.archive")
        post_save.connect(archive.article_saved, sender=ArticlePage, dispatch_uid="news.archive")
        post_delete.connect(
            archive.article_deleted, sender=ArticlePage, dispatch_uid="news.archive"
        )
        post_page_move.connect(archive.page_moved, dispatch_uid="news.archive")
        for signal in (post_save, post_delete):
            signal.connect(
                archive.restrictions_changed,
                sender=PageViewRestriction,
                dispatch_uid="news.archive.restrictions",
            )
        post_migrate.connect(archive.fill_after_migrate, dispatch_uid="news.archive")

        # Every write a visitor could see makes the cached fragments unreachable.
        from django.db.models.signals import m2m_changed

        from . import generation

        for signal in (post_save, post_delete, m2m_changed, post_page_move):
            signal.connect(generation.changed, dispatch_uid="news.generation")
        from django.core.signals import setting_changed

        setting_changed.connect(generation.settings_changed, dispatch_uid="news.generation")
