from django.test import TestCase

from news.factories import ArticlePageFactory
from news.tests.utils import build_site
from stats.models import PageViewCount


class ViewCounterTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, (cls.article,) = build_site(articles=1)

    def test_article_page_asks_for_a_count_without_setting_cookies(self):
        response = self.client.get(self.article.url)
        self.assertContains(response, f'data-view-count-url="/en/views/{self.article.pk}/"')
        self.assertContains(response, 'src="/static/js/views.js" defer')
        self.assertEqual(response.cookies, {})

    def test_each_beacon_counts_one_view_shown_on_the_article(self):
        for _ in range(3):
            response = self.client.post(f"/en/views/{self.article.pk}/")
            self.assertEqual(response.status_code, 204)
            self.assertEqual(response.cookies, {})
        self.assertEqual(PageViewCount.total_for(self.article.pk), 3)
        self.assertContains(self.client.get(self.article.url), "3 views")
        chinese = self.client.get(f"/zh-hans/xinwen/{self.article.slug_zh_hans}/")
        self.assertContains(chinese, "3次阅读")

    def test_counting_needs_no_csrf_token_or_session(self):
        client = self.client_class(enforce_csrf_checks=True)
        self.assertEqual(client.post(f"/en/views/{self.article.pk}/").status_code, 204)

    def test_get_is_refused_and_unknown_or_unpublished_pages_are_not_found(self):
        self.assertEqual(self.client.get(f"/en/views/{self.article.pk}/").status_code, 405)
        self.assertEqual(self.client.post(f"/en/views/{self.index.pk}/").status_code, 404)
        self.assertEqual(self.client.post("/en/views/999999/").status_code, 404)
        # not the beacon's address: a page address, which takes no POST
        self.assertEqual(self.client.post("/en/views/abc/").status_code, 405)
        draft = ArticlePageFactory(parent=self.index, live=False)
        self.assertEqual(self.client.post(f"/en/views/{draft.pk}/").status_code, 404)
        self.assertEqual(PageViewCount.objects.count(), 0)
