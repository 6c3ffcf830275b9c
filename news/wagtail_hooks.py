"""Admin menus: columns and tags, under one "Columns and tags" menu item."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .taxonomy import ArticleTag, Column


class ColumnViewSet(SnippetViewSet):
    model = Column
    icon = "folder-open-inverse"
    list_display = ["name_en", "name_zh_hans", "slug_en", "slug_zh_hans"]
    search_fields = ["name_en", "name_zh_hans"]
    search_backend_name = None  # a handful of rows: search them in the database


class ArticleTagViewSet(SnippetViewSet):
    model = ArticleTag
    icon = "tag"
    list_display = ["name", "chinese_name", "slug"]
    search_fields = ["name", "chinese_name"]
    search_backend_name = None


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    items = (ColumnViewSet, ArticleTagViewSet)
    menu_label = _("Columns and tags")
    menu_icon = "folder-open-inverse"
    menu_name = "taxonomy"


register_snippet(TaxonomyViewSetGroup)


# Translation status (news/translation_status.py, news/translation_admin.py).
from django.urls import path, reverse  # noqa: E402
from wagtail import hooks  # noqa: E402
from wagtail.admin.menu import MenuItem  # noqa: E402
from wagtail.log_actions import LogFormatter  # noqa: E402

from . import translation_admin  # noqa: E402
from .translation_status import REVIEW_ACTION, language_name  # noqa: E402


@hooks.register("register_admin_urls")
def translation_status_urls():
    return [
        path(
            "translation-status/",
            translation_admin.dashboard,
            name="news_translation_status",
        ),
        path(
            "translation-status/review/<int:page_id>/<str:language>/",
            translation_admin.review,
            name="news_translation_review",
        ),
    ]


@hooks.register("register_admin_menu_item")
def translation_status_menu_item():
    return MenuItem(
        _("Translation status"),
        reverse("news_translation_status"),
        name="translation-status",
        icon_name="globe",
        order=250,
    )


@hooks.register("construct_homepage_panels")
def translation_status_panel(request, panels):
    panels.append(translation_admin.TranslationStatusPanel())


@hooks.register("register_log_actions")
def translation_log_actions(actions):
    @actions.register_action(REVIEW_ACTION)
    class TranslationReviewed(LogFormatter):
        label = _("Review translation")

        def format_message(self, log_entry):
            code = log_entry.data.get("language", "")
            try:
                name = language_name(code)
            except KeyError:
                name = code
            return _("Marked the %(language)s translation reviewed") % {"language": name}
