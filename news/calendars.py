"""Events as iCalendar (RFC 5545), written by the `icalendar` library: one event for "Add to
calendar", or a feed of the upcoming ones. Times carry their time zone (TZID=Asia/Shanghai, with
its VTIMEZONE); an all-day event is a DATE span whose end is the day after its last."""

import datetime

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, vText

CONTENT_TYPE = "text/calendar; charset=utf-8"


def ical(events, request, name=None):
    """The iCalendar bytes of `events` (EventPage objects, each showing the version to give)."""
    cal = Calendar()
    cal.add("prodid", "-//bitnews//News&Events//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if name:
        cal.add("x-wr-calname", name)
        cal.add("x-wr-timezone", settings.TIME_ZONE)
    for event in events:
        cal.add_component(vevent(event, request))
    cal.add_missing_timezones()
    return cal.to_ical()


def vevent(event, request):
    item = Event()
    host = request.get_host().split(":")[0]
    item.add("uid", f"event-{event.pk}@{host}")
    item.add("dtstamp", event.last_published_at or timezone.now())
    item.add("summary", event.title)
    start = timezone.localtime(event.start)
    if event.all_day:
        last = timezone.localtime(event.end or event.start).date()
        item.add("dtstart", start.date())
        item.add("dtend", last + datetime.timedelta(days=1))
    else:
        item.add("dtstart", start)
        item.add("dtend", timezone.localtime(event.compute_ends_at()))
    url = request.build_absolute_uri(event.get_url(request))
    item.add("url", url)
    description = "\n\n".join(part for part in (event.summary, url) if part)
    item.add("description", description)
    location = event.venue or event.online_url
    if location:
        item.add("location", vText(location))
    return item
