"""The press room in the admin: a release's preview links (made, listed with their openings,
revoked) by those who may publish it, refused to editors and translators; the media contacts
managed by moderators, with both languages required; the release flag in the editor."""

import datetime
import re

from django.test import TestCase
from django.utils import timezone
from wagtail.users.models import UserProfile

from news.newsroom.roles import CHIEF_EDITORS, EDITORS, MODERATORS, TRANSLATORS
from news.tests.utils import build_site, member

from .. import links
from ..models import MediaContact, PreviewLink
from .utils import admin_time, release


class PreviewLinksAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, (cls.story,) = build_site(articles=1)
        cls.release = release(cls.index)
        cls.release.unpublish()  # a draft release, no go-live date set yet
        cls.release.save_revision()
        cls.moderator = member(MODERATORS)
        cls.editor = member(EDITORS)
        cls.translator = member(TRANSLATORS)

    def links_url(self, page=None):
        return f"/admin/press/releases/{(page or self.release).pk}/links/"

    def make(self, name="Xinhua", days=7, user=None):
        self.client.force_login(user or self.moderator)
        expires = admin_time(timezone.now() + datetime.timedelta(days=days))
        return self.client.post(self.links_url(), {"name": name, "expires_at": expires})

    def test_a_moderator_makes_a_link_shown_once_in_both_languages(self):
        response = self.make()
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Cache-Control"], "private, no-store")
        urls = re.findall(
            r"http://testserver/(en|zh-hans)/press/preview/([\w-]{43})/", response.text
        )
        self.assertEqual({language for language, _token in urls}, {"en", "zh-hans"})
        token = urls[0][1]
        link = PreviewLink.objects.get()
        self.assertEqual((link.name, link.created_by), ("Xinhua", self.moderator))
        self.assertNotContains(self.client.get(self.links_url()), token)  # never shown again
        self.client.logout()
        self.assertEqual(self.client.get(f"/zh-hans/press/preview/{token}/").status_code, 200)

    def test_the_list_shows_each_link_its_state_and_when_it_was_opened(self):
        open_link, token = links.make(
            self.release, "People's Daily", timezone.now() + datetime.timedelta(days=2), None
        )
        links.make(self.release, "Old outlet", timezone.now() - datetime.timedelta(days=1), None)
        revoked, _ = links.make(
            self.release, "Revoked outlet", timezone.now() + datetime.timedelta(days=2), None
        )
        links.revoke(revoked)
        self.client.get(f"/en/press/preview/{token}/")
        self.client.get(f"/zh-hans/press/preview/{token}/")
        self.client.force_login(self.moderator)
        response = self.client.get(self.links_url())
        self.assertEqual(response.status_code, 200)
        text = response.text
        for name in ("People&#x27;s Daily", "Old outlet", "Revoked outlet"):
            self.assertIn(name, text)
        states = re.findall(r'<td class="press-link__state">([^<]*)</td>', text)
        self.assertEqual(sorted(states), ["Expired", "Open", "Revoked"])
        self.assertIn("2 times", text)
        self.assertEqual(len(re.findall(r"\((English|Simplified Chinese)\)</li>", text)), 2)
        self.assertEqual(text.count("Revoke<span"), 1)  # only the open one can be revoked

    def test_a_moderator_revokes_a_link_and_it_is_a_404_at_once(self):
        link, token = links.make(
            self.release, "Xinhua", timezone.now() + datetime.timedelta(days=2), None
        )
        self.assertEqual(self.client.get(f"/en/press/preview/{token}/").status_code, 200)
        self.client.force_login(self.moderator)
        response = self.client.post(f"/admin/press/links/{link.pk}/revoke/")
        self.assertRedirects(response, self.links_url())
        self.client.logout()
        self.assertEqual(self.client.get(f"/en/press/preview/{token}/").status_code, 404)

    def test_bad_expiry_times_are_form_errors_in_the_admins_language(self):
        for days, message in (
            (-1, "Choose a time in the future."),
            (91, "A link may last 90 days at most."),
        ):
            response = self.make(days=days)
            self.assertContains(response, message)
        profile = UserProfile.get_for_user(self.moderator)
        profile.preferred_language = "zh-hans"
        profile.save()
        response = self.make(days=-1)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'lang="zh-hans"')
        self.client.force_login(self.moderator)
        response = self.client.post(self.links_url(), {"name": "", "expires_at": "not a date"})
        self.assertEqual(response.status_code, 200)
        self.assertFalse(PreviewLink.objects.exists())

    def refused(self, response):
        """Wagtail's answer to a view that raised PermissionDenied: back to the dashboard."""
        self.assertEqual((response.status_code, response["Location"]), (302, "/admin/"))

    def test_editors_and_translators_may_not_make_list_or_revoke_links(self):
        link, _token = links.make(
            self.release, "Xinhua", timezone.now() + datetime.timedelta(days=2), None
        )
        for user in (self.editor, self.translator):
            self.client.force_login(user)
            self.refused(self.client.get(self.links_url()))
            self.refused(self.make(user=user))
            self.refused(self.client.post(f"/admin/press/links/{link.pk}/revoke/"))
        self.assertEqual(PreviewLink.objects.count(), 1)
        self.assertIsNone(PreviewLink.objects.get().revoked_at)

    def test_a_story_that_is_no_release_has_no_links(self):
        self.client.force_login(self.moderator)
        self.assertEqual(self.client.get(self.links_url(self.story)).status_code, 404)

    def test_the_release_header_offers_links_only_to_those_who_may_publish_it(self):
        button = f'href="{self.links_url()}"'
        self.client.force_login(self.moderator)
        self.assertContains(self.client.get(f"/admin/pages/{self.release.pk}/edit/"), button)
        story = self.client.get(f"/admin/pages/{self.story.pk}/edit/")
        self.assertNotContains(story, "/links/")
        for user in (self.editor, self.translator):
            self.client.force_login(user)
            response = self.client.get(f"/admin/pages/{self.release.pk}/edit/")
            self.assertEqual(response.status_code, 200)
            self.assertNotContains(response, button)

    def test_the_editor_shows_the_flag_with_its_embargo_help_to_those_with_settings(self):
        self.client.force_login(self.moderator)
        response = self.client.get(f"/admin/pages/{self.release.pk}/edit/")
        self.assertContains(response, 'name="press_release"')
        self.assertContains(response, "Its embargo is the go-live date")
        self.assertContains(response, 'name="press_licence_zh_hans"')
        self.client.force_login(self.translator)
        response = self.client.get(f"/admin/pages/{self.release.pk}/edit/")
        self.assertNotContains(response, 'name="press_release"')


class MediaContactsAdminTests(TestCase):
    URL = "/admin/snippets/press/mediacontact/"

    @classmethod
    def setUpTestData(cls):
        build_site()
        cls.moderator = member(MODERATORS)
        cls.chief = member(CHIEF_EDITORS, "chief")
        cls.editor = member(EDITORS)
        cls.translator = member(TRANSLATORS)

    def form(self, **overrides):
        return {
            "name_en": "Zhang Min",
            "name_zh_hans": "张敏",
            "role_en": "Press officer",
            "role_zh_hans": "新闻发言人",
            "phone": "+86 10 6891 0000",
            "email": "press@example.edu.cn",
            "sort_order": "1",
            **overrides,
        }

    def test_moderators_and_chief_editors_add_contacts_shown_on_the_press_page(self):
        for user, name in ((self.moderator, "Zhang Min"), (self.chief, "Li Na")):
            self.client.force_login(user)
            response = self.client.post(f"{self.URL}add/", self.form(name_en=name))
            self.assertEqual(response.status_code, 302, user)
        self.client.logout()
        self.assertContains(self.client.get("/en/press/"), "Li Na")

    def test_both_languages_of_name_and_role_are_required(self):
        self.client.force_login(self.moderator)
        for field in ("name_zh_hans", "role_zh_hans", "name_en", "role_en"):
            response = self.client.post(f"{self.URL}add/", self.form(**{field: ""}))
            self.assertEqual(response.status_code, 200, field)
        self.assertFalse(MediaContact.objects.exists())

    def test_a_bad_email_is_a_form_error(self):
        self.client.force_login(self.moderator)
        response = self.client.post(f"{self.URL}add/", self.form(email="not an address"))
        self.assertEqual(response.status_code, 200)
        self.assertFalse(MediaContact.objects.exists())

    def test_editors_and_translators_do_not_manage_contacts(self):
        for user in (self.editor, self.translator):
            self.client.force_login(user)
            response = self.client.post(f"{self.URL}add/", self.form())
            self.assertNotEqual(response.status_code, 200)
        self.assertFalse(MediaContact.objects.exists())
