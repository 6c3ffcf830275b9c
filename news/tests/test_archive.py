import datetime
import re

from django.test import TestCase

from news.factories import ArticlePageFactory
from news.tests.utils import (
    PREFIX,
    TITLE_FIELD,
    alternate,
    breadcrumbs,
    build_site,
    h1,
    newest_first,
    page_title,
    switcher_link,
    titles_in,
)

D = datetime.date


def archive_nav(response):
    """{year label: (count text, [(month label, count text, href)])} of the archive nav."""
    html = response.text.split('class="archive-nav"')[1].split("</nav>")[0]
    years = {}
    for block in html.split("<details")[1:]:
        summary = re.search(
            r'<summary>([^<]+) <span class="archive-nav__count">([^<]+)</span>', block
        )
        months = re.findall(
            r'<li><a href="([^"]+)"[^>]*>([^<]+) <span class="archive-nav__count">([^<]+)</span>',
            block,
        )
        years[summary.group(1)] = (
            summary.group(2),
            [(label, count, href) for href, label, count in months],
        )
    return years


class ArchiveTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()
        dates = [
            D(2022, 12, 31),
            D(2023, 3, 31),
            D(2023, 4, 1),
            D(2023, 4, 13),
            D(2023, 4, 13),
            D(2023, 4, 30),
            D(2023, 5, 1),
            D(2024, 2, 29),
        ]
        cls.articles = [ArticlePageFactory(parent=cls.index, news_date=d) for d in dates]
        cls.april = [a for a in cls.articles if (a.news_date.year, a.news_date.month) == (2023, 4)]
        cls.in_2023 = [a for a in cls.articles if a.news_date.year == 2023]

    def test_year_listing_holds_that_years_articles_newest_first_in_both_languages(self):
        for language in ("en", "zh-hans"):
            with self.subTest(language=language):
                response = self.client.get(PREFIX[language] + "2023/")
                expected = [getattr(a, TITLE_FIELD[language]) for a in newest_first(self.in_2023)]
                self.assertEqual(titles_in(response), expected)

    def test_month_listing_holds_the_whole_month_and_nothing_else(self):
        for language in ("en", "zh-hans"):
            with self.subTest(language=language):
                response = self.client.get(PREFIX[language] + "2023/04/")
                expected = [getattr(a, TITLE_FIELD[language]) for a in newest_first(self.april)]
                self.assertEqual(titles_in(response), expected)

    def test_leap_day_is_in_its_month(self):
        response = self.client.get("/en/news/2024/02/")
        self.assertEqual(titles_in(response), [self.articles[-1].title_en])

    def test_year_and_month_listings_have_heading_title_and_breadcrumbs_per_language(self):
        cases = {
            "/en/news/2023/": ("2023", "Home", "News&amp;Events"),
            "/en/news/2023/04/": ("April 2023", "Home", "News&amp;Events"),
            "/zh-hans/xinwen/2023/": ("2023年", "首页", "新闻动态"),
            "/zh-hans/xinwen/2023/04/": ("2023年4月", "首页", "新闻动态"),
        }
        for url, (title, home, news) in cases.items():
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(h1(response), title)
                self.assertTrue(page_title(response).startswith(title + " | "))
                prefix = url.split("/20")[0] + "/"
                language_root = "/" + url.split("/")[1] + "/"
                self.assertEqual(
                    breadcrumbs(response),
                    [(language_root, home), (prefix, news), (None, title)],
                )

    def test_archive_listing_twin_is_the_same_date_in_the_other_language(self):
        english = self.client.get("/en/news/2023/04/")
        self.assertEqual(switcher_link(english, "zh-hans"), "/zh-hans/xinwen/2023/04/")
        chinese = self.client.get("/zh-hans/xinwen/2023/")
        self.assertEqual(alternate(chinese, "en"), "http://testserver/en/news/2023/")

    def test_archive_navigation_counts_articles_per_year_and_month(self):
        response = self.client.get("/en/news/")
        self.assertEqual(
            archive_nav(response),
            {
                "2024": ("1 article", [("February", "1 article", "/en/news/2024/02/")]),
                "2023": (
                    "6 articles",
                    [
                        ("May", "1 article", "/en/news/2023/05/"),
                        ("April", "4 articles", "/en/news/2023/04/"),
                        ("March", "1 article", "/en/news/2023/03/"),
                    ],
                ),
                "2022": ("1 article", [("December", "1 article", "/en/news/2022/12/")]),
            },
        )

    def test_archive_navigation_is_in_chinese_on_the_chinese_site(self):
        nav = archive_nav(self.client.get("/zh-hans/xinwen/2023/04/"))
        self.assertEqual(nav["2023年"][0], "6篇")
        self.assertIn(("4月", "4篇", "/zh-hans/xinwen/2023/04/"), nav["2023年"][1])

    def test_archive_navigation_marks_the_month_being_shown_and_opens_its_year(self):
        html = self.client.get("/en/news/2022/12/").text
        self.assertIn('<a href="/en/news/2022/12/" aria-current="page">December', html)
        self.assertEqual(re.findall(r"<details[^>]*open>\s*<summary>(\d+)", html), ["2022"])
        newest_open = self.client.get("/en/news/").text
        self.assertEqual(re.findall(r"<details[^>]*open>\s*<summary>(\d+)", newest_open), ["2024"])

    def test_archive_navigation_is_shown_on_every_listing(self):
        for url in ("/en/news/", "/en/news/focus/", "/en/news/2023/", "/en/news/2023/04/"):
            with self.subTest(url=url):
                self.assertContains(self.client.get(url), 'class="archive-nav"')

    def test_unpublished_articles_are_neither_listed_nor_counted(self):
        self.articles[-1].unpublish()
        self.assertEqual(self.client.get("/en/news/2024/02/").status_code, 404)
        self.assertNotIn("2024", archive_nav(self.client.get("/en/news/")))

    def test_impossible_dates_are_the_sites_404_in_both_languages(self):
        for path in (
            "2023/13/",
            "2023/00/",
            "0/",
            "0000/",
            "0000/01/",
            "99999/",
            "99999/01/",
            "2023/4/",
            "2023/123/",
            "-1/",
            "２０２３/",
            "2023/04/31/",
        ):
            for language in ("en", "zh-hans"):
                with self.subTest(path=path, language=language):
                    response = self.client.get(PREFIX[language] + path)
                    self.assertEqual(response.status_code, 404)
                    self.assertContains(response, f'<html lang="{language}">', status_code=404)

    def test_years_and_months_without_news_are_not_found(self):
        # An archive address exists only when it lists news: no endless empty pages.
        for path in ("2023/07/", "2023/02/", "1999/", "9999/12/"):
            with self.subTest(path=path):
                self.assertEqual(self.client.get("/en/news/" + path).status_code, 404)


class ArchivePaginationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()
        cls.march = [
            ArticlePageFactory(parent=cls.index, news_date=D(2023, 3, 1 + n)) for n in range(13)
        ]

    def test_month_listing_is_paginated_and_bad_pages_never_fail(self):
        ordered = newest_first(self.march)
        second = self.client.get("/en/news/2023/03/?page=2")
        self.assertEqual(titles_in(second), [a.title_en for a in ordered[10:]])
        self.assertEqual(h1(second), "March 2023")
        self.assertEqual(switcher_link(second, "zh-hans"), "/zh-hans/xinwen/2023/03/?page=2")
        for raw in ("x", "0", "999999999999999999999", "%00"):
            with self.subTest(page=raw):
                response = self.client.get("/zh-hans/xinwen/2023/", {"page": raw})
                self.assertEqual(response.status_code, 200)
