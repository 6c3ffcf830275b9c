"""The press page in each language (live releases, media contacts, each release's press kit),
the kits with their originals and ZIP, and the footer's link on every page."""

import io
import zipfile

from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext

from news.factories import ArticlePageFactory
from news.tests.utils import build_site, queries_of

from .utils import contact, release, release_with_photos


def hit(client, url):
    """Whether `url` is answered from the page cache (no query at all)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response.status_code == 200 and len(queries) == 0


class PressPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, (cls.story,) = build_site(articles=1)
        cls.release = release(cls.index, title_en="New campus opens", title_zh_hans="新校区启用")
        cls.contact = contact()

    def test_the_english_page_lists_releases_contacts_and_kits(self):
        response = self.client.get("/en/press/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, '<h1 class="page-title">Press room</h1>', html=False)
        self.assertContains(response, "New campus opens")
        self.assertNotContains(response, self.story.title_en)  # a story that is no release
        self.assertContains(response, "Zhang Min")
        self.assertContains(response, "Press officer")
        self.assertContains(response, 'href="tel:+861068910000"')
        self.assertContains(response, 'href="mailto:press@example.edu.cn"')
        self.assertContains(response, f'href="/en/press/{self.release.pk}/kit/"')

    def test_the_chinese_page_lists_them_in_chinese(self):
        response = self.client.get("/zh-hans/press/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "新校区启用")
        self.assertContains(response, "张敏")
        self.assertContains(response, "新闻发言人")
        self.assertContains(response, f'href="/zh-hans/press/{self.release.pk}/kit/"')
        self.assertContains(response, 'hreflang="en" href="http://testserver/en/press/"')

    def test_a_release_hidden_in_chinese_is_listed_only_in_english(self):
        hidden = release(self.index, title_en="English only release", public_zh_hans=False)
        self.assertContains(self.client.get("/en/press/"), "English only release")
        self.assertNotContains(self.client.get("/zh-hans/press/"), hidden.title_zh_hans)
        self.assertEqual(self.client.get(f"/zh-hans/press/{hidden.pk}/kit/").status_code, 404)

    def test_the_page_is_kept_and_a_contact_or_a_release_written_ends_it(self):
        for language in ("en", "zh-hans"):
            self.client.get(f"/{language}/press/")
            self.assertTrue(hit(self.client, f"/{language}/press/"), language)
        contact(name_en="Li Na", name_zh_hans="李娜", sort_order=5)
        for language, name in (("en", "Li Na"), ("zh-hans", "李娜")):
            self.assertContains(self.client.get(f"/{language}/press/"), name)
        self.assertTrue(hit(self.client, "/en/press/"))
        self.contact.delete()
        self.assertNotContains(self.client.get("/en/press/"), "Zhang Min")
        newer = release(self.index, title_en="Newest release", title_zh_hans="最新新闻稿")
        self.assertContains(self.client.get("/en/press/"), "Newest release")
        self.assertContains(self.client.get("/zh-hans/press/"), "最新新闻稿")
        newer.unpublish()
        self.assertNotContains(self.client.get("/en/press/"), "Newest release")

    def test_the_first_contact_added_shows_on_a_page_kept_with_none(self):
        self.contact.delete()
        self.assertContains(self.client.get("/en/press/"), "No media contact is listed yet.")
        contact(name_en="First Contact", name_zh_hans="第一位")
        self.assertContains(self.client.get("/en/press/"), "First Contact")

    def test_a_bad_page_number_shows_a_page_not_an_error(self):
        for value in ("0", "-3", "999", "x", "1e9"):
            self.assertEqual(self.client.get(f"/zh-hans/press/?page={value}").status_code, 200)

    def test_the_page_costs_the_same_queries_for_one_release_or_a_full_page(self):
        counts = []
        for language in ("en", "zh-hans"):
            _response, few = queries_of(self.client, f"/{language}/press/")
            for n in range(12):
                release(self.index, title_en=f"More {n}")
            _response, many = queries_of(self.client, f"/{language}/press/")
            counts.append((few, many))
        for few, many in counts:
            self.assertEqual(few, many)
            self.assertLessEqual(many, 8)

    @override_settings(NEWS_PAGE_SIZE=2)
    def test_releases_are_paginated_newest_first(self):
        for n in range(3):
            release(self.index, title_en=f"Paged release {n}")
        first = self.client.get("/en/press/").content.decode()
        second = self.client.get("/en/press/?page=2").content.decode()
        self.assertLess(first.index("Paged release 2"), first.index("Paged release 1"))
        self.assertIn("Paged release 0", second)
        self.assertIn('rel="next"', first)


class FooterLinkTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, (cls.story,) = build_site(articles=1)

    def test_every_page_links_the_press_room_in_its_language(self):
        for url, link in (
            ("/en/", '<a href="/en/press/">Press room</a>'),
            (f"/en/news/{self.story.slug_en}/", '<a href="/en/press/">Press room</a>'),
            ("/zh-hans/", '<a href="/zh-hans/press/">'),
            ("/en/press/", '<a href="/en/press/">Press room</a>'),
        ):
            self.assertContains(self.client.get(url), link, msg_prefix=url)


class PressKitTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()
        cls.release, cls.images = release_with_photos(cls.index)

    def kit(self, language="en"):
        return self.client.get(f"/{language}/press/{self.release.pk}/kit/")

    def test_the_kit_lists_every_photo_once_with_its_credit_and_the_licence(self):
        response = self.kit()
        self.assertEqual(response.status_code, 200)
        for credit in ("Wang Fang", "Li Wei", "Gallery photographer 0", "Gallery photographer 1"):
            self.assertContains(response, f"Photo: {credit}")
        self.assertContains(response, "Licence: Free for editorial use with credit")
        for image in self.images:
            self.assertContains(
                response, f'href="/en/press/{self.release.pk}/kit/{image.pk}/"', count=1
            )
        self.assertContains(response, f'href="/en/press/{self.release.pk}/kit.zip"')

    def test_the_chinese_kit_gives_the_chinese_credits_and_licence(self):
        response = self.kit("zh-hans")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "王芳")
        self.assertContains(response, "李伟")
        self.assertContains(response, "注明出处即可用于新闻报道")
        self.assertContains(response, f'href="/zh-hans/press/{self.release.pk}/kit.zip"')

    def test_each_original_downloads_under_a_safe_name(self):
        lead = self.images[0]
        response = self.client.get(f"/en/press/{self.release.pk}/kit/{lead.pk}/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response["Content-Disposition"], 'attachment; filename="01-lead-photo.png"'
        )
        with lead.open_file() as original:
            self.assertEqual(b"".join(response.streaming_content), original.read())
        self.assertEqual(response["Cache-Control"], "private, no-store")

    def test_the_zip_holds_every_original_and_the_credits(self):
        for language, credit in (("en", "Wang Fang"), ("zh-hans", "王芳")):
            response = self.client.get(f"/{language}/press/{self.release.pk}/kit.zip")
            self.assertEqual(response.status_code, 200)
            archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
            names = archive.namelist()
            self.assertEqual(
                names,
                [
                    "CREDITS.txt",
                    "01-lead-photo.png",
                    "02-lab-bench.png",
                    "03-gallery-one.png",
                    "04-gallery-two.png",
                ],
            )
            self.assertIn(credit, archive.read("CREDITS.txt").decode())
            with self.images[1].open_file() as original:
                self.assertEqual(archive.read("02-lab-bench.png"), original.read())
            self.assertEqual(response["Cache-Control"], "private, no-store")

    @override_settings(PRESS_KIT_ZIP_MAX_MB=0)
    def test_past_the_size_limit_the_zip_is_refused_with_a_clear_page(self):
        response = self.client.get(f"/en/press/{self.release.pk}/kit.zip")
        self.assertEqual(response.status_code, 403)
        self.assertContains(response, "too large for one download", status_code=403)
        kit = self.kit()
        self.assertNotContains(kit, "kit.zip")
        self.assertContains(kit, "download them one by one")
        self.assertEqual(
            self.client.get(f"/zh-hans/press/{self.release.pk}/kit.zip").status_code, 403
        )

    def test_no_kit_for_an_unpublished_release_or_a_story_that_is_no_release(self):
        story = ArticlePageFactory(parent=self.index)
        lead = self.images[0]
        for language in ("en", "zh-hans"):
            self.assertEqual(self.client.get(f"/{language}/press/{story.pk}/kit/").status_code, 404)
        self.release.unpublish()
        for language in ("en", "zh-hans"):
            for url in (
                f"/{language}/press/{self.release.pk}/kit/",
                f"/{language}/press/{self.release.pk}/kit.zip",
                f"/{language}/press/{self.release.pk}/kit/{lead.pk}/",
            ):
                self.assertEqual(self.client.get(url).status_code, 404, url)

    def test_an_image_outside_the_kit_or_an_unknown_one_is_a_404(self):
        stranger = release_with_photos(self.index)[1][0]
        for image_id in (stranger.pk, 999999):
            url = f"/en/press/{self.release.pk}/kit/{image_id}/"
            self.assertEqual(self.client.get(url).status_code, 404)

    def test_the_kit_page_is_kept_and_an_unpublish_ends_it(self):
        self.kit()
        self.assertTrue(hit(self.client, f"/en/press/{self.release.pk}/kit/"))
        self.release.unpublish()
        self.assertEqual(self.kit().status_code, 404)
