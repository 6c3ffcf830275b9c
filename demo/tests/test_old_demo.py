"""A database loaded with the old demo ("Sample: ..." titles, pictures with their file name
written on them) gets the new demo from `load_demo`, except for what an editor has changed
(demo/old_demo.py)."""

import datetime
import io
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.rich_text import RichText

from demo.content import PHOTOS, SAMPLE_EVENTS, SEED_ARTICLE
from news.models import ArticlePage, EventPage, NewsIndexPage, StandardPage

OLD_ABOUT_LINE = ("This is sample content for the demo site.", "本文为演示网站的示例内容。")


def drawn(name):
    """One of the old demo's pictures (its file name was written on it)."""
    return Image.objects.create(title=name, file=get_test_image_file(name))


def old_story(index, number, user=None):
    """A story of the old demo, as its load_demo saved it (`user`: then edited by a person)."""
    title = f"Sample: Old story {number}"
    story = ArticlePage(
        title=title,
        title_en=title,
        title_zh_hans=f"示例：旧新闻{number}",
        slug=f"sample-old-story-{number}",
        slug_en=f"sample-old-story-{number}",
        slug_zh_hans=f"shili-jiu-xinwen-{number}",
        news_date=datetime.date(2023, 1, number),
        lead_image=drawn(f"sample-{number}.png"),
        lead_image_alt_en="Coloured pattern illustrating sample content",
        lead_image_alt_zh_hans="示例内容配图：彩色图案",
    )
    index.add_child(instance=story)
    story.save_revision(user=user).publish()
    return story


class OldDemoTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.password_file = Path(settings.MEDIA_ROOT) / "old-demo-admin-password"
        cls.password_file.parent.mkdir(parents=True, exist_ok=True)
        cls.load()
        # The database as the old demo left it: its stories, an event, the seed article's
        # drawn picture, About's sample line; one old story since edited in the admin.
        index = NewsIndexPage.objects.get()
        cls.untouched = old_story(index, 1)
        editor = get_user_model().objects.get(username="admin")
        cls.edited = old_story(index, 2, user=editor)
        event = EventPage.objects.get(slug_en=SAMPLE_EVENTS[-1]["slug_en"])
        event.title_en = event.title = "Sample: " + SAMPLE_EVENTS[-1]["title_en"]
        event.save_revision().publish()
        seed = ArticlePage.objects.get(slug_en=SEED_ARTICLE["slug_en"])
        seed.lead_image = drawn("1.png")
        seed.save_revision().publish()
        about = StandardPage.objects.get(slug_en="about")
        for field, line in zip(("body_en", "body_zh_hans"), OLD_ABOUT_LINE, strict=True):
            getattr(about, field).append(("paragraph", RichText(f"<p>{line}</p>")))
        about.save_revision().publish()

    @classmethod
    def load(cls):
        out = io.StringIO()
        call_command(
            "load_demo", password_file=cls.password_file, enqueue_pictures=True, stdout=out
        )
        return out.getvalue()

    def test_untouched_pages_of_the_old_demo_are_replaced_by_the_new_ones(self):
        output = self.load()
        self.assertIn("replaced 4 untouched pages of the old demo", output)
        self.assertEqual(self.client.get("/en/news/sample-old-story-1/").status_code, 404)
        self.assertFalse(Image.objects.filter(title__in=["sample-1.png", "1.png"]).exists())
        event = EventPage.objects.get(slug_en=SAMPLE_EVENTS[-1]["slug_en"])
        self.assertEqual(event.title_en, SAMPLE_EVENTS[-1]["title_en"])
        seed = ArticlePage.objects.get(slug_en=SEED_ARTICLE["slug_en"])
        self.assertEqual(seed.lead_image.title, PHOTOS["deep-field"]["title"])
        chinese = self.client.get(f"/zh-hans/xinwen/{SEED_ARTICLE['slug_zh_hans']}/")
        self.assertContains(chinese, "摄影：NASA（公有领域）")
        for path, line in zip(("/en/about/", "/zh-hans/guanyu/"), OLD_ABOUT_LINE, strict=True):
            self.assertNotContains(self.client.get(path), line)
        self.assertIn("already loaded, nothing changed", self.load())

    def test_an_old_story_an_editor_changed_keeps_its_text_and_picture(self):
        self.load()
        self.edited.refresh_from_db()
        self.assertEqual(self.edited.title_en, "Sample: Old story 2")
        self.assertEqual(self.edited.lead_image.title, "sample-2.png")
        self.assertEqual(self.client.get("/en/news/sample-old-story-2/").status_code, 200)
