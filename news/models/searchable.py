"""What the site search indexes of a page, and how it labels the page in its results.

A page type the search finds mixes in `SearchableText` and names its translated text fields
(`indexed_text_fields`, besides the title) and its kind (`search_kind`, the label on its
results). Its index entry holds each language apart (news/segmentation.py): every
language's title in the entry's `title` column (`IndexedTitles`), the other fields of an
unsegmented language (English) as written, those of a segmented one (Chinese) as prefixed
jieba words (`segmented_text`). Only in languages with a title: a page without a Chinese
title is no Chinese search result, even if a translator has started on its other fields.
English words are stemmed by the database (search/backend.py, search/migrations/).
"""

from wagtail.search import index

from .. import languages, segmentation


class IndexedTitles(index.SearchField):
    """The search index entry's `title` column: Wagtail's backends put there the SearchField
    named "title" and every other one in `body`. Page's own field gives the active language's
    title; this one every language's (`SearchableText.indexed_titles`), so that
    search/ranking.py can list the pages with the words in their title first."""

    def __init__(self, **kwargs):
        super().__init__("title", **kwargs)

    def get_value(self, obj):
        return obj.indexed_titles()


class SearchableText:
    """A page type the site search finds (search/): what its index entry holds."""

    # The translated text fields indexed besides the title, in every language.
    indexed_text_fields = ()
    # The label of its results ("Article", "Event", "Page"), a lazy translation.
    search_kind = None
    # The field shown under the title in a result.
    search_summary_field = "summary"

    @classmethod
    def get_search_fields(cls):
        """The indexed fields: the text as `indexed_text_fields` say, with filters and
        autocomplete as declared in `search_fields`.

        Page's `title` SearchField gives the active language's title (Chinese when an editor
        publishes from the Chinese admin), and wagtail-modeltranslation adds a raw copy of it
        per language (`title_zh_hans`): unsegmented Chinese that an English search would
        match. So no declared SearchField is indexed; the text is these.
        """
        text = [
            IndexedTitles(boost=2),
            *(
                index.SearchField(language.field(name))
                for language in languages.LANGUAGES
                if not language.segmented
                for name in cls.indexed_text_fields
            ),
            index.SearchField("segmented_text"),
        ]
        declared = super().get_search_fields()
        return text + [field for field in declared if not isinstance(field, index.SearchField)]

    def indexed_titles(self):
        """Every language's title as the search index stores it (IndexedTitles)."""
        return " ".join(
            segmentation.index_text(language, getattr(self, language.field("title")))
            for language in languages.LANGUAGES
            if getattr(self, language.field("title"))
        )

    def segmented_text(self):
        """The indexed text fields in segmented languages (Chinese), for the search index."""
        texts = []
        for language in languages.LANGUAGES:
            if language.segmented and getattr(self, language.field("title")):
                values = []
                for name in self.indexed_text_fields:
                    field = self._meta.get_field(language.field(name))
                    value = getattr(self, field.name)
                    if hasattr(field, "get_searchable_content"):  # a StreamField
                        values.extend(field.get_searchable_content(value or []))
                    else:
                        values.append(value)
                texts.append(segmentation.index_text(language, *values))
        return " ".join(texts)

    def search_summary(self):
        """(text, the language it is in when another's) shown under the title in a result."""
        text = getattr(self, self.search_summary_field, "")
        if self.search_summary_field in self.fallback_fields():
            return text, self.fallback_language
        return text, None
