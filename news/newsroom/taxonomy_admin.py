"""The admin's "Columns and tags" menu: both snippets in one group."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from news import languages
from news.models import ArticleTag, Column


class ColumnViewSet(SnippetViewSet):
    model = Column
    icon = "folder-open-inverse"
    list_display = [
        *(language.field("name") for language in languages.LANGUAGES),
        *(language.field("slug") for language in languages.LANGUAGES),
    ]
    search_fields = [language.field("name") for language in languages.LANGUAGES]
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
