"""Which fields exist once per language (`<field>_en`, `<field>_zh_hans`).

Page's own title, slug, SEO title and search description are translated by
wagtail-modeltranslation itself; images, dates and flags are shared.
"""

from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import ArticlePage, HomePage, NewsIndexPage, SiteSettings


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
        "writer",
        "photographer",
        "editor",
        "source",
    )


@register(SiteSettings)
class SiteSettingsTR(TranslationOptions):
    fields = ("site_name", "address", "copyright", "map_label")
