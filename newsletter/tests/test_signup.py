"""The sign-up form (/<lang>/newsletter/): in the page's language, linked from the footer;
a valid address always answers "Check your inbox"; bad input refused with a message in the
visitor's language (invalid or disposable addresses, the honeypot, too many posts)."""

import re

from django.core.cache import cache
from django.test import TestCase
from django.utils import translation

from news import spam
from news.tests.utils import build_site, make_column, research_column
from newsletter.models import Subscriber
from newsletter.subscribers import validation
from newsletter.subscribers.views import HONEYPOT_FILLED, TOO_FAST

FORM = {"en": "/en/newsletter/", "zh-hans": "/zh-hans/newsletter/"}
LANGUAGES = ("en", "zh-hans")


def text_in(language, message):
    """`message` (a msgid, or a lazy translation) as a visitor reading `language` sees it."""
    with translation.override(language):
        return translation.gettext(str(message))


def h1(response):
    return re.search(r'<h1 class="page-title">(.*?)</h1>', response.content.decode()).group(1)


class SignupTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_site()
        cls.research = research_column()
        cls.campus = make_column("Campus", "校园", "campus", "xiaoyuan")

    def setUp(self):
        cache.clear()  # the rate limit's counters

    def sign_up(self, page="en", address="reader@example.org", ip="192.0.2.1", **fields):
        """A sign-up posted to the form of language `page` (in that language unless
        `language` says another), from visitor address `ip`."""
        data = {"email": address, "language": page, **fields}
        return self.client.post(FORM[page], data, REMOTE_ADDR=ip)


class FormTests(SignupTestCase):
    def test_the_form_is_in_the_pages_language_with_its_language_chosen(self):
        for language in LANGUAGES:
            response = self.client.get(FORM[language])
            self.assertEqual(response.status_code, 200)
            html = response.content.decode()
            self.assertIn(f'<html lang="{language}">', html)
            self.assertRegex(html, rf'value="{language}"[^>]*checked')
            self.assertIn(text_in(language, "Your e-mail address"), html)
            self.assertIn("科研进展" if language == "zh-hans" else "Research", html)
            self.assertIn(f'action="{FORM[language]}"', html)
            self.assertIn('name="csrfmiddlewaretoken"', html)
            self.assertIn(f'name="{spam.HONEYPOT}"', html)

    def test_the_form_holds_a_csrf_token_so_no_cache_keeps_it(self):
        for language in LANGUAGES:
            response = self.client.get(FORM[language])
            self.assertIn("no-store", response["Cache-Control"])
            self.assertIn("private", response["Cache-Control"])

    def test_the_footer_links_to_the_form_in_each_language(self):
        for language, name in (("en", "Newsletter"), ("zh-hans", None)):
            response = self.client.get(f"/{language}/")
            name = name or text_in(language, "Newsletter")
            self.assertContains(response, f'<li><a href="{FORM[language]}">{name}</a></li>')

    def test_the_form_takes_posts_and_refuses_other_methods(self):
        self.assertEqual(self.client.put(FORM["en"]).status_code, 405)
        self.assertEqual(self.client.delete(FORM["en"]).status_code, 405)


class SignupTests(SignupTestCase):
    def test_a_valid_sign_up_shows_check_your_inbox_and_waits_for_confirmation(self):
        for language in LANGUAGES:
            address = f"reader-{language}@Example.ORG"
            response = self.sign_up(language, address, columns=[self.research.pk])
            self.assertEqual(response.status_code, 200)
            self.assertEqual(h1(response), text_in(language, "Check your inbox"))
            self.assertIn("no-store", response["Cache-Control"])
            subscriber = Subscriber.objects.get(email=f"reader-{language}@example.org")
            self.assertEqual(subscriber.status, Subscriber.Status.PENDING)
            self.assertEqual(subscriber.language, language)
            self.assertEqual(list(subscriber.columns.all()), [self.research])
            self.assertIsNone(subscriber.confirmed_at)

    def test_no_column_ticked_means_every_column(self):
        self.sign_up("en", language="zh-hans")
        subscriber = Subscriber.objects.get()
        self.assertEqual(subscriber.columns.count(), 0)
        self.assertEqual(subscriber.language, "zh-hans")

    def test_an_address_is_one_row_whatever_its_case(self):
        self.sign_up("en", "Ann@Example.org")
        self.sign_up("en", "ann@EXAMPLE.ORG", ip="192.0.2.2")
        self.assertEqual(
            list(Subscriber.objects.values_list("email", flat=True)), ["Ann@example.org"]
        )

    def test_the_page_says_the_same_whatever_the_address_was(self):
        Subscriber.objects.create(email="active@example.org", status=Subscriber.Status.ACTIVE)
        Subscriber.objects.create(email="gone@example.org", status=Subscriber.Status.UNSUBSCRIBED)
        pages = {
            self.sign_up("en", address, ip=f"192.0.2.{n}").content.decode().split("<main")[1]
            for n, address in enumerate(
                ("new@example.org", "active@example.org", "gone@example.org"), start=1
            )
        }
        self.assertEqual(len({re.sub(r'value="[^"]+"', "", page) for page in pages}), 1)

    def test_someone_elses_sign_up_changes_nothing_of_an_existing_address(self):
        active = Subscriber.objects.create(email="active@example.org", language="en")
        active.status = Subscriber.Status.ACTIVE
        active.save()
        active.columns.set([self.research])
        self.sign_up("en", "active@example.org", language="zh-hans", columns=[self.campus.pk])
        active.refresh_from_db()
        self.assertEqual((active.status, active.language), (Subscriber.Status.ACTIVE, "en"))
        self.assertEqual(list(active.columns.all()), [self.research])


class BadInputTests(SignupTestCase):
    INVALID = [
        "not-an-address",
        "reader@",
        "@example.org",
        "reader@localhost",
        "reader@[192.0.2.1]",
        "reader@example",
        "two words@example.org",
        "reader@exa mple.org",
        "x" * 250 + "@example.org",
    ]
    DISPOSABLE = ["reader@mailinator.com", "reader@YOPMAIL.com", "reader@inbox.guerrillamail.com"]

    def assert_refused(self, response, language, message):
        self.assertEqual(response.status_code, 400)
        html = response.content.decode()
        self.assertIn(f'<html lang="{language}">', html)
        self.assertIn(text_in(language, message), html.replace("&#x27;", "'"))
        self.assertIn("no-store", response["Cache-Control"])
        self.assertFalse(Subscriber.objects.exists())

    def test_invalid_addresses_are_refused_with_a_clear_message_in_each_language(self):
        for language in LANGUAGES:
            for address in self.INVALID[:-1]:
                cache.clear()
                with self.subTest(language=language, address=address):
                    response = self.sign_up(language, address)
                    self.assert_refused(response, language, validation.INVALID)

    def test_an_address_too_long_is_refused(self):
        response = self.sign_up("en", self.INVALID[-1])
        self.assertEqual(response.status_code, 400)
        self.assertFalse(Subscriber.objects.exists())

    def test_disposable_addresses_are_refused_with_a_clear_message_in_each_language(self):
        for language in LANGUAGES:
            for address in self.DISPOSABLE:
                cache.clear()
                with self.subTest(language=language, address=address):
                    response = self.sign_up(language, address)
                    self.assert_refused(response, language, validation.DISPOSABLE)

    def test_a_domain_that_only_contains_a_disposable_name_is_accepted(self):
        self.assertEqual(self.sign_up("en", "reader@mailinator.com.example.org").status_code, 200)

    def test_a_missing_address_or_an_unknown_column_is_refused(self):
        self.assertEqual(self.sign_up("en", "").status_code, 400)
        self.assertEqual(self.sign_up("en", columns=["999999"]).status_code, 400)
        self.assertEqual(self.sign_up("en", language="fr").status_code, 400)
        self.assertFalse(Subscriber.objects.exists())

    def test_a_filled_honeypot_is_refused_in_each_language(self):
        for language in LANGUAGES:
            response = self.sign_up(language, **{spam.HONEYPOT: "http://spam.example"})
            self.assert_refused(response, language, HONEYPOT_FILLED)

    def test_too_many_sign_ups_from_one_address_are_refused_in_each_language(self):
        for language in LANGUAGES:
            cache.clear()
            for n in range(5):
                response = self.sign_up(language, f"reader{n}@example.org", ip="192.0.2.9")
                self.assertEqual(response.status_code, 200)
            response = self.sign_up(language, "reader9@example.org", ip="192.0.2.9")
            self.assertEqual(response.status_code, 429)
            self.assertEqual(response["Retry-After"], "60")
            self.assertIn(
                text_in(language, TOO_FAST), response.content.decode().replace("&#x27;", "'")
            )
            self.assertFalse(Subscriber.objects.filter(email="reader9@example.org").exists())
            # another visitor is not held back
            other = self.sign_up(language, "other@example.org", ip="192.0.2.10")
            self.assertEqual(other.status_code, 200)
            Subscriber.objects.all().delete()
