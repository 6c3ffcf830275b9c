"""Methods and headers every address answers with (bitnews/middleware.py, bitnews/csp.py,
bitnews/urls.py): public addresses take GET and HEAD only and say so to OPTIONS; every
response carries Permissions-Policy and Cross-Origin-Resource-Policy; the admin's unknown
addresses and its "raise an error" page are the admin's own 404."""

from django.contrib.auth import get_user_model
from django.test import TestCase
from wagtail.models import PageViewRestriction

from news.tests.utils import build_site

ALLOW = "GET, HEAD, OPTIONS"


class PublicMethodsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, (cls.article,) = build_site(articles=1)
        cls.public = [
            "/en/",
            "/zh-hans/",
            "/en/news/",
            "/en/news/focus/",
            "/zh-hans/xinwen/column/",
            "/en/news/subscribe/",
            cls.article.url,
            "/en/news/feed/rss/",
            "/sitemap.xml",
            "/sitemap-pages.xml",
            "/robots.txt",
            "/en/search/?q=lab",
        ]

    def test_head_answers_wherever_get_does(self):
        for url in self.public:
            with self.subTest(url=url):
                got = self.client.get(url, secure=True)
                head = self.client.head(url, secure=True)
                self.assertEqual(got.status_code, 200)
                self.assertEqual(head.status_code, 200)
                self.assertEqual(head.content, b"")

    def test_options_offers_exactly_get_and_head(self):
        for url in self.public:
            with self.subTest(url=url):
                response = self.client.options(url, secure=True)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(response["Allow"], ALLOW)

    def test_other_methods_are_refused_with_405(self):
        for url in self.public:
            for method in ("POST", "PUT", "PATCH", "DELETE", "TRACE"):
                with self.subTest(url=url, method=method):
                    response = self.client.generic(method, url, secure=True)
                    self.assertEqual(response.status_code, 405)
                    self.assertEqual(response["Allow"], ALLOW)

    def test_the_view_beacon_still_takes_its_post(self):
        response = self.client.post(
            f"/en/views/{self.article.pk}/", secure=True, HTTP_ORIGIN="https://testserver"
        )
        self.assertEqual(response.status_code, 204)

    def test_a_private_pages_password_form_still_takes_its_post(self):
        restriction = PageViewRestriction.objects.create(
            page=self.article, restriction_type=PageViewRestriction.PASSWORD, password="moon"
        )
        form = self.client.get(self.article.url, secure=True)
        self.assertContains(form, "password")
        response = self.client.post(
            f"/en/_util/authenticate_with_password/{restriction.pk}/{self.article.pk}/",
            {"password": "moon", "return_url": self.article.url},
            secure=True,
        )
        self.assertEqual(response.status_code, 302)
        self.assertContains(self.client.get(self.article.url, secure=True), self.article.title)


class HeaderTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_site()

    def test_every_response_limits_browser_features_and_cross_origin_reads(self):
        for url in ("/en/", "/en/no-such-page/", "/admin/login/", "/robots.txt"):
            with self.subTest(url=url):
                response = self.client.get(url, secure=True)
                self.assertIn("camera=()", response["Permissions-Policy"])
                self.assertIn("geolocation=()", response["Permissions-Policy"])
                self.assertEqual(response["Cross-Origin-Resource-Policy"], "same-origin")


class AdminNotFoundTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_site()
        cls.admin = get_user_model().objects.create_superuser("admin", "", "pw")

    def setUp(self):
        self.client.force_login(self.admin)

    def test_an_unknown_admin_address_is_the_admins_own_404(self):
        response = self.client.get("/admin/no-such-thing/", secure=True)
        self.assertEqual(response.status_code, 404)
        self.assertTemplateUsed(response, "wagtailadmin/404.html")

    def test_the_admins_error_test_page_is_off_in_production(self):
        response = self.client.get("/admin/failwhale/", secure=True)
        self.assertEqual(response.status_code, 404)
