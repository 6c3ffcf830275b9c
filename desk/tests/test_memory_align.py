"""Which texts of a page the memory pairs: fields, paragraphs by block kind, sentences."""

from django.test import TestCase
from wagtail.rich_text import RichText

from desk.memory.align import Pair, Segment, pairs, sentences, source_segments
from desk.tests.utils import body_of
from news.factories import ArticlePageFactory, ContactPageFactory, StandardPageFactory
from news.tests.utils import build_site

EN = "Students from twelve countries attended the ceremony. The president gave a speech."
ZH = "来自十二个国家的学生出席了仪式。校长发表了讲话。"


class AlignTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()

    def article(self, english, chinese, **fields):
        return ArticlePageFactory(
            parent=self.index, body_en=english, body_zh_hans=chinese, **fields
        )

    def test_source_segments_of_an_article_are_title_summary_then_paragraphs(self):
        article = self.article(body_of("One.", "Two."), body_of("一。", "二。"))
        self.assertEqual(
            source_segments(article, "en"),
            [
                Segment("title", 0, article.title_en),
                Segment("summary", 0, article.summary_en),
                Segment("body", 0, "One."),
                Segment("body", 1, "Two."),
            ],
        )
        self.assertEqual(source_segments(article, "zh-hans")[2], Segment("body", 0, "一。"))

    def test_site_pages_give_their_introduction(self):
        standard = StandardPageFactory(parent=self.home)
        contact = ContactPageFactory(parent=self.home)
        self.assertEqual(
            [s.field for s in source_segments(standard, "zh-hans")], ["title", "intro", "body"]
        )
        self.assertEqual(
            source_segments(contact, "zh-hans"),
            [Segment("title", 0, "联系我们"), Segment("intro", 0, "给新闻中心写信。")],
        )

    def test_paragraphs_of_equal_block_kinds_pair_one_to_one_with_their_sentences(self):
        article = self.article(body_of("The lab opened.", EN), body_of("实验室启用了。", ZH))
        body = [pair for pair in pairs(article, "en", "zh-hans") if pair.field.startswith("body")]
        self.assertEqual(
            body,
            [
                Pair("body", 0, "The lab opened.", "实验室启用了。"),
                Pair("body", 1, EN, ZH),
                Pair(
                    "body-sentence",
                    0,
                    "Students from twelve countries attended the ceremony.",
                    "来自十二个国家的学生出席了仪式。",
                ),
                Pair("body-sentence", 1, "The president gave a speech.", "校长发表了讲话。"),
            ],
        )

    def test_chinese_to_english_pairs_are_the_mirror(self):
        article = self.article(body_of(EN), body_of(ZH))
        forward = pairs(article, "en", "zh-hans")
        backward = pairs(article, "zh-hans", "en")
        self.assertEqual(
            [(p.target_text, p.source_text) for p in backward],
            [(p.source_text, p.target_text) for p in forward],
        )

    def test_bodies_of_different_block_kinds_give_no_body_pairs(self):
        quote = ("quote", {"quote": "A quote.", "attribution": "Someone"})
        article = self.article(body_of("One.", "Two."), [*body_of("一。"), quote])
        fields = {pair.field for pair in pairs(article, "en", "zh-hans")}
        self.assertEqual(fields, {"title", "summary"})

    def test_an_extra_paragraph_on_one_side_gives_no_body_pairs(self):
        article = self.article(body_of("One.", "Two."), body_of("一二。"))
        self.assertFalse([p for p in pairs(article, "zh-hans", "en") if p.field == "body"])

    def test_sentences_are_not_paired_when_their_counts_differ(self):
        article = self.article(
            body_of(EN), body_of("来自十二个国家的学生出席了仪式，校长发表了讲话。")
        )
        self.assertEqual(
            [p.field for p in pairs(article, "en", "zh-hans") if p.field.startswith("body")],
            ["body"],
        )

    def test_untranslated_copies_and_text_without_letters_are_left_out(self):
        article = self.article(
            body_of("Same in both.", "2024"), body_of("Same in both.", "2024"), summary_zh_hans=""
        )
        self.assertEqual([p.field for p in pairs(article, "en", "zh-hans")], ["title"])

    def test_sentences_split_after_chinese_stops_and_english_stops_with_a_space(self):
        self.assertEqual(
            sentences("它花了3.5亿元！真的吗？是的。"), ["它花了3.5亿元！", "真的吗？", "是的。"]
        )
        self.assertEqual(
            sentences("It cost 3.5 million. Really? Yes!"),
            ["It cost 3.5 million.", "Really?", "Yes!"],
        )

    def test_markup_is_not_part_of_a_segment(self):
        english = [("paragraph", RichText('<p>The <a href="/x">new</a> lab &amp; more.</p>'))]
        article = self.article(english, body_of("新实验室及其他。"))
        self.assertEqual(source_segments(article, "en")[2].text, "The new lab & more.")
