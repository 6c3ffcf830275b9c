"""The admin's views report (Reports › Article views): how often each article was read, per day
and per language site, newest day first, with Wagtail's report filters (days, language) and its
CSV / Excel export. Shown to everyone who works on pages (add, change or publish anywhere)."""

import django_filters
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permissions import page_permission_policy

from news import languages

from .models import PageViewCount


def language_name(code):
    return languages.get(code).self_name if code in languages.CODES else _("not recorded")


class ViewsFilterSet(WagtailFilterSet):
    day = django_filters.DateFromToRangeFilter(label=_("Day"), widget=DateRangePickerWidget)
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=[(language.code, language.self_name) for language in languages.LANGUAGES],
        empty_label=_("All"),
    )

    class Meta:
        model = PageViewCount
        fields = ["day", "language"]


class ViewsReportView(ReportView):
    page_title = _("Article views")
    header_icon = "view"
    filterset_class = ViewsFilterSet
    index_url_name = "stats_views_report"
    index_results_url_name = "stats_views_report_results"
    permission_policy = page_permission_policy
    any_permission_required = ["add", "change", "publish"]
    columns = [
        TitleColumn(
            "page",
            label=_("Article"),
            accessor=lambda row: row.page.specific_deferred.get_admin_display_title(),
            get_url=lambda row: reverse("wagtailadmin_pages:edit", args=[row.page_id]),
        ),
        Column("day", label=_("Day")),
        Column("language", label=_("Language"), accessor=lambda row: language_name(row.language)),
        Column("views", label=_("Views")),
    ]
    list_export = ["page.title", "day", "language", "views"]
    export_headings = {"page.title": _("Article"), "day": _("Day"), "language": _("Language")}

    def get_filename(self):
        return "article-views"

    def get_queryset(self):
        return PageViewCount.objects.select_related("page").order_by("-day", "-views", "page_id")
