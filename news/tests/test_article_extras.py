import datetime
import re

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils.html import format_html
from wagtail.rich_text import RichText

from news.factories import ArticlePageFactory, UntranslatedArticlePageFactory
from news.models import ArticleTag, RelatedArticle
from news.reading import reading_minutes
from news.tests.utils import (
    TITLE_FIELD,
    body_with_images,
    build_site,
    make_column,
    new_image,
    newest_first,
    tag,
    url_in,
)

D = datetime.date


def neighbour_links(response):
    """{"prev"/"next": (href, title)} of the newer ("prev") / older ("next") article links."""
    return {
        rel: (href, title)
        for href, rel, title in re.findall(
            r'<a href="([^"]+)" rel="(prev|next)"><span class="article-nav__label">.*?</span> '
            r'<span class="article-nav__title"[^>]*>([^<]+)</span>',
            response.text,
        )
    }


def neighbour_labels(response):
    """{"newer"/"older": (href, label as read, with its date)} of the article navigation."""
    found = re.findall(
        r'<li class="article-nav__(newer|older)"><a href="([^"]+)" rel="(?:prev|next)">'
        r'<span class="article-nav__label">(.*?)</span>',
        response.text,
    )
    return {side: (href, re.sub(r"<[^>]+>", "", label)) for side, href, label in found}


def related_titles(response):
    if 'class="related"' not in response.text:
        return []
    section = response.text.split('class="related"')[1].split("</section>")[0]
    return re.findall(r'<li><a href="[^"]+"[^>]*>([^<]+)</a>', section)


class PreviousNextTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()
        dates = [D(2023, 1, 5), D(2023, 1, 9), D(2023, 1, 9), D(2023, 1, 9), D(2023, 2, 1)]
        cls.articles = [ArticlePageFactory(parent=cls.index, news_date=d) for d in dates]
        cls.listed = newest_first(cls.articles)  # the News&Events order

    def test_newer_and_older_links_say_which_way_they_go_with_the_date_in_both_languages(self):
        middle = self.listed[2]  # between two stories of the same day (2023-01-09)
        newest = self.listed[0]  # 2023-02-01, the only one of its day
        self.assertEqual(
            neighbour_labels(self.client.get(url_in(self.listed[1]))),
            {
                "newer": (url_in(newest), "Newer · 1 February 2023"),
                "older": (url_in(middle), "Older · 9 January 2023"),
            },
        )
        self.assertEqual(
            neighbour_labels(self.client.get(url_in(self.listed[1], "zh-hans"))),
            {
                "newer": (url_in(newest, "zh-hans"), "较新 · 2023年2月1日"),
                "older": (url_in(middle, "zh-hans"), "较早 · 2023年1月9日"),
            },
        )

    def test_newer_and_older_follow_the_news_listing_order_in_both_languages(self):
        listing = re.findall(
            r'class="card__title"><a href="([^"]+)"', self.client.get("/en/news/").text
        )
        self.assertEqual(listing, [url_in(a) for a in self.listed])
        for language in ("en", "zh-hans"):
            field = TITLE_FIELD[language]
            for position, article in enumerate(self.listed):
                with self.subTest(language=language, position=position):
                    links = neighbour_links(self.client.get(url_in(article, language)))
                    expected = {}
                    if position > 0:
                        newer = self.listed[position - 1]
                        expected["prev"] = (url_in(newer, language), getattr(newer, field))
                    if position < len(self.listed) - 1:
                        older = self.listed[position + 1]
                        expected["next"] = (url_in(older, language), getattr(older, field))
                    self.assertEqual(links, expected)

    def test_newest_article_has_only_an_older_link_and_oldest_only_a_newer_link(self):
        newest = neighbour_labels(self.client.get(url_in(self.listed[0])))
        self.assertEqual(set(newest), {"older"})
        oldest = neighbour_labels(self.client.get(url_in(self.listed[-1], "zh-hans")))
        self.assertEqual(set(oldest), {"newer"})

    def test_unpublished_neighbours_are_skipped(self):
        self.listed[1].unpublish()
        links = neighbour_links(self.client.get(url_in(self.listed[0])))
        self.assertEqual(links["next"][1], self.listed[2].title_en)

    def test_only_article_has_no_newer_or_older_navigation(self):
        for article in self.articles[1:]:
            article.unpublish()
        response = self.client.get(url_in(self.articles[0]))
        self.assertEqual(neighbour_links(response), {})
        self.assertNotContains(response, 'class="article-nav"')

    def test_untranslated_neighbour_is_shown_in_english_marked_as_english(self):
        untranslated = UntranslatedArticlePageFactory(
            parent=self.index, title_en="Lecture series", news_date=D(2023, 3, 1)
        )
        response = self.client.get(url_in(self.listed[0], "zh-hans"))
        self.assertContains(
            response,
            '<span class="article-nav__title" lang="en">Lecture series</span>',
            html=True,
        )
        self.assertEqual(neighbour_links(response)["prev"][0], url_in(untranslated, "zh-hans"))


class RelatedArticleTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()
        research = make_column("Research", "科研进展", "research", "keyan")
        campus = make_column("Campus", "校园动态", "campus", "xiaoyuan")

        def article(day, **kwargs):
            return ArticlePageFactory(parent=cls.index, news_date=D(2023, 5, day), **kwargs)

        cls.article = tag(article(10, column=research), "robotics")
        cls.same_column_old = article(1, column=research)
        cls.same_column_new = article(20, column=research)
        cls.shared_tag = tag(article(15, column=campus), "robotics")
        cls.unrelated = tag(article(25, column=campus), "sports")
        cls.picked_old = article(2)
        cls.picked_new = article(28)

    def pick(self, *articles):
        for order, picked in enumerate(articles):
            RelatedArticle.objects.create(page=self.article, article=picked, sort_order=order)

    def test_picked_articles_come_first_in_the_editors_order_then_the_newest_earlier_match(self):
        self.pick(self.picked_old, self.picked_new)
        response = self.client.get(url_in(self.article))
        self.assertEqual(
            related_titles(response),
            [self.picked_old.title_en, self.picked_new.title_en, self.same_column_old.title_en],
        )

    def test_without_picks_earlier_same_column_or_shared_tag_articles_show_newest_first(self):
        # the 20 May story of its column and the 15 May one with its tag are newer: a story
        # shows what led up to it, so publishing a new one changes no older story's page
        earlier_tagged = tag(
            ArticlePageFactory(parent=self.index, news_date=D(2023, 5, 5)), "robotics"
        )
        for language, url in (
            ("en", url_in(self.article)),
            ("zh-hans", url_in(self.article, "zh-hans")),
        ):
            with self.subTest(language=language):
                expected = [earlier_tagged, self.same_column_old]
                self.assertEqual(
                    related_titles(self.client.get(url)),
                    [getattr(a, TITLE_FIELD[language]) for a in expected],
                )

    def test_related_articles_never_include_the_article_itself_or_unpublished_ones(self):
        self.pick(self.article, self.picked_new, self.picked_old)
        self.picked_new.unpublish()
        titles = related_titles(self.client.get(url_in(self.article)))
        self.assertNotIn(self.article.title_en, titles)
        self.assertNotIn(self.picked_new.title_en, titles)
        self.assertEqual(titles, [self.picked_old.title_en, self.same_column_old.title_en])

    def test_a_new_story_changes_no_older_story_but_its_neighbours(self):
        older = url_in(self.same_column_old)
        self.client.get(older)  # kept
        newest = ArticlePageFactory(
            parent=self.index, news_date=D(2023, 5, 30), title_en="Newest in research"
        )
        newest.column = self.article.column
        newest.save_revision().publish()
        with CaptureQueriesContext(connection) as queries:
            self.client.get(older)
        self.assertEqual(len(queries), 0, [q["sql"][:300] for q in queries])  # still kept
        self.assertIn(newest.title_en, self.client.get(url_in(self.picked_new)).text)  # "Newer"

    def test_at_most_three_related_articles_are_shown(self):
        self.pick(self.picked_old, self.picked_new, self.unrelated)
        titles = related_titles(self.client.get(url_in(self.article)))
        self.assertEqual(
            titles, [self.picked_old.title_en, self.picked_new.title_en, self.unrelated.title_en]
        )

    def test_article_with_no_column_tags_or_picks_has_no_related_section(self):
        response = self.client.get(url_in(self.picked_old))
        self.assertNotContains(response, 'class="related"')


class ColumnAndTagLinksTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()
        column = make_column("International", "国际交流", "international", "guoji")
        cls.article = tag(
            ArticlePageFactory(parent=cls.index, column=column),
            "international cooperation",
            "STEM",
        )
        ArticleTag.objects.filter(name="international cooperation").update(chinese_name="国际合作")

    def test_article_links_to_its_column_and_tags_in_english(self):
        response = self.client.get(url_in(self.article))
        self.assertContains(
            response, '<a href="/en/news/column/international/">International</a>', html=True
        )
        self.assertContains(
            response,
            '<a class="tag" href="/en/news/tag/international-cooperation/" rel="tag">international cooperation</a>',
            html=True,
        )

    def test_article_links_to_its_column_and_tags_in_chinese(self):
        response = self.client.get(url_in(self.article, "zh-hans"))
        self.assertContains(
            response, '<a href="/zh-hans/xinwen/column/guoji/">国际交流</a>', html=True
        )
        self.assertContains(
            response,
            '<a class="tag" href="/zh-hans/xinwen/tag/international-cooperation/" rel="tag">国际合作</a>',
            html=True,
        )
        # No Chinese name yet: the keyword as written, marked as English.
        self.assertContains(
            response,
            '<a class="tag" href="/zh-hans/xinwen/tag/stem/" rel="tag" lang="en">STEM</a>',
            html=True,
        )


def paragraphs(*texts):
    return [("paragraph", RichText(format_html("<p>{}</p>", text))) for text in texts]


class ReadingTimeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()

    def article(self, body_en, body_zh):
        return ArticlePageFactory(
            parent=self.index, body_en=paragraphs(*body_en), body_zh_hans=paragraphs(*body_zh)
        )

    def test_english_reading_time_counts_words_at_230_a_minute(self):
        exactly_two = self.article(["word " * 230, "word " * 230], ["字"])
        self.assertContains(
            self.client.get(url_in(exactly_two)), '<span class="reading-time">2 min read</span>'
        )
        just_over = self.article(["word " * 461], ["字"])
        self.assertContains(
            self.client.get(url_in(just_over)), '<span class="reading-time">3 min read</span>'
        )

    def test_chinese_reading_time_counts_characters_at_300_a_minute(self):
        article = self.article(["word"], ["北京理工大学。" * 100, "新闻" * 151])
        # 600 + 302 = 902 characters (punctuation is not counted): 4 minutes.
        response = self.client.get(url_in(article, "zh-hans"))
        self.assertContains(response, '<span class="reading-time">阅读约4分钟</span>')
        self.assertContains(
            self.client.get(url_in(article)), '<span class="reading-time">1 min read</span>'
        )

    def test_untranslated_article_times_the_english_text_it_shows_in_chinese_words(self):
        untranslated = UntranslatedArticlePageFactory(
            parent=self.index, body_en=paragraphs("word " * 700)
        )
        response = self.client.get(url_in(untranslated, "zh-hans"))
        self.assertContains(response, '<span class="reading-time">阅读约4分钟</span>')

    def test_short_article_reads_in_one_minute_not_zero(self):
        article = self.article(["A line."], ["一句话。"])
        self.assertContains(self.client.get(url_in(article)), "1 min read")
        self.assertContains(self.client.get(url_in(article, "zh-hans")), "阅读约1分钟")

    def test_an_article_with_nothing_to_read_shows_no_reading_time(self):
        empty = self.article([], [])
        photos = body_with_images(new_image(), new_image(), new_image())[1:]  # no paragraph
        pictures_only = ArticlePageFactory(parent=self.index, body_en=photos)
        for url in (url_in(empty), url_in(empty, "zh-hans"), url_in(pictures_only)):
            with self.subTest(url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertNotContains(response, 'class="reading-time"')

    def test_mixed_text_adds_chinese_characters_and_english_words(self):
        # 300 characters (1 minute) + 230 words, one of them hyphenated (1 minute).
        text = "北" * 300 + " world-class " + "word " * 229
        self.assertEqual(reading_minutes(text), 2)
        self.assertEqual(reading_minutes(text + " extra"), 3)
