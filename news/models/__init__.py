"""Page types of the News&Events site and its translated site settings.

Tree: Root › HomePage (one per site) › NewsIndexPage ("News&Events") › ArticlePage.
The Focus, column, tag and archive listings are routes of NewsIndexPage, not pages of
their own. Columns, tags and related-article picks are in news/taxonomy.py.
Translated fields are registered in news/translation.py.
"""

from ..taxonomy import ArticlePageTag, ArticleTag, Column, RelatedArticle
from ..translation_status import ArticleTranslationState  # noqa: E402  (needs ArticlePage)
from .article import ArticlePage
from .base import (
    ARTICLE_ORDER,
    FOCUS_ORDER,
    TranslatedPageMixin,
    focus_articles,
    in_focus_q,
    language,
    listed_articles,
    paginate,
    parse_page_number,
)
from .pages import HomeFocusStory, HomePage, NewsIndexPage
from .site_settings import SiteSettings

__all__ = [
    "ARTICLE_ORDER",
    "FOCUS_ORDER",
    "ArticlePage",
    "ArticlePageTag",
    "ArticleTranslationState",
    "ArticleTag",
    "Column",
    "HomeFocusStory",
    "HomePage",
    "NewsIndexPage",
    "RelatedArticle",
    "SiteSettings",
    "TranslatedPageMixin",
    "focus_articles",
    "in_focus_q",
    "language",
    "listed_articles",
    "paginate",
    "parse_page_number",
]
