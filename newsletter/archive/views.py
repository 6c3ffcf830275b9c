"""The archive's pages and feed."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from news import languages
from news.cache import tags
from news.cache.control import ARTICLE, LISTING, public
from news.listing import paginate
from news.pictures import WITH_PICTURES

from ..mail.message import site_name
from ..models import NewsletterIssue

FEED_ITEMS = 20


def sent_issues():
    """The issues sent in the active language, newest first."""
    tags.record("list:newsletter")
    return NewsletterIssue.objects.filter(live=True, language=languages.active().code).order_by(
        "-first_published_at", "-pk"
    )


@require_safe
def issue_list(request):
    listing = paginate(request, sent_issues())
    context = {
        "listing": listing,
        "view_name": "newsletter_issues",
        "view_query": {"page": listing.number} if listing.number > 1 else {},
    }
    return public(TemplateResponse(request, "newsletter/archive/issue_list.html", context), LISTING)


@require_safe
def issue_detail(request, issue_id):
    issue = sent_issues().filter(pk=issue_id).first()
    if issue is None:
        raise Http404
    stories = (
        issue.stories.filter(article__live=True)
        .select_related(f"article__{WITH_PICTURES}")
        .order_by("sort_order")
    )
    context = {"issue": issue, "articles": [story.article for story in stories]}
    return public(TemplateResponse(request, "newsletter/archive/issue.html", context), ARTICLE)


class IssueFeed(Feed):
    """The sent issues of the active language as RSS 2.0."""

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return public(super().__call__(request, *args, **kwargs), LISTING)

    def title(self):
        return gettext("Newsletter | %(site)s") % {"site": site_name()}

    def link(self):
        return reverse("newsletter_issues")

    def description(self):
        return gettext("Past issues of the newsletter of %(site)s.") % {"site": site_name()}

    def items(self):
        return sent_issues()[:FEED_ITEMS]

    def item_title(self, item):
        return item.subject

    def item_description(self, item):
        return item.introduction

    def item_link(self, item):
        return reverse("newsletter_issue", args=[item.pk])

    def item_pubdate(self, item):
        return item.first_published_at


issue_feed = require_safe(IssueFeed())
