"""Where a text names a glossary term (desk/glossary/matching.py): literally, English words
whole and case-insensitive, Chinese as substrings, the longest term where two overlap."""

from django.test import TestCase

from desk.glossary.matching import find_terms, forbidden_in
from desk.tests.utils import bit_terms, term


def found(matches):
    return [(match.found, match.expected) for match in matches]


class FindTermsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.university, cls.bit = bit_terms()

    def test_english_term_found_with_its_chinese_form_in_order(self):
        text = "BIT opened a lab. Beijing Institute of Technology said so."
        matches = find_terms(text, "en")
        self.assertEqual(
            found(matches), [("BIT", "北理工"), ("Beijing Institute of Technology", "北京理工大学")]
        )
        self.assertEqual(text[matches[1].start : matches[1].end], "Beijing Institute of Technology")
        self.assertEqual(matches[0].term, self.bit)

    def test_english_is_case_insensitive_on_word_boundaries(self):
        self.assertEqual(
            found(find_terms("at beijing institute of technology", "en")),
            [("Beijing Institute of Technology", "北京理工大学")],
        )
        self.assertEqual(find_terms("The orbit of a bitter habit; BITS.", "en"), [])

    def test_chinese_terms_are_substrings_and_the_longest_wins(self):
        matches = find_terms("北京理工大学召开会议，北理工师生参加。", "zh-hans")
        self.assertEqual(
            found(matches), [("北京理工大学", "Beijing Institute of Technology"), ("北理工", "BIT")]
        )
        self.assertEqual((matches[0].start, matches[0].end), (0, 6))

    def test_overlapping_terms_keep_the_longest(self):
        term("Beijing Institute", "北京研究所")
        text = "Beijing Institute of Technology"
        self.assertEqual(found(find_terms(text, "en")), [(text, "北京理工大学")])

    def test_a_term_not_translated_expects_the_same_form(self):
        term("CSC", "", do_not_translate=True)
        self.assertEqual(found(find_terms("CSC 奖学金", "zh-hans")), [("CSC", "CSC")])
        self.assertEqual(found(find_terms("the CSC grant", "en")), [("CSC", "CSC")])
        self.assertEqual(find_terms("DISCS", "zh-hans"), [])

    def test_regex_characters_and_html_are_matched_literally(self):
        term("C++ (Beijing)", "C++（北京）")
        term("a.b*", "甲乙")
        term("<b>BIT</b>", "<b>北理工</b>")
        text = "We teach C++ (Beijing) and a.b* but not axb or aab, see <b>BIT</b>."
        self.assertEqual(
            [match.found for match in find_terms(text, "en")],
            ["C++ (Beijing)", "a.b*", "<b>BIT</b>"],
        )
        self.assertEqual(find_terms("C (Beijing) and axbb", "en"), [])

    def test_terms_are_read_in_one_query(self):
        with self.assertNumQueries(1):
            find_terms("BIT and Beijing Institute of Technology, 北理工", "en")
        terms = [self.university, self.bit]
        with self.assertNumQueries(0):
            find_terms("BIT", "en", terms)


class ForbiddenTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        bit_terms()
        term("Vice President", "副校长", forbidden_zh_hans=["副院长（校）", "a.b*"])

    def test_forbidden_english_variant_found_with_the_approved_form(self):
        matches = forbidden_in("Welcome to beijing university of technology.", "en")
        self.assertEqual(
            found(matches),
            [("Beijing University of Technology", "Beijing Institute of Technology")],
        )

    def test_forbidden_chinese_variant_matched_literally(self):
        self.assertEqual(
            found(forbidden_in("由副院长（校）主持", "zh-hans")), [("副院长（校）", "副校长")]
        )
        self.assertEqual(forbidden_in("axb", "zh-hans"), [])
        self.assertEqual(found(forbidden_in("a.b*", "zh-hans")), [("a.b*", "副校长")])

    def test_approved_forms_are_not_forbidden(self):
        self.assertEqual(forbidden_in("Beijing Institute of Technology", "en"), [])
