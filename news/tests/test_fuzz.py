"""Garbage in any query parameter of any public URL: a 200 or a 404, never a 500."""

from urllib.parse import quote

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from news.factories import UntranslatedArticlePageFactory
from news.tests.utils import QUERY_PARAMETERS, build_site, make_column, query_values

query = st.dictionaries(st.sampled_from(QUERY_PARAMETERS), query_values, max_size=3)


class QueryParameterFuzzTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, cls.articles = build_site(articles=12, focus_every=2)
        cls.untranslated = UntranslatedArticlePageFactory(parent=cls.index)
        column = make_column("Research", "科研进展", "research", "keyan")
        cls.articles[0].column = column
        cls.articles[0].tags.add("robotics")
        cls.articles[0].save_revision().publish()

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
            "/en/search/",
            "/zh-hans/search/",
            "/en/news/column/",
            "/zh-hans/xinwen/column/",
            "/zh-hans/xinwen/subscribe/",
            "/en/news/column/research/",
            "/zh-hans/xinwen/column/keyan/",
            "/en/news/tag/robotics/",
            f"/en/news/{article.news_date:%Y}/",
            f"/zh-hans/xinwen/{article.news_date:%Y/%m}/",
            "/en/news/feed/rss/",
            "/zh-hans/xinwen/focus/feed/atom/",
            "/en/news/column/research/feed/rss/",
            "/en/news/tag/robotics/feed/atom/",
            "/sitemap.xml",
            "/robots.txt",
        ]

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(params=query, index=st.integers(min_value=0, max_value=24))
    def test_any_query_parameters_give_a_page_or_a_404(self, params, index):
        url = self.public_urls()[index]
        response = self.client.get(url, params)
        self.assertIn(response.status_code, (200, 404), (url, params))

    @settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        prefix=st.sampled_from(["/en/news/", "/zh-hans/xinwen/"]),
        segment=st.one_of(
            st.text(alphabet=st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=12),
            st.integers(min_value=-99999, max_value=999999).map(str),
            st.sampled_from(["2023/13", "0000", "2023/00", "9999/12", "２０２３", "2023/4"]),
        ),
        route=st.sampled_from(["", "column/", "tag/", "2023/", "tag/robotics/feed/"]),
    )
    def test_any_path_below_news_gives_a_page_or_a_404(self, prefix, segment, route):
        response = self.client.get(prefix + route + quote(segment, safe="/") + "/")
        self.assertIn(response.status_code, (200, 404), (prefix, route, segment))
