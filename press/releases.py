"""Press releases as the press room reads them: the live ones (the press page, the kits), and
what an embargoed one will show and when (the preview links).

A release is a news story with `press_release` ticked (news/models/release.py). Its embargo
is Wagtail's scheduled publishing: the go-live date of its scheduled revision. Until then the
page is not live, and every public answer (pages, feeds, sitemap, search, API) asks for live
pages only.
"""

from django.http import Http404

from news.models import ArticlePage, card_rows, listed_articles


def live_releases():
    """The releases visitors of the active language may read, newest first (news's listing
    rules: live, outside restricted sections, public in that language)."""
    return listed_articles(ArticlePage.objects.filter(press_release=True))


def listed_releases():
    """`live_releases()` as the press page lists them: one narrow query for the page shown."""
    return card_rows(live_releases())


def live_release(pk):
    """The live, public release `pk` in the active language, or a 404: an embargoed release,
    a draft, a story that is no release, or one hidden in this language has no press kit."""
    release = live_releases().filter(pk=pk).first()
    if release is None:
        raise Http404
    return release


def what_goes_live(page):
    """(the revision a journalist's preview shows, its embargo) for the release `page`: the
    scheduled revision and its go-live time; without one, for a page that is not live, its
    latest revision and None (no time set yet); None for a live page with nothing scheduled
    (nothing is under embargo: the public page is what there is to read)."""
    scheduled = page.revisions.filter(approved_go_live_at__isnull=False).order_by("-pk").first()
    if scheduled is not None:
        return scheduled, scheduled.approved_go_live_at
    if page.live:
        return None
    return page.get_latest_revision(), None
