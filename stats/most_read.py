""" "Most read this week": the articles read most over the last seven days (today included) on
the visitor's language site, from the daily counts (models.py), as the home page shows them
(wagtail_hooks.py) and the admin report lists the counts (report.py).

Only what a listing may show is listed (live, public, public in that language); a count of a
page since unpublished or deleted drops out. Two queries: the week's top pages from the
(language, day) index, then those articles.
"""

import datetime

from django.db.models import Sum
from django.utils import timezone

from news.models import ArticlePage, listed_articles

from .models import PageViewCount

WEEK = 7
SHOWN = 5
# Pages taken from the counts before the listing rules drop some (unpublished, hidden in this
# language): enough that five are left in any real week.
CANDIDATES = SHOWN * 4


def week_of(today=None):
    today = today or timezone.localdate()
    return today - datetime.timedelta(days=WEEK - 1), today


def most_read(language, today=None):
    """[(article, views this week)] most read first (then newest), at most SHOWN."""
    first, last = week_of(today)
    week = PageViewCount.objects.filter(language=language, day__range=(first, last))
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
