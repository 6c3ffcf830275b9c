"""What gunicorn serves (bitnews/wsgi.py): a page kept by the page cache (news/cache/pages.py)
is answered in front of Django, the same bytes with no query and no request handling; what
it must not answer reaches Django."""

from urllib.parse import unquote_to_bytes, urlsplit

from django.core.signals import request_started
from django.db import close_old_connections, connection
from django.test import RequestFactory, TestCase
from django.test.utils import CaptureQueriesContext

from bitnews.wsgi import application
from news.models import ArticlePage
from news.tests.utils import build_site, url_in

PRIVATE = "private, no-store"


def through_wsgi(url, **headers):
    """(status, headers, body) of `url` from the WSGI application gunicorn serves
    (bitnews/wsgi.py: the kept pages answered in front of Django), as the test client does
    it, without closing the test's database connection between requests."""
    answer = {}

    def start_response(status, response_headers, exc_info=None):
        answer.update(status=status, headers=dict(response_headers))

    environ = RequestFactory().get(url, headers=headers).environ
    # the path as gunicorn gives it (PEP 3333: its bytes as Latin-1), not as the factory's
    # request rewrote it
    environ["PATH_INFO"] = unquote_to_bytes(urlsplit(url).path).decode("latin-1")
    request_started.disconnect(close_old_connections)
    try:
        body = b"".join(application(environ, start_response))
    finally:
        request_started.connect(close_old_connections)
    return answer["status"], answer["headers"], body


class WsgiFrontTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        _home, _index, (cls.article, *_) = build_site(articles=3)

    def test_a_kept_page_is_answered_in_front_of_django_with_no_query(self):
        url = url_in(self.article)
        status, headers, first = through_wsgi(url)  # through Django: rendered and kept
        self.assertEqual(status, "200 OK")
        started = []

        def record(**kwargs):
            started.append(kwargs)

        request_started.connect(record)
        try:
            with CaptureQueriesContext(connection) as queries:
                status, again, body = through_wsgi(url)
        finally:
            request_started.disconnect(record)
        self.assertEqual((status, body, len(queries)), ("200 OK", first, 0))
        self.assertEqual(started, [])  # Django's request handling never began
        self.assertEqual(again["ETag"], headers["ETag"])
        self.assertEqual(again["Content-Security-Policy"], headers["Content-Security-Policy"])
        self.assertIn("public", again["Cache-Control"])
        status, _headers, body = through_wsgi(url, **{"If-None-Match": headers["ETag"]})
        self.assertEqual((status, body), ("304 Not Modified", b""))

    def test_what_the_front_must_not_answer_goes_to_django(self):
        url = url_in(self.article)
        through_wsgi(url)
        status, headers, _body = through_wsgi(url, Cookie="sessionid=abc")
        self.assertEqual((status, headers["Cache-Control"]), ("200 OK", PRIVATE))
        status, _headers, _body = through_wsgi(url, Host="evil.example")
        self.assertEqual(status[:3], "400")
        self.assertEqual(through_wsgi("/en/no-such-page/")[0][:3], "404")

    def test_a_publish_is_seen_by_the_front_at_the_next_request(self):
        url = url_in(self.article)
        through_wsgi(url)
        article = ArticlePage.objects.get(pk=self.article.pk)
        article.title_en = "Telescope unveiled"
        article.save_revision().publish()
        self.assertIn(b"Telescope unveiled", through_wsgi(url)[2])

    def test_a_page_whose_address_has_chinese_characters_is_served(self):
        article = ArticlePage.objects.get(pk=self.article.pk)
        article.slug_zh_hans = "北京新闻"
        article.save_revision().publish()
        url = "/zh-hans/xinwen/%E5%8C%97%E4%BA%AC%E6%96%B0%E9%97%BB/"
        for _ in range(2):  # rendered, then answered in front of Django
            self.assertEqual(through_wsgi(url)[0], "200 OK")
        self.assertEqual(through_wsgi("/en/news/%E4%BA%8C/")[0][:3], "404")
