"""A new issue, composed from the week's stories."""

import datetime

from django.utils import timezone

from news.models import ArticlePage
from news.models.base import public_in, public_q

from ..models import IssueStory, NewsletterIssue

WEEK = datetime.timedelta(days=7)


def week_stories(language):
    """The stories first published in the last 7 days that are live, outside every restricted
    section and public in `language`, newest first (a scheduled story is not live yet)."""
    return (
        ArticlePage.objects.live()
        .filter(public_q(), public_in(language), first_published_at__gte=timezone.now() - WEEK)
        .order_by("-first_published_at", "-pk")
    )


def composed(language):
    """An unsaved issue in `language` with the week's stories in their order."""
    issue = NewsletterIssue(language=language)
    issue.stories = [
        IssueStory(article=article, sort_order=n)
        for n, article in enumerate(week_stories(language))
    ]
    return issue
