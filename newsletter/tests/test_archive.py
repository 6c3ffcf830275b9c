"""Past issues on the site: the list of a language's sent issues, each issue as a page, their
feed; the same for everyone (kept by the page cache) until an issue is published."""

from xml.etree import ElementTree

from django.test import TestCase

from news.factories import ArticlePageFactory
from news.tests.utils import build_site, url_in

from .utils import issue_of, publish


class ArchiveTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()
        cls.story = ArticlePageFactory(parent=cls.index)
        cls.sent = issue_of([cls.story], subject="Week one", introduction="Welcome back.")
        publish(cls.sent)
        cls.draft = issue_of([cls.story], subject="Next week draft")
        cls.chinese = issue_of([cls.story], language="zh-hans", subject="第一周")
        publish(cls.chinese)

    def test_the_list_shows_the_sent_issues_of_the_language(self):
        response = self.client.get("/en/newsletter/issues/")
        self.assertContains(response, "Week one")
        self.assertNotContains(response, "Next week draft")
        self.assertNotContains(response, "第一周")
        self.assertIn("public", response["Cache-Control"])
        response = self.client.get("/zh-hans/newsletter/issues/")
        self.assertContains(response, "第一周")
        self.assertNotContains(response, "Week one")

    def test_an_issue_is_a_page_with_its_stories(self):
        response = self.client.get(f"/en/newsletter/issues/{self.sent.pk}/")
        self.assertContains(response, '<h1 class="page-title">Week one</h1>', html=False)
        self.assertContains(response, "Welcome back.")
        self.assertContains(response, f'href="{url_in(self.story)}"')

    def test_a_draft_or_another_languages_issue_is_not_found(self):
        for url in (
            f"/en/newsletter/issues/{self.draft.pk}/",
            f"/en/newsletter/issues/{self.chinese.pk}/",
            "/en/newsletter/issues/99999/",
        ):
            self.assertEqual(self.client.get(url).status_code, 404, url)

    def test_the_feed_lists_the_sent_issues(self):
        response = self.client.get("/en/newsletter/issues/feed/")
        self.assertEqual(response.status_code, 200)
        channel = ElementTree.fromstring(response.content).find("channel")  # noqa: S314 (our own)
        titles = [item.findtext("title") for item in channel.findall("item")]
        self.assertEqual(titles, ["Week one"])
        link = channel.find("item").findtext("link")
        self.assertTrue(link.endswith(f"/en/newsletter/issues/{self.sent.pk}/"))

    def test_publishing_an_issue_shows_it_on_the_list_kept_before(self):
        self.assertNotContains(self.client.get("/en/newsletter/issues/"), "Next week draft")
        with self.captureOnCommitCallbacks(execute=True):
            publish(self.draft)
        self.assertContains(self.client.get("/en/newsletter/issues/"), "Next week draft")
        self.assertContains(self.client.get("/en/newsletter/issues/feed/"), "Next week draft")

    def test_a_bad_page_number_shows_a_page(self):
        self.assertEqual(self.client.get("/en/newsletter/issues/?page=x").status_code, 200)
