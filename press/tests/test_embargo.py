"""A press release under embargo is in no public answer before its go-live time, through the
real page cache and the API, in both languages; `publish_scheduled` makes it public at that
time, and the kept listings show it then (the publish ends them)."""

import datetime
import html
import json

from django.test import TestCase
from django.utils import timezone
from django.utils.html import strip_tags

from news.models import ArticlePage
from news.newsroom.roles import MODERATORS
from news.tests.utils import build_site, member

from .utils import (
    EMBARGOED_BODY_EN,
    EMBARGOED_BODY_ZH,
    EMBARGOED_EN,
    EMBARGOED_ZH,
    release,
    schedule_through_admin,
    time_passes,
)

# Every public answer a release could leak into, per language: the home page, News&Events,
# its feeds, the sitemaps, the search, the press room and the API.
PUBLIC = {
    "en": [
        "/en/",
        "/en/news/",
        "/en/news/feed/rss/",
        "/en/news/feed/atom/",
        "/en/press/",
        "/en/search/?q=battery",
        "/sitemap-articles-en.xml",
        "/api/v2/articles/",
        "/api/v2/articles/?lang=en&limit=100",
    ],
    "zh-hans": [
        "/zh-hans/",
        "/zh-hans/xinwen/",
        "/zh-hans/xinwen/feed/rss/",
        "/zh-hans/xinwen/feed/atom/",
        "/zh-hans/press/",
        "/zh-hans/search/?q=电池",
        "/sitemap-articles-zh-hans.xml",
        "/api/v2/articles/?lang=zh-hans",
    ],
}
EMBARGOED = {"en": (EMBARGOED_EN, EMBARGOED_BODY_EN), "zh-hans": (EMBARGOED_ZH, EMBARGOED_BODY_ZH)}


class EmbargoTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, (cls.other,) = build_site(articles=1)
        cls.moderator = member(MODERATORS)

    def answers(self, language):
        """{url: (status, text)} of every public answer in `language`, as a visitor gets it:
        its text as a reader sees it (JSON decoded, markup and entities taken out, so that a
        searched word in <mark> or a title escaped in a feed still counts)."""
        self.client.logout()
        found = {}
        for url in PUBLIC[language]:
            response = self.client.get(url)
            text = response.content.decode()
            if response["Content-Type"].startswith("application/json"):
                text = json.dumps(json.loads(text), ensure_ascii=False)
            found[url] = (response.status_code, strip_tags(html.unescape(text)))
        return found

    def leaks(self, language, texts):
        """The public answers of `language` holding any of `texts`."""
        return sorted(
            url
            for url, (_status, text) in self.answers(language).items()
            if any(secret in text for secret in texts)
        )

    def api_detail(self, page, language):
        self.client.logout()
        return self.client.get(f"/api/v2/articles/{page.pk}/?lang={language}")


class ScheduledReleaseTests(EmbargoTestCase):
    """A release whose first publication is scheduled an hour ahead."""

    def setUp(self):
        self.page = release(self.index)
        self.page.unpublish()
        self.client.force_login(self.moderator)
        schedule_through_admin(self.client, self.page, timezone.now() + datetime.timedelta(hours=1))
        self.page = ArticlePage.objects.get(pk=self.page.pk)

    def test_the_release_is_scheduled_and_not_live(self):
        self.assertFalse(self.page.live)
        self.assertTrue(self.page.press_release)
        self.assertIsNotNone(self.page.scheduled_revision)

    def test_its_text_is_in_no_public_answer_before_its_time_in_either_language(self):
        for _ in range(2):  # asked twice: the second answers come from the page cache
            for language, texts in EMBARGOED.items():
                self.assertEqual(self.leaks(language, texts), [], language)
        # every answer was a real one, not an error page
        for language in EMBARGOED:
            for url, (status, _text) in self.answers(language).items():
                self.assertEqual(status, 200, url)

    def test_its_own_address_and_its_api_detail_are_404s(self):
        self.client.logout()
        for language, slug_field in (("en", "slug_en"), ("zh-hans", "slug_zh_hans")):
            prefix = "/en/news/" if language == "en" else "/zh-hans/xinwen/"
            url = f"{prefix}{getattr(self.page, slug_field)}/"
            for _ in range(2):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 404, url)
                self.assertNotContains(response, EMBARGOED[language][0], status_code=404)
            self.assertEqual(self.api_detail(self.page, language).status_code, 404)

    def test_it_is_public_everywhere_after_publish_scheduled_runs_past_its_time(self):
        for language, texts in EMBARGOED.items():  # kept by the page cache without it
            self.assertEqual(self.leaks(language, texts), [], language)
        time_passes(hours=1.5)
        self.assertTrue(ArticlePage.objects.get(pk=self.page.pk).live)
        for language, (title, _body) in EMBARGOED.items():
            shown = self.answers(language)
            listed = [url for url, (_status, text) in shown.items() if title in text]
            # home, News&Events, both feeds, the press room, the search, the sitemap (by its
            # address: it lists no titles), the API's lists
            expected = [url for url in PUBLIC[language] if "sitemap" not in url]
            self.assertEqual(sorted(listed), sorted(expected), language)
            self.assertEqual(self.api_detail(self.page, language).status_code, 200)
        sitemap = self.client.get("/sitemap-articles-en.xml").content.decode()
        self.assertIn(self.page.slug_en, sitemap)


class ScheduledRevisionOfALiveArticleTests(EmbargoTestCase):
    """An article already live, with a new revision (the release's text) scheduled."""

    def setUp(self):
        self.page = release(self.index)
        self.page.save_revision().publish()  # published as the admin publishes: a live revision
        self.old_title = self.page.title_en
        self.client.force_login(self.moderator)
        schedule_through_admin(self.client, self.page, timezone.now() + datetime.timedelta(hours=1))
        self.page = ArticlePage.objects.get(pk=self.page.pk)

    def test_the_new_text_is_not_public_before_its_time_and_the_old_one_still_is(self):
        self.assertTrue(self.page.live)
        self.assertEqual(self.page.title_en, self.old_title)  # the live version is the old one
        for _ in range(2):
            for language, texts in EMBARGOED.items():
                self.assertEqual(self.leaks(language, texts), [], language)
            self.client.logout()
            article = self.client.get(f"/en/news/{self.page.slug_en}/").content.decode()
            self.assertTrue(self.old_title in article)
            self.assertFalse(EMBARGOED_BODY_EN in article)
            detail = self.api_detail(self.page, "zh-hans")
            self.assertEqual(detail.status_code, 200)
            self.assertNotIn(EMBARGOED_ZH, detail.content.decode())

    def test_the_new_text_replaces_the_old_at_its_time(self):
        self.client.logout()
        self.assertTrue(self.old_title in self.client.get("/en/news/").content.decode())  # kept
        time_passes(hours=1.5)
        for language, (title, body) in EMBARGOED.items():
            listing = self.client.get("/en/news/" if language == "en" else "/zh-hans/xinwen/")
            self.assertTrue(title in listing.content.decode(), language)
            slug = self.page.slug_en if language == "en" else self.page.slug_zh_hans
            prefix = "/en/news/" if language == "en" else "/zh-hans/xinwen/"
            self.assertTrue(body in self.client.get(f"{prefix}{slug}/").content.decode(), slug)
