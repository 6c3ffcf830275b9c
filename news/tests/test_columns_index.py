"""The columns index (`/en/news/column/`, `/zh-hans/xinwen/column/`) and the column navigation
under every News&Events listing."""

import datetime
import re

from django.contrib.auth import get_user_model
from django.test import TestCase

from news.factories import ArticlePageFactory
from news.tests.utils import (
    alternate,
    article_form,
    breadcrumbs,
    build_site,
    canonical,
    h1,
    json_ld_graph,
    make_column,
    page_title,
    queries_of,
    research_column,
    switcher_link,
)

INDEX = {"en": "/en/news/column/", "zh-hans": "/zh-hans/xinwen/column/"}


def listed_columns(response):
    """[(href, name, count as read, description or None)] of the columns index, in order."""
    items = response.text.split('class="column-list"')[1].split("</ul>")[0]
    return [
        (href, name, count, description or None)
        for href, name, count, description in re.findall(
            r'<h2 class="column-list__name"><a href="([^"]+)">([^<]+)</a></h2>\s*'
            r'<p class="column-list__count">([^<]+)</p>\s*'
            r'(?:<p class="column-list__description">([^<]+)</p>)?',
            items,
        )
    ]


def column_nav(response):
    """[(href, name, current)] of the column navigation under a listing."""
    nav = response.text.split('class="column-nav"')[1].split("</nav>")[0]
    return [
        (href, name, bool(current))
        for href, current, name in re.findall(
            r'<li><a href="([^"]+)"( aria-current="page")?>([^<]+)</a></li>', nav
        )
    ]


class ColumnsIndexTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()
        cls.research = research_column()
        cls.campus = make_column(
            "Campus", "校园动态", "campus", "xiaoyuan", description_en="Life at BIT."
        )
        cls.empty = make_column("Alumni", "校友", "alumni", "xiaoyou")
        day = datetime.date(2023, 3, 1)
        for _n in range(3):
            ArticlePageFactory(parent=cls.index, column=cls.research, news_date=day)
        ArticlePageFactory(parent=cls.index, column=cls.campus, news_date=day)
        # public in English only: counted on the English index, not on the Chinese one
        ArticlePageFactory(parent=cls.index, column=cls.campus, news_date=day, public_zh_hans=False)
        ArticlePageFactory(parent=cls.index, news_date=day)  # in no column

    def test_columns_index_lists_every_column_with_description_and_count_in_english(self):
        response = self.client.get(INDEX["en"])
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            listed_columns(response),
            [
                ("/en/news/column/alumni/", "Alumni", "0 articles", None),
                ("/en/news/column/campus/", "Campus", "2 articles", "Life at BIT."),
                (
                    "/en/news/column/research/",
                    "Research",
                    "3 articles",
                    "News from the laboratories.",
                ),
            ],
        )

    def test_columns_index_in_chinese_counts_what_the_chinese_site_lists_in_chinese(self):
        found = {href: rest for href, *rest in listed_columns(self.client.get(INDEX["zh-hans"]))}
        self.assertEqual(
            found,
            {
                "/zh-hans/xinwen/column/xiaoyou/": ["校友", "0篇", None],
                # no Chinese description: none shown, never the English one
                "/zh-hans/xinwen/column/xiaoyuan/": ["校园动态", "1篇", None],
                "/zh-hans/xinwen/column/keyan/": ["科研进展", "3篇", "实验室的科研动态。"],
            },
        )

    def test_each_column_of_the_index_opens_its_listing(self):
        for language in INDEX:
            for href, *_rest in listed_columns(self.client.get(INDEX[language])):
                with self.subTest(href=href):
                    self.assertEqual(self.client.get(href).status_code, 200)

    def test_columns_index_is_titled_columns_under_news_and_events_in_both_languages(self):
        expected = {
            "en": ("Columns", "BIT News", [("/en/", "Home"), ("/en/news/", "News&amp;Events")]),
            "zh-hans": (
                "栏目",
                "北理工新闻",
                [("/zh-hans/", "首页"), ("/zh-hans/xinwen/", "新闻动态")],
            ),
        }
        for language, (title, site, ancestors) in expected.items():
            with self.subTest(language=language):
                response = self.client.get(INDEX[language])
                self.assertEqual(h1(response), title)
                self.assertEqual(page_title(response), f"{title} | {site}")
                self.assertEqual(breadcrumbs(response), [*ancestors, (None, title)])

    def test_columns_index_breadcrumb_list_in_json_ld(self):
        graph = json_ld_graph(self.client.get(INDEX["zh-hans"]).text)
        trail = [
            (item["name"], item["item"]) for item in graph["BreadcrumbList"]["itemListElement"]
        ]
        self.assertEqual(
            trail,
            [
                ("首页", "http://testserver/zh-hans/"),
                ("新闻动态", "http://testserver/zh-hans/xinwen/"),
                ("栏目", "http://testserver/zh-hans/xinwen/column/"),
            ],
        )

    def test_switcher_hreflang_and_canonical_lead_to_the_other_languages_index(self):
        english = self.client.get(INDEX["en"])
        self.assertEqual(switcher_link(english, "zh-hans"), INDEX["zh-hans"])
        self.assertEqual(alternate(english, "zh-hans"), "http://testserver/zh-hans/xinwen/column/")
        self.assertEqual(alternate(english, "x-default"), "http://testserver/en/news/column/")
        self.assertEqual(canonical(english), "http://testserver/en/news/column/")
        chinese = self.client.get(INDEX["zh-hans"])
        self.assertEqual(switcher_link(chinese, "en"), INDEX["en"])
        self.assertEqual(canonical(chinese), "http://testserver/zh-hans/xinwen/column/")

    def test_odd_query_strings_show_the_index(self):
        for query in ("?page=2", "?page=abc", "?page=-1", "?q=%3Cscript%3E", "?column=%00"):
            with self.subTest(query=query):
                response = self.client.get(INDEX["en"] + query)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(len(listed_columns(response)), 3)

    def test_a_site_without_columns_says_so(self):
        for column in (self.research, self.campus, self.empty):
            column.delete()
        self.assertContains(self.client.get(INDEX["en"]), "There are no columns yet.")
        self.assertContains(self.client.get(INDEX["zh-hans"]), "还没有栏目。")

    def test_column_listing_breadcrumbs_pass_through_the_columns_index(self):
        self.assertEqual(
            breadcrumbs(self.client.get("/zh-hans/xinwen/column/keyan/")),
            [
                ("/zh-hans/", "首页"),
                ("/zh-hans/xinwen/", "新闻动态"),
                ("/zh-hans/xinwen/column/", "栏目"),
                (None, "科研进展"),
            ],
        )

    def test_news_listings_show_every_column_and_mark_the_current_one(self):
        self.assertEqual(
            column_nav(self.client.get("/en/news/")),
            [
                ("/en/news/column/alumni/", "Alumni", False),
                ("/en/news/column/campus/", "Campus", False),
                ("/en/news/column/research/", "Research", False),
            ],
        )
        chinese = self.client.get("/zh-hans/xinwen/column/keyan/")
        self.assertIn(("/zh-hans/xinwen/column/keyan/", "科研进展", True), column_nav(chinese))
        self.assertIn('<a href="/zh-hans/xinwen/column/">全部栏目</a>', chinese.text)

    def test_a_renamed_column_shows_on_the_index_at_the_next_request(self):
        self.client.get(INDEX["en"])
        self.research.name_en = "Science"
        self.research.save()
        self.assertIn(
            "Science", [name for _href, name, *_ in listed_columns(self.client.get(INDEX["en"]))]
        )

    def test_an_article_slug_taken_by_a_listing_of_news_and_events_is_refused(self):
        self.client.force_login(get_user_model().objects.create_superuser("root", "", "pw"))
        url = f"/admin/pages/add/news/articlepage/{self.index.pk}/"
        for field, slug in (
            ("slug_en", "column"),
            ("slug_zh_hans", "subscribe"),
            ("slug_en", "focus"),
        ):
            with self.subTest(slug=slug):
                response = self.client.post(url, article_form(**{field: slug}))
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, "This slug is taken by a listing of News&amp;Events.")


class ColumnsIndexQueryTests(TestCase):
    def test_columns_index_costs_the_same_for_5_and_50_articles(self):
        home, index, _ = build_site()
        columns = [
            make_column(f"Column {n}", f"栏目{n}", f"column-{n}", f"lanmu-{n}") for n in range(4)
        ]
        counts = {}
        for total in (5, 50):
            while index.get_children().count() < total:
                n = index.get_children().count()
                ArticlePageFactory(parent=index, column=columns[n % len(columns)])
            counts[total] = {url: queries_of(self.client, url)[1] for url in INDEX.values()}
        # every part of it kept until a write of what it shows: no query, as the other listings
        self.assertEqual(counts[5], counts[50])
        self.assertEqual(set(counts[50].values()), {0}, counts[50])
