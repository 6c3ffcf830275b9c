"""The anonymous page cache (news/cache/pages.py): a page read before costs no query, every
write a visitor can see shows at the next request, and nothing personal is ever kept."""

import datetime
import io
import re

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client, RequestFactory, TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from PIL import Image as PILImage
from wagtail.images.models import Image

from news.cache import breaker, local, pages, store
from news.factories import ArticlePageFactory
from news.models import ArticlePage, ArticleTag, SiteSettings
from news.tests.utils import build_site, make_column, tag, titles_in, url_in

PRIVATE = "private, no-store"


class PageCacheTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, cls.articles = build_site(articles=12, focus_every=3)
        cls.column = make_column("Research", "科研", "research", "keyan")
        cls.article = cls.articles[0]
        cls.article.column = cls.column
        cls.article.news_date = datetime.date.today() + datetime.timedelta(days=1)  # the newest
        cls.article.save_revision().publish()
        tag(cls.article, "robotics")
        date = cls.article.news_date
        cls.year_url, cls.month_url = f"/en/news/{date:%Y}/", f"/en/news/{date:%Y}/{date:%m}/"

    def twice(self, url, **headers):
        """The second of two GETs of `url` and the queries it asked."""
        first = self.client.get(url, **headers)
        self.assertEqual(first.status_code, 200, url)
        with CaptureQueriesContext(connection) as queries:
            second = self.client.get(url, **headers)
        self.assertEqual(second.content, first.content, url)
        return second, len(queries)

    def public_urls(self):
        return [
            "/en/",
            "/zh-hans/",
            "/en/news/",
            "/en/news/?page=2",
            "/en/news/focus/",
            "/en/news/column/",
            "/zh-hans/xinwen/column/",
            "/en/news/subscribe/",
            "/zh-hans/xinwen/subscribe/",
            "/en/news/column/research/",
            "/zh-hans/xinwen/column/keyan/",
            "/en/news/tag/robotics/",
            self.year_url,
            self.month_url,
            url_in(self.article, "en"),
            url_in(self.article, "zh-hans"),
            "/en/news/feed/rss/",
            "/zh-hans/xinwen/feed/atom/",
            "/en/news/focus/feed/rss/",
            "/zh-hans/xinwen/tag/robotics/feed/atom/",
            "/sitemap.xml",
            "/sitemap-pages.xml",
            "/sitemap-articles-en.xml",
            "/robots.txt",
            "/en/search/?q=Article",
            "/zh-hans/search/?q=%E6%96%87%E7%AB%A0",
        ]

    def test_every_public_page_read_before_is_served_without_a_query(self):
        for url in self.public_urls():
            with self.subTest(url=url):
                response, queries = self.twice(url)
                self.assertEqual(queries, 0)
                self.assertIn("public", response["Cache-Control"])
                self.assertTrue(response.has_header("ETag"))

    def test_browsers_revalidate_every_page_and_shared_caches_keep_it(self):
        for url in (url_in(self.article), "/en/news/"):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertIn("max-age=0", response["Cache-Control"])
                self.assertIn("s-maxage=3600", response["Cache-Control"])
                again = self.client.get(url, HTTP_IF_NONE_MATCH=response["ETag"])
                self.assertEqual(again.status_code, 304)

    def test_pages_do_not_vary_on_cookies_or_the_browsers_language(self):
        for url in ("/en/", "/en/news/", url_in(self.article, "zh-hans")):
            with self.subTest(url=url):
                vary = self.client.get(url).get("Vary", "")
                self.assertNotIn("Cookie", vary)
                self.assertNotIn("Accept-Language", vary)
        self.assertIn("Accept-Language", self.client.get("/")["Vary"])  # it redirects by them

    def test_a_conditional_request_for_an_unchanged_page_gets_304(self):
        url = url_in(self.article)
        etag = self.client.get(url)["ETag"]
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url, headers={"If-None-Match": etag})
        self.assertEqual(response.status_code, 304)
        self.assertEqual(response.content, b"")
        self.assertEqual(len(queries), 0)
        self.assertEqual(
            self.client.get(url, headers={"If-None-Match": '"other"'}).status_code, 200
        )

    def test_a_publish_shows_on_every_page_at_the_next_request(self):
        urls = ["/en/", "/en/news/", url_in(self.article), "/en/news/feed/rss/"]
        urls += ["/en/news/column/research/", self.month_url, "/en/search/?q=Telescope"]
        for url in urls:
            self.client.get(url)
        article = ArticlePage.objects.get(pk=self.article.pk)
        article.title_en = "Telescope unveiled"
        article.save_revision().publish()
        for url in urls:
            with self.subTest(url=url):
                self.assertContains(self.client.get(url), "unveiled")

    def test_while_an_edit_is_rendered_the_old_page_answered_meanwhile_is_kept_by_nobody(self):
        url = url_in(self.article)
        self.client.get(url)
        article = ArticlePage.objects.get(pk=self.article.pk)
        article.title_en = "Telescope unveiled"
        article.save_revision().publish()
        name, _bare = pages.names(RequestFactory().get(url))
        self.assertTrue(store.get().claim(name))  # another request is rendering it
        response = self.client.get(url)
        self.assertNotContains(response, "unveiled")
        self.assertEqual(response["Cache-Control"], "no-store")  # not Varnish's for an hour

    def test_a_publish_by_another_server_ends_the_copies_this_process_kept(self):
        url = url_in(self.article)
        for _ in range(2):  # kept, in the shared cache and in this process
            self.assertNotContains(self.client.get(url), "Changed elsewhere")
        # another app server publishes: the database changes and that server invalidates the
        # article's tag; this process hears no signal
        ArticlePage.objects.filter(pk=self.article.pk).update(title_en="Changed elsewhere")
        store.get().invalidate([f"page:{self.article.pk}"], soft=False)
        self.assertContains(self.client.get(url), "Changed elsewhere")

    def test_a_page_another_process_made_after_a_publish_is_not_made_again_here(self):
        url = url_in(self.article)
        self.client.get(url)
        copies, clock = dict(pages._pages.entries), local.clock  # noqa: SLF001 - this process's
        ArticlePage.objects.get(pk=self.article.pk).save_revision().publish()
        pages._pages.entries.clear()  # noqa: SLF001 - as another process, which has none
        made_elsewhere = self.client.get(url).content
        # back here, with the older copies, valid at the older clock
        pages._pages.entries.update(copies)  # noqa: SLF001
        local.clock = clock
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual((response.content, len(queries)), (made_elsewhere, 0))

    def test_unpublishing_removes_the_page_and_its_cards_at_the_next_request(self):
        url = url_in(self.article)
        self.assertEqual(self.client.get(url).status_code, 200)
        self.assertIn(self.article.title_en, titles_in(self.client.get(self.month_url)))
        ArticlePage.objects.get(pk=self.article.pk).unpublish()
        self.assertEqual(self.client.get(url).status_code, 404)
        self.assertNotIn(self.article.title_en, titles_in(self.client.get("/en/news/")))

    def test_a_moved_article_leaves_its_old_address_and_listing_at_the_next_request(self):
        url = url_in(self.article)
        for _ in range(2):
            self.assertEqual(self.client.get(url).status_code, 200)
            self.assertIn(self.article.title_en, titles_in(self.client.get("/en/news/")))
        # what the admin's move runs (Wagtail's page types allow no other parent here);
        # Wagtail's redirects app then keeps the old address (this raised, before)
        ArticlePage.objects.get(pk=self.article.pk).move(self.home, pos="last-child")
        old = self.client.get(url)
        new = f"/en/{self.article.slug_en}/"
        self.assertEqual((old.status_code, old["Location"]), (301, new))
        self.assertNotIn(self.article.title_en, titles_in(self.client.get("/en/news/")))

    def test_site_settings_show_on_every_page_at_the_next_request(self):
        for url in ("/en/", url_in(self.article), "/en/search/?q=Article"):
            self.client.get(url)
        settings = SiteSettings.objects.get()
        settings.site_name_en = "Campus Wire"
        settings.save()
        for url in ("/en/", url_in(self.article), "/en/search/?q=Article"):
            with self.subTest(url=url):
                self.assertContains(self.client.get(url), "Campus Wire")

    def test_a_new_article_is_listed_at_the_next_request(self):
        self.client.get("/en/news/")
        ArticlePageFactory(
            parent=self.index, title_en="Fresh story", news_date=datetime.date.today()
        )
        self.assertIn("Fresh story", titles_in(self.client.get("/en/news/")))

    def test_a_deleted_article_leaves_its_page_and_the_listings_at_the_next_request(self):
        url = url_in(self.article)
        self.client.get(url)
        self.assertIn(self.article.title_en, titles_in(self.client.get(self.month_url)))
        ArticlePage.objects.get(pk=self.article.pk).delete()
        self.assertEqual(self.client.get(url).status_code, 404)
        self.assertNotIn(self.article.title_en, titles_in(self.client.get(self.month_url)))

    def test_reverting_to_an_earlier_version_shows_it_at_the_next_request(self):
        article = ArticlePage.objects.get(pk=self.article.pk)
        first = article.latest_revision
        article.title_en = "Second version"
        article.save_revision().publish()
        self.assertContains(self.client.get(url_in(self.article)), "Second version")
        first.publish()  # what the admin's "revert" then "publish" does
        response = self.client.get(url_in(self.article))
        self.assertNotContains(response, "Second version")
        self.assertContains(response, self.article.title_en)

    def test_a_renamed_column_and_a_tag_s_chinese_name_show_at_the_next_request(self):
        column_url, tag_url = "/en/news/column/research/", "/zh-hans/xinwen/tag/robotics/"
        index_url = "/en/news/column/"
        self.client.get(column_url), self.client.get(tag_url), self.client.get(index_url)
        self.column.name_en = "Science"
        self.column.save()
        robotics = ArticleTag.objects.get(name="robotics")
        robotics.chinese_name = "机器人学"
        robotics.save()
        self.assertContains(self.client.get(column_url), "Science")
        self.assertContains(self.client.get(index_url), "Science")
        self.assertContains(self.client.get(tag_url), "机器人学")

    def test_the_columns_index_counts_a_story_filed_in_a_column_at_the_next_request(self):
        url = "/zh-hans/xinwen/column/"
        self.assertContains(self.client.get(url), "1篇")
        self.twice(url)  # kept
        article = ArticlePage.objects.get(pk=self.articles[1].pk)
        article.column = self.column
        article.save_revision().publish()
        self.assertContains(self.client.get(url), "2篇")

    @override_settings(SHARED_CACHES=["http://127.0.0.1:9/"])  # a Varnish that is gone
    def test_a_publish_works_and_shows_while_the_shared_cache_is_gone(self):
        article = ArticlePage.objects.get(pk=self.article.pk)
        article.title_en = "Telescope unveiled"
        with (
            self.assertLogs("news.cache.invalidation", "WARNING") as logs,
            self.captureOnCommitCallbacks(execute=True),
        ):
            article.save_revision().publish()
        self.assertIn("did not take the PURGE", logs.output[0])
        self.assertContains(self.client.get(url_in(self.article)), "Telescope unveiled")

    def test_tracking_parameters_share_the_entry_of_the_plain_address(self):
        url = url_in(self.article)
        plain = self.client.get(url)
        with CaptureQueriesContext(connection) as queries:
            shared = self.client.get(url, {"from": "singlemessage", "isappinstalled": "0"})
        self.assertEqual((shared.content, len(queries)), (plain.content, 0))

    def test_odd_page_numbers_are_answered_never_an_error(self):
        for page in ("²", "٣", "-1", "x", "007", ""):
            with self.subTest(page=page):
                self.assertEqual(self.client.get("/en/news/", {"page": page}).status_code, 200)
                sitemap = self.client.get("/sitemap-articles-en.xml", {"p": page})
                self.assertIn(sitemap.status_code, (200, 404))  # a page that is not one: 404

    def test_a_page_number_past_the_end_is_answered_but_not_kept(self):
        last = self.client.get("/en/news/?page=2")
        past = self.client.get("/en/news/?page=999999")
        self.assertEqual(titles_in(past), titles_in(last))
        self.assertFalse(past.has_header("ETag"))  # rendered for this request only
        self.assertTrue(self.client.get("/en/news/?page=2").has_header("ETag"))

    def test_a_logged_in_editor_gets_private_pages_never_kept(self):
        url = url_in(self.article)
        editor = get_user_model().objects.create_superuser("chief", "", "pw")
        self.client.force_login(editor)
        response = self.client.get(url)
        self.assertEqual(response["Cache-Control"], PRIVATE)
        self.assertFalse(response.has_header("ETag"))
        self.assertEqual(self.client.get("/admin/")["Cache-Control"], PRIVATE)
        self.client.logout()
        self.assertIn("public", self.client.get(url)["Cache-Control"])

    def test_a_preview_is_private_and_not_kept(self):
        editor = get_user_model().objects.create_superuser("chief", "", "pw")
        self.client.force_login(editor)
        article = ArticlePage.objects.get(pk=self.article.pk)
        article.title_en = "Draft headline"
        article.save_revision()
        preview = self.client.get(f"/admin/pages/{article.pk}/view_draft/")
        self.assertContains(preview, "Draft headline")
        self.assertEqual(preview["Cache-Control"], PRIVATE)
        self.client.logout()
        self.assertNotContains(self.client.get(url_in(self.article)), "Draft headline")

    def test_a_preview_without_cookies_is_never_answered_from_the_cache(self):
        self.client.get(url_in(self.article))  # the published version, kept
        article = ArticlePage.objects.get(pk=self.article.pk)
        article.title_en = "Draft headline"
        preview = article.make_preview_request(preview_mode="en")
        self.assertContains(preview, "Draft headline")
        self.assertNotContains(self.client.get(url_in(self.article)), "Draft headline")

    def test_the_view_beacon_is_never_kept(self):
        for _ in range(2):
            response = self.client.post(f"/en/views/{self.article.pk}/")
            self.assertNotIn("public", response.get("Cache-Control", ""))
            self.assertFalse(response.has_header("ETag"))


class ImageReplacedTests(TestCase):
    def test_an_image_replaced_in_the_admin_shows_on_every_page_at_the_next_request(self):
        _home, index, _ = build_site()
        image = Image.objects.create(title="lab", file=png("lab.png", (200, 0, 0)))
        article = ArticlePageFactory(parent=index, lead_image=image, lead_image_alt_en="Lab")
        editor = Client()
        editor.force_login(get_user_model().objects.create_superuser("chief", "", "pw"))
        pages = [url_in(article), "/en/news/", "/en/"]
        before = {url: renditions_in(self.client.get(url)) for url in pages}
        for url in pages:
            self.assertTrue(before[url], url)
            self.assertEqual(renditions_in(self.client.get(url)), before[url])  # kept
        response = editor.post(
            f"/admin/images/{image.pk}/",
            {
                "title": "lab",
                "collection": image.collection_id,
                "file": png("lab-new.png", (0, 0, 200)),
            },
        )
        self.assertEqual(response.status_code, 302)
        for url in pages:
            with self.subTest(url=url):
                after = renditions_in(self.client.get(url))
                self.assertTrue(after)
                self.assertTrue(after.isdisjoint(before[url]))  # the new file's renditions


def png(name, colour):
    buffer = io.BytesIO()
    PILImage.new("RGB", (800, 450), colour).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def renditions_in(response):
    return set(re.findall(r"/media/images/[^\s\"]+", response.text))


# Production's cache (bitnews/settings/base.py, redis_cache) at an address nothing listens on.
UNREACHABLE = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:9/0",
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 0.5,
            "SOCKET_TIMEOUT": 0.5,
        },
    }
}


@override_settings(CACHES=UNREACHABLE)
class CacheDownTests(TestCase):
    def test_pages_are_served_without_the_cache_with_one_warning_not_one_a_request(self):
        _home, _index, (article, *_) = build_site(articles=3)
        store._warned.clear()  # noqa: SLF001 - as in a process that has not warned yet
        breaker.close()
        with self.assertLogs("news.cache.store", "ERROR") as logs:
            for url in ("/en/", "/en/news/", url_in(article), "/en/news/", "/en/search/?q=Article"):
                with self.subTest(url=url):
                    response = self.client.get(url)
                    self.assertEqual(response.status_code, 200)
                    self.assertFalse(response.has_header("ETag"))  # nothing was kept
        self.assertEqual(len(logs.records), 1, [record.getMessage() for record in logs.records])
