from django.test import TestCase, override_settings

from news.tests.utils import build_site
from newsletter.addresses import absolute


class AbsoluteAddressTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_site()

    @override_settings(WAGTAILADMIN_BASE_URL="https://news.example.edu/")
    def test_links_in_mail_use_the_sites_public_address(self):
        self.assertEqual(absolute("/en/newsletter/"), "https://news.example.edu/en/newsletter/")

    @override_settings(WAGTAILADMIN_BASE_URL="")
    def test_without_a_public_address_the_default_site_is_used(self):
        self.assertEqual(absolute("/zh-hans/newsletter/"), "http://localhost/zh-hans/newsletter/")

    @override_settings(WAGTAILADMIN_BASE_URL="https://news.example.edu")
    def test_an_address_already_absolute_is_kept(self):
        self.assertEqual(absolute("https://cdn.example.edu/a.jpg"), "https://cdn.example.edu/a.jpg")
