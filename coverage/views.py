"""`/<lang>/in-the-media/`: the clips in the visitor's language, newest first, and their RSS
feed; the same for everyone, so kept by the page cache until a clip is written."""

import datetime

from django.contrib.syndication.views import Feed
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from news import languages
from news.cache.control import LISTING, public
from news.listing import paginate
from news.models import SiteSettings

from .models import CoverageClip

FEED_ITEMS = 20


def clips():
    """The clips of the active language, newest first."""
    return CoverageClip.objects.filter(language=languages.active().code).order_by(
        "-published", "-pk"
    )


def list_url(code):
    with translation.override(code):
        return reverse("coverage")


@require_safe
def clip_list(request):
    """Every clip in the visitor's language, newest first, paginated; a link to the other
    language's list."""
    listing = paginate(request, clips())
    other = languages.other(languages.active().code)
    context = {
        "listing": listing,
        "other_language": {
            "code": other.code,
            "adjective": other.adjective,
            "url": list_url(other.code),
        },
        "feed_url": reverse("coverage_feed"),
        # news_tags builds the canonical URL, hreflang links and the switcher from these
        "view_name": "coverage",
        "view_query": {"page": listing.number} if listing.number > 1 else {},
        "feeds": [
            {
                "type": "application/rss+xml",
                "title": gettext("%(title)s (RSS)") % {"title": gettext("In the media")},
                "url": reverse("coverage_feed"),
                "name": "RSS",
            }
        ],
    }
    response = TemplateResponse(request, "coverage/clips.html", context)
    return public(response, LISTING)


class ClipFeed(Feed):
    """The 20 newest clips of the active language as RSS 2.0, each linking to the outlet's
    story."""

    feed_type = Rss201rev2Feed

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        site = SiteSettings.for_request(self.request).site_name
        return f"{gettext('In the media')} | {site}"

    def link(self):
        return self.request.build_absolute_uri(reverse("coverage"))

    def description(self):
        return gettext("What other outlets wrote about the university, newest first.")

    def items(self):
        return clips()[:FEED_ITEMS]

    def item_title(self, clip):
        return f"{clip.outlet}: {clip.headline}"

    def item_description(self, clip):
        return escape(clip.quote)

    def item_link(self, clip):
        return clip.url

    def item_guid(self, clip):
        return f"{self.link()}#clip-{clip.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, clip):
        return timezone.make_aware(datetime.datetime.combine(clip.published, datetime.time()))

    def item_author_name(self, clip):
        return clip.outlet


@require_safe
def clip_feed(request):
    return public(ClipFeed()(request), LISTING)
