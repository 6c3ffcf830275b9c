"""Unsubscribing from a mail's link: no sign-in, no password; GET changes nothing, POST (the
button's, or RFC 8058's one-click) unsubscribes; a forged link says nothing."""

from django.test import TestCase

from news.tests.utils import build_site
from newsletter.models import Subscriber
from newsletter.tokens import unsubscribe_token

from .utils import subscriber

ONE_CLICK = "List-Unsubscribe=One-Click"


class UnsubscribeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_site()

    def setUp(self):
        self.reader = subscriber("reader@example.org")
        self.url = f"/en/newsletter/unsubscribe/{unsubscribe_token(self.reader.pk)}/"

    def status(self):
        self.reader.refresh_from_db()
        return self.reader.status

    def test_opening_the_link_shows_a_button_and_unsubscribes_nobody(self):
        response = self.client.get(self.url)
        self.assertContains(response, '<button class="search-form__button" type="submit">')
        self.assertContains(response, "reader@example.org")
        self.assertEqual(self.status(), Subscriber.Status.ACTIVE)
        self.assertIn("no-store", response["Cache-Control"])
        self.assertIn("private", response["Cache-Control"])

    def test_the_button_unsubscribes_at_once_without_signing_in(self):
        client = self.client_class(enforce_csrf_checks=True)
        response = client.post(self.url)
        self.assertContains(response, "is unsubscribed")
        self.assertEqual(self.status(), Subscriber.Status.UNSUBSCRIBED)
        self.assertIsNotNone(self.reader.unsubscribed_at)
        self.assertIn("no-store", response["Cache-Control"])

    def test_the_one_click_post_of_a_mail_client_unsubscribes(self):
        client = self.client_class(enforce_csrf_checks=True)
        response = client.post(
            self.url, ONE_CLICK, content_type="application/x-www-form-urlencoded"
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.status(), Subscriber.Status.UNSUBSCRIBED)

    def test_unsubscribing_twice_keeps_the_first_date(self):
        self.client.post(self.url)
        first = Subscriber.objects.get(pk=self.reader.pk).unsubscribed_at
        self.client.post(self.url)
        self.assertEqual(Subscriber.objects.get(pk=self.reader.pk).unsubscribed_at, first)

    def test_a_forged_or_altered_link_is_a_404_that_names_nobody(self):
        for token in (
            "1",
            unsubscribe_token(self.reader.pk)[:-2] + "xx",
            unsubscribe_token(self.reader.pk + 1000),
        ):
            for method in (self.client.get, self.client.post):
                response = method(f"/en/newsletter/unsubscribe/{token}/")
                self.assertEqual(response.status_code, 404)
                self.assertNotContains(response, "reader@example.org", status_code=404)
        self.assertEqual(self.status(), Subscriber.Status.ACTIVE)

    def test_the_page_in_chinese(self):
        response = self.client.get(self.url.replace("/en/", "/zh-hans/"))
        self.assertContains(response, '<html lang="zh-hans">')
        response = self.client.post(
            self.url.replace("/en/", "/zh-hans/"),
            ONE_CLICK,
            content_type="application/x-www-form-urlencoded",
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.status(), Subscriber.Status.UNSUBSCRIBED)

    def test_other_methods_are_refused(self):
        response = self.client.put(self.url)
        self.assertEqual(response.status_code, 405)
        self.assertEqual(self.status(), Subscriber.Status.ACTIVE)
