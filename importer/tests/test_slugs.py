"""An imported article's address: its slug within 80 characters, cut after a whole English
word (never `…-cooperation-on-int`), a Chinese one where the limit falls, and unique under
News&Events (a number added within the limit)."""

import json
import tempfile
from pathlib import Path

from django.test import TestCase
from django.utils.text import slugify

from news.models import ArticlePage
from news.tests.utils import build_site

from .utils import SEED, import_news

LIMIT = 80


def story(number, title, language="en"):
    return {
        "source_url": f"https://english.old.example.edu.cn/newsevents/{number}.htm",
        "language": language,
        "title": title,
        "date": "2023-09-15",
        "body_html": "<p>The story.</p>",
    }


class ImportedSlugTests(TestCase):
    def setUp(self):
        build_site(articles=0)
        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        self.folder = Path(folder.name)

    def import_stories(self, *stories):
        path = self.folder / "stories.jsonl"
        path.write_text("\n".join(json.dumps(s, ensure_ascii=False) for s in stories) + "\n")
        import_news(path, mapping=None, selectors=None)

    def test_a_long_english_title_is_cut_after_a_whole_word(self):
        import_news(SEED)
        article = ArticlePage.objects.get()
        # the title's slug cut at 80 ends "…-center-fo"
        self.assertEqual(
            article.slug_en,
            "bit-held-a-preparatory-meeting-for-the-establishment-of-joint-guidance-center",
        )
        self.assertTrue(slugify(article.title_en).startswith(article.slug_en + "-"))

    def test_the_same_long_title_twice_gets_a_number_within_the_limit(self):
        title = (
            "International Science and Technology Cooperation on Intelligent Manufacturing Agreed"
        )
        # its slug cut at 80 ends "…-manufacturing-ag", the second one's "…-ag-2" (82)
        self.import_stories(story(1, title), story(2, title))
        slugs = list(ArticlePage.objects.order_by("pk").values_list("slug_en", flat=True))
        first = "international-science-and-technology-cooperation-on-intelligent-manufacturing"
        self.assertEqual(slugs, [first, f"{first}-2"])
        self.assertTrue(all(len(slug) <= LIMIT for slug in slugs))

    def test_a_long_chinese_title_is_cut_at_the_limit(self):
        title = "北京理工大学" * 16  # 96 characters, no word breaks
        self.import_stories(story(3, title, "zh-hans"))
        self.assertEqual(ArticlePage.objects.get().slug_zh_hans, title[:LIMIT])

    def test_an_english_word_in_a_chinese_title_is_not_cut(self):
        title = "北" * 75 + " Robotics Summit 开幕"
        self.import_stories(story(4, title, "zh-hans"))
        self.assertEqual(ArticlePage.objects.get().slug_zh_hans, "北" * 75)
