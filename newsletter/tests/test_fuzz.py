"""Garbage in the sign-up form's fields or in a confirmation link: a refusal (400, or 200 for
a valid sign-up), never a 500."""

from urllib.parse import quote

from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from news.tests.utils import build_site, research_column

field = st.one_of(st.text(max_size=300), st.lists(st.text(max_size=20), max_size=3))


class FuzzTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_site()
        research_column()

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(email=field, language=field, columns=field)
    def test_any_sign_up_is_answered_or_refused(self, email, language, columns):
        cache.clear()
        data = {"email": email, "language": language, "columns": columns}
        response = self.client.post("/zh-hans/newsletter/", data)
        self.assertIn(response.status_code, (200, 400))

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(token=st.text(min_size=1, max_size=500).filter(lambda text: "/" not in text))
    def test_any_confirmation_link_is_refused(self, token):
        for method in (self.client.get, self.client.post):
            response = method(f"/en/newsletter/confirm/{quote(token, safe='')}/")
            self.assertIn(response.status_code, (400, 404))
