"""Scheduled publishing: a moderator sets go-live and expiry dates in the admin; Wagtail's
`publish_scheduled` command (run by cron or a systemd timer in production, see README) puts the
article in the listings after its go-live time and takes it out after its expiry.

Instead of waiting an hour, the tests move the scheduled times into the past in the database,
which is what the clock moving forward looks like to `publish_scheduled`."""

import datetime

from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone
from wagtail.models import Revision

from news.models import ArticlePage
from news.newsroom.roles import MODERATORS
from news.tests.utils import build_site, edit_form, member

TITLE_EN = "Scheduled open day"
TITLE_ZH = "定时发布的开放日"


def admin_time(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


class SchedulingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, (cls.article,) = build_site(articles=1)
        cls.article.unpublish()
        cls.moderator = member(MODERATORS)

    def setUp(self):
        self.client.force_login(self.moderator)
        now = timezone.now()
        response = self.client.post(
            f"/admin/pages/{self.article.pk}/edit/",
            edit_form(
                self.article,
                title_en=TITLE_EN,
                title_zh_hans=TITLE_ZH,
                go_live_at=admin_time(now + datetime.timedelta(hours=1)),
                expire_at=admin_time(now + datetime.timedelta(hours=2)),
                **{"action-publish": "action-publish"},
            ),
        )
        self.assertEqual(response.status_code, 302)

    def listed(self):
        return (
            TITLE_EN in self.client.get("/en/news/").text,
            TITLE_ZH in self.client.get("/zh-hans/xinwen/").text,
        )

    def time_passes(self, hours):
        past = datetime.timedelta(hours=hours)
        for revision in Revision.objects.filter(approved_go_live_at__isnull=False):
            revision.approved_go_live_at -= past
            for field in ("go_live_at", "expire_at"):  # the dates the revision will publish
                if revision.content.get(field):
                    moment = datetime.datetime.fromisoformat(revision.content[field])
                    revision.content[field] = (moment - past).isoformat()
            revision.save(update_fields=["approved_go_live_at", "content"])
        page = ArticlePage.objects.get(pk=self.article.pk)
        ArticlePage.objects.filter(pk=page.pk).update(
            go_live_at=page.go_live_at and page.go_live_at - past,
            expire_at=page.expire_at and page.expire_at - past,
        )
        call_command("publish_scheduled", verbosity=0)

    def test_scheduled_article_is_not_listed_before_its_go_live_time(self):
        call_command("publish_scheduled", verbosity=0)
        self.assertFalse(ArticlePage.objects.get(pk=self.article.pk).live)
        self.assertEqual(self.listed(), (False, False))
        self.assertEqual(self.client.get(f"/en/news/{self.article.slug_en}/").status_code, 404)

    def test_scheduled_article_is_listed_in_both_languages_after_its_go_live_time(self):
        self.time_passes(hours=1.5)
        self.assertTrue(ArticlePage.objects.get(pk=self.article.pk).live)
        self.assertEqual(self.listed(), (True, True))

    def test_article_leaves_the_listings_after_its_expiry(self):
        self.time_passes(hours=1.5)
        self.time_passes(hours=1)
        article = ArticlePage.objects.get(pk=self.article.pk)
        self.assertFalse(article.live)
        self.assertTrue(article.expired)
        self.assertEqual(self.listed(), (False, False))
        self.assertEqual(
            self.client.get(f"/zh-hans/xinwen/{self.article.slug_zh_hans}/").status_code, 404
        )

    def test_pages_kept_before_the_go_live_show_the_article_after_it_and_not_after_expiry(self):
        self.client.logout()  # a visitor, whose pages the page cache keeps
        url = f"/en/news/{self.article.slug_en}/"
        for _ in range(2):
            self.assertEqual(self.listed(), (False, False))
            self.assertEqual(self.client.get(url).status_code, 404)
        self.time_passes(hours=1.5)  # publish_scheduled publishes it
        self.assertEqual(self.listed(), (True, True))
        self.assertEqual(self.client.get(url).status_code, 200)
        self.assertEqual(self.listed(), (True, True))  # now kept with it
        self.time_passes(hours=1)  # and takes it down
        self.assertEqual(self.listed(), (False, False))
        self.assertEqual(self.client.get(url).status_code, 404)
