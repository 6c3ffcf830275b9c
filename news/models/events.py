"""Events: talks, conferences, open days. An event is an article with a time and a place
(`EventPage` extends `ArticlePage`), so translation, per-language visibility, the translation
status, roles, the review workflow, search, the sitemap and view counts treat it as a story;
it lives under "Events" (`EventIndexPage`, News&Events › Events), which lists the upcoming
ones, the past ones and a month's, and gives each language an iCalendar feed
(news/calendars.py writes the iCalendar).

Time: stored in UTC, entered and shown in Asia/Shanghai (TIME_ZONE). An event is over at
`ends_at` (stored, so listings can filter on it): its end, or the end of its last day when it
is all day or has no end. It leaves "upcoming" at that moment by itself: every listing of
events is kept only until the next `ends_at` to come (`next_event_change`).
"""

import calendar
import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Min
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Page

from .. import calendars
from ..cache import control, fragments
from ..listing import paginate, year_month_label
from ..panels import BilingualRowPanel
from ..prepared import prepared
from .article import SETTINGS_PERMISSION, ArticlePage
from .base import SectionPage, TranslatedPageMixin, language, listed_articles, public_q


def local_midnight_after(moment):
    """The start of the day after `moment`'s local day."""
    day = timezone.localtime(moment).date() + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def listed_events(queryset):
    """Events as every listing shows them: what a listing may show (live, public, public in
    the active language), soonest first."""
    return listed_articles(queryset).order_by("start", "pk")


def upcoming_q(now=None):
    return models.Q(ends_at__gt=now or timezone.now())


def next_event_change(now=None):
    """The next moment an event is over (it leaves "upcoming"), or None."""
    now = now or timezone.now()
    events = EventPage.objects.live().filter(public_q(), upcoming_q(now))
    return events.aggregate(next=Min("ends_at"))["next"]


class EventPage(RoutablePageMixin, ArticlePage):
    """An event: when, where, who; what an article has besides. Its page offers the event to
    a calendar (`calendar.ics`)."""

    cache_list_tags = ("list:events",)  # events lists; its writes invalidate list:articles too

    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(
        _("ends"),
        null=True,
        blank=True,
        help_text=_("Leave empty when the event has no set end: it is over at the end of its day."),
    )
    all_day = models.BooleanField(
        _("all day"),
        default=False,
        help_text=_(
            "Dates only: times are not shown, and the event lasts to the end of its last day."
        ),
    )
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    speakers = models.TextField(_("speakers"), blank=True, help_text=_("One per line."))
    organiser = models.CharField(_("organiser"), max_length=255, blank=True)
    online_url = models.URLField(
        _("online link"),
        blank=True,
        help_text=_("Where to follow the event online, if it is streamed."),
    )
    registration_url = models.URLField(_("registration link"), blank=True)
    registration_deadline = models.DateTimeField(_("registration deadline"), null=True, blank=True)
    # When it is over (end, or the end of its last day), kept by save() for listings.
    ends_at = models.DateTimeField(editable=False, db_index=True)

    # Found by the site search by its venue, speakers and organiser too.
    indexed_text_fields = (*ArticlePage.indexed_text_fields, "venue", "speakers", "organiser")
    search_kind = pgettext_lazy("kind of search result", "Event")

    # A translator translates the venue, speakers and organiser; times and links are settings.
    content_panels = [
        ArticlePage.content_panels[0],  # the title, both languages
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("start", permission=SETTINGS_PERMISSION),
                        FieldPanel("end", permission=SETTINGS_PERMISSION),
                        FieldPanel("all_day", permission=SETTINGS_PERMISSION),
                    ]
                ),
                BilingualRowPanel([FieldPanel("venue")]),
                BilingualRowPanel([FieldPanel("speakers")]),
                BilingualRowPanel([FieldPanel("organiser")]),
                FieldPanel("online_url", permission=SETTINGS_PERMISSION),
                FieldRowPanel(
                    [
                        FieldPanel("registration_url", permission=SETTINGS_PERMISSION),
                        FieldPanel("registration_deadline", permission=SETTINGS_PERMISSION),
                    ]
                ),
            ],
            heading=_("When and where"),
        ),
        # column and tags, summary, lead image, body, credits, related articles (no date, no
        # Focus: the start is the date)
        *ArticlePage.content_panels[3:],
    ]

    parent_page_types = ["news.EventIndexPage"]
    subpage_types = []

    translated_display_fields = (
        *ArticlePage.translated_display_fields,
        "venue",
        "speakers",
        "organiser",
    )

    is_event = True

    def clean(self):
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("An event cannot end before it starts.")
        if self.start and self.registration_deadline:
            over = self.compute_ends_at()
            if self.registration_deadline > over:
                errors["registration_deadline"] = _(
                    "The registration deadline is after the event is over."
                )
        if self.registration_deadline and not self.registration_url:
            errors["registration_url"] = _("Say where to register, or clear the deadline.")
        if errors:
            raise ValidationError(errors)
        if self.start:
            self.news_date = timezone.localtime(self.start).date()
        super().clean()

    def compute_ends_at(self):
        if self.all_day or self.end is None:
            return local_midnight_after(self.end or self.start)
        return self.end

    def save(self, *args, **kwargs):
        self.ends_at = self.compute_ends_at()
        self.news_date = timezone.localtime(self.start).date()
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        """The page changes when the event is over and when registration closes, without a
        publish: a kept copy lasts no longer (control.changes_at)."""
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        coming = [
            moment
            for moment in (self.ends_at, self.registration_deadline)
            if moment and moment > now
        ]
        if coming:
            control.changes_at(request, min(coming))
        return context

    @property
    def is_over(self):
        return self.ends_at is not None and self.ends_at <= timezone.now()

    @property
    def registration_open(self):
        if not self.registration_url or self.is_over:
            return False
        return self.registration_deadline is None or self.registration_deadline > timezone.now()

    def speaker_list(self):
        return [line.strip() for line in (self.speakers or "").splitlines() if line.strip()]

    def local_start(self):
        return timezone.localtime(self.start)

    def local_end(self):
        """The last moment shown: the end, or for an all-day event its last day."""
        if self.end is None:
            return None
        return timezone.localtime(self.end)

    def serve(self, request, *args, **kwargs):
        """RoutablePageMixin's (first in this class's bases: the page or its `ics/`), its
        response marked public as every page's is (TranslatedPageMixin.serve, which it passes
        by): without it no cache kept an event page."""
        response = super().serve(request, *args, **kwargs)
        if getattr(request, "is_preview", False) or "Cache-Control" in response:
            return response
        return control.public(response, self.cache_kind)

    @path("ics/")
    def ics(self, request):
        """The event as an iCalendar file, for "Add to calendar"."""
        if not self.is_public_in(language()):
            self.show_version(self.public_languages()[0])
        response = HttpResponse(
            calendars.ical([self], request), content_type=calendars.CONTENT_TYPE
        )
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.ics"'
        return control.public(response, control.ARTICLE)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")


class EventIndexPage(SectionPage, TranslatedPageMixin, RoutablePageMixin, Page):
    """News&Events › Events: what is coming (soonest first), what was (newest first), a
    month's events, and each language's iCalendar feed of what is coming."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = ["news.EventPage"]
    routed_model = EventPage  # its children, found in one query (news/routing.py)
    max_count = 1

    PAST_ROUTE = "past/"
    FEED_ROUTE = "feed/ical/"  # the iCalendar feed of what is coming

    def events(self):
        return listed_events(EventPage.objects.child_of(self))

    def render_events(self, request, events, **context):
        """One listing of events, paginated; kept until the next event is over."""
        changes_with_time(request)
        listing = paginate(request, events)
        context["listing"] = listing
        context["feed_url"] = self.get_url(request) + self.FEED_ROUTE
        context["event_months"] = self.months(request)
        return self.render(request, context_overrides=context)

    def months(self, request):
        """[(label, "yyyy/mm/")] of every month with an event, newest first, for the month
        links (kept until a write of what it shows: only a publish adds or removes a month)."""

        def build():
            # In Python: modeltranslation's manager breaks `dates()` and `datetimes()`; a
            # university's events are hundreds, one narrow column.
            starts = self.events().values_list("start", flat=True)
            months = {timezone.localtime(start).date().replace(day=1) for start in starts}
            return [(year_month_label(m), f"{m:%Y/%m}/") for m in sorted(months, reverse=True)]

        parts = ("event-months", self.pk, language())
        return fragments.fragment(request, parts, build, shows=(self,))

    @path("")
    def upcoming(self, request):
        return self.render_events(request, self.events().filter(upcoming_q()), showing="upcoming")

    @path(PAST_ROUTE)
    def past(self, request):
        events = self.events().exclude(upcoming_q()).order_by("-start", "-pk")
        return self.render_events(
            request,
            events,
            showing="past",
            route_title=_("Past events"),
            route_suffix=self.PAST_ROUTE,
        )

    @re_path(r"^(?P<year>\d{4})/(?P<month>\d{2})/$")
    def month(self, request, year, month):
        year, month = int(year), int(month)
        if not (1 <= month <= 12 and 1900 <= year <= 2999):
            raise Http404
        first = timezone.make_aware(datetime.datetime(year, month, 1))
        days = calendar.monthrange(year, month)[1]
        after = first + datetime.timedelta(days=days)
        events = self.events().filter(start__gte=first, start__lt=after)
        return self.render_events(
            request,
            events,
            showing="month",
            route_title=year_month_label(datetime.date(year, month, 1)),
            route_suffix=f"{year:04d}/{month:02d}/",
            month=(year, month),
        )

    @path(FEED_ROUTE)
    def ical_feed(self, request):
        """The upcoming events in this language, as an iCalendar feed to subscribe to."""
        events = list(self.events().filter(upcoming_q())[:200])
        for event in events:
            if not event.is_public_in(language()):
                event.show_version(event.public_languages()[0])
        response = HttpResponse(
            calendars.ical(events, request, name=str(self.title)),
            content_type=calendars.CONTENT_TYPE,
        )
        changes_with_time(request)
        return control.public(response, control.LISTING)

    class Meta:
        verbose_name = _("events index")


def changes_with_time(request):
    """Note that the response changes when the next event is over or starts, without a write
    (control.changes_at): that moment kept in this process until it passes or a write of an
    event (fragments.config_until)."""
    moment = fragments.config_until(
        request, ("next-event-change",), lambda: (next_event_change(),) * 2
    )
    if moment is not None:
        control.changes_at(request, moment)


def upcoming_events(request, home, count=3):
    """The next `count` events under `home`, as the home page shows them (the page is kept
    until the next event is over): one query, built once per process, home and language
    (news/prepared.py)."""
    changes_with_time(request)

    def build(now):
        return listed_events(EventPage.objects.descendant_of(home)).filter(upcoming_q(now))[:count]

    key = ("upcoming-events", home.pk, home.path, count, language())
    query = prepared(key, build, now=EventPage._meta.get_field("ends_at"))
    return query.run(now=timezone.now())
