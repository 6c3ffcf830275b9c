"""The memory's suggestions: scores, and the JSON endpoint for staff, with bad input."""

import time

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import TestCase

from desk.memory import lookup
from desk.memory.lookup import exact_many, suggest
from desk.models import MemorySegment
from desk.tests.utils import published_article
from news.newsroom.roles import TRANSLATORS
from news.tests.utils import build_site, indexes_used, member, plan_nodes

URL = "/admin/translation-memory/suggest/"
EN = "The university opened a new laboratory for space research on Monday."
ZH = "学校周一启用了一间新的航天研究实验室。"
NEAR_EN = "The university opened a new laboratory for marine research on Monday."
NEAR_ZH = "学校周二启用了一间新的航天研究实验室。"


class MemoryTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()
        cls.article = published_article(
            cls.index, [EN], [ZH], title_en="Space lab opens", title_zh_hans="航天实验室启用"
        )


class SuggestTests(MemoryTestCase):
    def test_the_same_english_text_scores_100(self):
        [found] = suggest(EN, "en", "zh-hans")
        self.assertEqual((found["target"], found["score"]), (ZH, 100))
        self.assertEqual(found["title"], "Space lab opens")

    def test_markup_and_spaces_do_not_change_an_exact_match(self):
        [found] = suggest(
            "<p>The university  opened a new <b>laboratory</b> for space research on Monday.</p>",
            "en",
            "zh-hans",
        )
        self.assertEqual(found["score"], 100)

    def test_a_near_english_sentence_scores_under_100_and_over_60(self):
        [found] = suggest(NEAR_EN, "en", "zh-hans")
        self.assertEqual((found["source"], found["target"]), (EN, ZH))
        self.assertTrue(60 < found["score"] < 100, found["score"])

    def test_a_near_chinese_sentence_scores_under_100_and_over_60(self):
        [found] = suggest(NEAR_ZH, "zh-hans", "en")
        self.assertEqual((found["source"], found["target"]), (ZH, EN))
        self.assertTrue(60 < found["score"] < 100, found["score"])

    def test_an_unrelated_text_has_no_suggestion(self):
        self.assertEqual(
            suggest("Rain is expected in Beijing tomorrow afternoon.", "en", "zh-hans"), []
        )
        self.assertEqual(suggest("明天下午北京有雨。", "zh-hans", "en"), [])

    def test_an_exact_match_answers_alone_a_near_one_is_not_looked_for(self):
        published_article(self.index, [NEAR_EN], ["学校周一启用了一间新的海洋研究实验室。"])
        found = suggest(NEAR_EN, "en", "zh-hans")
        self.assertEqual([s["score"] for s in found], [100])
        self.assertEqual(suggest(NEAR_ZH, "zh-hans", "en")[0]["target"], EN)  # near: found

    def test_exact_many_finds_translations_of_known_texts_only(self):
        found = exact_many([EN, "Something else entirely.", ""], "en", "zh-hans")
        self.assertEqual(found, {EN: ZH})
        self.assertEqual(exact_many([ZH], "zh-hans", "en"), {ZH: EN})

    def test_an_unpublished_page_is_never_suggested_even_with_rows_left(self):
        self.article.__class__.objects.filter(pk=self.article.pk).update(live=False)
        self.assertTrue(MemorySegment.objects.filter(page=self.article).exists())
        self.assertEqual(suggest(EN, "en", "zh-hans"), [])


class EndpointTests(MemoryTestCase):
    def get(self, **params):
        return self.client.get(URL, params)

    def staff(self):
        self.client.force_login(member(TRANSLATORS))

    def test_anonymous_visitors_are_sent_to_the_login_page(self):
        response = self.get(source="en", target="zh-hans", text=EN)
        self.assertEqual(response.status_code, 302)
        self.assertIn("/admin/login/", response["Location"])

    def test_a_signed_in_user_without_admin_access_is_refused(self):
        user = get_user_model().objects.create_user("reader", "", "pw")
        self.client.force_login(user)
        response = self.get(source="en", target="zh-hans", text=EN)
        self.assertEqual(response.status_code, 302)  # Wagtail: back to the login page
        self.assertNotIn(ZH, response.content.decode())
        fetched = self.client.get(
            URL,
            {"source": "en", "target": "zh-hans", "text": EN},
            HTTP_X_REQUESTED_WITH="XMLHttpRequest",
        )
        self.assertEqual(fetched.status_code, 403)

    def test_staff_get_suggestions_in_both_directions(self):
        self.staff()
        english = self.get(source="en", target="zh-hans", text=EN).json()
        self.assertEqual(english["suggestions"][0]["target"], ZH)
        self.assertEqual(english["suggestions"][0]["page_id"], self.article.pk)
        chinese = self.get(source="zh-hans", target="en", text=NEAR_ZH).json()
        self.assertEqual(chinese["suggestions"][0]["target"], EN)
        self.assertLess(chinese["suggestions"][0]["score"], 100)

    def assertRefused(self, response, message):
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response.json(), {"error": message})

    def test_bad_lookups_are_refused_with_a_reason(self):
        self.staff()
        self.assertRefused(
            self.get(source="en", target="zh-hans", text=""), "There is no text to look up."
        )
        self.assertRefused(
            self.get(source="en", target="zh-hans", text="<p> </p><br>"),
            "There is no text to look up.",
        )
        self.assertRefused(
            self.get(source="en", target="zh-hans", text="a" * 100_000),
            "The text is too long to look up.",
        )
        self.assertRefused(
            self.get(source="en", target="en", text=EN),
            "The source and target languages must differ.",
        )
        self.assertRefused(self.get(source="fr", target="en", text=EN), "Unknown language.")
        self.assertRefused(self.get(target="en", text=EN), "Unknown language.")

    def test_mixed_script_and_markup_laden_text_answers_quickly(self):
        self.staff()
        texts = [
            "The 北京理工大学 opened a 新的 laboratory for space 研究 on Monday.",
            "<script>alert(1)</script><p>" + "<b><i>学校</i></b> lab " * 150 + "</p>",
            "\u202e\u0000 ℌ𝔢𝔩𝔩𝔬 🙂 " * 50,
        ]
        for text in texts:
            for source, target in (("en", "zh-hans"), ("zh-hans", "en")):
                started = time.perf_counter()
                response = self.get(source=source, target=target, text=text)
                self.assertIn(response.status_code, (200, 400))
                self.assertLess(time.perf_counter() - started, 1.0)
                if response.status_code == 200:
                    self.assertIsInstance(response.json()["suggestions"], list)


class PlanTests(MemoryTestCase):
    def fill(self, count=60_000):
        """`count` segments of made-up text in each direction (random words; random Chinese
        characters), as varied as real text: enough rows for the planner to weigh indexes."""
        english = (
            "(SELECT string_agg(substr(md5(random()::text || g || k), 1, 3 + (random() * 6)::int),"
            " ' ') FROM generate_series(1, 10) k)"
        )
        chinese = (
            "(SELECT string_agg(chr(19968 + (random() * 3000)::int + 0 * k), '')"
            " FROM generate_series(1, 24) k)"
        )
        with connection.cursor() as cursor:
            for source, target, text in (("en", "zh-hans", english), ("zh-hans", "en", chinese)):
                sql = (
                    "INSERT INTO desk_memorysegment (page_id, field, position, source_language,"
                    " target_language, source_text, target_text, source_hash, date)"
                    " SELECT %s, 'body', g, %s, %s, TEXT, 'x', md5(g::text || %s), now()"
                    " FROM generate_series(1, %s) g"
                ).replace("TEXT", text)
                cursor.execute(sql, [self.article.pk, source, target, source, count])
            cursor.execute("ANALYZE")

    def test_fuzzy_candidates_come_from_the_trigram_index_on_postgresql(self):
        if connection.vendor != "postgresql":
            self.skipTest("the trigram index is PostgreSQL's")
        self.fill()
        for source, target, text in (("en", "zh-hans", NEAR_EN), ("zh-hans", "en", NEAR_ZH)):
            query = lookup.trigram_candidates(text, source, target)
            nodes = plan_nodes(query, enable_seqscan="off")
            name = f"desk_memory_trgm_{source}_{target}".replace("-", "_")
            self.assertIn(name, indexes_used(nodes))
            self.assertTrue(query.exists())
            self.assertLess(suggest(text, source, target)[0]["score"], 100)

    def test_the_time_guard_is_logged_when_it_cuts_the_fuzzy_query_short(self):
        if connection.vendor != "postgresql":
            self.skipTest("the time guard is PostgreSQL's statement timeout")
        self.fill(20_000)
        guard = lookup.FUZZY_TIMEOUT_MS
        lookup.FUZZY_TIMEOUT_MS = 1
        try:
            with self.assertLogs(lookup.__name__, "WARNING") as logged:
                found = suggest(NEAR_EN + " " + EN, "en", "zh-hans")
        finally:
            lookup.FUZZY_TIMEOUT_MS = guard
        self.assertEqual(found, [])
        self.assertIn("fuzzy lookup stopped", logged.output[0])


class ExactFirstTests(MemoryTestCase):
    def test_an_exact_match_needs_no_fuzzy_query(self):
        for text, source, target in ((EN, "en", "zh-hans"), (ZH, "zh-hans", "en")):
            with self.assertNumQueries(1):
                [found] = suggest(text, source, target)
            self.assertEqual(found["score"], 100)
