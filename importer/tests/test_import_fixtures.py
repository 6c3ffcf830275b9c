"""Importing the project's fixtures (importer/tests/fixtures/ and the seed article's text
export): what the site holds afterwards, in both languages, and a second run changing nothing."""

import datetime
import json

from django.test import TestCase
from django.utils.html import strip_tags
from wagtail.contrib.redirects.models import Redirect

from importer.models import ImportedSource
from news.models import ArticlePage, ArticleTranslationState
from news.tests.utils import build_site

from .utils import EVERYTHING, SEED, import_news, rows_by_source, snapshot, stream_data

SEED_URL = "https://english.old.example.edu.cn/newsevents/focus/2023/0413/c4410a77.htm"
ROBOTICS_EN = "https://english.old.example.edu.cn/newsevents/research/2023/0611/c4412a120.htm"
ROBOTICS_ZH = "https://news.old.example.edu.cn/xww/kyjz/2023/0611/c5523a130.htm"
LIBRARY_ZH = "https://news.old.example.edu.cn/xww/xysh/2022/1107/c5522a99.htm"
OPEN_DAY = "https://english.old.example.edu.cn/newsevents/campus/2023/1002/c4411a160.htm"
ORCHESTRA_EN = (
    "https://english.old.example.edu.cn/newsevents/culture/2023/0915/c4413a140.htm?from=list"
)


def article(source_url):
    source = ImportedSource.objects.get(source_url=source_url)
    return ArticlePage.objects.get(pk=source.page_id)


def paragraphs(body):
    return [
        strip_tags(block["value"]) for block in stream_data(body) if block["type"] == "paragraph"
    ]


class ImportedFixturesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site(articles=0)
        cls.output, cls.rows = import_news(*EVERYTHING, publish=True)
        cls.by_source = rows_by_source(cls.rows)

    def test_the_summary_counts_what_was_done(self):
        self.assertIn("11 created, 0 updated, 0 skipped, 7 failed", self.output)
        self.assertEqual(ArticlePage.objects.count(), 7)

    def test_the_seed_keeps_its_paragraphs_image_and_focus(self):
        seed = article(SEED_URL)
        source_lines = [line.strip() for line in SEED.read_text().splitlines() if line.strip()]
        expected = source_lines[4:-2]  # after sections, headline and 1.png; before the footer
        self.assertEqual(len(expected), 6)
        self.assertEqual(paragraphs(seed.body_en), expected)
        self.assertEqual(seed.title_en, source_lines[2])
        self.assertEqual(seed.lead_image.file.name.rsplit("/", 1)[-1][:1], "1")
        self.assertEqual(seed.lead_image_alt_en, "1.png")  # all the export says: never invented
        self.assertTrue(seed.focus)
        self.assertEqual(seed.news_date, datetime.date(2023, 4, 13))  # from the mapping file
        self.assertTrue(seed.public_en)
        self.assertFalse(seed.public_zh_hans)  # no Chinese version: hidden on the Chinese site

    def test_english_and_chinese_versions_are_one_article(self):
        robotics = article(ROBOTICS_EN)
        self.assertEqual(article(ROBOTICS_ZH).pk, robotics.pk)  # the mapping file's [[pairs]]
        self.assertEqual(robotics.title_zh_hans, "我校学生团队获全国机器人大赛总决赛冠军")
        self.assertTrue(robotics.public_en and robotics.public_zh_hans)
        self.assertEqual(robotics.writer_en, "Zhao Lei")
        self.assertEqual(robotics.writer_zh_hans, "赵磊")
        orchestra = article(ORCHESTRA_EN)  # JSON Lines' pair_key
        self.assertEqual(orchestra.title_zh_hans, "学生交响乐团在新音乐厅首演")
        self.assertEqual(orchestra.lead_image_alt_zh_hans, "交响乐团在舞台上演奏")

    def test_a_gbk_chinese_text_export_is_read_and_paired_by_its_pair_line(self):
        library = article(LIBRARY_ZH)
        self.assertEqual(library.title_zh_hans, "图书馆考试周开放通宵自习室")
        self.assertTrue(library.title_en.startswith("Library opens its reading rooms"))
        self.assertEqual(len(paragraphs(library.body_zh_hans)), 3)
        self.assertNotIn("百度", json.dumps(stream_data(library.body_zh_hans), ensure_ascii=False))

    def test_html_pages_give_title_date_image_caption_and_credit(self):
        robotics = article(ROBOTICS_EN)
        self.assertEqual(robotics.news_date, datetime.date(2023, 6, 11))
        self.assertEqual(robotics.title_en, "Student team wins the national robotics final")
        self.assertEqual(
            robotics.lead_image_alt_en, "The team's tracked robot climbing a flight of stairs"
        )
        self.assertEqual(
            robotics.lead_image_caption_en, "The rescue robot on the final's stair course."
        )
        self.assertEqual(robotics.lead_image_credit_en, "Photo: Chen Jing")
        self.assertEqual(len(paragraphs(robotics.body_en)), 3)
        # The Chinese page's photo is another file: in its body, with the alt it had (its name).
        images = [b for b in stream_data(robotics.body_zh_hans) if b["type"] == "image"]
        self.assertEqual([image["value"]["alt_text"] for image in images], ["lab.png"])

    def test_stored_bodies_hold_no_script_hostile_link_style_or_cms_artefact(self):
        open_day = article(OPEN_DAY)
        stored = "\n".join(block["value"] for block in stream_data(open_day.body_en))
        for forbidden in (
            "<script",
            "javascript:",
            "data:",
            "style=",
            "onclick",
            "英文2020",
            "evil.example",
            "<iframe",
            "display:none",
        ):
            self.assertNotIn(forbidden, stored)
        self.assertIn('<a href="https://english.old.example.edu.cn/gallery/">gallery</a>', stored)
        self.assertEqual(open_day.title_en, "Open day welcomes visitors to the laboratories")
        everything = json.dumps(
            [
                stream_data(page.body_en) + stream_data(page.body_zh_hans)
                for page in ArticlePage.objects.all()
            ],
            ensure_ascii=False,
        )
        self.assertNotIn("英文2020", everything)
        self.assertNotIn("<script", everything)

    def test_each_bad_input_is_reported_with_its_reason(self):
        failed = {row["origin"]: row["reason"] for row in self.rows if row["status"] == "failed"}
        self.assertEqual(len(failed), 7)
        self.assertIn("malformed JSON", failed["bad/bad.jsonl:1"])
        self.assertEqual(failed["bad/bad.jsonl:2"], "unreadable date 'sometime last spring'")
        self.assertIn("missing image", failed["bad/bad.jsonl:3"])
        self.assertIn("could not be read as an image", failed["bad/bad.jsonl:4"])
        self.assertIn(
            "duplicate source URL in this run (first in bad/bad.jsonl:5)", failed["bad/bad.jsonl:6"]
        )
        self.assertIn("unknown encoding", failed["bad/garbled.txt"])
        self.assertEqual(failed["bad/no-article.html"], "no article found in the page")
        for title in (
            "A story with a date nobody can read",
            "A story with a damaged photo",
            "A story whose photo was never saved",
        ):
            self.assertFalse(ArticlePage.objects.filter(title_en=title).exists())

    def test_the_csv_report_has_a_row_per_source(self):
        self.assertEqual(
            list(self.rows[0]),
            ["status", "source_url", "language", "origin", "page_id", "address", "reason"],
        )
        self.assertEqual(len(self.rows), 18)
        seed = next(row for row in self.rows if row["source_url"] == SEED_URL and row["page_id"])
        self.assertEqual(seed["status"], "created")
        self.assertEqual(seed["address"], article(SEED_URL).url)
        self.assertEqual(self.by_source[ROBOTICS_ZH]["language"], "zh-hans")

    def test_old_addresses_answer_301_to_the_article_in_their_language(self):
        robotics = article(ROBOTICS_EN)
        english = self.client.get("/newsevents/research/2023/0611/c4412a120.htm?x=1")
        self.assertEqual(english.status_code, 301)
        self.assertEqual(english["Location"], f"/en/news/{robotics.slug_en}/")
        chinese = self.client.get("/xww/kyjz/2023/0611/c5523a130.htm?from=timeline")
        self.assertEqual(chinese.status_code, 301)
        self.assertTrue(chinese["Location"].startswith("/zh-hans/xinwen/"))
        self.assertEqual(self.client.get(chinese["Location"]).status_code, 200)
        self.assertContains(
            self.client.get(chinese["Location"]), "我校学生团队获全国机器人大赛总决赛冠军"
        )
        # The source's own query string is not part of the old path either.
        self.assertEqual(
            self.client.get("/newsevents/culture/2023/0915/c4413a140.htm").status_code, 301
        )

    def test_an_old_english_address_stays_english_for_a_chinese_browser(self):
        response = self.client.get(
            "/newsevents/research/2023/0611/c4412a120.htm", HTTP_ACCEPT_LANGUAGE="zh-CN,zh"
        )
        self.assertEqual(response.status_code, 301)
        self.assertTrue(response["Location"].startswith("/en/news/"))

    def test_the_mapping_file_adds_old_addresses(self):
        response = self.client.get("/newsevents/focus/index.htm?id=77")
        self.assertEqual(response.status_code, 301)
        self.assertEqual(response["Location"], article(SEED_URL).url)

    def test_imported_articles_have_their_translation_status(self):
        states = dict(
            ArticleTranslationState.objects.filter(page=article(ROBOTICS_EN)).values_list(
                "language", "status"
            )
        )
        # The English page has a summary (its meta description), the Chinese one none.
        self.assertEqual(states, {"en": "current", "zh-hans": "missing"})
        self.assertEqual(ArticleTranslationState.objects.count(), 2 * ArticlePage.objects.count())
        seed_states = dict(
            ArticleTranslationState.objects.filter(page=article(SEED_URL)).values_list(
                "language", "status"
            )
        )
        self.assertEqual(seed_states["zh-hans"], "missing")

    def test_the_seed_image_named_only_by_its_file_needs_alt_text(self):
        state = ArticleTranslationState.objects.get(page=article(SEED_URL), language="en")
        self.assertEqual(state.images_lacking_alt, [{"where": "lead", "file": "1.png"}])

    def test_a_second_run_gives_the_same_site_and_says_so(self):
        before = snapshot()
        output, rows = import_news(*EVERYTHING, publish=True)
        self.assertEqual(snapshot(), before)
        self.assertIn("0 created, 0 updated, 11 skipped, 7 failed", output)
        self.assertEqual(
            {row["reason"] for row in rows if row["status"] == "skipped"}, {"unchanged"}
        )
        self.assertEqual(Redirect.objects.count(), len(before["redirects"]))
