"""The 404 and 500 pages are the site's pages: its name, navigation, footer and language switcher
in the address's language. The 500 page still answers when they cannot be loaded (the database
may be what failed): the plain page with the site's name. (The 503 of an outage:
bitnews/tests/test_outage.py.)"""

import re

from django.conf import settings
from django.db import transaction
from django.test import RequestFactory, SimpleTestCase, TestCase
from django.utils import translation
from django.utils.translation import gettext

from bitnews.errors import server_error
from news.models import SiteSettings
from news.tests.utils import build_site, switcher_links

NOT_FOUND = {"en": "Page not found", "zh-hans": "找不到页面"}
HOME_LINK = {
    "en": '<a href="/en/">Go to the home page</a>',
    "zh-hans": '<a href="/zh-hans/">返回首页</a>',
}
BRAND = {"en": "BIT News", "zh-hans": "北理工新闻"}
NEWS_INDEX = {"en": ("/en/news/", "News&amp;Events"), "zh-hans": ("/zh-hans/xinwen/", "新闻动态")}


def went_wrong(language):
    with translation.override(language):
        return gettext("Something went wrong")


def brand(html):
    return re.search(r'<span class="site-header__name">([^<]*)</span>', html).group(1)


def current_language(html):
    """The language the switcher marks as the current one, or None."""
    found = re.search(r'class="language-switcher__current" lang="([^"]+)"', html)
    return found.group(1) if found else None


def server_error_for(path):
    """The 500 page Django would send for a request of `path` whose view raised."""
    request = RequestFactory().get(path)
    try:
        raise RuntimeError("a bug in a view")
    except RuntimeError:
        return server_error(request)


class ErrorPagesAreTheSitesPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_site(articles=1)

    def assert_site_page(self, html, language):
        self.assertIn(f'<html lang="{language}">', html)
        self.assertEqual(brand(html), BRAND[language])
        url, title = NEWS_INDEX[language]
        self.assertRegex(html, rf'<nav class="site-nav"[\s\S]*<a href="{url}">{title}</a>')
        self.assertIn('<footer class="site-footer">', html)
        self.assertEqual(current_language(html), language)

    def test_404_in_each_language_is_the_sites_page_in_that_language(self):
        for language in ("en", "zh-hans"):
            with self.subTest(language):
                response = self.client.get(f"/{language}/nope/")
                self.assertEqual(response.status_code, 404)
                self.assert_site_page(response.text, language)
                self.assertIn(NOT_FOUND[language], response.text)
                self.assertIn(
                    f"<title>{NOT_FOUND[language]} | {BRAND[language]}</title>", response.text
                )
                self.assertIn('<meta name="robots" content="noindex">', response.text)
                self.assertNotIn('rel="canonical"', response.text)  # it is no page's address

    def test_404_switcher_offers_the_other_languages_home(self):
        self.assertEqual(switcher_links(self.client.get("/zh-hans/nope/")), {"en": "/en/"})

    def test_404_page_costs_no_query_once_the_process_has_its_navigation(self):
        self.client.get("/en/nope/")
        with self.assertNumQueries(2):  # finding that it is none: a page by its slug, a redirect
            self.client.get("/en/other-nope/")

    def test_500_in_each_language_is_the_sites_page_in_that_language(self):
        for language in ("en", "zh-hans"):
            with self.subTest(language):
                response = server_error_for(f"/{language}/news/")
                self.assertEqual(response.status_code, 500)
                html = response.content.decode()
                self.assert_site_page(html, language)
                self.assertIn(HOME_LINK[language], html)
                self.assertIn(f'<h1 class="page-title">{went_wrong(language)}</h1>', html)

    def test_500_after_a_failed_query_is_the_plain_page_with_the_sites_name(self):
        request = RequestFactory().get("/zh-hans/xinwen/")
        site_settings = SiteSettings.for_request(request)  # kept by the middleware, as it does
        with transaction.atomic():
            transaction.set_rollback(True)  # the transaction failed: no query answers any more
            try:
                raise RuntimeError("a bug after a failed query")
            except RuntimeError:
                response = server_error(request)
        self.assertIs(SiteSettings.for_request(request), site_settings)
        html = response.content.decode()
        self.assertEqual(response.status_code, 500)
        self.assertEqual(brand(html), BRAND["zh-hans"])
        self.assertIn(HOME_LINK["zh-hans"], html)
        self.assertEqual(current_language(html), "zh-hans")
        self.assertNotIn('class="site-nav"', html)


class ServerErrorWithoutDatabaseTests(SimpleTestCase):
    """No database at all (SimpleTestCase refuses every query): nothing was kept either."""

    def test_500_is_the_plain_page_with_the_configured_name_in_the_addresss_language(self):
        for language in ("en", "zh-hans"):
            with self.subTest(language):
                response = server_error_for(f"/{language}/news/")
                self.assertEqual(response.status_code, 500)
                html = response.content.decode()
                self.assertEqual(brand(html), settings.WAGTAIL_SITE_NAME)
                self.assertIn(f'<html lang="{language}">', html)
                self.assertIn(HOME_LINK[language], html)
                self.assertIn(f'<h1 class="page-title">{went_wrong(language)}</h1>', html)
                self.assertEqual(current_language(html), language)
