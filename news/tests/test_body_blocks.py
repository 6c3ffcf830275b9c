"""What a story's body can hold besides text, and its credits: a gallery (every photo on the
page, each with caption and credit), an accessible table, a link to an uploaded document in
rich text, the lead image's photo credit and the translator's credit, in both languages and in
the JSON-LD."""

import json
import re

from django.core.files.base import ContentFile
from django.test import TestCase
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.rich_text import RichText

from news.models import ArticlePage
from news.tests.utils import build_site


def graph(response):
    found = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    return json.loads(found.group(1))["@graph"]


class BodyBlockTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, (article,) = build_site(articles=1)
        cls.photos = [
            Image.objects.create(title=f"photo {n}", file=get_test_image_file()) for n in range(3)
        ]
        cls.document = Document.objects.create(
            title="Annual report", file=ContentFile(b"%PDF-1.4 report", name="report.pdf")
        )
        gallery = {
            "title": "The new laboratory",
            "photos": [
                {
                    "image": photo,
                    "alt_text": f"Bench {n}",
                    "caption": f"Bench {n}",
                    "credit": "Li Na",
                }
                for n, photo in enumerate(cls.photos)
            ],
        }
        table = {
            "data": [["Year", "Students"], ["2024", "1200"], ["2025", "1350"]],
            "first_row_is_table_header": True,
            "first_col_is_header": True,
            "table_caption": "Enrolment",
        }
        link = f'<p>Read the <a linktype="document" id="{cls.document.pk}">annual report</a>.</p>'
        article = ArticlePage.objects.get(pk=article.pk)
        article.body_en = [("gallery", gallery), ("table", table), ("paragraph", RichText(link))]
        article.body_zh_hans = [
            (
                "gallery",
                {
                    **gallery,
                    "title": "新实验室",
                    "photos": [{**p, "credit": "李娜"} for p in gallery["photos"]],
                },
            ),
        ]
        article.lead_image = cls.photos[0]
        article.lead_image_alt_en = "The laboratory"
        article.lead_image_credit_en = "Wang Lei"
        article.lead_image_credit_zh_hans = "王磊"
        article.translator_zh_hans = "陈静"
        article.translator_en = ""
        article.save_revision().publish()
        cls.article = ArticlePage.objects.get(pk=article.pk)

    def english(self):
        return self.client.get(f"/en/news/{self.article.slug_en}/")

    def chinese(self):
        return self.client.get(f"/zh-hans/xinwen/{self.article.slug_zh_hans}/")

    def test_a_gallery_shows_every_photo_with_caption_and_credit_without_script(self):
        html = self.english().content.decode()
        gallery = html.split('class="gallery"', 1)[1].split("</ul>", 1)[0]
        self.assertEqual(gallery.count("<picture"), 3)
        self.assertEqual(gallery.count("Photo: Li Na"), 3)
        self.assertIn('alt="Bench 2"', gallery)
        self.assertNotIn("<script", gallery)
        self.assertIn("The new laboratory", html)
        self.assertContains(self.chinese(), "摄影：李娜", count=3)

    def test_a_table_has_its_caption_and_header_cells(self):
        html = self.english().content.decode()
        self.assertIn("<caption>Enrolment</caption>", html)
        self.assertIn('<th scope="col">Students</th>', html)
        self.assertIn('<th scope="row">2024</th><td>1200</td>', html)

    def test_rich_text_links_to_an_uploaded_document(self):
        self.assertContains(self.english(), f'href="{self.document.url}"')

    def test_the_lead_image_credit_shows_under_it_and_in_the_structured_data(self):
        self.assertContains(self.english(), "Photo: Wang Lei")
        self.assertContains(self.chinese(), "摄影：王磊")
        (article,) = [item for item in graph(self.english()) if item["@type"] == "NewsArticle"]
        self.assertEqual(article["image"]["creditText"], "Wang Lei")

    def test_the_translator_is_credited_on_the_translation(self):
        chinese = self.chinese()
        self.assertContains(chinese, "<dt>译者</dt><dd>陈静</dd>", html=False)
        (article,) = [item for item in graph(chinese) if item["@type"] == "NewsArticle"]
        self.assertEqual(article["translator"], {"@type": "Person", "name": "陈静"})
        self.assertNotContains(self.english(), "陈静")
