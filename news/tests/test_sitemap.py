import datetime
from unittest import mock

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from news import archive
from news.factories import ArticlePageFactory, UntranslatedArticlePageFactory
from news.models import Column
from news.sitemaps import ArticleSitemap
from news.tests.utils import (
    BASE,
    build_site,
    make_column,
    parse_sitemap,
    read_sitemaps,
    sitemap_index,
)


class SitemapTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, cls.articles = build_site(articles=3)
        research = make_column("Research", "科研进展", "research", "keyan")
        cls.articles.append(ArticlePageFactory(parent=cls.index, column=research))
        cls.untranslated = UntranslatedArticlePageFactory(
            parent=cls.index, title_en="Lecture series", slug_en="lecture-series"
        )
        cls.draft = ArticlePageFactory(parent=cls.index, slug_en="draft", slug_zh_hans="caogao")
        cls.draft.unpublish()
        cls.private = ArticlePageFactory(parent=cls.index, slug_en="staff", slug_zh_hans="neibu")
        PageViewRestriction.objects.create(
            page=cls.private, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )

    def sitemap(self):
        return read_sitemaps(self.client)

    def test_sitemap_xml_is_an_index_of_the_pages_and_each_languages_articles(self):
        response = self.client.get("/sitemap.xml")
        self.assertEqual(response["Content-Type"], "application/xml")
        self.assertEqual(
            sitemap_index(response),
            [
                "/sitemap-pages.xml",
                "/sitemap-articles-en.xml",
                "/sitemap-articles-zh-hans.xml",
            ],
        )

    def test_article_sitemaps_are_paginated_and_still_list_everything_once(self):
        with mock.patch.object(ArticleSitemap, "limit", 2):
            paths = sitemap_index(self.client.get("/sitemap.xml"))
            self.assertIn("/sitemap-articles-en.xml?p=2", paths)
            for path in paths:
                if path.startswith("/sitemap-articles-"):
                    with self.subTest(path=path):
                        self.assertLessEqual(len(parse_sitemap(self.client.get(path))), 2)
            self.assertEqual(set(self.sitemap()), {u for p in self.expected_pairs() for u in p})

    def expected_pairs(self):
        """(English URL, Chinese URL) of every page that must be listed."""
        pairs = [
            ("/en/", "/zh-hans/"),
            ("/en/news/", "/zh-hans/xinwen/"),
            ("/en/news/focus/", "/zh-hans/xinwen/focus/"),
            ("/en/news/column/", "/zh-hans/xinwen/column/"),
            ("/en/news/column/research/", "/zh-hans/xinwen/column/keyan/"),
            ("/en/news/lecture-series/", "/zh-hans/xinwen/lecture-series/"),
        ]
        pairs += [
            (f"/en/news/{a.slug_en}/", f"/zh-hans/xinwen/{a.slug_zh_hans}/") for a in self.articles
        ]
        return [(BASE + en, BASE + zh) for en, zh in pairs]

    def test_sitemap_lists_every_public_page_once_in_each_language(self):
        expected = {url for pair in self.expected_pairs() for url in pair}
        self.assertEqual(set(self.sitemap()), expected)

    def test_each_url_names_both_languages_and_english_as_x_default(self):
        urls = self.sitemap()
        for english, chinese in self.expected_pairs():
            for loc in (english, chinese):
                with self.subTest(loc=loc):
                    self.assertEqual(
                        urls[loc]["alternates"],
                        {"en": english, "zh-hans": chinese, "x-default": english},
                    )

    def test_chinese_urls_use_the_chinese_slugs(self):
        urls = self.sitemap()
        article = self.articles[0]
        self.assertIn(f"{BASE}/zh-hans/xinwen/{article.slug_zh_hans}/", urls)
        self.assertNotIn(f"{BASE}/zh-hans/news/{article.slug_en}/", urls)
        self.assertNotIn(f"{BASE}/zh-hans/xinwen/{article.slug_en}/", urls)

    def test_every_listed_url_is_served(self):
        for loc in self.sitemap():
            with self.subTest(loc=loc):
                self.assertEqual(self.client.get(loc.removeprefix(BASE)).status_code, 200)

    def test_drafts_and_private_pages_are_left_out(self):
        listed = " ".join(self.sitemap())
        for slug in ("draft", "caogao", "staff", "neibu"):
            self.assertNotIn(f"/{slug}/", listed)

    def test_every_url_has_a_lastmod_date(self):
        for loc, url in self.sitemap().items():
            with self.subTest(loc=loc):
                datetime.date.fromisoformat(url["lastmod"])

    def test_listings_lastmod_follows_the_newest_article(self):
        newest = self.articles[-1]
        newest.title_en = "Corrected"
        newest.save_revision().publish()
        newest.refresh_from_db()
        # Sitemaps give dates in the site's time zone (Asia/Shanghai), eight hours ahead of UTC.
        lastmod = timezone.localtime(newest.last_published_at).date().isoformat()
        urls = self.sitemap()
        self.assertEqual(urls[f"{BASE}/en/news/{newest.slug_en}/"]["lastmod"], lastmod)
        self.assertEqual(urls[f"{BASE}/en/news/"]["lastmod"], lastmod)
        self.assertEqual(urls[f"{BASE}/zh-hans/"]["lastmod"], lastmod)

    def test_sitemap_sits_outside_the_language_prefix(self):
        self.assertEqual(self.client.get("/en/sitemap.xml").status_code, 404)
        chinese = self.client.get("/sitemap.xml", headers={"accept-language": "zh-CN"})
        english = self.client.get("/sitemap.xml")
        self.assertEqual(sitemap_index(chinese), sitemap_index(english))

    def test_bad_sitemap_page_numbers_show_the_sites_404_page(self):
        for page in ("abc", "0", "2", "1.5", "99999999999999999999999", "%00"):
            with self.subTest(page=page):
                response = self.client.get("/sitemap-articles-en.xml", {"p": page})
                self.assertEqual(response.status_code, 404)
                self.assertContains(response, "Page not found", status_code=404)
        for section in ("nothing", "articles-fr", "articles-", "../pages"):
            with self.subTest(section=section):
                response = self.client.get(f"/sitemap-{section}.xml")
                self.assertEqual(response.status_code, 404)


class ColumnSitemapTests(TestCase):
    """Which columns the sitemap lists and their dates (SitemapTests: each in both languages,
    with its twin, served)."""

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()
        cls.research = make_column("Research", "科研进展", "research", "keyan")
        cls.campus = make_column("Campus", "校园动态", "campus", "xiaoyuan")
        cls.empty = make_column("Alumni", "校友", "alumni", "xiaoyou")
        cls.drafts_only = make_column("Sports", "体育", "sports", "tiyu")
        long_ago = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
        cls.in_research = ArticlePageFactory(parent=cls.index, column=cls.research)
        cls.in_campus = ArticlePageFactory(parent=cls.index, column=cls.campus)
        ArticlePageFactory(parent=cls.index, column=cls.drafts_only).unpublish()
        Page.objects.update(first_published_at=long_ago, last_published_at=long_ago)
        newer = datetime.datetime(2024, 3, 5, 12, tzinfo=datetime.UTC)
        Page.objects.filter(pk=cls.in_research.pk).update(last_published_at=newer)
        archive.refresh_all()  # as a bulk write does at its end: update() sends no signal

    def test_columns_with_no_published_article_are_left_out(self):
        listed = " ".join(read_sitemaps(self.client))
        for slug in ("alumni", "xiaoyou", "sports", "tiyu"):
            self.assertNotIn(f"/column/{slug}/", listed)

    def test_a_column_is_dated_by_its_newest_article_and_the_index_by_the_newest_column(self):
        urls = read_sitemaps(self.client)
        self.assertEqual(urls[f"{BASE}/zh-hans/xinwen/column/keyan/"]["lastmod"], "2024-03-05")
        self.assertEqual(urls[f"{BASE}/en/news/column/campus/"]["lastmod"], "2024-01-01")
        self.assertEqual(urls[f"{BASE}/en/news/column/"]["lastmod"], "2024-03-05")

    def test_a_site_whose_columns_have_no_articles_lists_no_columns_index(self):
        Column.objects.exclude(pk=self.empty.pk).delete()
        listed = " ".join(read_sitemaps(self.client))
        self.assertNotIn("/column/", listed)


class RobotsTests(TestCase):
    def test_robots_txt_allows_all_but_the_admin_and_names_the_absolute_sitemap(self):
        response = self.client.get("/robots.txt")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")
        lines = response.text.splitlines()
        self.assertEqual(lines[0], "User-agent: *")
        self.assertIn("Allow: /", lines)
        self.assertIn("Disallow: /admin/", lines)
        self.assertIn("Sitemap: http://testserver/sitemap.xml", lines)

    def test_robots_txt_names_the_sitemap_on_the_host_and_scheme_asked(self):
        response = self.client.get("/robots.txt", headers={"host": "localhost"}, secure=True)
        self.assertIn("Sitemap: https://localhost/sitemap.xml", response.text.splitlines())

    def test_robots_txt_is_not_under_a_language_prefix(self):
        self.assertEqual(self.client.get("/en/robots.txt").status_code, 404)


class SitemapQueryCountTests(TestCase):
    def count_queries(self, path):
        self.client.get(path)
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(path)
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def test_each_sitemaps_query_count_is_the_same_for_5_and_50_articles(self):
        _home, index, _ = build_site(articles=0)
        columns = [make_column(f"C{n}", f"栏{n}", f"c-{n}", f"lan-{n}") for n in range(2)]
        counts = {}
        for total in (5, 50):
            while index.get_children().count() < total:
                ArticlePageFactory(parent=index, column=columns[total % 2])
            paths = sitemap_index(self.client.get("/sitemap.xml"))
            counts[total] = {path: self.count_queries(path) for path in ["/sitemap.xml", *paths]}
            # home, News&Events, Focus, the columns index, each column filed in so far
            listed_columns = 1 if total == 5 else 2
            self.assertEqual(len(read_sitemaps(self.client)), 2 * (4 + listed_columns + total))
        self.assertEqual(counts[5], counts[50])
        # The index asks each section for its page count and latest change (Wagtail's
        # `.public()` is a query each time); a section page is a few queries whatever its size.
        self.assertLessEqual(counts[50].pop("/sitemap.xml"), 20)
        self.assertLessEqual(max(counts[50].values()), 7, counts[50])
