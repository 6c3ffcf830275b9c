"""Fragments kept with their tags (news/cache/fragments.py): article cards and the
archive navigation. Whatever a visitor can see changes at the next request after a write, or
after the moment that changes it (a Focus end date), never later."""

import datetime
import os
import subprocess
import sys
import time
from pathlib import Path

from django.test import TestCase, override_settings
from django.utils import timezone

from news.cache import fragments, store
from news.factories import ArticlePageFactory
from news.models import ArticlePage, Column
from news.tests.utils import build_site, titles_in


class FragmentCacheTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, cls.articles = build_site(articles=3)
        cls.article = cls.articles[0]

    def test_a_published_new_title_is_on_every_listing_at_the_next_request(self):
        for url in ("/en/", "/en/news/", "/zh-hans/xinwen/"):
            self.client.get(url)  # cards cached
        article = ArticlePage.objects.get(pk=self.article.pk)
        article.title_en, article.title_zh_hans = "Telescope unveiled", "望远镜揭幕"
        article.save_revision().publish()
        self.assertIn("Telescope unveiled", titles_in(self.client.get("/en/")))
        self.assertIn("Telescope unveiled", titles_in(self.client.get("/en/news/")))
        self.assertIn("望远镜揭幕", titles_in(self.client.get("/zh-hans/xinwen/")))

    def test_a_card_loses_its_focus_badge_when_focus_ends_without_a_write(self):
        ends = timezone.now() + datetime.timedelta(seconds=1)
        ArticlePage.objects.filter(pk=self.article.pk).update(focus=True, focus_until=ends)
        store.get().everything()  # as the publish that put it in Focus would have
        for url in ("/en/", "/en/news/"):
            self.assertContains(self.client.get(url), '<span class="badge">Focus</span>')
        # Time passes: no save, no signal, no invalidation.
        time.sleep(max((ends - timezone.now()).total_seconds(), 0) + 0.05)
        for url in ("/en/", "/en/news/"):
            self.assertNotContains(self.client.get(url), '<span class="badge">Focus</span>')

    def test_the_focus_total_drops_when_an_end_date_passes_without_a_write(self):
        ends = timezone.now() + datetime.timedelta(seconds=1)
        pks = [article.pk for article in self.articles]
        ArticlePage.objects.filter(pk__in=pks).update(focus=True)
        ArticlePage.objects.filter(pk=self.article.pk).update(focus_until=ends)
        store.get().everything()  # as the publish that put them in Focus would have

        def focus_total():
            with override_settings(PAGE_CACHE=False):  # rendered, from the fragments
                response = self.client.get("/en/news/focus/")
            return response.context["listing"].paginator.count

        self.assertEqual(focus_total(), 3)  # counted, and kept
        self.assertEqual(focus_total(), 3)
        self.assertIn(self.article.title, titles_in(self.client.get("/en/news/focus/")))
        home = self.client.get("/en/")
        self.assertIn(self.article.pk, [article.pk for article in home.context["focus_articles"]])
        time.sleep(max((ends - timezone.now()).total_seconds(), 0) + 0.05)
        self.assertEqual(focus_total(), 2)  # no write: the end date passing is enough
        # neither in the listing's rows, kept too, nor on the home page
        self.assertNotIn(self.article.title, titles_in(self.client.get("/en/news/focus/")))
        home = self.client.get("/en/")
        self.assertNotIn(
            self.article.pk, [article.pk for article in home.context["focus_articles"]]
        )

    def test_the_archive_navigation_shows_a_new_month_at_the_next_request(self):
        self.assertNotContains(self.client.get("/en/news/"), "/en/news/2001/")
        ArticlePageFactory(parent=self.index, news_date=datetime.date(2001, 3, 4))
        response = self.client.get("/en/news/")
        self.assertContains(response, 'href="/en/news/2001/"')
        self.assertContains(response, 'href="/en/news/2001/03/"')

    def test_what_visitors_see_invalidates_and_bookkeeping_does_not(self):
        before = store.get().begin().clock
        self.article.save_revision()  # a draft: Wagtail's bookkeeping on the page
        self.assertEqual(store.get().begin().clock, before)
        Column.objects.create(
            name_en="Research", name_zh_hans="科研", slug_en="r", slug_zh_hans="k"
        )
        self.assertGreater(store.get().begin().clock, before)


ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = "redis://127.0.0.1:6379/7"
SHOW_CLOCK = """
import django
django.setup()
from news.cache import store
print(store.get().begin().clock)
"""


# As production's (bitnews/settings/base.py, redis_cache), on a database of its own.
REDIS = {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": REDIS_URL, "KEY_PREFIX": "bitnews"}


@override_settings(CACHES={"default": REDIS})
class SharedClockTests(TestCase):
    """With Redis (production), another server's process sees a write at its next request:
    the clock is read from Redis, not from a process's memory."""

    def clock_in_another_process(self):
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bitnews.settings.test"}
        env.update(REDIS_URL=REDIS_URL)
        done = subprocess.run(
            [sys.executable, "-c", SHOW_CLOCK],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        self.assertEqual(done.returncode, 0, done.stderr[-2000:])
        return int(done.stdout.strip().splitlines()[-1])

    def test_a_write_here_moves_the_clock_of_every_other_process(self):
        _home, index, _ = build_site(articles=1)
        mine = fragments.begin()[0].clock
        self.assertEqual(self.clock_in_another_process(), mine)
        ArticlePageFactory(parent=index)  # a write a visitor sees
        self.assertGreater(fragments.begin()[0].clock, mine)
        self.assertEqual(self.clock_in_another_process(), fragments.begin()[0].clock)
