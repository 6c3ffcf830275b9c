"""What every page type and listing shares: article order, pagination, translation fallbacks."""

from django.conf import settings
from django.core.paginator import Paginator
from django.utils import translation
from django.utils.translation import pgettext_lazy
from modeltranslation.utils import build_localized_fieldname

from ..taxonomy import ArticlePageTag, ArticleTag, Column, RelatedArticle  # noqa: F401

ARTICLE_ORDER = ("-news_date", "-pk")

# The admin's preview modes: each language by its own name, as the public language switcher.
PREVIEW_MODE_LABELS = {
    "en": pgettext_lazy("preview mode", "English"),
    "zh-hans": pgettext_lazy("preview mode", "中文"),
}


def parse_page_number(raw):
    """The page number asked for in `?page=`, or 1 when it is not a whole number."""
    try:
        return max(int(str(raw).strip()), 1)
    except (TypeError, ValueError):
        return 1


def paginate(request, items):
    """The page of `items` asked for in `?page=`: not a whole number → 1, past the end → last."""
    paginator = Paginator(items, settings.NEWS_PAGE_SIZE, allow_empty_first_page=True)
    number = min(parse_page_number(request.GET.get("page")), paginator.num_pages)
    page = paginator.page(number)
    page.page_links = list(paginator.get_elided_page_range(number, on_each_side=2, on_ends=1))
    return page


def listed_articles(queryset):
    """Articles as every listing shows them: live, public, newest first, image loaded."""
    return (
        queryset.live()
        .public()
        .select_related("lead_image")
        .prefetch_related("lead_image__renditions")
        .order_by(*ARTICLE_ORDER)
    )


def language():
    """The active language, or the default one outside a request."""
    return translation.get_language() or settings.MODELTRANSLATION_DEFAULT_LANGUAGE


class TranslatedPageMixin:
    """Tells templates which translated fields show the default language's text, and lets
    the admin preview a page in either language."""

    translated_display_fields = ("title",)

    @property
    def preview_modes(self):
        """One preview mode per language, named by its code ("English", "中文")."""
        return [(code, PREVIEW_MODE_LABELS[code]) for code, _name in settings.LANGUAGES]

    @property
    def default_preview_mode(self):
        return settings.MODELTRANSLATION_DEFAULT_LANGUAGE

    def serve_preview(self, request, mode_name):
        """The page as a visitor of that language's site sees it (an unknown mode: English)."""
        if mode_name not in PREVIEW_MODE_LABELS:
            mode_name = self.default_preview_mode
        with translation.override(mode_name):
            request.LANGUAGE_CODE = mode_name
            response = super().serve_preview(request, mode_name)
            if hasattr(response, "render"):  # a TemplateResponse: render it in that language
                response.render()
            return response

    def fallback_fields(self):
        """Names of the fields whose text in the active language is missing.

        modeltranslation shows the English text for those; templates mark them
        `lang="en"` and tell the reader that no translation exists yet.
        """
        language = translation.get_language()
        if language == settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
            return set()
        missing = set()
        for name in self.translated_display_fields:
            value = getattr(self, build_localized_fieldname(name, language), None)
            if not value:
                missing.add(name)
        return missing
