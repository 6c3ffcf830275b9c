import io
import re

from django.core.files.images import ImageFile
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from PIL import Image as PILImage
from wagtail.images.models import Image

from news.factories import ArticlePageFactory
from news.tests.utils import build_site


def red_left_blue_right(width=1000, height=500):
    picture = PILImage.new("RGB", (width, height), (220, 0, 0))
    picture.paste((0, 0, 220), (width // 2, 0, width, height))
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return ImageFile(buffer, name="halves.png")


def mean_colour(rendition):
    with rendition.file.open("rb") as handle:
        picture = PILImage.open(handle).convert("RGB").resize((1, 1), PILImage.Resampling.BOX)
        return picture.getpixel((0, 0))


class ResponsiveImageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()
        cls.image = Image.objects.create(title="halves", file=red_left_blue_right())
        cls.articles = [
            ArticlePageFactory(parent=cls.index, lead_image=cls.image, lead_image_alt_en="Halves")
            for _ in range(3)
        ]

    def test_card_crops_follow_the_editors_focal_point(self):
        centred = mean_colour(self.image.get_rendition("fill-480x270-c100"))
        self.image.focal_point_x, self.image.focal_point_y = 900, 250
        self.image.focal_point_width = self.image.focal_point_height = 100
        self.image.save()
        focused = mean_colour(self.image.get_rendition("fill-480x270-c100"))
        red, _, blue = focused
        self.assertGreater(blue, 200)  # the crop moved right, onto the blue half
        self.assertLess(red, 20)
        self.assertGreater(centred[0], 60)  # without a focal point, both halves show

    def test_lead_image_is_a_picture_with_modern_formats_sizes_and_high_priority(self):
        html = self.client.get(self.articles[0].url).text
        figure = html.split('<figure class="article__figure">')[1].split("</figure>")[0]
        self.assertIn('type="image/avif"', figure)
        self.assertIn('type="image/webp"', figure)
        self.assertIn('sizes="(min-width: 44rem) 42rem, 100vw"', figure)
        self.assertIn('fetchpriority="high"', figure)
        self.assertNotIn('loading="lazy"', figure)
        self.assertRegex(figure, r'<img [^>]*width="\d+"[^>]*>')
        self.assertRegex(figure, r'<img [^>]*height="\d+"[^>]*>')

    def test_a_small_upload_never_lists_the_same_width_twice(self):
        small = Image.objects.create(title="small", file=red_left_blue_right(640, 360))
        article = ArticlePageFactory(parent=self.index, lead_image=small, lead_image_alt_en="Small")
        figure = self.client.get(article.url).text.split('<figure class="article__figure">')[1]
        for srcset in re.findall(r'srcset="([^"]+)"', figure.split("</figure>")[0]):
            widths = re.findall(r" (\d+)w", srcset)
            self.assertEqual(len(widths), len(set(widths)), srcset)
            self.assertEqual(sorted(widths), ["480", "640"])

    def test_listing_loads_the_first_image_at_once_and_the_rest_lazily(self):
        html = self.client.get("/en/news/").text
        loading = re.findall(r'<img [^>]*?loading="(\w+)"', html)
        self.assertEqual(loading, ["eager", "lazy", "lazy"])

    def test_a_picture_made_once_outlives_publishes_but_not_a_new_focal_point(self):
        with override_settings(PAGE_CACHE=False):
            first = pictures_in(self.client.get("/en/news/").text)
            self.assertTrue(first)
            ArticlePageFactory(parent=self.index)  # a publish: the lists are invalidated
            with CaptureQueriesContext(connection) as queries:
                again = pictures_in(self.client.get("/en/news/").text)
            self.assertEqual(again, first)
            looked_up = [q["sql"] for q in queries if "wagtailimages_rendition" in q["sql"]]
            self.assertEqual(looked_up, [])  # the cards' pictures were not made again
            self.image.focal_point_x, self.image.focal_point_y = 900, 250
            self.image.focal_point_width = self.image.focal_point_height = 100
            self.image.save()
            moved = pictures_in(self.client.get("/en/news/").text)
        self.assertTrue(moved)
        self.assertTrue(moved.isdisjoint(first))  # crops made for the new focal point


def pictures_in(html):
    return set(re.findall(r"/media/images/[^\s\"]+", html))
