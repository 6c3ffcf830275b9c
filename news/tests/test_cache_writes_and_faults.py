"""What may empty the cache, and what Redis faults cost (issue 23): a failed sign-in, a
sign-in and a draft change no kept page; a Redis that accepts connections and never answers
costs one request half a second, not every cache call of every request."""

import socket
import threading
import time

from django.db import connection
from django.test import Client, TestCase, override_settings
from django.test.utils import CaptureQueriesContext

from news.cache import breaker, store
from news.newsroom.roles import EDITORS
from news.tests.utils import build_site, member, url_in


def clock():
    """The store's invalidation clock: it moves with every invalidation."""
    return store.get().begin().clock


PASSWORD = "pw"  # noqa: S105 - news.tests.utils.member gives every test user this one


class WritesVisitorsDoNotSeeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        _home, _index, (cls.article, *_) = build_site(articles=3)
        cls.editor = member(EDITORS, "editor")

    def kept_without_a_query(self, url):
        with CaptureQueriesContext(connection) as queries:
            response = Client().get(url)
        return response.status_code == 200 and len(queries) == 0

    def test_failed_sign_ins_change_no_kept_page(self):
        urls = ("/en/", "/en/news/", url_in(self.article))
        for url in urls:
            Client().get(url)
        before = clock()
        attacker = Client()
        for _ in range(7):  # past axes' lockout: its 429s write attempts too
            attacker.post(
                "/admin/login/",
                {"username": "editor", "password": "wrong"},
                REMOTE_ADDR="203.0.113.9",
            )
        self.assertEqual(clock(), before)
        for url in urls:
            with self.subTest(url=url):
                self.assertTrue(self.kept_without_a_query(url))

    def test_a_sign_in_and_a_draft_change_no_kept_page(self):
        url = url_in(self.article)
        Client().get(url)
        before = clock()
        editor = Client()
        editor.post("/admin/login/", {"username": "editor", "password": PASSWORD})
        self.assertIn("_auth_user_id", editor.session)
        self.article.save_revision()
        self.assertEqual(clock(), before)
        self.assertTrue(self.kept_without_a_query(url))

    def test_a_publish_still_invalidates(self):
        before = clock()
        self.article.title_en = "Corrected"
        self.article.save_revision().publish()
        self.assertGreater(clock(), before)
        self.assertContains(Client().get(url_in(self.article)), "Corrected")


class SilentRedis:
    """A listener that accepts connections and never answers: a Redis that hangs."""

    def __init__(self):
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(64)
        self.port = self.server.getsockname()[1]
        self.held = []
        self.thread = threading.Thread(target=self.accept, daemon=True)
        self.thread.start()

    def accept(self):
        while True:
            try:
                connection, _address = self.server.accept()
            except OSError:
                return
            self.held.append(connection)  # read nothing, answer nothing

    def close(self):
        self.server.close()
        for held in self.held:
            held.close()


class HangingRedisTests(TestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.redis = SilentRedis()

    @classmethod
    def tearDownClass(cls):
        cls.redis.close()
        breaker.close()
        super().tearDownClass()

    def test_pages_answer_within_a_second_after_the_first_timeout(self):
        _home, _index, (article, *_) = build_site(articles=3)
        hanging = {
            "default": {
                "BACKEND": "django_redis.cache.RedisCache",
                "LOCATION": f"redis://127.0.0.1:{self.redis.port}/0",
                "KEY_PREFIX": "bitnews",
                "OPTIONS": {
                    "IGNORE_EXCEPTIONS": True,
                    "SOCKET_CONNECT_TIMEOUT": 0.5,
                    "SOCKET_TIMEOUT": 0.5,
                    "CONNECTION_POOL_KWARGS": {"connection_class": breaker.BreakerConnection},
                },
            }
        }
        breaker.close()
        urls = ["/en/", "/en/news/", url_in(article), "/zh-hans/", "/en/search/?q=Article"]
        with self.assertLogs("news.cache.breaker", "WARNING"), override_settings(CACHES=hanging):
            for url in urls:
                started = time.monotonic()
                response = Client().get(url)
                took = time.monotonic() - started
                with self.subTest(url=url):
                    self.assertEqual(response.status_code, 200)
                    self.assertLess(took, 1.0)  # before the breaker: 0.5 s a cache call
        breaker.close()
