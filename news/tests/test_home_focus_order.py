"""The home page's Focus order: the stories a moderator lists first, published with the home
page like any other edit."""

import datetime
import html
import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client, TestCase
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.models import TaskState
from wagtail.test.utils.form_data import inline_formset, nested_form_data
from wagtail.users.models import UserProfile

from news.models import ArticlePage, HomeFocusStory, HomePage
from news.newsroom.roles import EDITORS, MODERATORS, TRANSLATORS
from news.tests.utils import (
    article_on,
    build_site,
    edit_form,
    home_focus_titles,
    member,
    titles,
)


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
        cls.a, cls.b, cls.c, cls.d = (
            article_on(cls.index, day, focus=True) for day in (1, 2, 3, 4)
        )
        cls.pinned = article_on(cls.index, 5, focus=True, focus_pinned=True)
        cls.plain = article_on(cls.index, 6)
        cls.moderator = member(MODERATORS)
        cls.editor = member(EDITORS)
        cls.translator = member(TRANSLATORS)

    def edit_home(self, user, stories, publish=True):
        self.client.force_login(user)
        response = self.client.post(
            f"/admin/pages/{self.home.pk}/edit/", home_form(self.home, stories, publish)
        )
        self.client.logout()
        return response

    def home_titles(self, language="en"):
        return home_focus_titles(self.client.get(f"/{language}/"))

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
        for language, _name in settings.LANGUAGES:
            with self.subTest(language=language):
                # The two picked stories in the moderator's order, then the pinned one.
                self.assertEqual(
                    self.home_titles(language), titles([self.b, self.a, self.pinned], language)
                )

    def test_a_new_order_shows_on_the_kept_home_page_at_the_next_request(self):
        moderator = Client()
        moderator.force_login(self.moderator)  # before the visitors read: its own write
        before = {language: self.home_titles(language) for language, _name in settings.LANGUAGES}
        for language, _name in settings.LANGUAGES:
            self.assertEqual(self.home_titles(language), before[language])  # kept
        response = moderator.post(
            f"/admin/pages/{self.home.pk}/edit/", home_form(self.home, [self.b, self.a])
        )
        self.assertEqual(response.status_code, 302)
        for language, _name in settings.LANGUAGES:
            with self.subTest(language=language):
                self.assertEqual(
                    self.home_titles(language), titles([self.b, self.a, self.pinned], language)
                )
                self.assertNotEqual(self.home_titles(language), before[language])

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

    def refused(self, user, stories, story):
        """Post `stories` as the order: the page is shown again with the error on the row of
        `story`; no revision is stored and visitors see the order saved before."""
        revisions = self.home.revisions.count()
        response = self.edit_home(user, stories)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.home.revisions.count(), revisions)
        self.assertEqual(self.home_titles(), titles([self.a, self.pinned, self.d], "en"))
        rows = response.text.split('data-inline-panel-child id="inline_child_focus_stories-')[1:]
        row = rows[stories.index(story)]
        self.assertIn(f'value="{story.pk}"', row)  # the row of that story, with its error
        return html.unescape(re.search(r'class="error-message">(.*?)</', row, re.S)[1].strip())

    def test_a_story_not_in_focus_is_refused_on_its_row_naming_it(self):
        self.edit_home(self.moderator, [self.a])
        error = self.refused(self.moderator, [self.b, self.plain], self.plain)
        self.assertEqual(
            error,
            f"“{self.plain.title_en}” is not a Focus story: tick Focus on the story, "
            "or remove it from this list.",
        )

    def test_a_story_whose_focus_ended_is_refused_naming_the_end_date(self):
        self.edit_home(self.moderator, [self.a])
        ended = article_on(self.index, 7, focus=True)
        until = timezone.now() - datetime.timedelta(days=2)
        ArticlePage.objects.filter(pk=ended.pk).update(focus_until=until)
        error = self.refused(self.editor, [ended, self.b], ended)  # a draft is refused too
        self.assertEqual(
            error,
            f"“{ended.title_en}” left Focus on {date_format(timezone.localtime(until))}: "
            "give the story a later “Focus until”, or remove it from this list.",
        )

    def test_the_chinese_admin_names_the_refused_story_by_its_chinese_title(self):
        self.edit_home(self.moderator, [self.a])
        profile = UserProfile.get_for_user(self.moderator)
        profile.preferred_language = "zh-hans"
        profile.save()
        error = self.refused(self.moderator, [self.plain], self.plain)
        self.assertTrue(error.startswith(f"“{self.plain.title_zh_hans}”"), error)

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
        ended = article_on(
            self.index, 7, focus=True, focus_until=timezone.now() + datetime.timedelta(days=1)
        )
        self.edit_home(self.moderator, [self.c, ended, self.a, self.b])
        ArticlePage.objects.get(pk=self.c.pk).unpublish()
        ArticlePage.objects.filter(pk=ended.pk).update(
            focus_until=timezone.now() - datetime.timedelta(minutes=1)
        )
        for language, _name in settings.LANGUAGES:
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
