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
        from wagtail_modeltranslation import patch_wagtailadmin

        from .models import ArticlePage, HomePage, NewsIndexPage
        from .routing import indexed_slug_check_form, localized_route, validate_slugs

        # Its patched `clean()` looks this function up in its module each time it runs.
        patch_wagtailadmin._validate_slugs = validate_slugs
        for model in (HomePage, NewsIndexPage, ArticlePage):
            model.route = localized_route
            form = model.base_form_class
            while form.__name__ == "WagtailFixedAdminPageForm":  # its sibling-loading wrapper
                form = form.__bases__[0]
            model.base_form_class = indexed_slug_check_form(form)
