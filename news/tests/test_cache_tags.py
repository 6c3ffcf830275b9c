"""The cache by content (news/cache/): a publish refreshes the pages that show what it changed
and no other, a removal is never served stale, an edit may be for a few seconds while one
request renders it, and addresses with parameters a page ignores make no entries."""

import datetime

from django.core.cache import cache
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from news.cache import pages, store
from news.factories import ArticlePageFactory
from news.models import ArticlePage
from news.tests.utils import build_site, tag, titles_in, url_in

D = datetime.date


def entries():
    """The names of the pages and fragments kept, in Redis or in local memory."""
    kept = store.get()
    if isinstance(kept, store.RedisStore):
        return set(kept.client.scan_iter(match=f"{store.PREFIX}:e:*"))
    return {key for key in cache._cache if ":news:e:" in key}  # noqa: SLF001 - LocMemCache's


class PublishRefreshesWhatShowsItTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()
        cls.old = ArticlePageFactory(parent=cls.index, news_date=D(2020, 1, 10))
        cls.middle = ArticlePageFactory(parent=cls.index, news_date=D(2022, 6, 1))
        cls.newest = ArticlePageFactory(parent=cls.index, news_date=D(2024, 3, 1))

    def hit(self, url):
        """Whether `url` is answered from the page cache (no query at all)."""
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        return response.status_code == 200 and len(queries) == 0

    def test_an_edit_shows_in_both_languages_and_on_every_list_that_shows_it(self):
        urls = [url_in(self.newest), url_in(self.newest, "zh-hans"), "/en/", "/en/news/"]
        urls += ["/zh-hans/xinwen/", "/en/news/2024/03/", "/en/news/feed/rss/"]
        for url in urls:
            self.client.get(url)
        article = ArticlePage.objects.get(pk=self.newest.pk)
        article.title_en, article.title_zh_hans = "Telescope unveiled", "望远镜揭幕"
        article.save_revision().publish()
        for url in urls:
            with self.subTest(url=url):
                text = self.client.get(url).content.decode()
                self.assertTrue("Telescope unveiled" in text or "望远镜揭幕" in text)

    def test_a_story_that_shows_nothing_of_the_published_one_stays_a_hit(self):
        far = url_in(self.old)  # neither its newer nor its older story
        self.client.get(far)
        self.client.get(url_in(self.old, "zh-hans"))
        article = ArticlePage.objects.get(pk=self.newest.pk)
        article.title_en = "Telescope unveiled"
        article.save_revision().publish()
        self.assertTrue(self.hit(far))
        self.assertTrue(self.hit(url_in(self.old, "zh-hans")))

    def test_a_story_with_the_same_tag_stays_a_hit_when_the_other_is_published(self):
        tag(self.old, "robotics")
        tag(self.newest, "robotics")
        far = url_in(self.old)
        self.client.get(far)
        ArticlePage.objects.get(pk=self.newest.pk).save_revision().publish()  # its tags rewritten
        self.assertTrue(self.hit(far))

    def test_a_new_story_refreshes_its_older_neighbour_whose_newer_link_it_becomes(self):
        self.client.get(url_in(self.newest))
        ArticlePageFactory(parent=self.index, news_date=D(2025, 1, 1), title_en="Just in")
        self.assertContains(self.client.get(url_in(self.newest)), "Just in")

    def test_an_unpublished_story_is_gone_at_the_next_request_everywhere(self):
        for url in (url_in(self.newest), "/en/news/", "/en/"):
            self.client.get(url)
        ArticlePage.objects.get(pk=self.newest.pk).unpublish()
        self.assertEqual(self.client.get(url_in(self.newest)).status_code, 404)
        for url in ("/en/news/", "/en/"):
            self.assertNotIn(self.newest.title_en, titles_in(self.client.get(url)))

    def test_after_an_edit_the_new_page_is_kept_again(self):
        url = url_in(self.middle)
        self.client.get(url)
        article = ArticlePage.objects.get(pk=self.middle.pk)
        article.title_en = "Second version"
        article.save_revision().publish()
        self.assertContains(self.client.get(url), "Second version")
        self.assertTrue(self.hit(url))


class SoftAndHardTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        _home, cls.index, (cls.article, *_) = build_site(articles=3)

    def test_the_old_copy_is_served_while_another_request_holds_the_claim(self):
        url = url_in(self.article)
        self.client.get(url)
        name = pages.names(self.client.get(url).wsgi_request)[0]
        article = ArticlePage.objects.get(pk=self.article.pk)
        article.title_en = "Corrected"
        article.save_revision().publish()
        self.assertTrue(store.get().claim(name))  # another request renders it now
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertNotContains(response, "Corrected")  # the old copy, at once
        self.assertEqual(len(queries), 0)
        store.get().release(name)  # that request ended without keeping it
        self.assertContains(self.client.get(url), "Corrected")

    def test_a_removal_is_never_served_stale_even_while_another_request_renders(self):
        url = url_in(self.article)
        self.client.get(url)
        name = pages.names(self.client.get(url).wsgi_request)[0]
        ArticlePage.objects.get(pk=self.article.pk).unpublish()
        store.get().claim(name)
        self.assertEqual(self.client.get(url).status_code, 404)

    def test_an_edit_then_a_removal_never_serves_the_copy_the_edit_set_aside(self):
        url = url_in(self.article)
        self.client.get(url)
        name = pages.names(self.client.get(url).wsgi_request)[0]
        article = ArticlePage.objects.get(pk=self.article.pk)
        article.title_en = "Corrected"
        article.save_revision().publish()  # the old copy set aside for a few seconds
        ArticlePage.objects.get(pk=self.article.pk).unpublish()  # then retracted
        store.get().claim(name)  # another request renders: the others would get the copy
        self.assertEqual(self.client.get(url).status_code, 404)


class BoundedKeysTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        _home, cls.index, (cls.article, *_) = build_site(articles=3)

    def test_parameters_a_page_ignores_make_no_entry_and_get_the_plain_addresses(self):
        url = url_in(self.article)
        plain = self.client.get(url).content
        before = entries()
        for n in range(300):
            junk = {"q": f"junk{n}", "p": n, "page": n, f"x{n}": "1", "utm_source": n}
            response = self.client.get(url, junk)
            self.assertEqual(response.content, plain)
        self.assertEqual(entries() - before, set())

    def test_a_listing_keeps_one_entry_per_page_it_shows_and_ignores_the_rest(self):
        self.client.get("/en/news/")
        before = entries()
        for n in range(100):
            self.client.get("/en/news/", {"q": f"junk{n}", "p": n})
        self.assertEqual(entries() - before, set())

    def test_a_search_is_keyed_by_its_words_alone(self):
        self.client.get("/en/search/", {"q": "Article"})
        before = entries()
        for n in range(50):
            self.client.get("/en/search/", {"q": "Article", "p": n, f"x{n}": 1})
        self.assertEqual(entries() - before, set())
