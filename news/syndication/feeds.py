"""RSS 2.0 and Atom feeds of article listings, in the language of the request.

Any listing gets its two feeds from a title, its own URL, its articles and the site's name.
A listing page (a `RoutablePageMixin` page) adds one route:

    @path("feed/<str:kind>/", name="feed")
    def news_feed(self, request, kind):
        return article_feed(request, kind, title=self.title, listing_url=self.get_url(request),
                            articles=self.articles(), site_name=...)

and puts `feed_links(title, listing_url)` in its context as `feeds`, which
`templates/includes/meta.html` turns into `<link rel="alternate">` elements.

`corrections_feed`: the corrections and updates of a section (news/models/corrections.py), RSS.
"""

import datetime
import mimetypes
import uuid

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .. import languages
from .metadata import publication_datetime, share_image

FEED_ITEMS = 20


class LanguageTaggedAtom1Feed(Atom1Feed):
    """Atom whose entries may carry their own `xml:lang` (English stories in the Chinese feed)."""

    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item.get("language"):
            attributes["xml:lang"] = item["language"]
        return attributes


class ListingFeed(Feed):
    """A feed of one of the site's listings, as RSS 2.0: titled by the listing and the site,
    linking to the listing; the request kept for absolute addresses."""

    feed_type = Rss201rev2Feed

    def __init__(self, *, title, listing_url, site_name):
        super().__init__()
        self.site_name = site_name
        self.listing_title = title
        self.listing_url = listing_url
        self.request = None

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return f"{self.listing_title} | {self.site_name}"

    def link(self):
        return self.request.build_absolute_uri(self.listing_url)


class ArticleFeed(ListingFeed):
    """The 20 newest articles of a listing as RSS 2.0, in the active language.

    Chinese feeds include articles that have no Chinese translation yet, with their
    English title and summary, just as the Chinese listing pages show them: a Focus
    story must reach Chinese subscribers even before it is translated. Atom marks those
    entries `xml:lang="en"`; RSS 2.0 has no per-item language.
    """

    def __init__(self, *, articles, description="", **listing):
        super().__init__(**listing)
        self.articles = articles
        self.listing_description = description

    # The feed

    def description(self):
        return self.listing_description or gettext("The latest stories from %(site)s.") % {
            "site": self.site_name
        }

    def author_name(self):
        return self.site_name

    def items(self):
        return self.articles[:FEED_ITEMS]

    # Each article

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        # RSS descriptions and Atom summaries (type="html") are HTML; summaries are plain text.
        return escape(article.summary)

    def item_link(self, article):
        return self.request.build_absolute_uri(article.get_url(self.request))

    def item_guid(self, article):
        """One id per article and language that survives new slugs, titles, dates and domains."""
        return f"urn:uuid:{uuid.uuid5(article.translation_key, translation.get_language())}"

    item_guid_is_permalink = False

    def item_pubdate(self, article):
        return publication_datetime(article)

    def item_updateddate(self, article):
        # Atom requires <updated>; the story's date is what readers sort by.
        return publication_datetime(article)

    def item_author_name(self, article):
        return article.writer or None

    def item_categories(self, article):
        return [gettext("Focus")] if article.in_focus else []

    def item_enclosures(self, article):
        rendition = share_image(article.lead_image)
        if rendition is None:
            return []
        mime_type, _encoding = mimetypes.guess_type(rendition.file.name)
        return [
            Enclosure(
                url=self.request.build_absolute_uri(rendition.url),
                length=str(rendition.file.size),
                mime_type=mime_type or "application/octet-stream",
            )
        ]

    def item_extra_kwargs(self, article):
        if "title" in article.fallback_fields():  # shown in English: not translated yet
            return {"language": languages.DEFAULT.code}
        return {}


class ArticleAtomFeed(ArticleFeed):
    """The same articles as Atom 1.0."""

    feed_type = LanguageTaggedAtom1Feed

    def subtitle(self):
        return self.description()


FEED_CLASSES = {"rss": ArticleFeed, "atom": ArticleAtomFeed}
FEED_LABELS = {
    "rss": ("application/rss+xml", _("%(title)s (RSS)"), "RSS"),
    "atom": ("application/atom+xml", _("%(title)s (Atom)"), "Atom"),
}


def article_feed(request, kind, **listing):
    """The response for `<listing_url>feed/<kind>/`: RSS or Atom, 404 for any other kind.

    `listing`: title, listing_url, articles, site_name and optionally description.
    """
    feed_class = FEED_CLASSES.get(kind)
    if feed_class is None:
        raise Http404
    return feed_class(**listing)(request)


def feed_links(title, listing_url):
    """What `<link rel="alternate">` needs for each feed of the listing at `listing_url` (and
    the format's own name, for a link to it)."""
    return [
        {
            "type": mime_type,
            "title": label % {"title": title},
            "url": f"{listing_url}feed/{kind}/",
            "name": name,
        }
        for kind, (mime_type, label, name) in FEED_LABELS.items()
    ]


class CorrectionFeed(ListingFeed):
    """The newest corrections and updates of a section in the active language, as RSS 2.0:
    each item the note, titled by its kind and story, linking to the note on the story."""

    def __init__(self, *, corrections, **listing):
        super().__init__(**listing)
        self.corrections = corrections

    def description(self):
        return gettext("The corrections and updates to the stories of %(site)s.") % {
            "site": self.site_name
        }

    def items(self):
        return self.corrections[:FEED_ITEMS]

    def item_title(self, note):
        return gettext("%(kind)s: %(title)s") % {
            "kind": note.get_kind_display(),
            "title": note.page.title,
        }

    def item_description(self, note):
        text = escape(note.text)
        if note.was:
            said = gettext("The story said: %(text)s") % {"text": note.was}
            text += f"<br><br>{escape(said)}"
        return text

    def item_link(self, note):
        url = self.request.build_absolute_uri(note.page.get_url(self.request))
        return f"{url}#{note.anchor}"

    def item_pubdate(self, note):
        return timezone.make_aware(datetime.datetime.combine(note.date, datetime.time()))


def corrections_feed(request, **listing):
    """The response for `<news>/corrections/feed/`: title, listing_url, corrections (newest
    first, with their stories) and site_name."""
    return CorrectionFeed(**listing)(request)
