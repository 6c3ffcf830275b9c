"""Garbage in any query parameter of any public URL: a 200 or a 404, never a 500."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from news.factories import UntranslatedArticlePageFactory
from news.tests.utils import build_site

PARAMETERS = ("page", "q", "tag", "column")

values = st.one_of(
    st.text(max_size=300),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["%", "%00", "'", '"', "<script>", "' OR 1=1 --", "../", "\x00", "1e9", "二"]),
)
query = st.dictionaries(st.sampled_from(PARAMETERS), values, max_size=3)


class QueryParameterFuzzTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, cls.articles = build_site(articles=12, focus_every=2)
        cls.untranslated = UntranslatedArticlePageFactory(parent=cls.index)

    def public_urls(self):
        article = self.articles[0]
        return [
            "/en/",
            "/zh-hans/",
            "/en/news/",
            "/zh-hans/xinwen/",
            "/en/news/focus/",
            "/zh-hans/xinwen/focus/",
            article.url,
            f"/zh-hans/xinwen/{article.slug_zh_hans}/",
            f"/zh-hans/xinwen/{self.untranslated.slug_en}/",
        ]

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(params=query, index=st.integers(min_value=0, max_value=8))
    def test_any_query_parameters_give_a_page_or_a_404(self, params, index):
        url = self.public_urls()[index]
        response = self.client.get(url, params)
        self.assertIn(response.status_code, (200, 404), (url, params))
