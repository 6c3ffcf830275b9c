import io
import re
from pathlib import Path
from unittest import mock

import polib
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase
from django.utils.html import escape
from wagtail.images.models import Image
from wagtail.models import Page

from demo.content import (
    DEMO_COLUMNS,
    DEMO_TAGS,
    RICH_STORY,
    SAMPLE_ARTICLES,
    SAMPLE_EVENTS,
    SEED_ARTICLE,
)
from news.models import ArticlePage, ArticleTag, Column, EventPage, SiteSettings
from news.pictures import tasks as picture_tasks

# The source article the demo grew from, as the project keeps it (demo/seed/).
SEED_FILE = Path(__file__).resolve().parent.parent / "seed" / "joint-guidance-center.txt"


class LoadDemoTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.password_file = Path(settings.MEDIA_ROOT) / "demo-admin-password"
        cls.password_file.parent.mkdir(parents=True, exist_ok=True)
        cls.password_file.unlink(missing_ok=True)
        cls.first_output = cls.load()

    @classmethod
    def load(cls):
        out = io.StringIO()
        # the pictures left to the worker: LoadDemoPicturesTests makes them
        call_command(
            "load_demo", password_file=cls.password_file, enqueue_pictures=True, stdout=out
        )
        return out.getvalue()

    def counts(self):
        return {
            "pages": Page.objects.count(),
            "articles": ArticlePage.objects.exact_type(ArticlePage).count(),
            "events": EventPage.objects.count(),
            "images": Image.objects.count(),
            "settings": SiteSettings.objects.count(),
            "users": get_user_model().objects.count(),
            "columns": Column.objects.count(),
            "tags": ArticleTag.objects.count(),
        }

    def test_running_load_demo_twice_leaves_the_same_counts(self):
        before = self.counts()
        output = self.load()
        self.assertEqual(self.counts(), before)
        self.assertIn("nothing changed", output)
        self.assertEqual(before["articles"], 1 + len(SAMPLE_ARTICLES))
        self.assertEqual(before["events"], len(SAMPLE_EVENTS))

    def test_second_run_keeps_an_editors_changes(self):
        article = ArticlePage.objects.get(slug_en=SEED_ARTICLE["slug_en"])
        article.title_en = "Edited by an editor"
        article.save_revision().publish()
        self.load()
        article.refresh_from_db()
        self.assertEqual(article.title_en, "Edited by an editor")

    def test_admin_password_is_printed_and_works(self):
        password = re.search(r"Admin login: admin / (\S+)", self.first_output).group(1)
        signed_in = self.client.post("/admin/login/", {"username": "admin", "password": password})
        self.assertEqual(signed_in["Location"], "/admin/")
        self.assertIn(password, self.load())

    def test_seed_article_is_served_verbatim_in_english_and_translated_in_chinese(self):
        paragraphs = [p.strip() for p in SEED_FILE.read_text().split("\n\n") if p.strip()]
        headline = paragraphs[2]
        body = paragraphs[4:10]
        english = self.client.get(f"/en/news/{SEED_ARTICLE['slug_en']}/")
        self.assertContains(english, headline)
        for paragraph in body:
            self.assertContains(english, escape(paragraph))
        self.assertContains(english, '<img alt="')
        chinese = self.client.get(f"/zh-hans/xinwen/{SEED_ARTICLE['slug_zh_hans']}/")
        self.assertContains(chinese, SEED_ARTICLE["title_zh_hans"])
        self.assertNotContains(chinese, "本文尚无中文版")

    def test_demo_fills_the_listing_beyond_one_page_and_the_focus_listing(self):
        response = self.client.get("/en/news/?page=2")
        self.assertContains(response, 'rel="prev"')
        focus = self.client.get("/zh-hans/xinwen/focus/")
        self.assertContains(focus, SEED_ARTICLE["title_zh_hans"])

    def test_the_pinned_seed_article_leads_focus_and_the_home_page_in_both_languages(self):
        self.assertTrue(ArticlePage.objects.get(slug_en=SEED_ARTICLE["slug_en"]).focus_pinned)
        card = r'class="card__title"><a href="[^"]+"[^>]*>([^<]+)</a>'
        for prefix, focus, title in (
            ("/en/", "/en/news/focus/", escape(SEED_ARTICLE["title_en"])),
            ("/zh-hans/", "/zh-hans/xinwen/focus/", SEED_ARTICLE["title_zh_hans"]),
        ):
            with self.subTest(prefix=prefix):
                self.assertEqual(re.findall(card, self.client.get(focus).text)[0], title)
                self.assertEqual(re.findall(card, self.client.get(prefix).text)[0], title)

    def test_demo_columns_have_names_and_slugs_in_both_languages(self):
        self.assertIn(f"{len(DEMO_COLUMNS)} columns", self.first_output)
        for data in DEMO_COLUMNS:
            with self.subTest(column=data["slug_en"]):
                column = Column.objects.get(slug_en=data["slug_en"])
                self.assertEqual(column.slug_zh_hans, data["slug_zh_hans"])
                self.assertEqual(column.name_zh_hans, data["name_zh_hans"])

    def test_every_demo_article_is_filed_under_its_column_with_its_tags(self):
        for data in [SEED_ARTICLE, *SAMPLE_ARTICLES]:
            with self.subTest(article=data["slug_en"]):
                article = ArticlePage.objects.get(slug_en=data["slug_en"])
                self.assertEqual(article.column.slug_en, data["column"])
                self.assertEqual(sorted(t.name for t in article.tags.all()), sorted(data["tags"]))
                self.assertEqual(
                    article.get_latest_revision_as_object().column_id, article.column_id
                )

    def test_seed_article_is_listed_in_the_international_column_in_both_languages(self):
        self.assertEqual(SEED_ARTICLE["column"], "international")
        english = self.client.get("/en/news/column/international/")
        self.assertContains(english, escape(SEED_ARTICLE["title_en"]))
        chinese = self.client.get("/zh-hans/xinwen/column/guoji/")
        self.assertContains(chinese, '<h1 class="page-title">国际交流</h1>', html=True)
        self.assertContains(chinese, SEED_ARTICLE["title_zh_hans"])

    def test_demo_tags_are_shown_with_their_chinese_names(self):
        tag = SEED_ARTICLE["tags"][0]
        slug = ArticleTag.objects.get(name=tag).slug
        response = self.client.get(f"/zh-hans/xinwen/{SEED_ARTICLE['slug_zh_hans']}/")
        self.assertContains(
            response,
            f'<a class="tag" href="/zh-hans/xinwen/tag/{slug}/" rel="tag">{DEMO_TAGS[tag]}</a>',
            html=True,
        )

    def test_second_run_keeps_an_editors_choice_of_column(self):
        article = ArticlePage.objects.get(slug_en=SEED_ARTICLE["slug_en"])
        article.column = Column.objects.get(slug_en="campus")
        article.save_revision().publish()
        self.load()
        article.refresh_from_db()
        self.assertEqual(article.column.slug_en, "campus")

    def test_articles_loaded_before_columns_existed_are_filed_on_the_next_run(self):
        Column.objects.all().delete()  # articles keep their place, their column is emptied
        ArticleTag.objects.all().delete()
        for article in ArticlePage.objects.exact_type(ArticlePage):
            article.save_revision().publish()
        output = self.load()
        self.assertIn(f"filed {1 + len(SAMPLE_ARTICLES)} existing articles", output)
        seed = ArticlePage.objects.get(slug_en=SEED_ARTICLE["slug_en"])
        self.assertEqual(seed.column.slug_en, "international")
        self.assertEqual(sorted(t.name for t in seed.tags.all()), sorted(SEED_ARTICLE["tags"]))


class LoadDemoPicturesTests(TestCase):
    """load_demo makes every image's pictures, so that no page of the demo makes a rendition
    (the photos cut small here: the making, not the photos, is under test)."""

    def test_every_picture_is_prepared_and_a_later_run_has_none_to_make(self):
        password_file = Path(settings.MEDIA_ROOT) / "demo-admin-password-pictures"
        password_file.parent.mkdir(parents=True, exist_ok=True)
        with mock.patch("demo.photos.MAX_WIDTH", 160):
            first, again = io.StringIO(), io.StringIO()
            call_command("load_demo", password_file=password_file, stdout=first)
            call_command("load_demo", password_file=password_file, stdout=again)
        self.assertIn(f"Pictures: made for {Image.objects.count()} images", first.getvalue())
        self.assertEqual(picture_tasks.needing_records(), [])
        self.assertNotIn("Pictures", again.getvalue())


class ChineseCatalogueTests(TestCase):
    def test_every_interface_string_has_a_chinese_translation(self):
        po = polib.pofile(str(Path(settings.BASE_DIR) / "locale/zh_Hans/LC_MESSAGES/django.po"))
        self.assertEqual([e.msgid for e in po.untranslated_entries()], [])
        self.assertEqual([e.msgid for e in po.fuzzy_entries()], [])
        self.assertGreater(len(po.translated_entries()), 50)


class DemoEventsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo", enqueue_pictures=True, stdout=io.StringIO())

    def test_the_demo_shows_two_coming_and_two_past_events_in_both_languages(self):
        for language, path in (("en", "/en/news/events/"), ("zh-hans", "/zh-hans/xinwen/huodong/")):
            with self.subTest(language=language):
                upcoming = self.client.get(path).content.decode()
                past = self.client.get(path + "past/").content.decode()
                self.assertEqual(upcoming.count('class="event-card"'), 2)
                self.assertEqual(past.count('class="event-card"'), 2)
        self.assertContains(self.client.get("/zh-hans/"), SAMPLE_EVENTS[0]["title_zh_hans"])

    def test_a_story_shows_a_gallery_and_a_table_in_both_languages(self):
        story = ArticlePage.objects.get(slug_en=RICH_STORY)
        english = self.client.get(f"/en/news/{story.slug_en}/").content.decode()
        chinese = self.client.get(f"/zh-hans/xinwen/{story.slug_zh_hans}/").content.decode()
        self.assertIn('class="gallery"', english)
        self.assertIn("<caption>The first three lectures</caption>", english)
        self.assertIn("系列讲座预告", chinese)
        self.assertIn("<caption>前三场讲座</caption>", chinese)


class DemoSitePagesTests(TestCase):
    """The demo's About, Accessibility statement and Contact pages, linked from the menus."""

    @classmethod
    def setUpTestData(cls):
        password_file = Path(settings.MEDIA_ROOT) / "demo-admin-password-site-pages"
        password_file.parent.mkdir(parents=True, exist_ok=True)
        call_command(
            "load_demo", password_file=password_file, enqueue_pictures=True, stdout=io.StringIO()
        )

    def test_about_and_contact_are_in_the_navigation_in_both_languages(self):
        english = self.client.get("/en/").content.decode()
        self.assertIn('href="/en/about/">About<', english)
        self.assertIn('href="/en/contact/">Contact<', english)
        chinese = self.client.get("/zh-hans/").content.decode()
        self.assertIn('href="/zh-hans/guanyu/">关于我们<', chinese)
        self.assertIn('href="/zh-hans/lianxi/">联系我们<', chinese)

    def test_the_accessibility_statement_is_linked_from_the_footer(self):
        html = self.client.get("/zh-hans/").content.decode()
        footer = html[html.index('<footer class="site-footer"') :]
        self.assertIn('href="/zh-hans/guanyu/wuzhangai/">无障碍声明<', footer)
        response = self.client.get("/en/about/accessibility/")
        self.assertContains(response, "WCAG")

    def test_the_contact_form_shows_its_fields_in_chinese(self):
        response = self.client.get("/zh-hans/lianxi/")
        self.assertContains(response, "您的电子邮件")
        self.assertContains(response, "留言")

    def test_the_corrections_page_lists_the_demo_correction_and_links_the_policy(self):
        for language, path, policy, text in (
            ("en", "/en/news/corrections/", "/en/about/corrections-policy/", "usual fees at home"),
            (
                "zh-hans",
                "/zh-hans/xinwen/corrections/",
                "/zh-hans/guanyu/gengzheng-zhengce/",
                "仍在本校正常缴费",
            ),
        ):
            with self.subTest(language=language):
                response = self.client.get(path)
                self.assertContains(response, f'<a href="{policy}">')
                self.assertContains(response, text)
                self.assertContains(self.client.get(policy), "<h1")

    def test_in_the_media_lists_the_demo_clips_of_each_language(self):
        english = self.client.get("/en/in-the-media/")
        self.assertContains(english, "Science Tribune (demo)")
        self.assertNotContains(english, "科技日报")
        chinese = self.client.get("/zh-hans/in-the-media/")
        self.assertContains(chinese, "科技日报（示例）")
        self.assertContains(chinese, 'href="https://example.com/keji-ribao/2023/04/huoxingche"')

    def test_the_press_room_shows_the_demo_release_and_two_contacts_in_both_languages(self):
        english = self.client.get("/en/press/")
        self.assertContains(english, "New laboratory building opens with a shared imaging facility")
        for name in ("Zhang Min", "Li Na"):
            self.assertContains(english, name)
        chinese = self.client.get("/zh-hans/press/")
        self.assertContains(chinese, "新实验楼启用，设共享成像平台")
        for name in ("张敏", "李娜"):
            self.assertContains(chinese, name)
        kit_url = re.search(r'href="(/en/press/\d+/kit/)"', english.content.decode())[1]
        kit = self.client.get(kit_url)
        self.assertContains(kit, "Licence: Free for editorial use, credited as given")
        self.assertContains(kit, "kit.zip")
