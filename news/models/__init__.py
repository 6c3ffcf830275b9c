"""The models of News&Events, grouped by kind and re-exported here.

- pages.py: HomePage (with HomeFocusStory) and NewsIndexPage with its listing routes
- article.py: ArticlePage
- corrections.py: ArticleCorrection (a story's dated corrections and updates, per language
  version) and NewsIndexPage's corrections page and feed
- events.py: EventIndexPage (News&Events › Events, its listings and iCalendar feed) and
  EventPage (an ArticlePage with a time and a place)
- taxonomy.py: Column, ArticleTag (+ ArticlePageTag), RelatedArticle
- site_pages.py: StandardPage (About, Accessibility…), ContactPage (+ ContactFormField) and
  the menus (`site_menu`: pages under Home with "Show in menus" ticked)
- site_settings.py: SiteSettings
- translation_state.py: ArticleTranslationState (recorded by the newsroom)
- archive.py: ArchiveMonth (the archive's month counts, kept by news/archive.py)
- pictures.py: PreparedImage (an image's renditions, made by the worker: news/pictures/)
- workers.py: WorkerHeartbeat (each background worker's last sign of life: /readyz)
- searchable.py: SearchableText (what the site search indexes of a page type, its kind)
- base.py: what every page type and listing shares

Tree: Root › HomePage (one per site) › NewsIndexPage ("News&Events") › ArticlePage, and
NewsIndexPage › EventIndexPage ("Events") › EventPage; HomePage › StandardPage › StandardPage
or ContactPage. Translated
fields are registered in news/translation.py.
"""

from .archive import ArchiveMonth
from .article import ArticlePage
from .base import (
    ARTICLE_ORDER,
    FOCUS_ORDER,
    TranslatedPageMixin,
    card_rows,
    focus_articles,
    in_focus_q,
    language,
    listed_articles,
)
from .corrections import ArticleCorrection
from .events import EventIndexPage, EventPage, upcoming_events
from .news_index import NewsIndexPage
from .pages import HomeFocusStory, HomePage
from .pictures import PreparedImage
from .searchable import SearchableText
from .site_pages import ContactFormField, ContactPage, StandardPage, site_menu
from .site_settings import SiteSettings
from .taxonomy import ArticlePageTag, ArticleTag, Column, RelatedArticle
from .translation_state import ArticleTranslationState
from .workers import WorkerHeartbeat

__all__ = [
    "ARTICLE_ORDER",
    "ArchiveMonth",
    "ArticleCorrection",
    "FOCUS_ORDER",
    "ArticlePage",
    "ArticlePageTag",
    "ArticleTag",
    "ArticleTranslationState",
    "Column",
    "ContactFormField",
    "ContactPage",
    "EventIndexPage",
    "EventPage",
    "HomeFocusStory",
    "HomePage",
    "NewsIndexPage",
    "PreparedImage",
    "RelatedArticle",
    "SearchableText",
    "SiteSettings",
    "StandardPage",
    "TranslatedPageMixin",
    "WorkerHeartbeat",
    "card_rows",
    "focus_articles",
    "in_focus_q",
    "language",
    "listed_articles",
    "site_menu",
    "upcoming_events",
]
