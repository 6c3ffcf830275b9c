"""The site search: /en/search/ and /zh-hans/search/."""

import datetime
import re
from unittest import mock

from django.test import TestCase
from django.utils import translation
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction

from news.factories import ArticlePageFactory, UntranslatedArticlePageFactory, body
from news.tests.utils import SEARCH, build_site, queries_of, result_titles, search
from search import ranking
from search.query import MAX_QUERY_LENGTH, SiteSearchQuery


class LanguageScopeTests(TestCase):
    """Each language's search looks only at that language's text."""

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()
        cls.english_only = UntranslatedArticlePageFactory(
            parent=cls.index, title_en="Robotics cooperation with partner universities"
        )
        cls.summary_only = UntranslatedArticlePageFactory(
            parent=cls.index,
            title_en="Library opening hours",
            summary_zh_hans="图书馆延长开放时间",
        )
        cls.bilingual = ArticlePageFactory(
            parent=cls.index,
            title_en="Student exchange programme",
            title_zh_hans="学生交流项目：国际合作",
            summary_en="Students spend a term abroad.",
            summary_zh_hans="学生赴海外学习一个学期。",
            body_zh_hans=body("机器人大赛 Robotics 决赛在学校举行。"),
        )

    def test_english_only_article_never_appears_in_chinese_results(self):
        for q in ("Robotics", "cooperation", "universities"):
            with self.subTest(q=q):
                titles = result_titles(search(self.client, "zh-hans", q))
                self.assertNotIn(self.english_only.title_en, titles)

    def test_article_without_a_chinese_title_is_not_a_chinese_result(self):
        response = search(self.client, "zh-hans", "图书馆")
        self.assertEqual(result_titles(response), [])

    def test_chinese_text_never_matches_an_english_search(self):
        # 学生交流项目 is a whole clause (a single "word" to the database), 合作 a jieba word.
        for q in ("合作", "学生交流项目", "国际合作", "图书馆延长开放时间"):
            with self.subTest(q=q):
                self.assertEqual(result_titles(search(self.client, "en", q)), [])

    def test_latin_word_in_chinese_text_is_found_by_chinese_search_only(self):
        chinese = result_titles(search(self.client, "zh-hans", "robotics"))
        self.assertEqual(chinese, [self.bilingual.title_zh_hans])
        english = result_titles(search(self.client, "en", "robotics"))
        self.assertEqual(english, [self.english_only.title_en])

    def test_article_published_from_the_chinese_admin_keeps_its_chinese_title_out_of_english(self):
        article = ArticlePageFactory(
            parent=self.index, title_en="Campus news", title_zh_hans="校园新闻"
        )
        with translation.override("zh-hans"):  # the index is updated in the active language
            article.save_revision().publish()
        self.assertEqual(result_titles(search(self.client, "en", "校园新闻")), [])
        self.assertEqual(result_titles(search(self.client, "zh-hans", "校园")), ["校园新闻"])

    def test_english_search_finds_english_summary_and_body_words(self):
        for q in ("abroad", "Body of Student"):
            with self.subTest(q=q):
                titles = result_titles(search(self.client, "en", q))
                self.assertEqual(titles, [self.bilingual.title_en])

    def test_every_word_must_appear(self):
        self.assertEqual(len(result_titles(search(self.client, "en", "robotics"))), 1)
        self.assertEqual(result_titles(search(self.client, "en", "robotics abroad")), [])
        self.assertEqual(result_titles(search(self.client, "zh-hans", "合作 图书馆")), [])

    def test_unpublished_and_private_articles_are_not_found(self):
        draft = ArticlePageFactory(parent=self.index, title_en="Robotics draft")
        draft.unpublish()
        private = ArticlePageFactory(parent=self.index, title_en="Robotics private")
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
        titles = result_titles(search(self.client, "en", "robotics"))
        self.assertEqual(titles, [self.english_only.title_en])


class ResultsPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()
        cls.image = Image.objects.create(title="lead", file=get_test_image_file())
        cls.article = ArticlePageFactory(
            parent=cls.index,
            title_en="Tom & <Jerry> cooperation",
            title_zh_hans="北理工国际合作<新>进展",
            summary_en="Projects of cooperation & exchange.",
            summary_zh_hans="北京理工大学国际合作项目取得新进展。",
            lead_image=cls.image,
            lead_image_alt_en="A photo",
        )

    def test_english_result_shows_title_link_date_summary_and_image(self):
        response = search(self.client, "en", "cooperation")
        self.assertContains(response, f'href="{self.article.url}"')
        date = self.article.news_date
        self.assertContains(response, f'<time datetime="{date:%Y-%m-%d}">')
        self.assertContains(response, "Projects of <mark>cooperation</mark> &amp; exchange.")
        self.assertContains(response, "fill-160x90")

    def test_matched_words_are_marked_in_title_and_summary_after_escaping(self):
        response = search(self.client, "en", "cooperation")
        self.assertContains(response, "Tom &amp; &lt;Jerry&gt; <mark>cooperation</mark>")
        self.assertNotContains(response, "<Jerry>")

    def test_chinese_words_are_marked_longest_first(self):
        response = search(self.client, "zh-hans", "北理工 合作")
        self.assertContains(
            response, "<mark>北理工</mark>国际<mark>合作</mark>&lt;新&gt;进展", html=False
        )
        self.assertContains(
            response, "北京<mark>理工</mark>大学国际<mark>合作</mark>项目取得新进展。"
        )

    def test_highlighting_never_marks_inside_an_entity_or_a_tag(self):
        query = SiteSearchQuery.from_raw("amp lt mark", "en")
        self.assertEqual(
            query.highlight("R&D <lt> amp"),
            "R&amp;D &lt;<mark>lt</mark>&gt; <mark>amp</mark>",
        )

    def test_result_count_is_shown_in_each_language(self):
        english = search(self.client, "en", "cooperation")
        self.assertContains(english, "1 result for “cooperation”")
        chinese = search(self.client, "zh-hans", "合作")
        self.assertContains(chinese, "找到 1 条与“合作”相关的结果")

    def test_no_results_suggests_spelling_fewer_words_other_language_and_news(self):
        english = search(self.client, "en", "zebra")
        self.assertContains(english, "No results for “zebra”")
        self.assertContains(english, "Check the spelling")
        self.assertContains(
            english, '<a href="/zh-hans/search/?q=zebra" hreflang="zh-hans">', html=False
        )
        self.assertContains(english, "Search the Chinese site for “zebra”")
        self.assertContains(english, 'href="/en/news/"')
        chinese = search(self.client, "zh-hans", "斑马")
        self.assertContains(chinese, "没有找到与“斑马”相关的结果")
        self.assertContains(chinese, "在英文网站中搜索“斑马”")
        self.assertContains(chinese, 'href="/zh-hans/xinwen/"')

    def test_empty_query_shows_the_form_and_no_results_list(self):
        for language, url in SEARCH.items():
            for q in ("", "   ", "\x00"):
                with self.subTest(language=language, q=q):
                    response = self.client.get(url, {"q": q})
                    self.assertEqual(response.status_code, 200)
                    self.assertContains(response, 'id="search-q"')
                    self.assertNotContains(response, 'class="search-count"')
                    self.assertNotContains(response, 'class="card__title"')
            with self.subTest(language=language, q=None):
                self.assertNotContains(self.client.get(url), 'class="search-count"')

    def test_search_page_has_breadcrumbs_and_is_not_indexed(self):
        response = search(self.client, "en", "cooperation")
        self.assertContains(response, '<meta name="robots" content="noindex">')
        trail = response.text.split('class="breadcrumbs"')[1].split("</nav>")[0]
        self.assertIn('<a href="/en/">Home</a>', trail)
        self.assertIn('<span aria-current="page">Search</span>', trail)
        chinese = search(self.client, "zh-hans", "合作")
        self.assertContains(chinese, '<span aria-current="page">搜索</span>')

    def test_language_switcher_leads_to_the_same_search_in_the_other_language(self):
        english = search(self.client, "en", "合作")
        self.assertContains(
            english,
            '<a href="/zh-hans/search/?q=%E5%90%88%E4%BD%9C" lang="zh-hans" hreflang="zh-hans">中文</a>',
            html=True,
        )
        chinese = search(self.client, "zh-hans", "cooperation")
        self.assertContains(
            chinese,
            '<a href="/en/search/?q=cooperation" lang="en" hreflang="en">English</a>',
            html=True,
        )

    def test_canonical_and_hreflang_carry_the_query(self):
        response = search(self.client, "zh-hans", "合作")
        self.assertContains(
            response,
            '<link rel="canonical" href="http://testserver/zh-hans/search/?q=%E5%90%88%E4%BD%9C">',
        )
        self.assertContains(
            response,
            '<link rel="alternate" hreflang="en" href="http://testserver/en/search/?q=%E5%90%88%E4%BD%9C">',
        )

    def test_search_form_is_in_the_header_of_every_page_type(self):
        pages = {
            "en": ["/en/", "/en/news/", "/en/news/focus/", "/en/search/?q=cooperation"],
            "zh-hans": ["/zh-hans/", "/zh-hans/xinwen/", "/zh-hans/xinwen/focus/"],
        }
        pages["zh-hans"].append("/zh-hans/search/?q=%E5%90%88%E4%BD%9C")
        for language, urls in pages.items():
            with translation.override(language):
                urls.append(self.article.url)
        for language, urls in pages.items():
            for url in urls + [f"/{language}/no-such-page/"]:
                with self.subTest(url=url):
                    response = self.client.get(url)
                    self.assertIn(response.status_code, (200, 404))
                    forms = re.findall(r'<form class="site-search"[^>]*>', response.text)
                    self.assertEqual(len(forms), 1)
                    self.assertIn(f'action="/{language}/search/" method="get"', forms[0])
        self.assertContains(self.client.get("/zh-hans/"), 'aria-label="搜索新闻"')

    def test_header_search_form_submits_to_the_search_page(self):
        form = re.search(r'<form class="site-search".*?</form>', self.client.get("/en/").text, re.S)
        self.assertIn('name="q"', form.group())
        self.assertIn(f'maxlength="{MAX_QUERY_LENGTH}"', form.group())
        self.assertIn('type="submit"', form.group())

    def test_post_is_not_allowed(self):
        self.assertEqual(self.client.post("/en/search/", {"q": "x"}).status_code, 405)


class BadQueryTests(TestCase):
    """Whatever arrives in `?q=`, the visitor gets a 200 with everything escaped."""

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, cls.articles = build_site(articles=3)

    def assert_fine(self, response):
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("<script", response.text)
        return response

    def test_odd_queries_give_a_page_never_an_error(self):
        queries = {
            "percent": "%",
            "underscore": "_",
            "quotes": "\"cooperation' “合作”",
            "script": "<script>alert(1)</script>",
            "sql": "' OR 1=1 --",
            "fts syntax": 'Article* NEAR("a" b) OR NOT AND ^',
            "tsquery syntax": "Article & !x | (y:*)",
            "backslash": "\\ \\\\ \\'",
            "unicode": "🔍 مرحبا e\u0301 \u200b\ufeff 文章",
            "nul": "文章\x00 Article\x00",
            "100 kB": "合作 " * 34_000,
        }
        for language in SEARCH:
            for name, q in queries.items():
                with self.subTest(language=language, q=name):
                    self.assert_fine(search(self.client, language, q))

    def test_invalid_utf8_in_the_address_gives_a_page(self):
        for language, url in SEARCH.items():
            with self.subTest(language=language):
                self.assert_fine(self.client.get(url + "?q=%FF%FE%E6%96"))

    def test_percent_and_underscore_are_not_wildcards(self):
        for language in SEARCH:
            for q in ("%", "_", "%%", "_%_"):
                with self.subTest(language=language, q=q):
                    self.assertEqual(result_titles(search(self.client, language, q)), [])

    def test_script_tag_is_shown_escaped(self):
        response = self.assert_fine(search(self.client, "en", "<script>alert(1)</script>"))
        self.assertContains(response, "No results for “&lt;script&gt;alert(1)&lt;/script&gt;”")
        self.assertContains(response, 'value="&lt;script&gt;alert(1)&lt;/script&gt;"')

    def test_sql_injection_is_just_words(self):
        response = self.assert_fine(search(self.client, "en", "' OR 1=1 --"))
        # Searched as the words "or" and "1" (PostgreSQL drops "or" as a stop word).
        self.assertLess(len(result_titles(response)), len(self.articles))
        self.assertContains(response, "for “&#x27; OR 1=1 --”")

    def test_quoted_word_is_found_like_the_bare_word(self):
        for language, q in (("en", '"Article"'), ("zh-hans", "“文章”")):
            with self.subTest(language=language):
                self.assertEqual(len(result_titles(search(self.client, language, q))), 3)

    def test_nul_bytes_are_dropped(self):
        response = self.assert_fine(self.client.get("/zh-hans/search/?q=%E6%96%87%E7%AB%A0%00"))
        self.assertEqual(len(result_titles(response)), 3)
        self.assertNotContains(response, "\x00")

    def test_long_query_is_cut_and_the_visitor_is_told(self):
        q = "Article " + "x" * 300
        for language, notice in (
            ("en", f"only its first {MAX_QUERY_LENGTH} characters were searched"),
            ("zh-hans", f"仅搜索了前 {MAX_QUERY_LENGTH} 个字符"),
        ):
            with self.subTest(language=language):
                response = self.assert_fine(search(self.client, language, q))
                self.assertContains(response, notice)
                value = re.search(
                    r'id="search-q" type="search" name="q" value="([^"]*)"', response.text
                )
                self.assertEqual(value.group(1), q[:MAX_QUERY_LENGTH])

    def test_short_query_has_no_length_notice(self):
        self.assertNotContains(search(self.client, "en", "Article"), "characters were searched")

    def test_repeated_q_uses_the_last_one(self):
        response = self.assert_fine(self.client.get("/en/search/?q=zebra&q=Article"))
        self.assertEqual(len(result_titles(response)), 3)
        self.assertContains(response, "3 results for “Article”")


class PaginationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, cls.articles = build_site(articles=25)

    def pages(self, language, q, page):
        return result_titles(search(self.client, language, q, page=page))

    def test_results_come_ten_to_a_page_each_shown_once(self):
        for language, q, field in (
            ("en", "Article", "title_en"),
            ("zh-hans", "文章", "title_zh_hans"),
        ):
            with self.subTest(language=language):
                pages = [self.pages(language, q, n) for n in (1, 2, 3)]
                self.assertEqual([len(p) for p in pages], [10, 10, 5])
                shown = [title for page in pages for title in page]
                self.assertCountEqual(shown, [getattr(a, field) for a in self.articles])

    def test_pagination_links_keep_the_query(self):
        response = search(self.client, "zh-hans", "文章", page=2)
        self.assertContains(response, 'href="?q=%E6%96%87%E7%AB%A0&amp;page=3" rel="next"')
        self.assertContains(response, 'href="?q=%E6%96%87%E7%AB%A0&amp;page=1" rel="prev"')
        self.assertContains(response, '<span aria-current="page">2</span>', html=True)

    def test_bad_page_numbers_show_the_first_or_last_page(self):
        first = self.pages("en", "Article", 1)
        last = self.pages("en", "Article", 3)
        cases = {"abc": first, "0": first, "-1": first, "2.5": first, "%00": first, "": first}
        cases.update({"4": last, "99999": last, "99999999999999999999999999": last})
        for raw, expected in cases.items():
            with self.subTest(page=raw):
                self.assertEqual(self.pages("en", "Article", raw), expected)

    def test_page_number_is_in_the_title_canonical_and_language_switcher(self):
        response = search(self.client, "en", "Article", page=2)
        self.assertContains(response, "<title>“Article” · Search · page 2 | BIT News</title>")
        self.assertContains(
            response,
            '<link rel="canonical" href="http://testserver/en/search/?q=Article&amp;page=2">',
        )
        self.assertContains(response, 'href="/zh-hans/search/?q=Article&amp;page=2"')


class SearchQueryCountTests(TestCase):
    """The search page costs the same number of queries with 5 or 50 matching articles."""

    def count_queries(self, url):
        response, count = queries_of(self.client, url)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(result_titles(response))
        return count

    def test_search_query_counts_are_the_same_for_5_and_50_matching_articles(self):
        image = Image.objects.create(title="lead", file=get_test_image_file())
        _home, index, _ = build_site(articles=0)
        urls = [
            "/en/search/?q=Article",
            "/en/search/?q=Article&page=2",
            "/zh-hans/search/?q=%E6%96%87%E7%AB%A0",
        ]
        counts = {}
        for total in (5, 50):
            while index.get_children().count() < total:
                ArticlePageFactory(parent=index, lead_image=image, lead_image_alt_en="A photo")
            counts[total] = {url: self.count_queries(url) for url in urls}
        self.assertEqual(counts[5], counts[50])
        # view restrictions, two counts (title matches, the others), results, renditions; site,
        # site settings, navigation
        self.assertLessEqual(max(counts[50].values()), 8, counts[50])

    def test_a_search_asked_again_costs_no_query_until_the_next_publish_changes_it(self):
        _home, index, _ = build_site(articles=0)
        ArticlePageFactory(
            parent=index, title_en="Telescope opens", news_date=datetime.date(2024, 1, 1)
        )
        url = "/en/search/?q=telescope"
        response, count = queries_of(self.client, url)
        self.assertEqual((result_titles(response), count), (["Telescope opens"], 0))
        newer = ArticlePageFactory(
            parent=index, title_en="Telescope sees comet", news_date=datetime.date(2024, 2, 1)
        )
        self.assertEqual(
            result_titles(self.client.get(url)), ["Telescope sees comet", "Telescope opens"]
        )
        newer.title_en = "Comet seen"  # its text still names the telescope: found, ranked after
        newer.save_revision().publish()
        self.assertEqual(result_titles(self.client.get(url)), ["Telescope opens", "Comet seen"])
        newer.unpublish()
        self.assertEqual(result_titles(self.client.get(url)), ["Telescope opens"])


class RankingTests(TestCase):
    """Stories with every word in the title come first, then those with the words in their
    text; newest first within each (search/ranking.py)."""

    @classmethod
    def setUpTestData(cls):
        _home, index, _ = build_site()

        def story(day, title_en, title_zh, text_en, text_zh):
            return ArticlePageFactory(
                parent=index,
                news_date=datetime.date(2024, 5, day),
                title_en=title_en,
                title_zh_hans=title_zh,
                body_en=body(text_en),
                body_zh_hans=body(text_zh),
            )

        cls.old_title = story(1, "Satellite launch", "卫星发射", "A rocket.", "火箭。")
        cls.new_text = story(9, "Campus news", "校园新闻", "A satellite flew.", "卫星飞过。")
        cls.new_title = story(5, "Satellite team wins", "卫星团队获奖", "A prize.", "获奖。")
        cls.old_text = story(2, "Lab opens", "实验室开放", "Satellite data.", "卫星数据。")

    def test_title_matches_first_then_text_matches_newest_first_in_each_language(self):
        for language, q in (("en", "satellite"), ("zh-hans", "卫星")):
            with self.subTest(language=language), translation.override(language):
                expected = [self.new_title, self.old_title, self.new_text, self.old_text]
                self.assertEqual(
                    result_titles(search(self.client, language, q)), [a.title for a in expected]
                )

    def test_past_the_limit_the_count_stops_and_the_visitor_is_told(self):
        with mock.patch.object(ranking, "MAX_RESULTS", 3):
            response = search(self.client, "en", "satellite")
            page_two = search(self.client, "en", "satellite", page=2)
        self.assertContains(response, "More than 3 results for “satellite”")
        self.assertContains(response, "Add a word to narrow the search.")
        self.assertEqual(len(result_titles(response)), 3)
        self.assertEqual(result_titles(page_two), result_titles(response))  # the last page
        with translation.override("zh-hans"), mock.patch.object(ranking, "MAX_RESULTS", 3):
            self.assertContains(search(self.client, "zh-hans", "卫星"), "超过 3 条")

    def test_within_the_limit_the_exact_count_is_shown(self):
        with mock.patch.object(ranking, "MAX_RESULTS", 4):
            response = search(self.client, "en", "satellite")
        self.assertContains(response, "4 results for “satellite”")
        self.assertNotContains(response, "More than")
