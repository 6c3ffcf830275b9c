""" "Most read this week": the articles read most over the last seven days (today included),
from the daily counts (models.py), as the home page shows them (wagtail_hooks.py) and the
admin report lists the counts (report.py).

A story is one story in both languages: its views are counted on both language sites, as the
article page counts them (`PageViewCount.total_for`), so the two never disagree on what a view
is. Each language site lists what a listing there may show (live, public, public in that
language); a count of a page since unpublished or deleted drops out. Two queries: the week's
top pages from the (language, day) index (every language value, "" for counts made before
languages were counted apart), then those articles.
"""

import datetime

from django.db.models import Sum
from django.utils import timezone

from news import languages
from news.models import ArticlePage, listed_articles

from .models import PageViewCount

WEEK = 7
SHOWN = 5
# Pages taken from the counts before the listing rules drop some (unpublished, hidden in this
# language): enough that five are left in any real week.
CANDIDATES = SHOWN * 4
# every value of PageViewCount.language: the index on (language, day) finds the week's rows
RECORDED_LANGUAGES = ("", *languages.CODES)


def week_of(today=None):
    today = today or timezone.localdate()
    return today - datetime.timedelta(days=WEEK - 1), today


def most_read(today=None):
    """[(article, views this week in both languages)] of the active language's site, most
    read first (then newest), at most SHOWN."""
    first, last = week_of(today)
    week = PageViewCount.objects.filter(language__in=RECORDED_LANGUAGES, day__range=(first, last))
    totals = dict(
        week.values("page_id")
        .annotate(total=Sum("views"))
        .order_by("-total", "-page_id")
        .values_list("page_id", "total")[:CANDIDATES]
    )
    if not totals:
        return []
    articles = listed_articles(ArticlePage.objects.filter(pk__in=list(totals)))
    ranked = sorted(articles, key=lambda article: -totals[article.pk])  # stable: newest first
    return [(article, totals[article.pk]) for article in ranked[:SHOWN]]
