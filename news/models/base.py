"""What every page type and listing shares: article order, pagination, translation fallbacks."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Q
from django.utils import timezone, translation
from modeltranslation.utils import build_localized_fieldname

from ..taxonomy import ArticlePageTag, ArticleTag, Column, RelatedArticle  # noqa: F401

ARTICLE_ORDER = ("-news_date", "-pk")
# Focus listings, feeds and the home page: stories pinned to the top first, then newest first.
FOCUS_ORDER = ("-focus_pinned", *ARTICLE_ORDER)


def in_focus_q(now=None):
    """The condition "currently in Focus": the Focus box is ticked and its end date, if any,
    has not passed. An expired story leaves Focus without a re-publish and stays an
    ordinary article everywhere else."""
    now = now or timezone.now()
    return Q(focus=True) & (Q(focus_until__isnull=True) | Q(focus_until__gt=now))


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


def focus_articles(queryset):
    """`queryset` (usually `listed_articles(...)`) narrowed to the stories currently in
    Focus, in Focus order."""
    return queryset.filter(in_focus_q()).order_by(*FOCUS_ORDER)


def language():
    """The active language, or the default one outside a request."""
    return translation.get_language() or settings.MODELTRANSLATION_DEFAULT_LANGUAGE


class TranslatedPageMixin:
    """Tells templates which translated fields show the default language's text."""

    translated_display_fields = ("title",)

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
