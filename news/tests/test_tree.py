from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from news.factories import EventIndexPageFactory, EventPageFactory
from news.models import (
    ArticlePage,
    ContactPage,
    EventIndexPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    StandardPage,
)
from news.tests.utils import build_site


class PageTreeRulesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, (cls.article,) = build_site(articles=1)
        cls.events = EventIndexPageFactory(parent=cls.index)
        cls.event = EventPageFactory(parent=cls.events)

    def test_home_page_sits_at_the_root_and_holds_the_news_section_and_site_pages(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, {NewsIndexPage, StandardPage, ContactPage})

    def test_news_section_holds_articles_and_the_events_section(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {ArticlePage, EventIndexPage})

    def test_events_sit_under_news_and_events_in_their_own_section(self):
        self.assertAllowedParentPageTypes(EventIndexPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(EventPage, set())

    def test_article_is_a_leaf_under_the_news_section(self):
        self.assertAllowedParentPageTypes(ArticlePage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(ArticlePage, set())

    def test_only_one_home_page_and_one_news_section(self):
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))
        self.assertFalse(NewsIndexPage.can_create_at(self.home))
        self.assertTrue(ArticlePage.can_create_at(self.index))
        self.assertFalse(EventIndexPage.can_create_at(self.index))  # one Events section
        self.assertTrue(EventPage.can_create_at(self.events))

    def test_every_page_type_renders_in_both_languages(self):
        for page in (self.home, self.index, self.article, self.events, self.event):
            for language in ("en", "zh-hans"):
                with self.subTest(page=page.title, language=language):
                    self.assertPageIsRenderable(page, accept_404=False)
                    url = self.url_in(page, language)
                    self.assertTrue(url.startswith(f"/{language}/"), url)
                    response = self.client.get(url)
                    self.assertEqual(response.status_code, 200)
                    self.assertContains(response, f'<html lang="{language}">')

    def url_in(self, page, language):
        from django.utils import translation

        with translation.override(language):
            return page.get_url()
