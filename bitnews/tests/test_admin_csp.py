"""The admin's Content-Security-Policy runs no inline script but Wagtail's own initialisers:
no 'unsafe-inline' for scripts; each initialiser carries the response's nonce, anything else
inline gets none (bitnews/csp.py)."""

import re

from django.contrib.auth import get_user_model
from django.test import TestCase

from bitnews.csp import with_nonces
from news.tests.utils import build_site

EXECUTABLE = re.compile(r"<script(?![^>]*\b(?:src|type)=)([^>]*)>", re.S)


def script_src(response):
    policy = response["Content-Security-Policy"]
    return next(part for part in policy.split(";") if part.strip().startswith("script-src"))


class AdminPolicyTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, (cls.article,) = build_site(articles=1)
        cls.user = get_user_model().objects.create_superuser("root", "", "pw")

    def test_the_sign_in_page_allows_no_inline_script(self):
        response = self.client.get("/admin/login/")
        self.assertEqual(script_src(response).split(), ["script-src", "'self'"])

    def test_every_inline_script_of_the_editor_carries_the_responses_nonce(self):
        self.client.force_login(self.user)
        for url in (
            f"/admin/pages/{self.article.pk}/edit/",  # date pickers, choosers, inline panels
            f"/admin/pages/add/news/articlepage/{self.index.pk}/",
            f"/admin/pages/{self.home.pk}/edit/",
            "/admin/workflows/add/",  # task chooser, multiple inline panels
        ):
            response = self.client.get(url)
            directive = script_src(response)
            self.assertNotIn("unsafe-inline", directive)
            nonce = re.search(r"'nonce-([^']+)'", directive)[1]
            scripts = EXECUTABLE.findall(response.content.decode())
            self.assertGreater(len(scripts), 2, url)
            for attributes in scripts:
                self.assertIn(f'nonce="{nonce}"', attributes, url)

    def test_a_script_that_is_not_an_initialiser_gets_no_nonce(self):
        injected = [
            "alert(1)",
            'initDateChooser("id_x", {}); alert(1)',
            'new PageChooser("a", 1]); alert(1); ([1);',
            "new PageChooser(alert(1));",
            "wagtailModelTranslations = {languages: alert(1)};",
            '(function() { var panel = new InlinePanel(JSON.parse("x")); alert(1); })();',
            '(function() { var panel = new InlinePanel(JSON.parse(""+alert(1)+"")); })();',
        ]
        for script in injected:
            html = f"<p><script>{script}</script></p>"
            self.assertEqual(with_nonces(html, "n0nce"), html, script)

    def test_wagtails_initialisers_get_it(self):
        for script in (
            'initDateChooser("id_news_date", {"dayOfWeekStart": 0, "format": "Y-m-d"});',
            'new ImageChooser("id_lead_image", {"modalUrl": "/admin/images/chooser/"});',
            'createTaskChooser("id_workflow_tasks-__prefix__-task");',
        ):
            self.assertIn(
                '<script nonce="n0nce">', with_nonces(f"<script>{script}</script>", "n0nce")
            )
