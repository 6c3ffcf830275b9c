"""What stats adds to the pages (news/extensions.py): to an article, the beacon script in its
<head> and the view count, which carries the beacon's URL, in its line of date and reading
time; to the home page, "Most read this week"; to the admin, the views report (report.py)."""

import datetime

from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import page_permission_policy

from news import extensions
from news.cache import control, fragments

from .models import PageViewCount
from .most_read import most_read
from .report import ViewsReportView


@hooks.register(extensions.ARTICLE_HEAD)
def beacon_script(context):
    return format_html('<script src="{}" defer></script>', static("js/views.js"))


def this_hour(request):
    """The hour begun: what a view count shows is kept no longer than it (control.changes_at),
    on the article as on the home page's list, so that neither lags the other by more."""
    hour = timezone.now().replace(minute=0, second=0, microsecond=0)
    control.changes_at(request, hour + datetime.timedelta(hours=1))
    return hour


@hooks.register(extensions.ARTICLE_META)
def view_count(context):
    """How many times the story has been read, in both languages (one query), as "Most read
    this week" counts it; a preview counts nothing."""
    page, request = context["page"], context.get("request")
    if page.pk is None or getattr(request, "is_preview", False):
        return ""
    if request is not None:
        this_hour(request)
    return render_to_string(
        "stats/view_count.html", {"page": page, "views": PageViewCount.total_for(page.pk)}
    )


@hooks.register(extensions.HOME_SECTIONS)
def most_read_section(context):
    """ "Most read this week" on the visitor's language site (most_read.py): made at most once
    an hour (and after each publish), and the home page is kept no longer than that hour."""
    request = context.get("request")
    if request is None or getattr(request, "is_preview", False):
        return ""
    hour = this_hour(request)
    return fragments.fragment(
        request,
        ("most-read", translation.get_language(), hour.isoformat()),
        lambda: render_to_string(
            "stats/most_read.html", {"articles": most_read()}, request=request
        ),
    )


@hooks.register("register_admin_urls")
def views_report_urls():
    return [
        path("reports/views/", ViewsReportView.as_view(), name="stats_views_report"),
        path(
            "reports/views/results/",
            ViewsReportView.as_view(results_only=True),
            name="stats_views_report_results",
        ),
    ]


class ViewsReportMenuItem(MenuItem):
    def is_shown(self, request):
        return page_permission_policy.user_has_any_permission(
            request.user, ViewsReportView.any_permission_required
        )


@hooks.register("register_reports_menu_item")
def views_report_menu_item():
    return ViewsReportMenuItem(
        _("Article views"), reverse("stats_views_report"), name="article-views", icon_name="view"
    )
