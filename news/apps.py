from django.apps import AppConfig, apps
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
        # every page model: wagtail-modeltranslation patched each translated one on its own
        for model in {Page, *(m for m in apps.get_models() if issubclass(m, Page))}:
            if "_get_site_root_paths" in vars(model):  # its own, not one wrapped already
                model._get_site_root_paths = remembered_site_root_paths(model._get_site_root_paths)
        for model in (HomePage, NewsIndexPage, ArticlePage, EventIndexPage):
            model.route = localized_route
            form = model.base_form_class
            while form.__name__ == "WagtailFixedAdminPageForm":  # its sibling-loading wrapper
                form = form.__bases__[0]
            model.base_form_class = indexed_slug_check_form(form)

        # First: a write invalidates what it changes before any other receiver (the archive's
        # recount below) reads a fragment.
        self.connect_cache()

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

        self.connect_pictures()

    @staticmethod
    def connect_pictures():
        """Pictures' records (news/pictures/): the model they are kept in, and when the worker
        is asked for one: an image saved (uploaded, its file or focal point changed), a page
        published (the images it shows), a picture made in a visitor's request. A rendition
        deleted takes its image's record with it (the record may name its file)."""
        from django.db.models.signals import post_delete, post_save
        from wagtail.images import get_image_model
        from wagtail.signals import page_published

        from . import pictures
        from .models import PreparedImage
        from .pictures import tasks

        tasks.register(PreparedImage)
        image_model = get_image_model()
        post_save.connect(tasks.image_saved, sender=image_model, dispatch_uid="news.pictures")
        post_delete.connect(
            tasks.rendition_deleted,
            sender=image_model.get_rendition_model(),
            dispatch_uid="news.pictures",
        )
        page_published.connect(tasks.page_published, dispatch_uid="news.pictures")
        pictures.when_unprepared(tasks.made_in_request)

    @staticmethod
    def connect_cache():
        """The models visitors see, for the cache (news/cache/): what reading one records and
        what writing one invalidates. Nothing else a write touches reaches the cache."""
        from django.core.signals import setting_changed
        from django.db.models.signals import (
            m2m_changed,
            post_delete,
            post_init,
            post_save,
            pre_save,
        )
        from wagtail.contrib.redirects.models import Redirect
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model
        from wagtail.models import Page, PageViewRestriction, Site
        from wagtail.signals import post_page_move

        from .cache import fragments, invalidation, pages, tags
        from .models import (
            ArticleCorrection,
            ArticlePageTag,
            ArticleTag,
            Column,
            ContactFormField,
            HomeFocusStory,
            PreparedImage,
            RelatedArticle,
            SiteSettings,
        )
        from .models.base import page_removed, page_tags_written
        from .models.news_index import kept_next_focus_end

        def own(kind):
            return lambda instance: (f"{kind}:{instance.pk}",)

        def page_written(page):
            written = getattr(page, "cache_tags_written", None)
            if written is None and page.specific_class is not None:
                written = getattr(page.specific_deferred, "cache_tags_written", None)
            return written() if written else page_tags_written(page)

        def page_was(page):
            was = getattr(page, "cache_tags_was", None)
            return was() if was else page_tags_written(page)

        def page_removes(old, new):
            removes = getattr(new, "cache_removes", None)
            return removes(old) if removes else page_removed(old, new)

        # Read: instances record their tags.
        for model, kind in (
            (Page, "page"),
            (get_image_model(), "image"),
            (get_document_model(), "document"),
            (Column, "column"),
            (ArticleTag, "tag"),
            (SiteSettings, "settings"),
            (Site, "site"),
        ):
            tags.shown(model, own(kind))
        post_init.connect(tags.loaded, dispatch_uid="news.cache")

        # Written: each model says what it touches.
        invalidation.watch(Page, page_written, page_removes, tags_was=page_was)
        for model, kind in (
            (get_image_model(), "image"),
            (get_document_model(), "document"),
            (ArticleTag, "tag"),
            (SiteSettings, "settings"),
            (Redirect, "redirect"),
        ):
            invalidation.watch(model, own(kind))
        invalidation.watch(Column, lambda column: (f"column:{column.pk}", "list:columns"))
        # an image's pictures' record, written by the worker: what showed the image without it
        # (made in a request, or a routed page kept with no record) is made again from it
        invalidation.watch(PreparedImage, lambda record: (f"image:{record.image_id}",))
        # a story's tags (rewritten by each publish): the story and the lists, not the tag
        # itself (its name is the same; other stories with it are unchanged)
        invalidation.watch(
            ArticlePageTag, lambda row: (f"page:{row.content_object_id}", "list:articles")
        )
        invalidation.watch(HomeFocusStory, lambda row: (f"page:{row.home_id}",))
        for model in (RelatedArticle, ContactFormField):
            invalidation.watch(model, lambda row: (f"page:{row.page_id}",))
        # a story's corrections (rewritten by its publish): the story and the corrections page
        invalidation.watch(ArticleCorrection, lambda row: (f"page:{row.page_id}", "list:articles"))
        # A site (its host, root page) or a view restriction changes what every page is.
        for model in (Site, PageViewRestriction):
            invalidation.watch(model, lambda _instance: invalidation.everything() or ())

        pre_save.connect(invalidation.saving, dispatch_uid="news.cache")
        post_save.connect(invalidation.saved, dispatch_uid="news.cache")
        post_delete.connect(invalidation.deleted, dispatch_uid="news.cache")
        m2m_changed.connect(invalidation.m2m, dispatch_uid="news.cache")
        post_page_move.connect(
            lambda **kwargs: invalidation.everything(), dispatch_uid="news.cache", weak=False
        )
        setting_changed.connect(fragments.settings_changed, dispatch_uid="news.cache")

        # A page kept ends no later than the next Focus end date (lists and badges change
        # then, without a write).
        pages.ends_with(kept_next_focus_end)
