from django.contrib.auth import get_user_model
from django.test import TestCase

from news.tests.utils import build_site


def directives(response):
    header = response["Content-Security-Policy"]
    return {
        name: value.split()
        for name, _, value in (part.strip().partition(" ") for part in header.split(";"))
    }


class ContentSecurityPolicyTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, (cls.article,) = build_site(articles=1)

    def test_public_pages_allow_nothing_inline_and_nothing_from_other_hosts(self):
        for url in ("/en/", "/zh-hans/xinwen/", "/en/news/focus/", self.article.url):
            with self.subTest(url=url):
                policy = directives(self.client.get(url))
                self.assertEqual(policy["default-src"], ["'none'"])
                self.assertEqual(policy["script-src"], ["'self'"])
                self.assertEqual(policy["style-src"], ["'self'"])
                self.assertEqual(policy["frame-ancestors"], ["'none'"])
                self.assertEqual(policy["object-src"], ["'none'"])
                self.assertEqual(policy["base-uri"], ["'self'"])
                self.assertNotIn("'unsafe-eval'", str(policy))

    def test_error_pages_carry_the_strict_policy_too(self):
        response = self.client.get("/zh-hans/no-such-page/")
        self.assertEqual(response.status_code, 404)
        self.assertEqual(directives(response)["script-src"], ["'self'"])

    def test_admin_has_its_own_same_origin_policy_without_inline_scripts(self):
        user = get_user_model().objects.create_superuser("boss", "", "pw")
        self.client.force_login(user)
        policy = directives(self.client.get("/admin/"))
        self.assertEqual(policy["script-src"], ["'self'"])  # a nonce where initialisers are
        self.assertEqual(policy["style-src"], ["'self'", "'unsafe-inline'"])
        self.assertEqual(policy["frame-ancestors"], ["'self'"])
        self.assertNotIn("'unsafe-eval'", str(policy))

    def test_baidu_hosts_are_allowed_only_with_a_map_key(self):
        self.assertNotIn("baidu", self.client.get("/en/")["Content-Security-Policy"])
        with self.settings(BAIDU_MAP_AK="k3y"):
            policy = directives(self.client.get("/en/"))
        self.assertIn("https://api.map.baidu.com", policy["script-src"])
        self.assertEqual(policy["style-src"], ["'self'"])
