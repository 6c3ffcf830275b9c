"""Garbage in any parameter of the API, declared or not: a 200, 400 or 404 in JSON, never a 500
(the same garbage as the site's fuzz, news/tests/test_fuzz.py; schemathesis, `make api-check`,
does the same from the OpenAPI description over the wire)."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from api import parameters
from news.factories import EventIndexPageFactory, EventPageFactory
from news.tests.utils import build_site, query_values, research_column, tag

NAMES = sorted(
    {p.name for endpoint in parameters.ENDPOINTS for p in endpoint.listing}
    | {"fields", "type", "page", "q"}
)
query = st.dictionaries(st.sampled_from(NAMES), query_values, max_size=3)


class APIFuzzTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, cls.articles = build_site(articles=3, focus_every=2)
        cls.articles[0].column = research_column()
        cls.articles[0].save_revision().publish()
        tag(cls.articles[0], "robotics")
        cls.event = EventPageFactory(parent=EventIndexPageFactory(parent=cls.index))

    def paths(self):
        return [
            "/api/v2/articles/",
            f"/api/v2/articles/{self.articles[0].pk}/",
            "/api/v2/events/",
            f"/api/v2/events/{self.event.pk}/",
            "/api/v2/columns/",
            "/api/v2/openapi.json",
        ]

    @settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(params=query, index=st.integers(min_value=0, max_value=5))
    def test_any_parameters_give_json_and_never_a_server_error(self, params, index):
        path = self.paths()[index]
        response = self.client.get(path, params)
        self.assertIn(response.status_code, (200, 400), (path, params))
        self.assertEqual(response["Content-Type"], "application/json")
        self.assertIsInstance(response.json(), dict)
