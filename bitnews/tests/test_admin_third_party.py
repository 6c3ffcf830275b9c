"""The admin sends nobody's browser to another origin: no Gravatar image for users with an
e-mail address (WAGTAIL_GRAVATAR_PROVIDER_URL = None); tests_browser/test_admin_origins.py
checks every request of the same pages in Chromium."""

import re

from django.contrib.auth import get_user_model
from django.test import TestCase
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from news.tests.utils import build_site

# What a browser loads by itself (src, srcset, a <link>'s href) from a named host: http://,
# https:// or protocol-relative //. Links a person may follow (<a href>) are not loads.
LOADED_ELSEWHERE = re.compile(r'(?:\bsrc|\bsrcset|<link\b[^>]*\bhref)="(?:https?:)?//([^/"]+)')


class AdminAvatarTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, (cls.article,) = build_site(articles=1)
        cls.user = get_user_model().objects.create_superuser(
            "editor", "editor@example.edu.cn", "pw"
        )
        cls.image = Image.objects.create(title="lab", file=get_test_image_file())

    def setUp(self):
        self.client.force_login(self.user)

    def test_admin_pages_show_wagtails_own_avatar_instead_of_a_gravatar(self):
        for url in (
            "/admin/",
            f"/admin/pages/{self.article.pk}/edit/",
            "/admin/images/",
            "/admin/account/",
        ):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(re.findall(r"[^\"'\s]*gravatar[^\"'\s]*", response.text), [])
                self.assertIn("default-user-avatar", response.text)

    def test_admin_pages_name_no_other_host_in_what_the_browser_loads(self):
        for url in ("/admin/", f"/admin/pages/{self.article.pk}/edit/", "/admin/images/"):
            with self.subTest(url=url):
                html = self.client.get(url).text
                self.assertEqual(LOADED_ELSEWHERE.findall(html), [])
