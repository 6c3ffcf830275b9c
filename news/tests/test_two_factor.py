"""Two-step sign-in (news/newsroom/two_factor.py): with TWO_FACTOR_REQUIRED on, a moderator's
password alone opens nothing in the admin until an authenticator app is set up and its code
given; recovery codes work once each; a user manager can reset a lost phone; the rule follows
the setting, and whoever turned it on is always asked."""

import time

from django.contrib.auth import get_user_model
from django.test import TestCase, override_settings
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import PageViewRestriction
from wagtail.users.models import UserProfile

from news.factories import StandardPageFactory
from news.models import HomePage
from news.newsroom.roles import CHIEF_EDITORS, EDITORS, MODERATORS
from news.tests.utils import build_site, member

PASSWORD = "pw"  # noqa: S105 - news.tests.utils.member gives every test user this one
SETUP = "/admin/two-factor/setup/"
VERIFY = "/admin/two-factor/verify/"


def code_of(device, steps_ahead=0):
    """What the user's phone shows now or, with steps_ahead=1, the code after the last one used
    (the 30-second step after it: a code is taken once, and one step of clock drift is allowed)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    if steps_ahead:
        device.refresh_from_db()
        totp.time = device.t0 + (device.last_t + steps_ahead - device.drift) * device.step
    else:
        totp.time = time.time()
    return f"{totp.token():0{device.digits}d}"


@override_settings(TWO_FACTOR_REQUIRED=True)
class TwoFactorTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_site()
        cls.moderator = member(MODERATORS, "moderator")
        cls.chief = member(CHIEF_EDITORS, "chief")
        cls.editor = member(EDITORS, "editor")
        cls.admin = get_user_model().objects.create_superuser("admin", "", PASSWORD)

    def sign_in(self, user):
        response = self.client.post(
            "/admin/login/", {"username": user.username, "password": PASSWORD}
        )
        self.assertEqual(response.status_code, 302)

    def set_up_app(self, user):
        """The whole setup as the user does it: returns the confirmed device and the codes."""
        self.sign_in(user)
        self.client.get(SETUP)
        device = TOTPDevice.objects.get(user=user)
        response = self.client.post(SETUP, {"code": code_of(device), "next": "/admin/"})
        self.assertEqual(response.status_code, 200)
        device.refresh_from_db()
        self.assertTrue(device.confirmed)
        self.client.logout()
        return device, response.context["codes"]

    def test_a_moderators_password_alone_opens_only_the_setup(self):
        self.sign_in(self.moderator)
        for url in ("/admin/", "/admin/pages/", "/admin/images/", "/admin/lockouts/"):
            response = self.client.get(url)
            self.assertRedirects(response, f"{SETUP}?next={url}", fetch_redirect_response=False)
        self.assertEqual(self.client.get(SETUP).status_code, 200)

    def test_chief_editors_and_superusers_must_set_it_up_too(self):
        for user in (self.chief, self.admin):
            self.client.logout()
            self.sign_in(user)
            self.assertRedirects(
                self.client.get("/admin/"), f"{SETUP}?next=/admin/", fetch_redirect_response=False
            )

    def restricted_page(self):
        home = HomePage.objects.get()
        page = StandardPageFactory(parent=home, slug_en="staff", slug_zh_hans="yuangong")
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
        return "/en/staff/"

    def test_the_password_alone_opens_no_page_restricted_to_signed_in_users(self):
        url = self.restricted_page()
        self.sign_in(self.moderator)  # must set up two steps, has not
        response = self.client.get(url)
        self.assertRedirects(response, f"{SETUP}?next={url}", fetch_redirect_response=False)
        device, _codes = self.set_up_app(self.moderator)
        self.sign_in(self.moderator)  # has a device now: owes its code
        response = self.client.get(url)
        self.assertRedirects(response, f"{VERIFY}?next={url}", fetch_redirect_response=False)
        self.client.post(VERIFY, {"code": code_of(device, steps_ahead=1), "next": url})
        self.assertEqual(self.client.get(url).status_code, 200)

    def test_a_restricted_page_opens_for_a_user_who_owes_no_second_step(self):
        url = self.restricted_page()
        self.sign_in(self.editor)
        self.assertEqual(self.client.get(url).status_code, 200)
        self.client.logout()
        anonymous = self.client.get(url)
        self.assertEqual(anonymous.status_code, 302)
        self.assertIn("login", anonymous["Location"])

    def test_an_editor_is_not_asked(self):
        self.sign_in(self.editor)
        self.assertEqual(self.client.get("/admin/").status_code, 200)

    def test_setup_shows_a_qr_code_and_the_key_and_refuses_a_wrong_code(self):
        self.sign_in(self.moderator)
        response = self.client.get(SETUP)
        self.assertContains(response, "<svg")
        device = TOTPDevice.objects.get(user=self.moderator, confirmed=False)
        self.assertContains(response, "Key")
        wrong = f"{(int(code_of(device)) + 1) % 10**6:06d}"
        response = self.client.post(SETUP, {"code": wrong})
        self.assertContains(response, "That code is not right", status_code=400)
        device.refresh_from_db()
        self.assertFalse(device.confirmed)
        self.assertRedirects(
            self.client.get("/admin/"), f"{SETUP}?next=/admin/", fetch_redirect_response=False
        )

    def test_after_setup_the_admin_opens_and_ten_recovery_codes_are_shown_once(self):
        self.sign_in(self.moderator)
        self.client.get(SETUP)
        device = TOTPDevice.objects.get(user=self.moderator)
        response = self.client.post(SETUP, {"code": code_of(device)})
        codes = response.context["codes"]
        self.assertEqual(len(set(codes)), 10)
        for code in codes:
            self.assertContains(response, code)
        self.assertEqual(self.client.get("/admin/").status_code, 200)
        self.assertNotContains(self.client.get("/admin/two-factor/"), codes[0])

    def test_next_sign_in_asks_for_the_code_and_a_right_one_opens_the_admin(self):
        device, _codes = self.set_up_app(self.moderator)
        self.sign_in(self.moderator)
        self.assertRedirects(
            self.client.get("/admin/pages/"),
            f"{VERIFY}?next=/admin/pages/",
            fetch_redirect_response=False,
        )
        response = self.client.post(VERIFY, {"code": "000000", "next": "/admin/pages/"})
        self.assertContains(response, "That code is not right", status_code=400)
        self.assertEqual(self.client.get("/admin/pages/").status_code, 302)
        device.throttling_failure_count = 0  # the wrong code's pause is not what this tests
        device.save()
        response = self.client.post(VERIFY, {"code": code_of(device, 1), "next": "/admin/pages/"})
        self.assertRedirects(response, "/admin/pages/", fetch_redirect_response=False)
        self.assertEqual(self.client.get("/admin/pages/").status_code, 200)

    def test_a_code_is_refused_the_second_time(self):
        device, _codes = self.set_up_app(self.moderator)  # used the code of now
        self.sign_in(self.moderator)
        response = self.client.post(VERIFY, {"code": code_of(device)})
        self.assertEqual(response.status_code, 400)

    def test_wrong_codes_in_a_row_pause_even_the_right_one(self):
        device, _codes = self.set_up_app(self.moderator)
        self.sign_in(self.moderator)
        for _attempt in range(3):
            self.client.post(VERIFY, {"code": "000000"})
        response = self.client.post(VERIFY, {"code": code_of(device, 1)})
        self.assertContains(response, "wait a minute", status_code=400)

    def test_a_recovery_code_works_once(self):
        _device, codes = self.set_up_app(self.moderator)
        self.sign_in(self.moderator)
        response = self.client.post(
            VERIFY, {"code": codes[0].upper(), "next": "/admin/"}, follow=True
        )
        self.assertContains(response, "9 are left")
        self.client.logout()
        self.sign_in(self.moderator)
        self.assertEqual(self.client.post(VERIFY, {"code": codes[0]}).status_code, 400)
        self.assertEqual(self.client.get("/admin/").status_code, 302)

    def test_new_recovery_codes_replace_the_old_ones(self):
        _device, codes = self.set_up_app(self.moderator)
        self.sign_in(self.moderator)
        self.client.post(VERIFY, {"code": codes[0]})
        fresh = self.client.post("/admin/two-factor/recovery-codes/").context["codes"]
        self.assertEqual(StaticToken.objects.filter(device__user=self.moderator).count(), 10)
        self.assertFalse(StaticToken.objects.filter(token__in=codes).exists())
        self.assertTrue(set(fresh).isdisjoint(codes))

    def test_without_the_code_nothing_behind_it_can_be_changed(self):
        device, _codes = self.set_up_app(self.moderator)
        self.sign_in(self.moderator)
        self.assertEqual(self.client.get(SETUP).status_code, 302)  # no new phone in its place
        self.assertEqual(self.client.post("/admin/two-factor/recovery-codes/").status_code, 302)
        self.assertEqual(TOTPDevice.objects.filter(user=self.moderator).count(), 1)
        self.assertEqual(StaticToken.objects.filter(device__user=self.moderator).count(), 10)

    def test_those_who_must_use_it_cannot_turn_it_off(self):
        device, _codes = self.set_up_app(self.moderator)
        self.sign_in(self.moderator)
        self.client.post(VERIFY, {"code": code_of(device, 1)})
        response = self.client.post("/admin/two-factor/turn-off/", {"password": PASSWORD})
        self.assertRedirects(response, "/admin/")  # Wagtail's "no permission" answer
        self.assertTrue(TOTPDevice.objects.filter(user=self.moderator).exists())

    def test_who_turned_it_on_is_asked_even_when_not_required_and_may_turn_it_off(self):
        device, _codes = self.set_up_app(self.editor)
        with self.settings(TWO_FACTOR_REQUIRED=False):
            self.sign_in(self.editor)
            self.assertEqual(self.client.get("/admin/").status_code, 302)
            self.client.post(VERIFY, {"code": code_of(device, 1)})
            response = self.client.post("/admin/two-factor/turn-off/", {"password": "nope"})
            self.assertContains(response, "That is not your password", status_code=400)
            response = self.client.post("/admin/two-factor/turn-off/", {"password": PASSWORD})
            self.assertRedirects(response, "/admin/two-factor/")
            self.assertFalse(TOTPDevice.objects.filter(user=self.editor).exists())

    def test_with_the_setting_off_a_moderator_signs_in_with_the_password(self):
        with self.settings(TWO_FACTOR_REQUIRED=False):
            self.sign_in(self.moderator)
            self.assertEqual(self.client.get("/admin/").status_code, 200)

    def test_a_user_manager_resets_a_lost_phone(self):
        self.set_up_app(self.moderator)
        admin_device, _codes = self.set_up_app(self.admin)
        self.sign_in(self.admin)
        self.client.post(VERIFY, {"code": code_of(admin_device, 1)})
        listing = self.client.get("/admin/users/")
        self.assertContains(listing, f"/admin/two-factor/reset/{self.moderator.pk}/")
        url = f"/admin/two-factor/reset/{self.moderator.pk}/"
        self.assertContains(self.client.get(url), "moderator")
        self.assertRedirects(self.client.post(url), "/admin/users/")
        self.assertFalse(TOTPDevice.objects.filter(user=self.moderator).exists())
        self.assertFalse(StaticToken.objects.filter(device__user=self.moderator).exists())
        self.client.logout()
        self.sign_in(self.moderator)  # sets it up again
        self.assertRedirects(
            self.client.get("/admin/"), f"{SETUP}?next=/admin/", fetch_redirect_response=False
        )

    def test_others_cannot_reset_and_an_unknown_user_is_404(self):
        self.set_up_app(self.chief)
        device, _codes = self.set_up_app(self.moderator)
        self.sign_in(self.moderator)
        self.client.post(VERIFY, {"code": code_of(device, 1)})
        url = f"/admin/two-factor/reset/{self.chief.pk}/"
        self.assertRedirects(self.client.post(url), "/admin/")  # Wagtail's "no permission"
        self.assertTrue(TOTPDevice.objects.filter(user=self.chief).exists())
        self.client.logout()
        self.client.force_login(self.admin)
        with self.settings(TWO_FACTOR_REQUIRED=False):
            self.assertEqual(self.client.post("/admin/two-factor/reset/999999/").status_code, 404)

    def test_the_code_page_speaks_chinese_to_a_chinese_speaking_user(self):
        device, _codes = self.set_up_app(self.moderator)
        profile = UserProfile.get_for_user(self.moderator)
        profile.preferred_language = "zh-hans"
        profile.save()
        self.sign_in(self.moderator)
        response = self.client.get(VERIFY)
        self.assertContains(response, "输入登录验证码")
        response = self.client.post(VERIFY, {"code": "000000"})
        self.assertContains(response, "验证码不对", status_code=400)
