"""Focus control: a story pinned to the top of Focus, a Focus end date, and the order of the
home page's Focus stories that a moderator publishes with the home page."""

import datetime
from unittest import mock

import feedparser
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import TestCase, override_settings
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page
from wagtail.users.models import UserProfile

from news.factories import ArticlePageFactory
from news.models import ArticlePage, HomeFocusStory
from news.tests.utils import (
    BASE,
    TITLE_FIELD,
    article_on,
    breadcrumbs,
    build_site,
    edit_form,
    home_focus_titles,
    queries_of,
    read_sitemaps,
    titles,
    titles_in,
    url_in,
)

FOCUS = {"en": "/en/news/focus/", "zh-hans": "/zh-hans/xinwen/focus/"}
NEWS = {"en": "/en/news/", "zh-hans": "/zh-hans/xinwen/"}


def feed_titles(response):
    return [entry.title for entry in feedparser.parse(response.content).entries]


class FocusOrderTests(TestCase):
    """Pinned first, then newest first; a story whose Focus has ended is an ordinary article."""

    @classmethod
    def setUpTestData(cls):
        now = timezone.now()
        cls.home, cls.index, _ = build_site()
        cls.pinned = article_on(cls.index, 1, focus=True, focus_pinned=True)
        cls.later = article_on(
            cls.index, 2, focus=True, focus_until=now + datetime.timedelta(days=30)
        )
        cls.older = article_on(cls.index, 3, focus=True)
        cls.plain = article_on(cls.index, 4)
        cls.newer = article_on(cls.index, 5, focus=True)
        cls.ended = article_on(
            cls.index,
            6,
            focus=True,
            focus_pinned=True,
            focus_until=now - datetime.timedelta(hours=1),
        )
        cls.newest = article_on(cls.index, 7, focus=True)
        cls.focus_order = [cls.pinned, cls.newest, cls.newer, cls.older, cls.later]

    def test_focus_listing_shows_the_pinned_story_first_then_newest_first(self):
        for language, _name in settings.LANGUAGES:
            with self.subTest(language=language):
                response = self.client.get(FOCUS[language])
                self.assertEqual(titles_in(response), titles(self.focus_order, language))

    def test_home_page_shows_the_pinned_story_first(self):
        for language, _name in settings.LANGUAGES:
            with self.subTest(language=language):
                response = self.client.get(f"/{language}/")
                self.assertEqual(
                    home_focus_titles(response), titles(self.focus_order[:3], language)
                )

    def test_focus_feeds_list_the_pinned_story_first(self):
        for language, _name in settings.LANGUAGES:
            for kind in ("rss", "atom"):
                with self.subTest(language=language, kind=kind):
                    response = self.client.get(f"{FOCUS[language]}feed/{kind}/")
                    self.assertEqual(feed_titles(response), titles(self.focus_order, language))

    def test_story_whose_focus_ended_is_not_on_home_focus_or_the_feed(self):
        for language, _name in settings.LANGUAGES:
            with self.subTest(language=language):
                title = getattr(self.ended, TITLE_FIELD[language])
                self.assertNotIn(title, home_focus_titles(self.client.get(f"/{language}/")))
                self.assertNotIn(title, titles_in(self.client.get(FOCUS[language])))
                feed = self.client.get(f"{FOCUS[language]}feed/rss/")
                self.assertNotIn(title, feed_titles(feed))

    def test_story_whose_focus_ended_stays_on_news_and_its_page_without_the_focus_badge(self):
        pages = {
            "en": f"/en/news/{self.ended.slug_en}/",
            "zh-hans": f"/zh-hans/xinwen/{self.ended.slug_zh_hans}/",
        }
        for language, _name in settings.LANGUAGES:
            with self.subTest(language=language):
                title = getattr(self.ended, TITLE_FIELD[language])
                # Second newest on News&Events, as its date says.
                self.assertEqual(titles_in(self.client.get(NEWS[language]))[1], title)
                page = self.client.get(pages[language])
                self.assertContains(page, title)
                self.assertNotContains(page, '<span class="badge">')
        # Only expired Focus stories lose the badge: the newest one keeps it.
        newest = self.client.get(f"/en/news/{self.newest.slug_en}/")
        self.assertContains(newest, '<span class="badge">Focus</span>', html=True)

    def test_story_whose_focus_ended_is_listed_as_ordinary_news_on_the_home_page(self):
        response = self.client.get("/en/")
        latest = response.text.split('id="latest-heading"', 1)[1]
        self.assertIn(self.ended.title_en, latest)

    def test_story_with_a_future_focus_end_date_is_listed(self):
        for language, _name in settings.LANGUAGES:
            with self.subTest(language=language):
                title = getattr(self.later, TITLE_FIELD[language])
                self.assertIn(title, titles_in(self.client.get(FOCUS[language])))
                self.assertIn(title, feed_titles(self.client.get(f"{FOCUS[language]}feed/rss/")))

    def test_story_leaves_focus_when_its_end_date_passes_without_a_new_publish(self):
        ArticlePage.objects.filter(pk=self.later.pk).update(
            focus_until=timezone.now() - datetime.timedelta(seconds=1)
        )
        self.assertNotIn(self.later.title_en, titles_in(self.client.get(FOCUS["en"])))
        self.assertIn(self.later.title_en, titles_in(self.client.get("/en/news/?page=1")))


class FocusBreadcrumbTests(TestCase):
    """A story in Focus sits under the Focus listing, as BIT's own pages read:
    Home › News&Events › Focus › title; an ordinary story (or one whose Focus ended) does not."""

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()
        cls.in_focus = article_on(
            cls.index,
            1,
            focus=True,
            focus_until=timezone.now() + datetime.timedelta(hours=1),
            title_en="Telescope unveiled",
            title_zh_hans="望远镜揭幕",
        )
        cls.plain = article_on(
            cls.index, 2, title_en="Library hours", title_zh_hans="图书馆开放时间"
        )

    def test_focus_story_breadcrumbs_read_home_news_focus_title_in_both_languages(self):
        self.assertEqual(
            breadcrumbs(self.client.get(url_in(self.in_focus))),
            [
                ("/en/", "Home"),
                ("/en/news/", "News&amp;Events"),
                ("/en/news/focus/", "Focus"),
                (None, "Telescope unveiled"),
            ],
        )
        self.assertEqual(
            breadcrumbs(self.client.get(url_in(self.in_focus, "zh-hans"))),
            [
                ("/zh-hans/", "首页"),
                ("/zh-hans/xinwen/", "新闻动态"),
                ("/zh-hans/xinwen/focus/", "要闻"),
                (None, "望远镜揭幕"),
            ],
        )

    def test_ordinary_story_breadcrumbs_go_from_news_straight_to_the_story(self):
        self.assertEqual(
            breadcrumbs(self.client.get(url_in(self.plain, "zh-hans"))),
            [("/zh-hans/", "首页"), ("/zh-hans/xinwen/", "新闻动态"), (None, "图书馆开放时间")],
        )

    def test_story_leaves_the_focus_breadcrumb_when_its_end_date_passes(self):
        with override_settings(PAGE_CACHE=False):  # the parts of the page stay cached
            before = breadcrumbs(self.client.get(url_in(self.in_focus)))
            later = timezone.now() + datetime.timedelta(hours=2)
            with mock.patch("django.utils.timezone.now", return_value=later):
                after = breadcrumbs(self.client.get(url_in(self.in_focus)))
        self.assertIn(("/en/news/focus/", "Focus"), before)
        self.assertEqual(
            after,
            [("/en/", "Home"), ("/en/news/", "News&amp;Events"), (None, "Telescope unveiled")],
        )


class FocusValidationTests(TestCase):
    """The article's Focus panel refuses what cannot mean anything, with a message on the field."""

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, (cls.article,) = build_site(articles=1)
        cls.admin = get_user_model().objects.create_superuser("admin", "", "pw")

    def setUp(self):
        self.client.force_login(self.admin)

    def edit(self, **fields):
        """Post the edit form with `fields` and publish."""
        form = edit_form(self.article, **{"action-publish": "action-publish"}, **fields)
        return self.client.post(f"/admin/pages/{self.article.pk}/edit/", form)

    def field_errors(self, response, name):
        self.assertEqual(response.status_code, 200)
        return response.context["form"].errors.get(name, [])

    def saved(self):
        return ArticlePage.objects.get(pk=self.article.pk)

    def later(self, **delta):
        moment = timezone.localtime() + datetime.timedelta(**delta)
        return moment.strftime("%Y-%m-%d %H:%M")

    def test_edit_view_groups_the_three_focus_fields_in_one_panel(self):
        html = self.client.get(f"/admin/pages/{self.article.pk}/edit/").text
        panel = html.split('id="panel-child-content-focus-section"', 1)[1].split("</section>")[0]
        for name in ("focus", "focus_pinned", "focus_until"):
            self.assertIn(f'name="{name}"', panel)

    def test_pinned_without_focus_is_refused_on_the_pin_field(self):
        response = self.edit(focus="", focus_pinned="on")
        self.assertEqual(
            self.field_errors(response, "focus_pinned"),
            ["Only a Focus story can be pinned: tick Focus too."],
        )
        self.assertFalse(self.saved().focus_pinned)

    def test_focus_end_date_without_focus_is_refused_on_the_date_field(self):
        response = self.edit(focus="", focus_until=self.later(days=3))
        self.assertIn(
            "Only a Focus story has a Focus end date: tick Focus, or clear the date.",
            self.field_errors(response, "focus_until"),
        )
        self.assertIsNone(self.saved().focus_until)

    def test_messages_are_translated_in_the_chinese_admin(self):
        profile = UserProfile.get_for_user(self.admin)
        profile.preferred_language = "zh-hans"
        profile.save()
        response = self.edit(focus="", focus_pinned="on")
        self.assertContains(response, "只有要闻才能置顶：请同时勾选“要闻”。")
        self.assertContains(response, "要闻截止时间")  # the field labels, too
        self.assertContains(response, "要闻置顶")

    def test_a_focus_end_date_typed_in_the_past_is_refused(self):
        response = self.edit(focus="on", focus_until=self.later(days=-1))
        self.assertIn(
            "This date has already passed, so the story would not be in Focus. "
            "Pick a later date, or leave it empty.",
            self.field_errors(response, "focus_until"),
        )
        self.assertIsNone(self.saved().focus_until)

    def test_a_focus_end_date_that_passed_since_it_was_set_does_not_block_an_edit(self):
        ended = timezone.now() - datetime.timedelta(days=2)
        ArticlePage.objects.filter(pk=self.article.pk).update(focus=True, focus_until=ended)
        self.article.refresh_from_db()
        response = self.edit(
            focus="on",
            focus_until=timezone.localtime(ended).strftime("%Y-%m-%d %H:%M"),
            title_en="Typo fixed",
        )
        self.assertEqual(response.status_code, 302)
        saved = self.saved()
        self.assertEqual(saved.title_en, "Typo fixed")
        self.assertEqual(
            saved.focus_until.replace(second=0, microsecond=0),
            ended.replace(second=0, microsecond=0),
        )

    def test_pinned_focus_story_with_a_future_end_date_is_saved_and_listed_first(self):
        ArticlePageFactory(parent=self.index, focus=True)  # a newer Focus story
        response = self.edit(focus="on", focus_pinned="on", focus_until=self.later(days=7))
        self.assertEqual(response.status_code, 302)
        saved = self.saved()
        self.assertTrue(saved.focus_pinned)
        self.assertGreater(saved.focus_until, timezone.now())
        self.assertEqual(titles_in(self.client.get(FOCUS["en"]))[0], saved.title_en)


class FocusQueryCountTests(TestCase):
    """Focus pages cost the same with 5 and 30 articles, and the home page's order is free."""

    def count_queries(self, url):
        response, count = queries_of(self.client, url)
        self.assertEqual(response.status_code, 200)
        return count

    def test_focus_pages_cost_the_same_for_5_and_30_articles(self):
        image = Image.objects.create(title="lead", file=get_test_image_file())
        home, index, _ = build_site()
        urls = [
            "/en/",
            "/zh-hans/",
            FOCUS["en"],
            FOCUS["zh-hans"],
            FOCUS["en"] + "feed/rss/",
            FOCUS["zh-hans"] + "feed/atom/",
        ]

        def add_articles(total):
            while index.get_children().count() < total:
                n = index.get_children().count()
                ArticlePageFactory(
                    parent=index,
                    lead_image=image,
                    lead_image_alt_en="A photo",
                    focus=n % 2 == 0,
                    focus_pinned=n % 6 == 0,
                    focus_until=timezone.now() + datetime.timedelta(days=1) if n % 4 == 2 else None,
                )

        add_articles(5)
        without_order = self.count_queries("/en/")
        focus = ArticlePage.objects.filter(focus=True).order_by("news_date")
        for place, story in enumerate(focus[:2]):
            HomeFocusStory.objects.create(home=home, article=story, sort_order=place)
        counts = {}
        for total in (5, 30):
            add_articles(total)
            counts[total] = {url: self.count_queries(url) for url in urls}
        self.assertEqual(counts[5], counts[30])
        self.assertEqual(counts[30]["/en/"], without_order, "the order costs no query")
        self.assertLessEqual(max(counts[30].values()), 15, counts[30])


class FocusSitemapTests(TestCase):
    """Search engines learn that Focus changed when a story's Focus ends, with no publish."""

    def test_focus_listing_lastmod_moves_when_a_focus_end_date_passes(self):
        _home, index, _ = build_site()
        ended = timezone.now() - datetime.timedelta(minutes=5)
        article_on(index, 1, focus=True, focus_until=ended)
        long_ago = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
        Page.objects.update(first_published_at=long_ago, last_published_at=long_ago)
        urls = read_sitemaps(self.client)
        today = timezone.localdate(ended).isoformat()
        self.assertEqual(urls[f"{BASE}/en/news/focus/"]["lastmod"], today)
        self.assertEqual(urls[f"{BASE}/zh-hans/xinwen/focus/"]["lastmod"], today)
        self.assertEqual(urls[f"{BASE}/en/"]["lastmod"], today)
        self.assertEqual(urls[f"{BASE}/en/news/"]["lastmod"], "2024-01-01")
