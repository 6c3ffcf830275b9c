"""Events (News&Events › Events): upcoming soonest first, past newest first, a month's; an
event leaves "upcoming" at its end by itself; "Add to calendar" and each language's iCalendar
feed, parsed back with `icalendar`; JSON-LD Event; the home page's next three; both languages."""

import datetime
import json
import re

import icalendar
from django.core.exceptions import ValidationError
from django.test import RequestFactory, TestCase
from django.utils import timezone

from news.cache import pages
from news.factories import EventIndexPageFactory, EventPageFactory
from news.models import ArticleTranslationState, EventPage
from news.newsroom.roles import EDITORS, MODERATORS, REVIEW_WORKFLOW, TRANSLATORS
from news.tests.utils import build_site, member, read_sitemaps, titles_in

EVENTS = {"en": "/en/news/events/", "zh-hans": "/zh-hans/xinwen/huodong/"}


def event_titles(response):
    return re.findall(
        r'class="event-card__title"><a href="[^"]+"[^>]*>([^<]+)</a>', response.content.decode()
    )


def json_ld(response):
    found = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    return json.loads(found.group(1))["@graph"]


class EventListingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, (cls.article,) = build_site(articles=1)
        cls.events = EventIndexPageFactory(parent=cls.index)
        cls.soon = EventPageFactory(parent=cls.events, days=2, title_en="Robotics talk")
        cls.later = EventPageFactory(parent=cls.events, days=20, title_en="Open day")
        cls.next_week = EventPageFactory(parent=cls.events, days=7, title_en="Space forum")
        cls.far = EventPageFactory(parent=cls.events, days=60, title_en="Alumni reunion")
        cls.yesterday = EventPageFactory(parent=cls.events, days=-1, title_en="Chemistry lecture")
        cls.last_month = EventPageFactory(parent=cls.events, days=-30, title_en="Art show")

    def test_upcoming_events_come_soonest_first_in_both_languages(self):
        self.assertEqual(
            event_titles(self.client.get(EVENTS["en"])),
            ["Robotics talk", "Space forum", "Open day", "Alumni reunion"],
        )
        chinese = event_titles(self.client.get(EVENTS["zh-hans"]))
        self.assertEqual(chinese[0], self.soon.title_zh_hans)
        self.assertEqual(len(chinese), 4)

    def test_past_events_come_newest_first(self):
        response = self.client.get(EVENTS["en"] + "past/")
        self.assertEqual(event_titles(response), ["Chemistry lecture", "Art show"])
        self.assertContains(response, "<title>Past events · Events | BIT News</title>", html=False)
        self.assertEqual(self.client.get(EVENTS["zh-hans"] + "past/").status_code, 200)

    def test_a_month_lists_the_events_starting_in_it(self):
        start = timezone.localtime(self.far.start)
        response = self.client.get(EVENTS["en"] + f"{start:%Y/%m}/")
        self.assertIn("Alumni reunion", event_titles(response))
        self.assertNotIn("Robotics talk", event_titles(response)) if timezone.localtime(
            self.soon.start
        ).month != start.month else None
        self.assertIn(
            f'href="{EVENTS["en"]}{start:%Y/%m}/"', self.client.get(EVENTS["en"]).content.decode()
        )
        for bad in ("2026/13/", "2026/00/", "0001/01/", "2026/1/"):
            self.assertEqual(self.client.get(EVENTS["en"] + bad).status_code, 404, bad)

    def test_an_event_leaves_upcoming_when_it_ends_without_a_publish(self):
        self.client.get(EVENTS["en"])  # kept by the page cache
        _state, kept = pages.look_up(RequestFactory().get(EVENTS["en"]))
        self.assertLessEqual(kept["expires"], self.soon.ends_at.timestamp())
        moment = timezone.now() - datetime.timedelta(minutes=1)
        EventPage.objects.filter(pk=self.soon.pk).update(
            start=moment - datetime.timedelta(hours=1), end=moment, ends_at=moment
        )
        # what the kept copy would show after its expiry: made again, without the event
        from django.core.cache import cache

        cache.clear()
        titles = event_titles(self.client.get(EVENTS["en"]))
        self.assertNotIn("Robotics talk", titles)
        self.assertIn("Robotics talk", event_titles(self.client.get(EVENTS["en"] + "past/")))
        response = self.client.get(EventPage.objects.get(pk=self.soon.pk).url)
        self.assertContains(response, "This event is over.")
        self.assertNotContains(response, "Add to calendar")

    def test_an_event_page_is_kept_until_the_event_is_over(self):
        """Like every page: public for shared caches, kept by the page cache (no query on the
        next view), never past its end."""
        url = self.soon.url
        response = self.client.get(url)
        self.assertIn("s-maxage", response["Cache-Control"])
        _state, kept = pages.look_up(RequestFactory().get(url))
        self.assertIsNotNone(kept)
        self.assertLessEqual(kept["expires"], self.soon.ends_at.timestamp())
        with self.assertNumQueries(0):
            self.assertEqual(self.client.get(url).status_code, 200)

    def test_events_stay_out_of_the_news_listings_and_the_home_page_s_latest_news(self):
        self.assertNotIn("Robotics talk", titles_in(self.client.get("/en/news/")))
        home = self.client.get("/en/")
        latest = home.content.decode().split('id="latest-heading"', 1)[1].split("</section>", 1)[0]
        self.assertNotIn("Robotics talk", latest)

    def test_the_sitemap_lists_the_section_its_past_events_and_each_event(self):
        urls = read_sitemaps(self.client)
        for path in (EVENTS["en"], EVENTS["zh-hans"], EVENTS["en"] + "past/", self.soon.url):
            self.assertIn(f"http://testserver{path}", urls, path)

    def test_the_home_page_shows_the_next_three(self):
        home = self.client.get("/en/")
        self.assertEqual(event_titles(home), ["Robotics talk", "Space forum", "Open day"])
        self.assertContains(home, 'href="/en/news/events/"')
        self.assertEqual(event_titles(self.client.get("/zh-hans/"))[0], self.soon.title_zh_hans)


class EventPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _articles = build_site()
        cls.events = EventIndexPageFactory(parent=cls.index)
        cls.talk = EventPageFactory(
            parent=cls.events,
            days=3,
            title_en="Talk: robots, rovers; and you",
            speakers_en="Prof. Li Wei\nDr. Ana Costa",
            speakers_zh_hans="李伟教授\n安娜·科斯塔博士",
            organiser_en="School of Mechanical Engineering",
            organiser_zh_hans="机械与车辆学院",
            online_url="https://live.example.edu.cn/talk",
            registration_url="https://example.edu.cn/register",
        )
        cls.open_day = EventPageFactory(
            parent=cls.events, days=10, all_day=True, title_en="Open day"
        )

    def test_the_page_says_when_where_who_in_both_languages(self):
        response = self.client.get(self.talk.url)
        self.assertContains(response, "Central Lecture Hall")
        self.assertContains(response, "Prof. Li Wei")
        self.assertContains(response, "School of Mechanical Engineering")
        self.assertContains(response, "(Beijing time)")
        self.assertContains(response, 'href="https://example.edu.cn/register"')
        self.assertContains(response, "Add to calendar")
        chinese = self.client.get(f"/zh-hans/xinwen/huodong/{self.talk.slug_zh_hans}/")
        self.assertContains(chinese, "中心教学楼报告厅")
        self.assertContains(chinese, "李伟教授")
        self.assertContains(chinese, "添加到日历")
        # the navigation still leads to News&Events and Focus, not to Events
        self.assertContains(chinese, '<li><a href="/zh-hans/xinwen/focus/">')

    def test_add_to_calendar_gives_an_icalendar_file_with_time_zone_and_escaped_text(self):
        response = self.client.get(self.talk.url + "ics/")
        self.assertEqual(response["Content-Type"], "text/calendar; charset=utf-8")
        self.assertIn("attachment", response["Content-Disposition"])
        calendar = icalendar.Calendar.from_ical(response.content)
        (event,) = calendar.walk("VEVENT")
        self.assertEqual(str(event["SUMMARY"]), "Talk: robots, rovers; and you")
        self.assertIn(b"SUMMARY:Talk: robots\\, rovers\\; and you", response.content)
        self.assertIn(b"DTSTART;TZID=Asia/Shanghai:", response.content)
        self.assertTrue(calendar.walk("VTIMEZONE"))
        self.assertEqual(event.decoded("DTSTART"), self.talk.start)
        self.assertEqual(event.decoded("DTEND"), self.talk.end)
        self.assertEqual(str(event["LOCATION"]), "Central Lecture Hall")
        self.assertTrue(str(event["URL"]).endswith(self.talk.url))

    def test_an_all_day_event_is_a_span_of_dates(self):
        calendar = icalendar.Calendar.from_ical(self.client.get(self.open_day.url + "ics/").content)
        (event,) = calendar.walk("VEVENT")
        day = timezone.localtime(self.open_day.start).date()
        self.assertEqual(event.decoded("DTSTART"), day)
        self.assertEqual(
            event.decoded("DTEND"),
            timezone.localtime(self.open_day.end).date() + datetime.timedelta(days=1),
        )
        self.assertNotContains(self.client.get(self.open_day.url), "(Beijing time)")

    def test_each_language_has_a_feed_of_upcoming_events(self):
        for language, titles in (
            ("en", {"Talk: robots, rovers; and you", "Open day"}),
            ("zh-hans", {self.talk.title_zh_hans, self.open_day.title_zh_hans}),
        ):
            response = self.client.get(EVENTS[language] + "feed/ical/")
            calendar = icalendar.Calendar.from_ical(response.content)
            self.assertEqual({str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}, titles)
        self.assertContains(self.client.get(EVENTS["en"]), 'type="text/calendar"')

    def test_structured_data_describes_an_event(self):
        (event,) = [
            item for item in json_ld(self.client.get(self.talk.url)) if item["@type"] == "Event"
        ]
        self.assertEqual(event["name"], "Talk: robots, rovers; and you")
        self.assertEqual(event["startDate"], timezone.localtime(self.talk.start).isoformat())
        self.assertEqual(
            event["eventAttendanceMode"], "https://schema.org/MixedEventAttendanceMode"
        )
        self.assertEqual(event["location"][0]["name"], "Central Lecture Hall")
        self.assertEqual(
            [person["name"] for person in event["performer"]], ["Prof. Li Wei", "Dr. Ana Costa"]
        )

    def test_impossible_times_are_refused_with_a_message(self):
        event = EventPage.objects.get(pk=self.talk.pk)
        event.end = event.start - datetime.timedelta(hours=1)
        with self.assertRaises(ValidationError) as refused:
            event.full_clean()
        self.assertIn("end", refused.exception.message_dict)
        event.end = event.start + datetime.timedelta(hours=1)
        event.registration_deadline = event.end + datetime.timedelta(days=1)
        with self.assertRaises(ValidationError) as refused:
            event.full_clean()
        self.assertIn("registration_deadline", refused.exception.message_dict)

    def test_an_event_has_a_translation_status_like_an_article(self):
        states = ArticleTranslationState.objects.filter(page_id=self.talk.pk)
        self.assertEqual(states.count(), 2)


class EventRoleTests(TestCase):
    """The same rights on events as on articles, and the same review."""

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _articles = build_site()
        cls.events = EventIndexPageFactory(parent=cls.index)
        cls.event = EventPageFactory(parent=cls.events)
        cls.editor = member(EDITORS, "editor")
        cls.moderator = member(MODERATORS, "moderator")
        cls.translator = member(TRANSLATORS, "translator")

    def test_editors_add_events_moderators_publish_them_under_the_review_workflow(self):
        self.assertTrue(self.events.permissions_for_user(self.editor).can_add_subpage())
        self.assertFalse(self.event.permissions_for_user(self.editor).can_publish())
        self.assertFalse(self.events.permissions_for_user(self.moderator).can_add_subpage())
        self.assertTrue(self.event.permissions_for_user(self.moderator).can_publish())
        self.assertEqual(self.event.get_workflow().name, REVIEW_WORKFLOW)

    def test_translators_translate_the_text_and_leave_times_and_links_alone(self):
        self.client.force_login(self.translator)
        form = self.client.get(f"/admin/pages/{self.event.pk}/edit/").content.decode()
        self.assertIn('name="venue_zh_hans"', form)
        self.assertIn('name="speakers_zh_hans"', form)
        for setting in ("start", "end", "registration_url", "online_url"):
            self.assertNotIn(f'name="{setting}"', form, setting)
        self.assertFalse(self.events.permissions_for_user(self.translator).can_edit())
