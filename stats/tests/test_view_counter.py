"""The view counter (stats/counting.py): same-origin beacons, one view per visitor, article and
day, rate-limited, counted in the cache and written to the database in batches. Each test runs
on each process's memory (as under `make run`) and on the machine's real Redis (production)."""

import datetime

from django.core.cache import cache
from django.test import TestCase, override_settings
from django.utils import timezone

from news.factories import ArticlePageFactory
from news.tests.utils import build_site
from stats import counting
from stats.models import PageViewCount

ORIGIN = "http://testserver"
REDIS = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/5",
        "KEY_PREFIX": "bitnews-test-views",
    }
}


class ViewCounterTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, (cls.article,) = build_site(articles=1)

    def setUp(self):
        cache.clear()
        self.addCleanup(cache.clear)

    def beacon(self, page_id=None, address="203.0.113.7", browser="Firefox", **headers):
        headers.setdefault("HTTP_ORIGIN", ORIGIN)
        return self.client.post(
            f"/en/views/{page_id or self.article.pk}/",
            REMOTE_ADDR=address,
            HTTP_USER_AGENT=browser,
            **headers,
        )

    def stored(self):
        return PageViewCount.total_for(self.article.pk)

    def test_article_page_asks_for_a_count_without_setting_cookies(self):
        response = self.client.get(self.article.url)
        self.assertContains(response, f'data-view-count-url="/en/views/{self.article.pk}/"')
        self.assertContains(response, 'src="/static/js/views.js" defer')
        self.assertEqual(response.cookies, {})

    def test_three_visitors_count_three_views_shown_in_both_languages(self):
        for address in ("203.0.113.7", "203.0.113.8", "198.51.100.9"):
            response = self.beacon(address=address)
            self.assertEqual(response.status_code, 204)
            self.assertEqual(response.cookies, {})
        counting.flush()
        self.assertEqual(self.stored(), 3)
        self.assertContains(self.client.get(self.article.url), "3 views")
        chinese = self.client.get(f"/zh-hans/xinwen/{self.article.slug_zh_hans}/")
        self.assertContains(chinese, "3次阅读")

    def test_a_visitor_counts_once_a_day_however_often_they_call(self):
        for _ in range(20):
            self.assertEqual(self.beacon().status_code, 204)
        counting.flush()
        self.assertEqual(self.stored(), 1)

    def test_another_browser_at_the_same_address_is_another_visitor(self):
        self.beacon(browser="Firefox")
        self.beacon(browser="WeChat")
        counting.flush()
        self.assertEqual(self.stored(), 2)

    def test_nothing_about_the_visitor_is_stored(self):
        self.beacon()
        counting.flush()
        row = PageViewCount.objects.get()
        self.assertEqual((row.page_id, row.views), (self.article.pk, 1))
        self.assertNotIn("203.0.113.7", repr(list(PageViewCount.objects.values())))

    def test_other_sites_count_nothing(self):
        self.assertEqual(self.beacon(HTTP_ORIGIN="https://evil.example").status_code, 403)
        no_origin = self.client.post(f"/en/views/{self.article.pk}/")
        self.assertEqual(no_origin.status_code, 403)
        fetched = self.client.post(
            f"/en/views/{self.article.pk}/", HTTP_SEC_FETCH_SITE="same-origin"
        )
        self.assertEqual(fetched.status_code, 204)  # a browser that sends no Origin
        counting.flush()
        self.assertEqual(self.stored(), 1)

    def test_a_flood_from_one_address_is_refused(self):
        answers = [self.beacon(browser=f"bot {n}").status_code for n in range(40)]
        self.assertEqual(answers.count(204), counting.RATE_PER_MINUTE)
        self.assertEqual(set(answers[counting.RATE_PER_MINUTE :]), {429})
        self.assertEqual(self.beacon(address="198.51.100.9").status_code, 204)

    def test_views_are_written_in_batches_not_one_write_a_view(self):
        self.beacon(address="203.0.113.1")  # the first beacon writes the batch due
        # the page's view restrictions and whether it is a live article: nothing written
        with self.assertNumQueries(2):
            self.beacon(address="203.0.113.2")
        self.assertEqual(self.stored(), 1)
        counting.flush()
        self.assertEqual(self.stored(), 2)

    def test_a_flush_twice_or_after_a_lost_cache_loses_nothing(self):
        for address in ("203.0.113.1", "203.0.113.2"):
            self.beacon(address=address)
        counting.flush()
        counting.flush()
        self.assertEqual(self.stored(), 2)
        cache.clear()  # Redis restarted: the day's counter starts again from the database
        self.beacon(address="203.0.113.3")
        counting.flush()
        self.assertEqual(self.stored(), 3)

    def test_yesterdays_last_views_are_written_after_midnight(self):
        yesterday = timezone.localdate() - datetime.timedelta(days=1)
        key = counting.counter_key(yesterday, self.article.pk, "en")
        cache.set(key, 7)
        counting.register(yesterday, self.article.pk, "en")
        counting.flush()
        self.assertEqual(PageViewCount.objects.get(day=yesterday).views, 7)

    def test_a_day_over_is_written_then_cleared(self):
        three_days_ago = timezone.localdate() - datetime.timedelta(days=3)
        key = counting.counter_key(three_days_ago, self.article.pk, "en")
        cache.set(key, 4, None)
        counting.register(three_days_ago, self.article.pk, "en")
        counting.flush()  # no flush had run since that day: written, then cleared
        self.assertEqual(PageViewCount.objects.get(day=three_days_ago).views, 4)
        self.assertIsNone(cache.get(key))
        self.assertIsNone(cache.get(f"stats:slots:{three_days_ago:%Y%m%d}"))

    def test_a_counter_left_by_the_version_before_languages_does_not_stop_the_flush(self):
        today = timezone.localdate()
        cache.set(f"stats:slots:{today:%Y%m%d}", 1)
        cache.set(f"stats:slots:{today:%Y%m%d}:1", self.article.pk)  # a page id alone
        self.beacon()
        counting.flush()
        self.assertEqual(self.stored(), 1)

    def test_views_count_for_the_language_they_were_read_in_and_a_visitor_once(self):
        self.beacon(address="203.0.113.7")
        self.client.post(  # the same visitor on the Chinese site: already counted today
            f"/zh-hans/views/{self.article.pk}/",
            REMOTE_ADDR="203.0.113.7",
            HTTP_USER_AGENT="Firefox",
            HTTP_ORIGIN=ORIGIN,
        )
        for address in ("203.0.113.8", "203.0.113.9"):
            response = self.client.post(
                f"/zh-hans/views/{self.article.pk}/", REMOTE_ADDR=address, HTTP_ORIGIN=ORIGIN
            )
            self.assertEqual(response.status_code, 204)
        counting.flush()
        by_language = dict(PageViewCount.objects.values_list("language", "views"))
        self.assertEqual(by_language, {"en": 1, "zh-hans": 2})
        self.assertEqual(self.stored(), 3)  # what the article shows, in both languages

    def test_get_is_refused_and_unknown_or_unpublished_pages_are_not_found(self):
        self.assertEqual(self.client.get(f"/en/views/{self.article.pk}/").status_code, 405)
        self.assertEqual(self.beacon(self.index.pk).status_code, 404)
        self.assertEqual(self.beacon(999999).status_code, 404)
        # not the beacon's address: a page address, which takes no POST
        self.assertEqual(self.client.post("/en/views/abc/").status_code, 405)
        draft = ArticlePageFactory(parent=self.index, live=False)
        self.assertEqual(self.beacon(draft.pk).status_code, 404)
        counting.flush()
        self.assertEqual(PageViewCount.objects.count(), 0)


@override_settings(CACHES=REDIS)
class ViewCounterOnRedisTests(ViewCounterTests):
    def test_views_not_written_yet_cannot_be_evicted(self):
        """Redis evicts only keys with a TTL (volatile-lru, docs/deployment.md): a day's
        counter and its slots have none."""
        from django_redis import get_redis_connection

        self.beacon()
        today = timezone.localdate()
        raw = get_redis_connection("default")
        for key in (
            counting.counter_key(today, self.article.pk, "en"),
            f"stats:slots:{today:%Y%m%d}",
            f"stats:slots:{today:%Y%m%d}:1",
        ):
            with self.subTest(key=key):
                self.assertEqual(raw.ttl(cache.make_key(key)), -1)
