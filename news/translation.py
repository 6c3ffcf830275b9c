"""Which fields exist once per language (`<field>_en`, `<field>_zh_hans`).

Page's own title, slug, SEO title and search description are translated by
wagtail-modeltranslation itself; images, dates and flags are shared.

Tags are not registered: taggit matches an article's tags by `name`, which must stay
one plain column. A tag's Chinese name is its own field (news/models/taxonomy.py).
"""

from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from . import languages
from .models import (
    ArticlePage,
    Column,
    ContactFormField,
    ContactPage,
    EventIndexPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    SiteSettings,
    StandardPage,
)


@register(HomePage)
class HomePageTR(TranslationOptions):
    fields = ()


@register(NewsIndexPage)
class NewsIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(ArticlePage)
class ArticlePageTR(TranslationOptions):
    fields = (
        "summary",
        "body",
        "lead_image_alt",
        "lead_image_caption",
        "lead_image_credit",
        "writer",
        "photographer",
        "editor",
        "translator",
        "source",
        "press_licence",
    )


@register(EventIndexPage)
class EventIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(EventPage)
class EventPageTR(TranslationOptions):
    # and every field of ArticlePageTR, which it inherits
    fields = ("venue", "speakers", "organiser")


@register(SiteSettings)
class SiteSettingsTR(TranslationOptions):
    fields = ("site_name", "address", "copyright", "map_label")


@register(Column)
class ColumnTR(TranslationOptions):
    fields = ("name", "slug", "description")
    # A column is navigation: its name and address exist in both languages.
    required_languages = dict.fromkeys(languages.CODES, ("name", "slug"))


@register(StandardPage)
class StandardPageTR(TranslationOptions):
    fields = ("intro", "body")


@register(ContactPage)
class ContactPageTR(TranslationOptions):
    fields = ("intro", "thank_you_text")


@register(ContactFormField)
class ContactFormFieldTR(TranslationOptions):
    # What a visitor reads; the field's name (clean_name) and type are shared.
    fields = ("label", "help_text", "choices", "default_value")
