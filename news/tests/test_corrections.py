"""Corrections and updates (news/models/corrections.py): a dated note on one language version of
a story shows on that version (at the top, and in a box after the body), in its JSON-LD, on
the corrections page of that language and in its feed; the footer links the page, which links
the corrections policy."""

import datetime
import re

import feedparser
from django.core.exceptions import ValidationError
from django.test import TestCase
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset

from news.factories import (
    ArticlePageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    StandardPageFactory,
)
from news.models import ArticleCorrection, ArticlePage, SiteSettings
from news.newsroom.roles import CHIEF_EDITORS
from news.tests.utils import (
    RoleTestCase,
    breadcrumbs,
    build_site,
    h1,
    json_ld_graph,
    member,
    queries_from_nothing,
    switcher_link,
    url_in,
)

CORRECTIONS = {"en": "/en/news/corrections/", "zh-hans": "/zh-hans/xinwen/corrections/"}
FEED = {code: url + "feed/" for code, url in CORRECTIONS.items()}


def note(article, day, text, language="en", kind="correction", was=""):
    """A note added to the story in the editor and published with it, as stored."""
    story = type(article).objects.get(pk=article.pk)
    story.corrections.add(
        ArticleCorrection(
            date=datetime.date(2024, 5, day), kind=kind, language=language, text=text, was=was
        )
    )
    story.save_revision().publish()
    return ArticleCorrection.objects.get(page=article, text=text)


def listed(response):
    """[(kind, story title, link)] of the corrections page, in order."""
    items = response.text.split('class="corrections__list corrections__list--page"')[1]
    items = items.split("</ol>")[0]
    return re.findall(
        r'<strong class="correction__kind">([^<]+)</strong>.*?<a href="([^"]+)">([^<]+)</a>',
        items,
        re.S,
    )


def box(response):
    """The text of the article's corrections box, or None."""
    found = re.search(r'<aside class="corrections".*?</aside>', response.text, re.S)
    return found and found[0]


def footer(response):
    return response.text.split('<footer class="site-footer">')[1].split("</footer>")[0]


class CorrectionsOnTheArticleTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, (cls.article, cls.other) = build_site(articles=2)
        cls.english = note(
            cls.article, 3, "The lab opened in May, not June.", was="The lab opened in June."
        )
        cls.chinese = note(cls.article, 4, "实验室于五月启用，而非六月。", language="zh-hans")
        cls.update = note(cls.article, 6, "The minister attended too.", kind="update")

    def test_a_correction_shows_on_its_language_version_only(self):
        english = self.client.get(url_in(self.article, "en"))
        self.assertIn("The lab opened in May, not June.", box(english))
        self.assertNotIn("实验室于五月启用", english.text)
        chinese = self.client.get(url_in(self.article, "zh-hans"))
        self.assertIn("实验室于五月启用，而非六月。", box(chinese))
        self.assertNotIn("not June", chinese.text)

    def test_each_note_has_its_date_kind_what_it_said_and_an_anchor(self):
        text = box(self.client.get(url_in(self.article, "en")))
        self.assertIn("<h2", text)
        self.assertIn("Corrections and updates", text)
        self.assertIn(f'id="correction-{self.english.pk}"', text)
        self.assertIn('<time datetime="2024-05-03">3 May 2024</time>', text)
        self.assertIn("The story said: <q>The lab opened in June.</q>", text)
        # newest first: the update of the 6th before the correction of the 3rd
        self.assertLess(text.index("The minister attended"), text.index("not June"))
        self.assertIn('href="/en/news/corrections/"', text)

    def test_the_top_of_the_story_links_to_the_newest_note(self):
        english = self.client.get(url_in(self.article, "en"))
        self.assertContains(
            english,
            f'<p class="article__corrected"><a href="#correction-{self.update.pk}">'
            "Updated on 6 May 2024</a></p>",
            html=False,
        )
        chinese = self.client.get(url_in(self.article, "zh-hans"))
        self.assertContains(
            chinese,
            f'<a href="#correction-{self.chinese.pk}">更正于2024年5月4日</a>',
        )

    def test_a_story_without_notes_has_no_box(self):
        response = self.client.get(url_in(self.other, "en"))
        self.assertIsNone(box(response))
        self.assertNotContains(response, "article__corrected")

    def test_the_json_ld_carries_the_corrections_of_the_version_not_the_updates(self):
        article = json_ld_graph(self.client.get(url_in(self.article, "en")).text)["NewsArticle"]
        self.assertEqual(
            article["correction"],
            [
                {
                    "@type": "CorrectionComment",
                    "url": f"http://testserver/en/news/{self.article.slug_en}/"
                    f"#correction-{self.english.pk}",
                    "text": "The lab opened in May, not June.",
                    "datePublished": "2024-05-03",
                }
            ],
        )
        chinese = json_ld_graph(self.client.get(url_in(self.article, "zh-hans")).text)
        self.assertEqual(
            [item["text"] for item in chinese["NewsArticle"]["correction"]],
            ["实验室于五月启用，而非六月。"],
        )
        other = json_ld_graph(self.client.get(url_in(self.other, "en")).text)["NewsArticle"]
        self.assertNotIn("correction", other)

    def test_an_untranslated_story_shows_the_english_notes_with_its_english_text(self):
        untranslated = ArticlePageFactory(parent=self.index, title_zh_hans="", body_zh_hans=[])
        note(untranslated, 8, "A name was misspelt.")
        response = self.client.get(url_in(untranslated, "zh-hans"))
        self.assertIn("A name was misspelt.", box(response))


class CorrectionsPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, (cls.first, cls.second, cls.hidden) = build_site(articles=3)
        cls.old = note(cls.first, 1, "Old correction.")
        cls.new = note(cls.second, 9, "New update.", kind="update")
        cls.chinese = note(cls.first, 5, "中文更正。", language="zh-hans")
        cls.hidden.public_en = False
        cls.hidden.save_revision().publish()
        note(cls.hidden, 7, "Of a story hidden in English.")
        events = EventIndexPageFactory(parent=cls.index)
        cls.event = EventPageFactory(parent=events)
        cls.on_event = note(cls.event, 6, "The talk moved to Hall 2.")
        cls.policy = StandardPageFactory(
            parent=cls.home,
            title_en="Corrections policy",
            title_zh_hans="更正政策",
            slug_en="corrections-policy",
            slug_zh_hans="gengzheng-zhengce",
        )

    def test_the_page_lists_every_note_of_its_language_newest_first_linking_to_it(self):
        response = self.client.get(CORRECTIONS["en"])
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            [(kind, title) for kind, _link, title in listed(response)],
            [("Update", self.second.title), ("Correction", self.event.title)]
            + [("Correction", self.first.title)],
        )
        links = [link for _kind, link, _title in listed(response)]
        self.assertEqual(
            links,
            [
                f"{url_in(self.second)}#correction-{self.new.pk}",
                f"{self.event.url}#correction-{self.on_event.pk}",
                f"{url_in(self.first)}#correction-{self.old.pk}",
            ],
        )
        self.assertNotContains(response, "hidden in English")
        self.assertNotContains(response, "中文更正")

    def test_the_chinese_page_lists_the_chinese_notes_under_chinese_words(self):
        response = self.client.get(CORRECTIONS["zh-hans"])
        self.assertEqual(h1(response), "更正")
        self.assertEqual(
            listed(response),
            [
                (
                    "更正",
                    f"{url_in(self.first, 'zh-hans')}#correction-{self.chinese.pk}",
                    self.first.title_zh_hans,
                )
            ],
        )
        self.assertEqual(switcher_link(response, "en"), CORRECTIONS["en"])
        self.assertEqual(
            breadcrumbs(response),
            [("/zh-hans/", "首页"), ("/zh-hans/xinwen/", "新闻动态"), (None, "更正")],
        )

    def test_the_page_links_the_corrections_policy_once_it_is_chosen(self):
        self.assertNotContains(self.client.get(CORRECTIONS["en"]), "Our corrections policy")
        settings = SiteSettings.objects.get()
        settings.corrections_policy = self.policy
        settings.save()
        self.assertContains(
            self.client.get(CORRECTIONS["en"]),
            '<a href="/en/corrections-policy/">Our corrections policy</a>',
        )
        self.assertContains(
            self.client.get(CORRECTIONS["zh-hans"]),
            '<a href="/zh-hans/gengzheng-zhengce/">我们的更正政策</a>',
        )

    def test_an_unpublished_policy_is_not_linked(self):
        SiteSettings.objects.update(corrections_policy=self.policy)
        self.policy.unpublish()
        self.assertNotContains(self.client.get(CORRECTIONS["en"]), "Our corrections policy")

    def test_the_feed_lists_the_notes_newest_first_in_its_language(self):
        for language, expected in (
            ("en", ["New update.", "The talk moved to Hall 2.", "Old correction."]),
            ("zh-hans", ["中文更正。"]),
        ):
            with self.subTest(language=language):
                response = self.client.get(FEED[language])
                self.assertEqual(response.status_code, 200)
                self.assertIn("application/rss+xml", response["Content-Type"])
                self.assertIn("public", response["Cache-Control"])
                parsed = feedparser.parse(response.content)
                self.assertFalse(parsed.bozo, parsed.get("bozo_exception"))
                self.assertTrue(parsed.feed.language.lower().startswith(language[:2]))
                self.assertEqual([entry.summary for entry in parsed.entries], expected)
        english = feedparser.parse(self.client.get(FEED["en"]).content)
        self.assertEqual(english.entries[0].title, f"Update: {self.second.title_en}")
        self.assertEqual(
            english.entries[0].link,
            f"http://testserver{url_in(self.second)}#correction-{self.new.pk}",
        )
        chinese = feedparser.parse(self.client.get(FEED["zh-hans"]).content)
        self.assertEqual(chinese.entries[0].title, f"更正：{self.first.title_zh_hans}")

    def test_the_page_announces_its_feed_and_the_feeds_page_lists_it(self):
        response = self.client.get(CORRECTIONS["en"])
        self.assertContains(
            response,
            '<link rel="alternate" type="application/rss+xml" title="Corrections (RSS)" '
            'href="http://testserver/en/news/corrections/feed/">',
        )
        feeds = self.client.get("/zh-hans/xinwen/subscribe/")
        self.assertContains(feeds, 'href="/zh-hans/xinwen/corrections/feed/"')

    def test_odd_query_strings_and_other_feed_kinds_never_fail(self):
        for query in ("?page=2", "?page=x", "?page=-1", "?q=%00"):
            with self.subTest(query=query):
                self.assertEqual(self.client.get(CORRECTIONS["en"] + query).status_code, 200)
        self.assertEqual(self.client.get(FEED["en"] + "atom/").status_code, 404)
        self.assertEqual(self.client.get(FEED["zh-hans"] + "?page=x").status_code, 200)

    def test_every_page_links_the_corrections_page_in_its_footer(self):
        for url, link in (
            (
                "/en/",
                '<a class="site-footer__corrections" href="/en/news/corrections/">Corrections</a>',
            ),
            (
                url_in(self.first, "zh-hans"),
                '<a class="site-footer__corrections" href="/zh-hans/xinwen/corrections/">更正</a>',
            ),
            ("/zh-hans/search/?q=x", 'href="/zh-hans/xinwen/corrections/">更正</a>'),
        ):
            with self.subTest(url=url):
                self.assertIn(link, footer(self.client.get(url)))

    def test_an_article_may_not_take_the_corrections_pages_slug(self):
        article = ArticlePage.objects.get(pk=self.first.pk)
        article.slug_en = "corrections"
        with self.assertRaises(ValidationError):
            article.full_clean()


class CorrectionsThroughThePageCacheTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, (cls.article,) = build_site(articles=1)

    def test_a_correction_published_with_its_story_shows_at_the_next_request(self):
        urls = [CORRECTIONS["en"], FEED["en"], url_in(self.article, "en")]
        for url in urls:
            self.assertNotContains(self.client.get(url), "Lab opened in May")
        article = ArticlePage.objects.get(pk=self.article.pk)
        article.corrections.add(
            ArticleCorrection(date=datetime.date(2024, 5, 3), text="Lab opened in May.")
        )
        article.save_revision().publish()
        for url in urls:
            with self.subTest(url=url):
                self.assertContains(self.client.get(url), "Lab opened in May")

    def test_a_correction_in_a_draft_shows_only_once_the_story_is_published(self):
        article = ArticlePage.objects.get(pk=self.article.pk)
        article.corrections.add(
            ArticleCorrection(date=datetime.date(2024, 5, 3), text="Lab opened in May.")
        )
        revision = article.save_revision()  # "Save draft"
        for url in (CORRECTIONS["en"], url_in(self.article, "en")):
            self.assertNotContains(self.client.get(url), "Lab opened in May")
        with translation.override("en"):  # the preview: the draft's notes, in memory
            draft = revision.as_object()
            self.assertEqual([n.text for n in draft.corrections_shown()], ["Lab opened in May."])
        revision.publish()
        self.assertContains(self.client.get(url_in(self.article, "en")), "Lab opened in May")

    def test_a_correction_removed_by_a_publish_leaves_every_page(self):
        note(self.article, 3, "Lab opened in May.")
        self.assertContains(self.client.get(CORRECTIONS["en"]), "Lab opened in May")
        article = ArticlePage.objects.get(pk=self.article.pk)
        article.corrections.clear()
        article.save_revision().publish()
        self.assertNotContains(self.client.get(CORRECTIONS["en"]), "Lab opened in May")
        self.assertNotContains(self.client.get(url_in(self.article)), "Lab opened in May")


class CorrectionsInTheEditorTests(RoleTestCase):
    def corrections_form(self, *notes):
        return inline_formset(
            [
                {"date": "2024-05-03", "kind": "correction", "language": "zh-hans", **fields}
                for fields in notes
            ]
        )

    def test_a_moderator_adds_a_correction_and_publishes_it_with_the_story(self):
        self.login(self.moderator)
        response = self.edit(
            self.live,
            corrections=self.corrections_form({"text": "日期应为五月。"}),
            **{"action-publish": "action-publish"},
        )
        self.assertEqual(response.status_code, 302)
        self.assertContains(self.client.get(url_in(self.live, "zh-hans")), "日期应为五月。")

    def test_a_note_without_text_is_refused_with_a_message_and_nothing_is_saved(self):
        self.login(self.moderator)
        response = self.edit(
            self.live,
            corrections=self.corrections_form({"text": ""}),
            **{"action-publish": "action-publish"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "This field is required.")
        self.assertFalse(ArticleCorrection.objects.filter(page=self.live).exists())

    def test_a_translator_neither_sees_nor_changes_the_notes(self):
        note(self.live, 3, "Kept as it was.")
        self.login(self.translator)
        page = self.client.get(f"/admin/pages/{self.live.pk}/edit/")
        self.assertNotContains(page, "corrections-TOTAL_FORMS")
        self.edit(self.live, corrections=self.corrections_form({"text": "Forged."}))
        self.assertEqual(
            list(ArticleCorrection.objects.values_list("text", flat=True)), ["Kept as it was."]
        )

    def test_editors_and_chief_editors_see_the_panel(self):
        for user in (self.editor, member(CHIEF_EDITORS, "chief")):
            self.login(user)
            page = self.client.get(f"/admin/pages/{self.live.pk}/edit/")
            self.assertContains(page, "Corrections and updates")
            self.assertContains(page, "corrections-TOTAL_FORMS")


class CorrectionsPageQueryTests(TestCase):
    def test_the_page_and_feed_cost_the_same_for_2_and_10_notes(self):
        _home, _index, articles = build_site(articles=10)
        costs = []
        for count in (2, 10):
            for article in articles[len(costs) * 2 : count]:
                note(article, 3, f"Note on {article.title_en}.")
            costs.append(
                [
                    queries_from_nothing(self.client, url)[1]
                    for url in (CORRECTIONS["en"], FEED["en"])
                ]
            )
        self.assertEqual([len(page) for page in costs[0]], [len(page) for page in costs[1]])
        self.assertLessEqual(len(costs[1][0]), 8, [q["sql"][:90] for q in costs[1][0]])
