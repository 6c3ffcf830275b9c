"""The admin's "Columns and tags" menu: both snippets in one group; their choosers' buttons in
the language of each request."""

from django.utils.functional import cached_property, lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup
from wagtail.snippets.widgets import AdminSnippetChooser

from news import languages
from news.models import ArticleTag, Column


def _worded(message, model):
    # `message` is Wagtail's (its catalogue translates it), read when the button is shown
    return lazy(lambda: gettext(message) % {"object": model._meta.verbose_name}, str)()


class SnippetChooser(AdminSnippetChooser):
    """Wagtail's snippet chooser, whose "Choose column", "Choose another column" and "Edit this
    column" Wagtail words once, when the widget is made at start-up: in English for everyone.
    Here they are worded in the language of the request that shows them."""

    def __init__(self, model, **kwargs):
        super().__init__(model, **kwargs)
        self.choose_one_text = _worded("Choose %(object)s", model)
        self.choose_another_text = _worded("Choose another %(object)s", model)
        self.link_to_chosen_text = _worded("Edit this %(object)s", model)


class SnippetChooserInEachLanguage(SnippetChooserViewSet):
    @cached_property
    def widget_class(self):
        return SnippetChooser(model=self.model, icon=self.icon)


class ColumnViewSet(SnippetViewSet):
    model = Column
    icon = "folder-open-inverse"
    chooser_viewset_class = SnippetChooserInEachLanguage
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
