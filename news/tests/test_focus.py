"""Focus control: a story pinned to the top of Focus, a Focus end date, and the order of the
home page's Focus stories that a moderator publishes with the home page."""

import datetime
import re

import feedparser
from django.contrib.auth import get_user_model
from django.test import TestCase
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, TaskState
from wagtail.test.utils.form_data import inline_formset, nested_form_data
from wagtail.users.models import UserProfile

from news.factories import ArticlePageFactory
from news.models import ArticlePage, HomeFocusStory, HomePage
from news.tests.utils import (
    BASE,
    build_site,
    edit_form,
    member,
    parse_sitemap,
    queries_of,
    titles_in,
)

PREFIX = {"en": "/en/", "zh-hans": "/zh-hans/"}
FOCUS = {"en": "/en/news/focus/", "zh-hans": "/zh-hans/xinwen/focus/"}
NEWS = {"en": "/en/news/", "zh-hans": "/zh-hans/xinwen/"}
TITLE = {"en": "title_en", "zh-hans": "title_zh_hans"}
CARD_TITLE = r'class="card__title"><a href="[^"]+"[^>]*>([^<]+)</a>'


def home_focus_titles(response):
    """Titles of the cards in the home page's Focus section, in order."""
    html = response.text
    if 'id="focus-heading"' not in html:
        return []
    section = html.split('id="focus-heading"', 1)[1].split('id="latest-heading"', 1)[0]
    return re.findall(CARD_TITLE, section)


def feed_titles(response):
    return [entry.title for entry in feedparser.parse(response.content).entries]


def article(index, day, **fields):
    return ArticlePageFactory(parent=index, news_date=datetime.date(2023, 1, day), **fields)


def titles(articles, language):
    return [getattr(a, TITLE[language]) for a in articles]


class FocusOrderTests(TestCase):
    """Pinned first, then newest first; a story whose Focus has ended is an ordinary article."""

    @classmethod
    def setUpTestData(cls):
        now = timezone.now()
        cls.home, cls.index, _ = build_site()
        cls.pinned = article(cls.index, 1, focus=True, focus_pinned=True)
        cls.later = article(cls.index, 2, focus=True, focus_until=now + datetime.timedelta(days=30))
        cls.older = article(cls.index, 3, focus=True)
        cls.plain = article(cls.index, 4)
        cls.newer = article(cls.index, 5, focus=True)
        cls.ended = article(
            cls.index,
            6,
            focus=True,
            focus_pinned=True,
            focus_until=now - datetime.timedelta(hours=1),
        )
        cls.newest = article(cls.index, 7, focus=True)
        cls.focus_order = [cls.pinned, cls.newest, cls.newer, cls.older, cls.later]

    def test_focus_listing_shows_the_pinned_story_first_then_newest_first(self):
        for language in PREFIX:
            with self.subTest(language=language):
                response = self.client.get(FOCUS[language])
                self.assertEqual(titles_in(response), titles(self.focus_order, language))

    def test_home_page_shows_the_pinned_story_first(self):
        for language in PREFIX:
            with self.subTest(language=language):
                response = self.client.get(PREFIX[language])
                self.assertEqual(
                    home_focus_titles(response), titles(self.focus_order[:3], language)
                )

    def test_focus_feeds_list_the_pinned_story_first(self):
        for language in PREFIX:
            for kind in ("rss", "atom"):
                with self.subTest(language=language, kind=kind):
                    response = self.client.get(f"{FOCUS[language]}feed/{kind}/")
                    self.assertEqual(feed_titles(response), titles(self.focus_order, language))

    def test_story_whose_focus_ended_is_not_on_home_focus_or_the_feed(self):
        for language in PREFIX:
            with self.subTest(language=language):
                title = getattr(self.ended, TITLE[language])
                self.assertNotIn(title, home_focus_titles(self.client.get(PREFIX[language])))
                self.assertNotIn(title, titles_in(self.client.get(FOCUS[language])))
                feed = self.client.get(f"{FOCUS[language]}feed/rss/")
                self.assertNotIn(title, feed_titles(feed))

    def test_story_whose_focus_ended_stays_on_news_and_its_page_without_the_focus_badge(self):
        pages = {
            "en": f"/en/news/{self.ended.slug_en}/",
            "zh-hans": f"/zh-hans/xinwen/{self.ended.slug_zh_hans}/",
        }
        for language in PREFIX:
            with self.subTest(language=language):
                title = getattr(self.ended, TITLE[language])
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
        for language in PREFIX:
            with self.subTest(language=language):
                title = getattr(self.later, TITLE[language])
                self.assertIn(title, titles_in(self.client.get(FOCUS[language])))
                self.assertIn(title, feed_titles(self.client.get(f"{FOCUS[language]}feed/rss/")))

    def test_story_leaves_focus_when_its_end_date_passes_without_a_new_publish(self):
        ArticlePage.objects.filter(pk=self.later.pk).update(
            focus_until=timezone.now() - datetime.timedelta(seconds=1)
        )
        self.assertNotIn(self.later.title_en, titles_in(self.client.get(FOCUS["en"])))
        self.assertIn(self.later.title_en, titles_in(self.client.get("/en/news/?page=1")))


def home_form(home, stories, publish=True):
    """The home page's edit form with `stories` as its Focus order, as the admin sends it:
    the saved rows first (given other stories, or deleted), then new rows."""
    rows = list(HomeFocusStory.objects.filter(home=home).order_by("sort_order"))
    items = [
        {"id": row.pk, "article": stories[n].pk}
        if n < len(stories)
        else {"id": row.pk, "article": row.article_id, "DELETE": "1"}
        for n, row in enumerate(rows)
    ]
    items += [{"article": story.pk} for story in stories[len(rows) :]]
    data = {
        "title_en": home.title_en,
        "title_zh_hans": home.title_zh_hans,
        "slug_en": home.slug_en,
        "slug_zh_hans": home.slug_zh_hans,
        "focus_stories": inline_formset(items, initial=len(rows)),
    }
    if publish:
        data["action-publish"] = "action-publish"
    return nested_form_data(data)


class HomeFocusOrderTests(TestCase):
    """A moderator sets the order of the home page's Focus stories in the home page's editor."""

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()
        cls.a, cls.b, cls.c, cls.d = (article(cls.index, day, focus=True) for day in (1, 2, 3, 4))
        cls.pinned = article(cls.index, 5, focus=True, focus_pinned=True)
        cls.plain = article(cls.index, 6)
        cls.moderator = member("Moderators")
        cls.editor = member("Editors")
        cls.translator = member("Translators")

    def edit_home(self, user, stories, publish=True):
        self.client.force_login(user)
        response = self.client.post(
            f"/admin/pages/{self.home.pk}/edit/", home_form(self.home, stories, publish)
        )
        self.client.logout()
        return response

    def home_titles(self, language="en"):
        return home_focus_titles(self.client.get(PREFIX[language]))

    def test_edit_view_has_the_focus_order_panel(self):
        self.client.force_login(self.moderator)
        response = self.client.get(f"/admin/pages/{self.home.pk}/edit/")
        self.assertContains(response, "Focus order on the home page")
        self.assertContains(response, 'name="focus_stories-TOTAL_FORMS"')
        self.assertContains(response, '"modelNames": ["news.articlepage"]')  # articles only

    def test_order_published_by_a_moderator_is_what_visitors_see_in_both_languages(self):
        response = self.edit_home(self.moderator, [self.b, self.a])
        self.assertEqual(response.status_code, 302)
        self.assertFalse(HomePage.objects.get(pk=self.home.pk).has_unpublished_changes)
        for language in PREFIX:
            with self.subTest(language=language):
                # The two picked stories in the moderator's order, then the pinned one.
                self.assertEqual(
                    self.home_titles(language), titles([self.b, self.a, self.pinned], language)
                )

    def test_a_story_listed_twice_is_refused_with_a_message_and_nothing_is_published(self):
        self.edit_home(self.moderator, [self.a])
        response = self.edit_home(self.moderator, [self.b, self.c, self.b])
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "This story is already in the list.")
        self.assertEqual(
            [s.article_id for s in HomePage.objects.get(pk=self.home.pk).focus_stories.all()],
            [self.a.pk],
        )
        self.assertEqual(self.home_titles(), titles([self.a, self.pinned, self.d], "en"))

    def test_a_deleted_row_does_not_count_as_a_duplicate(self):
        self.edit_home(self.moderator, [self.a, self.b])
        form = home_form(self.home, [], publish=True)  # both saved rows marked deleted …
        form.update(  # … and the first story added again as a new row
            {
                "focus_stories-TOTAL_FORMS": "3",
                "focus_stories-2-article": str(self.a.pk),
                "focus_stories-2-ORDER": "2",
                "focus_stories-2-DELETE": "",
            }
        )
        self.client.force_login(self.moderator)
        response = self.client.post(f"/admin/pages/{self.home.pk}/edit/", form)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.home_titles(), titles([self.a, self.pinned, self.d], "en"))

    def test_order_fills_up_with_the_other_focus_stories_in_focus_order(self):
        self.edit_home(self.moderator, [self.a])
        self.assertEqual(self.home_titles(), titles([self.a, self.pinned, self.d], "en"))

    def test_stories_no_longer_live_or_in_focus_are_skipped(self):
        ended = article(
            self.index, 7, focus=True, focus_until=timezone.now() + datetime.timedelta(days=1)
        )
        self.edit_home(self.moderator, [self.plain, self.c, ended, self.a, self.b])
        ArticlePage.objects.get(pk=self.c.pk).unpublish()
        ArticlePage.objects.filter(pk=ended.pk).update(
            focus_until=timezone.now() - datetime.timedelta(minutes=1)
        )
        for language in PREFIX:
            with self.subTest(language=language):
                self.assertEqual(
                    self.home_titles(language), titles([self.a, self.b, self.pinned], language)
                )

    def test_untick_focus_on_a_story_in_the_order_removes_it_from_the_home_focus(self):
        self.edit_home(self.moderator, [self.a, self.b])
        admin = get_user_model().objects.create_superuser("admin", "", "pw")
        self.client.force_login(admin)
        response = self.client.post(
            f"/admin/pages/{self.a.pk}/edit/",
            edit_form(self.a, focus="", **{"action-publish": "action-publish"}),
        )
        self.assertEqual(response.status_code, 302)  # published without the Focus box
        self.client.logout()
        self.assertEqual(self.home_titles(), titles([self.b, self.pinned, self.d], "en"))

    def test_editors_and_translators_cannot_publish_the_order_only_draft_it(self):
        for user in (self.editor, self.translator):
            with self.subTest(user=user.username):
                response = self.edit_home(user, [self.a, self.b])
                self.assertEqual(response.status_code, 302)
                home = HomePage.objects.get(pk=self.home.pk)
                self.assertFalse(home.focus_stories.exists())
                self.assertTrue(home.has_unpublished_changes)
                draft = home.get_latest_revision_as_object()
                self.assertEqual(
                    [s.article_id for s in draft.focus_stories.all()], [self.a.pk, self.b.pk]
                )
                # Visitors still see the Focus order without it.
                self.assertEqual(self.home_titles(), titles([self.pinned, self.d, self.c], "en"))

    def test_editor_submits_the_order_and_it_shows_once_a_moderator_approves(self):
        form = home_form(self.home, [self.a, self.b], publish=False)
        form["action-submit"] = "action-submit"
        self.client.force_login(self.editor)
        self.client.post(f"/admin/pages/{self.home.pk}/edit/", form)
        self.assertEqual(self.home_titles(), titles([self.pinned, self.d, self.c], "en"))
        task_state = TaskState.objects.get(
            workflow_state__object_id=str(self.home.pk), status=TaskState.STATUS_IN_PROGRESS
        )
        self.client.force_login(self.editor)  # an editor cannot approve
        approve = f"/admin/pages/workflow/action/{self.home.pk}/approve/{task_state.pk}/"
        self.client.post(approve, {"comment": ""})
        self.assertEqual(self.home_titles(), titles([self.pinned, self.d, self.c], "en"))
        self.client.force_login(self.moderator)
        self.client.post(approve, {"comment": ""})
        self.assertEqual(self.home_titles(), titles([self.a, self.b, self.pinned], "en"))

    def test_preview_shows_the_order_being_edited(self):
        self.edit_home(self.moderator, [self.a, self.b])
        self.client.force_login(self.moderator)
        url = f"/admin/pages/{self.home.pk}/edit/preview/"
        data = home_form(self.home, [self.d, self.c], publish=False)
        self.assertEqual(self.client.post(url, data).json()["is_valid"], True)
        preview = home_focus_titles(self.client.get(url))
        self.assertEqual(preview, titles([self.d, self.c, self.pinned], "en"))
        self.client.logout()
        self.assertEqual(self.home_titles(), titles([self.a, self.b, self.pinned], "en"))


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
        article(index, 1, focus=True, focus_until=ended)
        long_ago = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
        Page.objects.update(first_published_at=long_ago, last_published_at=long_ago)
        urls = parse_sitemap(self.client.get("/sitemap.xml"))
        today = timezone.localdate(ended).isoformat()
        self.assertEqual(urls[f"{BASE}/en/news/focus/"]["lastmod"], today)
        self.assertEqual(urls[f"{BASE}/zh-hans/xinwen/focus/"]["lastmod"], today)
        self.assertEqual(urls[f"{BASE}/en/"]["lastmod"], today)
        self.assertEqual(urls[f"{BASE}/en/news/"]["lastmod"], "2024-01-01")
