"""A journalist's embargoed preview link: the release as it will go live, in the link's
language, marked with its embargo, never indexed or kept; a revoked, expired, unknown or
malformed link is the site's ordinary 404, the same for each."""

import datetime

from django.db import connection
from django.test import RequestFactory, TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news.cache import pages
from news.models import ArticlePage
from news.newsroom.roles import MODERATORS
from news.tests.utils import build_site, member

from .. import links
from ..models import PreviewLink, PreviewOpening
from .utils import (
    EMBARGOED_BODY_EN,
    EMBARGOED_BODY_ZH,
    EMBARGOED_EN,
    EMBARGOED_ZH,
    release,
    schedule_through_admin,
    time_passes,
)

DAY = datetime.timedelta(days=1)
# 2099-… in the university's time: the go-live the tests schedule, as the notice writes it
EMBARGO = datetime.datetime(2099, 3, 14, 1, 30, tzinfo=datetime.UTC)  # 09:30 in Beijing


def preview_url(token, language="en"):
    return f"/{language}/press/preview/{token}/"


class PreviewTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site(articles=1)
        cls.moderator = member(MODERATORS)

    def setUp(self):
        self.page = release(self.index)
        self.page.unpublish()
        self.client.force_login(self.moderator)
        schedule_through_admin(self.client, self.page, EMBARGO)
        self.client.logout()
        self.page = ArticlePage.objects.get(pk=self.page.pk)
        self.link, self.token = links.make(self.page, "Xinhua", timezone.now() + DAY, None)


class PreviewShowsTheReleaseTests(PreviewTestCase):
    def test_the_link_shows_what_goes_live_with_its_embargo_in_english(self):
        response = self.client.get(preview_url(self.token))
        self.assertEqual(response.status_code, 200)
        text = response.content.decode()
        self.assertIn(EMBARGOED_EN, text)
        self.assertIn(EMBARGOED_BODY_EN, text)
        self.assertIn("Embargoed until 14 March 2099 09:30 (Beijing time)", text)

    def test_the_chinese_link_shows_the_chinese_version_and_its_embargo(self):
        response = self.client.get(preview_url(self.token, "zh-hans"))
        self.assertEqual(response.status_code, 200)
        text = response.content.decode()
        self.assertIn(EMBARGOED_ZH, text)
        self.assertIn(EMBARGOED_BODY_ZH, text)
        self.assertIn('<html lang="zh-hans">', text)
        # the catalogue's words (the lead fills locale/): the date in Chinese is Django's own
        self.assertIn("2099年3月14日 09:30", text)

    def test_it_is_noindex_private_and_never_kept(self):
        for language in ("en", "zh-hans"):
            response = self.client.get(preview_url(self.token, language))
            self.assertEqual(response["Cache-Control"], "private, no-store")
            self.assertEqual(response["X-Robots-Tag"], "noindex")
            self.assertEqual(response["Referrer-Policy"], "no-referrer")
            self.assertContains(response, '<meta name="robots" content="noindex">', count=1)
            self.assertNotIn("xkey", response)
        # a second anonymous request goes to the view again (it records a second opening)
        with CaptureQueriesContext(connection) as queries:
            again = self.client.get(preview_url(self.token))
        self.assertEqual(again.status_code, 200)
        self.assertGreater(len(queries), 0)
        self.assertEqual(PreviewOpening.objects.filter(link=self.link).count(), 3)
        # the page cache holds nothing at its address (and does hold a public page asked once)
        self.client.get("/en/press/")
        for url, kept in ((preview_url(self.token), False), ("/en/press/", True)):
            _state, entry = pages.look_up(RequestFactory().get(url))
            self.assertEqual(entry is not None, kept, url)

    def test_each_opening_is_recorded_with_its_time_and_language_and_no_address(self):
        before = timezone.now()
        self.client.get(preview_url(self.token), REMOTE_ADDR="203.0.113.9")
        self.client.get(preview_url(self.token, "zh-hans"))
        openings = list(self.link.openings.order_by("pk"))
        self.assertEqual([o.language for o in openings], ["en", "zh-hans"])
        self.assertTrue(all(o.opened_at >= before for o in openings))
        fields = {field.name for field in PreviewOpening._meta.get_fields()}
        self.assertEqual(fields, {"id", "link", "opened_at", "language"})

    def test_only_a_digest_of_the_token_is_kept(self):
        stored = PreviewLink.objects.get(pk=self.link.pk)
        self.assertNotIn(self.token, stored.token_hash)
        self.assertEqual(len(stored.token_hash), 64)

    def test_the_public_address_stays_a_404_while_the_link_shows_the_release(self):
        self.client.get(preview_url(self.token))
        response = self.client.get(f"/en/news/{self.page.slug_en}/")
        self.assertEqual(response.status_code, 404)


class PreviewRefusedTests(PreviewTestCase):
    def not_found(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 404, url)
        text = response.content.decode()
        self.assertNotIn(EMBARGOED_EN, text)
        self.assertNotIn(EMBARGOED_ZH, text)
        return text

    def test_revoked_expired_unknown_and_malformed_tokens_are_the_same_404(self):
        for language in ("en", "zh-hans"):
            answers = set()
            self.assertEqual(self.client.get(preview_url(self.token, language)).status_code, 200)
            links.revoke(self.link)
            answers.add(self.not_found(preview_url(self.token, language)))
            expired, expired_token = links.make(self.page, "Old", timezone.now() - DAY, None)
            answers.add(self.not_found(preview_url(expired_token, language)))
            answers.add(self.not_found(preview_url("A" * 43, language)))  # well formed, unknown
            answers.add(self.not_found(preview_url(self.token[:-1], language)))  # too short
            answers.add(self.not_found(preview_url(self.token + "%00", language)))
            answers.add(self.not_found(preview_url("../../admin", language)))
            self.assertEqual(len(answers), 1, language)  # the site's ordinary 404, each time
            self.assertEqual(answers, {self.client.get(f"/{language}/no-such-page/").text})
            self.link.revoked_at = None
            self.link.save()

    def test_a_revoked_link_is_a_404_at_once_after_being_opened(self):
        self.assertEqual(self.client.get(preview_url(self.token)).status_code, 200)
        links.revoke(self.link)
        self.not_found(preview_url(self.token))
        self.not_found(preview_url(self.token, "zh-hans"))

    def test_a_link_to_a_story_that_is_no_longer_a_release_is_a_404(self):
        ArticlePage.objects.filter(pk=self.page.pk).update(press_release=False)
        self.not_found(preview_url(self.token))

    def test_a_post_is_refused(self):
        response = self.client.post(preview_url(self.token))
        self.assertEqual(response.status_code, 405)
        self.assertEqual(self.link.openings.count(), 0)


class AfterTheEmbargoTests(PreviewTestCase):
    def test_once_live_the_link_leads_to_the_public_page_in_its_language(self):
        time_passes(hours=24 * 365 * 80)  # past 2099
        self.assertTrue(ArticlePage.objects.get(pk=self.page.pk).live)
        for language, prefix, slug in (
            ("en", "/en/news/", self.page.slug_en),
            ("zh-hans", "/zh-hans/xinwen/", self.page.slug_zh_hans),
        ):
            response = self.client.get(preview_url(self.token, language))
            self.assertEqual(response.status_code, 302)
            self.assertEqual(response["Location"], f"{prefix}{slug}/")
            self.assertEqual(response["Cache-Control"], "private, no-store")
        links.revoke(self.link)
        self.assertEqual(self.client.get(preview_url(self.token)).status_code, 404)


class UnscheduledDraftTests(TestCase):
    def test_a_draft_release_without_a_go_live_date_is_shown_as_embargoed_without_a_time(self):
        _home, index, _ = build_site()
        page = release(index, title_en="Draft release", title_zh_hans="草稿新闻稿")
        page.unpublish()
        page.save_revision()
        _link, token = links.make(page, "Caixin", timezone.now() + DAY, None)
        response = self.client.get(preview_url(token))
        self.assertContains(response, "Draft release")
        self.assertContains(response, "Embargoed: the release time is not set yet.")
        self.assertContains(self.client.get(preview_url(token, "zh-hans")), "草稿新闻稿")
