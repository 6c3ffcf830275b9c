"""Per-language visibility: a moderator hides an article's English or Chinese version.

A hidden version is absent from that language's listings, feeds, search, sitemap and article
extras; its address shows the public version with a notice and a canonical link to it.
"""

import datetime
import re

import feedparser
from django.contrib.auth import get_user_model
from django.test import TestCase
from wagtail.users.models import UserProfile

from news.factories import ArticlePageFactory, UntranslatedArticlePageFactory
from news.models import ArticlePage, RelatedArticle
from news.tests.utils import (
    BASE,
    RoleTestCase,
    build_site,
    edit_form,
    json_ld_graph,
    make_column,
    member,
    meta_tags,
    parse_sitemap,
    queries_of,
    result_titles,
    search,
    tag,
    titles_in,
)

NOTICE_ZH = "本文未发布中文版，以下显示英文版。"
NOTICE_EN = "This article is not published in English. The Chinese version is shown below."
UNTRANSLATED_NOTICE_ZH = "本文尚无中文版，以下显示英文原文。"


def en_url(article):
    return f"/en/news/{article.slug_en}/"


def zh_url(article):
    return f"/zh-hans/xinwen/{article.slug_zh_hans or article.slug_en}/"


def hreflangs(response):
    """{hreflang: href} of the page's alternate links."""
    return dict(
        re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', response.text)
    )


def canonical(response):
    return re.search(r'<link rel="canonical" href="([^"]+)">', response.text).group(1)


def switcher_links(response):
    """{language: href} of the language switcher's links (the current one has none)."""
    nav = response.text.split('class="language-switcher"')[1].split("</nav>")[0]
    return {lang: href for href, lang in re.findall(r'<a href="([^"]+)" lang="([^"]+)"', nav)}


class VisibilityTestCase(TestCase):
    """Four articles, all Focus, in the column "Research" and tagged "robotics":

    newest first: shared_new (2023-03), only_zh (2023-02, English hidden),
    shared_old (2023-01), only_en (2022-05, Chinese hidden, the only 2022 story).
    """

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site(articles=0)
        cls.column = make_column("Research", "科研", "research", "keyan")

        def article(day, title_en, title_zh, **extra):
            made = ArticlePageFactory(
                parent=cls.index,
                news_date=day,
                title_en=title_en,
                title_zh_hans=title_zh,
                focus=True,
                column=cls.column,
                **extra,
            )
            return tag(made, "robotics")

        cls.shared_old = article(datetime.date(2023, 1, 10), "Shared older story", "共享旧新闻")
        cls.shared_new = article(datetime.date(2023, 3, 1), "Shared newer story", "共享新新闻")
        cls.only_en = article(
            datetime.date(2022, 5, 1), "Visible in English", "隐藏的中文版", public_zh_hans=False
        )
        cls.only_zh = article(
            datetime.date(2023, 2, 1), "Hidden English version", "仅中文公开", public_en=False
        )

    # What each language lists, newest first.
    EN = ["Shared newer story", "Shared older story", "Visible in English"]
    ZH = ["共享新新闻", "仅中文公开", "共享旧新闻"]


class ListingTests(VisibilityTestCase):
    def assert_listed(self, language, url, expected):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        self.assertEqual(titles_in(response), expected, url)

    def test_news_focus_column_and_tag_listings_leave_out_hidden_versions(self):
        for route in ("", "focus/", "column/{column}/", "tag/robotics/"):
            with self.subTest(route=route):
                self.assert_listed("en", "/en/news/" + route.format(column="research"), self.EN)
                self.assert_listed(
                    "zh-hans", "/zh-hans/xinwen/" + route.format(column="keyan"), self.ZH
                )

    def test_home_page_leaves_out_hidden_versions(self):
        self.assert_listed("en", "/en/", self.EN)
        self.assert_listed("zh-hans", "/zh-hans/", self.ZH)

    def test_archive_year_and_month_listings_leave_out_hidden_versions(self):
        self.assert_listed("en", "/en/news/2023/", ["Shared newer story", "Shared older story"])
        self.assert_listed("zh-hans", "/zh-hans/xinwen/2023/", self.ZH)
        self.assert_listed("en", "/en/news/2022/05/", ["Visible in English"])
        self.assert_listed("zh-hans", "/zh-hans/xinwen/2023/02/", ["仅中文公开"])

    def test_archive_of_a_month_with_only_hidden_versions_is_not_found(self):
        self.assertEqual(self.client.get("/en/news/2023/02/").status_code, 404)
        self.assertEqual(self.client.get("/zh-hans/xinwen/2022/").status_code, 404)
        self.assertEqual(self.client.get("/zh-hans/xinwen/2022/05/").status_code, 404)

    def test_archive_navigation_counts_only_public_versions(self):
        english = self.client.get("/en/news/").text
        chinese = self.client.get("/zh-hans/xinwen/").text
        self.assertIn('href="/en/news/2022/"', english)
        self.assertNotIn('href="/en/news/2023/02/"', english)
        self.assertNotIn('href="/zh-hans/xinwen/2022/"', chinese)
        self.assertIn('href="/zh-hans/xinwen/2023/02/"', chinese)

    def test_a_tag_whose_stories_are_all_hidden_in_a_language_has_no_page_there(self):
        tag(self.only_en, "exchange")
        self.assertEqual(self.client.get("/en/news/tag/exchange/").status_code, 200)
        self.assertEqual(self.client.get("/zh-hans/xinwen/tag/exchange/").status_code, 404)

    def test_an_untranslated_story_hidden_in_chinese_has_no_english_only_card(self):
        UntranslatedArticlePageFactory(
            parent=self.index, title_en="Not for Chinese readers", public_zh_hans=False
        )
        response = self.client.get("/zh-hans/xinwen/")
        self.assertNotContains(response, "Not for Chinese readers")
        self.assertNotContains(response, "仅英文")  # the "English only" badge
        self.assertEqual(titles_in(response), self.ZH)


class FeedTests(VisibilityTestCase):
    FEEDS = {
        "en": ["/en/news/feed/{}/", "/en/news/focus/feed/{}/", "/en/news/column/research/feed/{}/"],
        "zh-hans": [
            "/zh-hans/xinwen/feed/{}/",
            "/zh-hans/xinwen/focus/feed/{}/",
            "/zh-hans/xinwen/column/keyan/feed/{}/",
        ],
    }

    def test_feeds_leave_out_hidden_versions(self):
        expected = {"en": self.EN, "zh-hans": self.ZH}
        for language, urls in self.FEEDS.items():
            for url in urls:
                for kind in ("rss", "atom"):
                    with self.subTest(url=url.format(kind)):
                        response = self.client.get(url.format(kind))
                        self.assertEqual(response.status_code, 200)
                        feed = feedparser.parse(response.content)
                        self.assertEqual([e.title for e in feed.entries], expected[language])


class SearchTests(VisibilityTestCase):
    def test_english_search_leaves_out_stories_hidden_in_english(self):
        self.assertEqual(
            result_titles(search(self.client, "en", "story")),
            ["Shared newer story", "Shared older story"],
        )
        self.assertEqual(result_titles(search(self.client, "en", "hidden english")), [])
        self.assertEqual(
            result_titles(search(self.client, "en", "visible")), ["Visible in English"]
        )

    def test_chinese_search_leaves_out_stories_hidden_in_chinese(self):
        self.assertEqual(result_titles(search(self.client, "zh-hans", "隐藏")), [])
        self.assertEqual(result_titles(search(self.client, "zh-hans", "公开")), ["仅中文公开"])
        self.assertEqual(
            sorted(result_titles(search(self.client, "zh-hans", "新闻"))),
            sorted(["共享新新闻", "共享旧新闻"]),
        )


class SitemapTests(VisibilityTestCase):
    def test_sitemap_lists_each_story_only_in_its_public_languages(self):
        urls = parse_sitemap(self.client.get("/sitemap.xml"))
        self.assertIn(BASE + en_url(self.only_en), urls)
        self.assertNotIn(BASE + zh_url(self.only_en), urls)
        self.assertIn(BASE + zh_url(self.only_zh), urls)
        self.assertNotIn(BASE + en_url(self.only_zh), urls)
        self.assertIn(BASE + zh_url(self.shared_old), urls)
        self.assertIn(BASE + en_url(self.shared_old), urls)

    def test_sitemap_alternates_name_only_public_versions(self):
        urls = parse_sitemap(self.client.get("/sitemap.xml"))
        english = BASE + en_url(self.only_en)
        chinese = BASE + zh_url(self.only_zh)
        self.assertEqual(urls[english]["alternates"], {"en": english, "x-default": english})
        self.assertEqual(urls[chinese]["alternates"], {"zh-hans": chinese, "x-default": chinese})
        shared_en, shared_zh = BASE + en_url(self.shared_old), BASE + zh_url(self.shared_old)
        self.assertEqual(
            urls[shared_zh]["alternates"],
            {"en": shared_en, "zh-hans": shared_zh, "x-default": shared_en},
        )


class ArticleExtrasTests(VisibilityTestCase):
    def extras(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        text = response.text
        previous = re.search(r'rel="prev">.*?article-nav__title"[^>]*>([^<]+)<', text)
        following = re.search(r'rel="next">.*?article-nav__title"[^>]*>([^<]+)<', text)
        related = text.partition('class="related"')[2].partition("</ul>")[0]
        return (
            previous and previous.group(1),
            following and following.group(1),
            re.findall(r'<li><a href="[^"]+"[^>]*>([^<]+)</a>', related),
        )

    def test_previous_and_next_skip_versions_hidden_in_the_language(self):
        previous, following, _related = self.extras(en_url(self.shared_old))
        self.assertEqual((previous, following), ("Shared newer story", "Visible in English"))
        previous, following, _related = self.extras(zh_url(self.shared_old))
        self.assertEqual((previous, following), ("仅中文公开", None))

    def test_related_articles_skip_versions_hidden_in_the_language(self):
        _p, _n, related = self.extras(en_url(self.shared_old))
        self.assertEqual(related, ["Shared newer story", "Visible in English"])
        _p, _n, related = self.extras(zh_url(self.shared_old))
        self.assertEqual(related, ["共享新新闻", "仅中文公开"])

    def test_an_editors_pick_hidden_in_the_language_is_not_shown(self):
        RelatedArticle.objects.create(page=self.shared_new, article=self.only_en, sort_order=0)
        _p, _n, related = self.extras(zh_url(self.shared_new))
        self.assertNotIn("隐藏的中文版", related)
        self.assertNotIn("Visible in English", related)
        _p, _n, related = self.extras(en_url(self.shared_new))
        self.assertEqual(related[0], "Visible in English")


class HiddenChineseAddressTests(VisibilityTestCase):
    """/zh-hans/xinwen/<slug>/ of a story not public in Chinese."""

    def setUp(self):
        self.response = self.client.get(zh_url(self.only_en))

    def test_answers_with_the_english_text_marked_english_in_the_chinese_site(self):
        self.assertEqual(self.response.status_code, 200)
        self.assertContains(self.response, '<html lang="zh-hans">')
        self.assertContains(
            self.response, '<h1 class="page-title" lang="en">Visible in English</h1>'
        )
        self.assertContains(self.response, '<div class="article__body rich-text" lang="en">')
        self.assertContains(self.response, "<p>Body of Visible in English.</p>")
        self.assertNotContains(self.response, "隐藏的中文版")
        self.assertContains(self.response, "新闻动态")  # the Chinese navigation stays

    def test_says_the_story_is_not_published_in_chinese(self):
        self.assertContains(self.response, NOTICE_ZH)
        self.assertNotContains(self.response, UNTRANSLATED_NOTICE_ZH)

    def test_canonical_link_points_at_the_english_address(self):
        self.assertEqual(canonical(self.response), BASE + en_url(self.only_en))

    def test_hreflang_names_only_the_english_version(self):
        english = BASE + en_url(self.only_en)
        self.assertEqual(hreflangs(self.response), {"en": english, "x-default": english})

    def test_language_switcher_still_leads_to_the_english_page(self):
        self.assertEqual(switcher_links(self.response), {"en": en_url(self.only_en)})
        self.assertEqual(self.client.get(en_url(self.only_en)).status_code, 200)

    def test_opengraph_and_json_ld_describe_the_english_version_and_no_translation(self):
        meta = meta_tags(self.response.text)
        self.assertEqual(meta["og:title"], "Visible in English")
        self.assertEqual(meta["og:locale"], "en_US")
        self.assertNotIn("og:locale:alternate", meta)
        self.assertEqual(meta["og:url"], BASE + en_url(self.only_en))
        article = json_ld_graph(self.response.text)["NewsArticle"]
        self.assertEqual(article["inLanguage"], "en")
        self.assertEqual(article["headline"], "Visible in English")
        self.assertEqual(article["url"], BASE + en_url(self.only_en))
        self.assertNotIn("workTranslation", article)
        self.assertNotIn("translationOfWork", article)

    def test_an_untranslated_story_hidden_in_chinese_gets_the_not_published_notice(self):
        story = UntranslatedArticlePageFactory(
            parent=self.index, title_en="English story", public_zh_hans=False
        )
        response = self.client.get(zh_url(story))
        self.assertContains(response, NOTICE_ZH)
        self.assertNotContains(response, UNTRANSLATED_NOTICE_ZH)


class PublicEnglishAddressTests(VisibilityTestCase):
    """/en/news/<slug>/ of a story not public in Chinese: no Chinese twin announced."""

    def setUp(self):
        self.response = self.client.get(en_url(self.only_en))

    def test_shows_the_english_version_without_notice(self):
        self.assertContains(self.response, '<h1 class="page-title">Visible in English</h1>')
        self.assertNotContains(self.response, 'role="note"')

    def test_canonical_is_itself_and_hreflang_names_no_chinese_version(self):
        english = BASE + en_url(self.only_en)
        self.assertEqual(canonical(self.response), english)
        self.assertEqual(hreflangs(self.response), {"en": english, "x-default": english})

    def test_opengraph_and_json_ld_claim_no_chinese_translation(self):
        meta = meta_tags(self.response.text)
        self.assertNotIn("og:locale:alternate", meta)
        self.assertNotIn("workTranslation", json_ld_graph(self.response.text)["NewsArticle"])

    def test_language_switcher_still_offers_chinese(self):
        self.assertEqual(switcher_links(self.response), {"zh-hans": zh_url(self.only_en)})


class HiddenEnglishAddressTests(VisibilityTestCase):
    """/en/news/<slug>/ of a story not public in English."""

    def setUp(self):
        self.response = self.client.get(en_url(self.only_zh))

    def test_answers_with_the_chinese_text_marked_chinese_in_the_english_site(self):
        self.assertEqual(self.response.status_code, 200)
        self.assertContains(self.response, '<html lang="en">')
        self.assertContains(self.response, '<h1 class="page-title" lang="zh-hans">仅中文公开</h1>')
        self.assertContains(self.response, '<div class="article__body rich-text" lang="zh-hans">')
        self.assertContains(self.response, "<p>仅中文公开正文。</p>")
        self.assertNotContains(self.response, "Hidden English version")
        self.assertContains(self.response, NOTICE_EN)

    def test_canonical_and_hreflang_point_at_the_chinese_address(self):
        chinese = BASE + zh_url(self.only_zh)
        self.assertEqual(canonical(self.response), chinese)
        self.assertEqual(hreflangs(self.response), {"zh-hans": chinese, "x-default": chinese})

    def test_json_ld_describes_the_chinese_version_and_no_english_original(self):
        meta = meta_tags(self.response.text)
        self.assertEqual(meta["og:locale"], "zh_CN")
        self.assertNotIn("og:locale:alternate", meta)
        article = json_ld_graph(self.response.text)["NewsArticle"]
        self.assertEqual(article["inLanguage"], "zh-Hans")
        self.assertEqual(article["headline"], "仅中文公开")
        self.assertNotIn("translationOfWork", article)
        self.assertNotIn("workTranslation", article)

    def test_the_chinese_address_shows_the_chinese_version_with_its_own_links(self):
        response = self.client.get(zh_url(self.only_zh))
        chinese = BASE + zh_url(self.only_zh)
        self.assertContains(response, '<h1 class="page-title">仅中文公开</h1>')
        self.assertNotContains(response, 'role="note"')
        self.assertEqual(canonical(response), chinese)
        self.assertEqual(hreflangs(response), {"zh-hans": chinese, "x-default": chinese})
        self.assertNotIn("translationOfWork", json_ld_graph(response.text)["NewsArticle"])


class PermissionTests(RoleTestCase):
    """Only moderators (and superusers) choose the public languages, through the edit view."""

    def edit_url(self, article):
        return f"/admin/pages/{article.pk}/edit/"

    def draft_of(self, article):
        return ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()

    def test_editor_does_not_see_the_visibility_fields(self):
        self.login(self.editor)
        response = self.client.get(self.edit_url(self.live))
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, 'name="public_zh_hans"')
        self.assertNotContains(response, 'name="public_en"')

    def test_translator_does_not_see_the_visibility_fields(self):
        self.login(self.translator)
        response = self.client.get(self.edit_url(self.live))
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, 'name="public_zh_hans"')

    def test_editors_post_of_the_field_is_ignored(self):
        self.login(self.editor)
        form = edit_form(self.live, title_en="Edited by an editor")
        del form["public_zh_hans"]  # an unticked box: would hide the Chinese version
        response = self.client.post(self.edit_url(self.live), form)
        self.assertEqual(response.status_code, 302)
        draft = self.draft_of(self.live)
        self.assertEqual(draft.title_en, "Edited by an editor")  # the edit itself was saved
        self.assertTrue(draft.public_zh_hans)

    def test_editor_cannot_make_a_hidden_version_public(self):
        self.live.public_zh_hans = False
        self.live.save_revision().publish()
        self.login(self.editor)
        form = edit_form(self.live, public_zh_hans="on")
        self.assertEqual(self.client.post(self.edit_url(self.live), form).status_code, 302)
        self.assertFalse(self.draft_of(self.live).public_zh_hans)

    def test_moderator_sees_the_fields_and_hides_the_chinese_version(self):
        self.login(self.moderator)
        response = self.client.get(self.edit_url(self.live))
        self.assertContains(response, 'name="public_zh_hans"')
        form = edit_form(self.live, **{"action-publish": "action-publish"})
        del form["public_zh_hans"]
        self.assertEqual(self.client.post(self.edit_url(self.live), form).status_code, 302)
        article = ArticlePage.objects.get(pk=self.live.pk)
        self.assertFalse(article.public_zh_hans)
        self.assertTrue(article.public_en)
        self.assertNotContains(self.client.get("/zh-hans/xinwen/"), article.title_zh_hans)
        self.assertContains(self.client.get(zh_url(article)), NOTICE_ZH)

    def test_moderator_cannot_hide_both_languages(self):
        self.login(self.moderator)
        revisions = self.live.revisions.count()
        form = edit_form(self.live, **{"action-publish": "action-publish"})
        del form["public_zh_hans"]
        del form["public_en"]
        response = self.client.post(self.edit_url(self.live), form)
        self.assertEqual(response.status_code, 200)
        self.assertContains(
            response, "An article must stay public in at least one language (English or Chinese)."
        )
        self.assertEqual(self.live.revisions.count(), revisions)
        article = ArticlePage.objects.get(pk=self.live.pk)
        self.assertTrue(article.public_en and article.public_zh_hans)

    def test_hiding_english_needs_a_chinese_title(self):
        self.login(self.moderator)
        form = edit_form(self.live, title_zh_hans="", slug_zh_hans="")
        del form["public_en"]
        response = self.client.post(self.edit_url(self.live), form)
        self.assertEqual(response.status_code, 200)
        self.assertContains(
            response, "This article is public only in Chinese, so it needs a Chinese title."
        )
        self.assertTrue(self.draft_of(self.live).public_en)

    def test_chinese_admin_shows_the_error_in_chinese(self):
        UserProfile.objects.update_or_create(
            user=self.moderator, defaults={"preferred_language": "zh-hans"}
        )
        self.login(self.moderator)
        form = edit_form(self.live)
        del form["public_zh_hans"]
        del form["public_en"]
        response = self.client.post(self.edit_url(self.live), form)
        self.assertContains(response, "文章必须至少以一种语言（英文或中文）公开。")

    def test_superuser_may_change_the_fields(self):
        admin = get_user_model().objects.create_superuser("boss", "", "pw")
        self.login(admin)
        form = edit_form(self.live)
        del form["public_en"]
        self.assertEqual(self.client.post(self.edit_url(self.live), form).status_code, 302)
        self.assertFalse(self.draft_of(self.live).public_en)

    def test_the_permission_is_granted_to_moderators_only(self):
        self.assertTrue(self.moderator.has_perm("news.set_language_visibility"))
        self.assertFalse(self.editor.has_perm("news.set_language_visibility"))
        self.assertFalse(self.translator.has_perm("news.set_language_visibility"))
        self.assertFalse(member("Editors", "another").has_perm("news.set_language_visibility"))


class TranslationDashboardTests(VisibilityTestCase):
    def test_dashboard_marks_hidden_versions_not_public_but_keeps_them(self):
        admin = get_user_model().objects.create_superuser("boss", "", "pw")
        self.client.force_login(admin)
        response = self.client.get("/admin/translation-status/", {"language": "zh-hans"})
        self.assertEqual(response.status_code, 200)
        rows = re.findall(r'(?s)<tr class="translation-status__row.*?</tr>', response.text)
        hidden = [row for row in rows if "not public" in row]
        self.assertEqual(len(rows), 4)
        self.assertEqual(len(hidden), 1)
        self.assertIn(f"/admin/pages/{self.only_en.pk}/edit/", hidden[0])


class QueryCountTests(TestCase):
    """Hiding versions adds no query, and the cost stays flat as articles grow."""

    PAGES = [
        "/zh-hans/",
        "/zh-hans/xinwen/",
        "/zh-hans/xinwen/focus/",
        "/zh-hans/xinwen/2023/",
        "/zh-hans/xinwen/feed/rss/",
        "/zh-hans/search/?q=%E6%96%87%E7%AB%A0",  # 文章
        "/en/news/",
        "/sitemap.xml",
    ]

    def count(self, urls):
        counts = {}
        for url in urls:
            response, count = queries_of(self.client, url)
            self.assertEqual(response.status_code, 200, url)
            counts[url] = count
        return counts

    def test_query_counts_are_the_same_with_hidden_versions_and_for_5_and_50_articles(self):
        _home, index, articles = build_site(articles=5, focus_every=2)
        shown, hidden = articles[0], articles[1]
        # The article page: its own version, and the English one shown in place of the
        # hidden Chinese one, cost the same.
        urls = [*self.PAGES, zh_url(shown), zh_url(hidden)]
        all_public = self.count(urls)
        for article in articles[1::2]:
            article.public_zh_hans = False
            article.save_revision().publish()
        self.assertContains(self.client.get(zh_url(hidden)), NOTICE_ZH)
        with_hidden = self.count(urls)
        while index.get_children().count() < 50:
            n = index.get_children().count()
            ArticlePageFactory(parent=index, focus=bool(n % 3), public_zh_hans=bool(n % 2))
        grown = self.count(urls)
        self.assertEqual(with_hidden, all_public)
        self.assertEqual(grown, all_public)
        self.assertEqual(all_public[zh_url(hidden)], all_public[zh_url(shown)])
