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
