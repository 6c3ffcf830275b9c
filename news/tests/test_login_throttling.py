"""Sign-in throttling (django-axes, news/newsroom/lockouts.py): five wrong passwords for one
user name from one address pause that pair, even for the right password, with a page in both
languages and 429; another address is not paused; the pause ends with its cool-off or when a
moderator lifts it; failures are logged."""

import datetime

from axes.models import AccessAttempt
from django.conf import settings
from django.test import TestCase, override_settings
from django.utils import timezone

from news.newsroom.roles import EDITORS, MODERATORS, TRANSLATORS
from news.tests.utils import build_site, member

LOGIN = "/admin/login/"
PASSWORD = "pw"  # noqa: S105 - news.tests.utils.member gives every test user this one


class LoginThrottlingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_site()
        cls.editor = member(EDITORS, "editor")
        cls.moderator = member(MODERATORS, "moderator")
        cls.translator = member(TRANSLATORS, "translator")

    def sign_in(self, password, address="203.0.113.7", username="editor", **headers):
        return self.client.post(
            LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **headers
        )

    def fail(self, times, **kwargs):
        return [self.sign_in("wrong", **kwargs).status_code for _ in range(times)]

    def signed_in(self):
        return "_auth_user_id" in self.client.session

    def test_the_right_password_works_after_four_failures(self):
        self.fail(4)
        self.assertEqual(self.sign_in(PASSWORD).status_code, 302)
        self.assertTrue(self.signed_in())

    def test_five_failures_pause_the_user_name_even_for_the_right_password(self):
        self.assertEqual(self.fail(5), [200, 200, 200, 200, 429])  # the form again, then paused
        response = self.sign_in(PASSWORD)
        self.assertEqual(response.status_code, 429)
        self.assertFalse(self.signed_in())
        self.assertContains(response, "Too many failed sign-ins", status_code=429)
        self.assertContains(response, "登录失败次数过多", status_code=429)
        self.assertContains(response, "paused for 15 minutes", status_code=429)
        self.assertEqual(response["Retry-After"], "900")

    def test_another_address_is_not_paused(self):
        self.fail(5)
        self.assertEqual(self.sign_in(PASSWORD, address="198.51.100.4").status_code, 302)

    def test_the_pause_ends_with_its_cool_off(self):
        self.fail(5)
        earlier = timezone.now() - settings.AXES_COOLOFF_TIME - datetime.timedelta(minutes=1)
        AccessAttempt.objects.update(attempt_time=earlier)
        self.assertEqual(self.sign_in(PASSWORD).status_code, 302)

    def test_a_moderator_lifts_the_pause(self):
        self.fail(5)
        self.client.force_login(self.moderator)
        page = self.client.get("/admin/lockouts/")
        self.assertContains(page, "203.0.113.7")
        self.client.post("/admin/lockouts/", {"username": "editor", "ip_address": "203.0.113.7"})
        self.assertContains(self.client.get("/admin/lockouts/"), "Nobody is paused now.")
        self.client.logout()
        self.assertEqual(self.sign_in(PASSWORD).status_code, 302)

    def test_a_lift_that_names_nobody_lifts_nothing(self):
        self.fail(5)
        self.client.force_login(self.moderator)
        response = self.client.post("/admin/lockouts/", {"username": "", "ip_address": ""})
        self.assertEqual(response.status_code, 400)
        self.client.logout()
        self.assertEqual(self.sign_in(PASSWORD).status_code, 429)

    def test_translators_and_editors_cannot_lift_pauses(self):
        self.fail(5)
        for user in (self.translator, self.editor):
            self.client.force_login(user)
            self.client.post(
                "/admin/lockouts/", {"username": "editor", "ip_address": "203.0.113.7"}
            )
            self.assertEqual(self.client.get("/admin/lockouts/")["Location"], "/admin/")
        self.client.logout()
        self.assertEqual(self.sign_in(PASSWORD).status_code, 429)

    def test_failures_are_logged_with_user_name_and_address(self):
        with self.assertLogs("axes", "INFO") as logged:
            self.fail(1)
        self.assertTrue(any("editor" in line and "203.0.113.7" in line for line in logged.output))

    @override_settings(TRUSTED_PROXIES=["127.0.0.1"])
    def test_behind_our_proxy_the_address_is_the_one_it_saw(self):
        # Every request comes from the proxy (127.0.0.1); the visitor's own X-Forwarded-For
        # entries are theirs to invent, the last one is what our proxy saw.
        for spoofed in range(5):
            self.sign_in(
                "wrong", address="127.0.0.1", HTTP_X_FORWARDED_FOR=f"10.9.9.{spoofed}, 203.0.113.7"
            )
        self.assertEqual(
            self.sign_in(
                PASSWORD, address="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7"
            ).status_code,
            429,
        )
        other = self.sign_in(PASSWORD, address="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.4")
        self.assertEqual(other.status_code, 302)

    @override_settings(TRUSTED_PROXIES=["127.0.0.1"])
    def test_a_client_reaching_the_app_directly_cannot_pick_its_address(self):
        # Not from our proxy: its X-Forwarded-For is ignored, every try is its own address's.
        for spoofed in range(5):
            self.sign_in("wrong", address="203.0.113.7", HTTP_X_FORWARDED_FOR=f"10.9.9.{spoofed}")
        fresh = self.sign_in(PASSWORD, address="203.0.113.7", HTTP_X_FORWARDED_FOR="10.1.1.1")
        self.assertEqual(fresh.status_code, 429)
        # nor lock out a pair of someone else's
        self.assertEqual(AccessAttempt.objects.get().ip_address, "203.0.113.7")

    def test_many_user_names_from_one_address_pause_the_address(self):
        names = [f"guess{n}" for n in range(25)]
        answers = [
            self.sign_in("wrong", address="198.51.100.66", username=name).status_code
            for name in names
            for _try in range(4)
        ]
        self.assertEqual(answers[: settings.SIGN_IN_ADDRESS_LIMIT - 1], [200] * 19)
        self.assertEqual(set(answers[settings.SIGN_IN_ADDRESS_LIMIT :]), {429})
        paused = self.sign_in(PASSWORD, address="198.51.100.66", username="translator")
        self.assertEqual(paused.status_code, 429)
        self.assertContains(paused, "for any user names", status_code=429)
        self.assertEqual(self.sign_in(PASSWORD, address="198.51.100.67").status_code, 302)

    def test_an_editor_who_signed_in_from_the_address_before_still_signs_in(self):
        self.assertEqual(self.sign_in(PASSWORD, address="198.51.100.66").status_code, 302)
        self.client.logout()
        for n in range(25):
            self.sign_in("wrong", address="198.51.100.66", username=f"guess{n}")
        self.assertEqual(self.sign_in(PASSWORD, address="198.51.100.66").status_code, 302)
        self.assertTrue(self.signed_in())
        self.client.logout()
        # their own user name still has its five tries
        self.assertEqual(self.fail(5, address="198.51.100.66")[-1], 429)

    def test_a_moderator_lifts_the_pause_of_an_address(self):
        for n in range(25):
            self.sign_in("wrong", address="198.51.100.66", username=f"guess{n}")
        self.assertEqual(self.sign_in(PASSWORD, address="198.51.100.66").status_code, 429)
        self.client.force_login(self.moderator)
        page = self.client.get("/admin/lockouts/")
        self.assertContains(page, "Paused addresses")
        self.assertContains(page, "198.51.100.66")
        self.client.post("/admin/lockouts/", {"ip_address": "198.51.100.66", "whole_address": "1"})
        self.assertContains(self.client.get("/admin/lockouts/"), "No address is paused now.")
        self.client.logout()
        self.assertEqual(self.sign_in(PASSWORD, address="198.51.100.66").status_code, 302)
