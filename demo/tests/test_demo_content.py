"""Issue 26, item 13: the demo looks like a university's news site. Headlines read as news in
both languages; every picture is a photograph (public domain or CC0, from the scikit-image
package), credited in each language of its story, never a drawing with words on it; the site
says once, in its footer, that it is a demo."""

import ast
import html
import importlib.util
import io
import re
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.test import TestCase
from django.utils import translation
from PIL import Image as PILImage
from PIL import ImageChops, ImageStat
from wagtail.images.models import Image
from wagtail.models import Page

from demo.content import PHOTOS, RICH_STORY, SAMPLE_EVENTS, SEED_ARTICLE
from news import languages
from news.models import ArticlePage
from news.tests.utils import titles_in

NOTICE = "This is a demonstration site: the stories and events on it are examples."
LISTINGS = {
    "en": ("/en/", "/en/news/", "/en/news/?page=2", "/en/news/focus/", "/en/news/events/"),
    "zh-hans": (
        "/zh-hans/",
        "/zh-hans/xinwen/",
        "/zh-hans/xinwen/?page=2",
        "/zh-hans/xinwen/focus/",
        "/zh-hans/xinwen/huodong/",
    ),
}


def scikit_image_data():
    """skimage/data/ of the installed scikit-image, read here without the demo's code."""
    return Path(importlib.util.find_spec("skimage").origin).parent / "data"


def documented_licences():
    """{file name: the docstring of the scikit-image function that loads it}."""
    tree = ast.parse((scikit_image_data() / "_fetchers.py").read_text())
    found = {}
    for function in (node for node in tree.body if isinstance(node, ast.FunctionDef)):
        for node in ast.walk(function):
            if isinstance(node, ast.Constant) and str(node.value).startswith("data/"):
                found[node.value.removeprefix("data/")] = ast.get_docstring(function) or ""
    return found


def url(page, language):
    with translation.override(language.code):
        return page.get_url()


class DemoContentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        password_file = Path(settings.MEDIA_ROOT) / "demo-content-admin-password"
        password_file.parent.mkdir(parents=True, exist_ok=True)
        call_command(
            "load_demo", password_file=password_file, enqueue_pictures=True, stdout=io.StringIO()
        )

    def test_no_demo_headline_starts_with_sample_in_either_language(self):
        shown = []
        for paths in LISTINGS.values():
            for path in paths:
                response = self.client.get(path)
                self.assertEqual(response.status_code, 200, path)
                shown += titles_in(response)
                shown += re.findall(
                    r'class="event-card__title"><a [^>]*>([^<]+)</a>', response.text
                )
        self.assertGreater(len(shown), 30)
        for page in Page.objects.live().specific():
            shown += [page.title_en or "", page.title_zh_hans or ""]
        for title in shown:
            with self.subTest(title=title):
                self.assertFalse(html.unescape(title).lower().startswith("sample"))
                self.assertFalse(title.startswith("示例"))

    def test_every_demo_picture_is_a_photograph_from_scikit_image_cropped(self):
        by_title = {photo["title"]: photo for photo in PHOTOS.values()}
        images = Image.objects.all()
        self.assertEqual(sorted(image.title for image in images), sorted(by_title))
        for image in images:
            with self.subTest(image=image.title), image.file.open("rb") as file:
                photo = by_title[image.title]
                with PILImage.open(scikit_image_data() / photo["file"]) as source:
                    crop = source.convert("RGB").crop(photo["box"])
                # Compared small (64 pixels wide), where JPEG's noise averages out: the same
                # crop differs by under 1 level in 255, one shifted by 8 pixels by 2 or more.
                size = (64, round(64 * crop.height / crop.width))
                stored = PILImage.open(file).convert("RGB").resize(size)
                difference = ImageStat.Stat(ImageChops.difference(stored, crop.resize(size)))
                self.assertLess(max(difference.mean), 1.5, "not the photograph, or not its crop")

    def test_every_photograph_is_public_domain_or_cc0_as_scikit_image_documents_it(self):
        licences = documented_licences()
        for key, photo in PHOTOS.items():
            with self.subTest(photo=key):
                self.assertTrue((scikit_image_data() / photo["file"]).is_file(), "not in the wheel")
                documented = licences[photo["file"]].lower()
                if "CC0" in photo["credit_en"]:
                    self.assertIn("cc0", documented)
                else:
                    self.assertIn("public domain", photo["credit_en"])
                    self.assertIn("public domain", documented)

    def test_every_photo_shown_is_credited_in_each_language_of_its_story(self):
        articles = ArticlePage.objects.exclude(lead_image=None)
        self.assertEqual(articles.count(), 12)
        for article in articles:
            for language in languages.LANGUAGES:
                if not getattr(article, language.field("title")):
                    continue  # not written in this language: the page says so
                with self.subTest(article=article.slug_en, language=language.code):
                    credit = getattr(article, language.field("lead_image_credit"))
                    self.assertNotEqual(credit, "")
                    with translation.override(language.code):
                        line = translation.gettext("Photo: %(name)s") % {"name": credit}
                    page = self.client.get(url(article, language)).content.decode()
                    self.assertIn(f'<span class="credit">{html.escape(line)}</span>', page)

    def test_the_gallery_credits_each_photo_in_both_languages(self):
        story = ArticlePage.objects.get(slug_en=RICH_STORY)
        for language, credits in (
            ("en", "Photo: NASA (public domain)"),
            ("zh-hans", "摄影：NASA（公有领域）"),
        ):
            with self.subTest(language=language):
                page = self.client.get(url(story, languages.get(language))).content.decode()
                gallery = page[page.index('class="gallery"') :]
                self.assertEqual(gallery.count(credits), 2)

    def test_demo_photos_are_jpegs_of_at_most_150_kb(self):
        for image in Image.objects.all():
            with self.subTest(image=image.title):
                self.assertTrue(image.file.name.endswith(".jpg"))
                self.assertLessEqual(image.file.size, 150 * 1024)

    def test_the_seed_article_says_its_picture_is_an_illustration_in_both_languages(self):
        seed = ArticlePage.objects.get(slug_en=SEED_ARTICLE["slug_en"])
        english = self.client.get(url(seed, languages.get("en")))
        self.assertContains(english, "Illustration: the Hubble eXtreme Deep Field")
        chinese = self.client.get(url(seed, languages.get("zh-hans")))
        self.assertContains(chinese, "配图：哈勃极深场")

    def test_the_site_says_once_on_every_page_that_it_is_a_demo_in_both_languages(self):
        seed = ArticlePage.objects.get(slug_en=SEED_ARTICLE["slug_en"])
        event = ArticlePage.objects.get(slug_en=SAMPLE_EVENTS[0]["slug_en"])
        for language in languages.LANGUAGES:
            with translation.override(language.code):
                notice = html.escape(translation.gettext(NOTICE))
            paths = [*LISTINGS[language.code], url(seed, language), url(event, language)]
            paths.append(f"/{language.code}/search/?q=campus")
            for path in paths:
                with self.subTest(path=path):
                    page = self.client.get(path).content.decode()
                    self.assertEqual(page.count(notice), 1)
                    footer = page[page.index('<footer class="site-footer"') :]
                    self.assertIn(notice, footer)
