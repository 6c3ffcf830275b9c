"""The memory's suggestions: scores, and the JSON endpoint for staff, with bad input."""

import json
import time

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import TestCase

from desk.memory import lookup, minhash
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
    def fill(self, count=60_000, english_bands=None):
        """`count` segments of made-up text in each direction (random words; random Chinese
        characters), as varied as real text: enough rows for the planner to weigh indexes.
        The English rows' band keys are random (distinct), or all `english_bands`."""
        english = (
            "(SELECT string_agg(substr(md5(random()::text || g || k), 1, 3 + (random() * 6)::int),"
            " ' ') FROM generate_series(1, 10) k)"
        )
        chinese = (
            "(SELECT string_agg(chr(19968 + (random() * 3000)::int + 0 * k), '')"
            " FROM generate_series(1, 24) k)"
        )
        random_bands = (
            "(SELECT jsonb_agg((random() * 4e9 - 2e9)::bigint + 0 * g + 0 * k)"
            " FROM generate_series(1, 16) k)"
        )
        fixed = "%s::jsonb" if english_bands else random_bands
        with connection.cursor() as cursor:
            for source, target, text, bands in (
                ("en", "zh-hans", english, fixed),
                ("zh-hans", "en", chinese, "'[]'::jsonb"),
            ):
                sql = (
                    "INSERT INTO desk_memorysegment (page_id, field, position, source_language,"
                    " target_language, source_text, target_text, source_hash, date, bands)"
                    " SELECT %s, 'body', g, %s, %s, TEXT, 'x', md5(g::text || %s), now(), BANDS"
                    " FROM generate_series(1, %s) g"
                ).replace("TEXT", text)
                params = [self.article.pk, source, target, source]
                if bands == fixed and english_bands:
                    params.append(json.dumps(english_bands))
                cursor.execute(sql.replace("BANDS", bands), [*params, count])
            cursor.execute("ANALYZE")

    def test_a_near_english_sentence_is_found_by_its_bands_among_many_rows_on_postgresql(self):
        if connection.vendor != "postgresql":
            self.skipTest("the band index is PostgreSQL's")
        self.fill()
        sql, params = lookup.band_query(NEAR_EN, "en", "zh-hans")
        with connection.cursor() as cursor:
            nodes = plan_nodes(cursor.mogrify(sql, params).decode(), enable_seqscan="off")
        self.assertIn("desk_memory_bands_en_zh_hans", indexes_used(nodes))
        [found] = suggest(NEAR_EN, "en", "zh-hans")
        self.assertEqual((found["source"], found["target"]), (EN, ZH))
        self.assertLess(found["score"], 100)

    def test_fuzzy_chinese_candidates_come_from_the_trigram_index_on_postgresql(self):
        if connection.vendor != "postgresql":
            self.skipTest("the trigram index is PostgreSQL's")
        self.fill()
        query = lookup.trigram_candidates(NEAR_ZH, "zh-hans", "en")
        nodes = plan_nodes(query, enable_seqscan="off")
        self.assertIn("desk_memory_trgm_zh_hans_en", indexes_used(nodes))
        self.assertTrue(query.exists())
        self.assertLess(suggest(NEAR_ZH, "zh-hans", "en")[0]["score"], 100)

    def test_the_time_guard_is_logged_when_it_cuts_the_fuzzy_query_short(self):
        if connection.vendor != "postgresql":
            self.skipTest("the time guard is PostgreSQL's statement timeout")
        text = NEAR_EN + " " + EN
        self.fill(20_000, english_bands=minhash.keys(text))  # every row shares every key
        guard, per_band = lookup.FUZZY_TIMEOUT_MS, lookup.PER_BAND
        lookup.FUZZY_TIMEOUT_MS, lookup.PER_BAND = 1, 100_000
        try:
            with self.assertLogs(lookup.__name__, "WARNING") as logged:
                found = suggest(text, "en", "zh-hans")
        finally:
            lookup.FUZZY_TIMEOUT_MS, lookup.PER_BAND = guard, per_band
        self.assertEqual(found, [])
        self.assertIn("fuzzy lookup stopped", logged.output[0])


class BandTests(MemoryTestCase):
    def test_a_recorded_english_segment_holds_the_keys_of_its_text_a_chinese_one_none(self):
        rows = MemorySegment.objects.filter(page_id=self.article.pk, source_text__in=[EN, ZH])
        bands = dict(rows.values_list("source_language", "bands"))
        self.assertEqual(bands, {"en": minhash.keys(EN), "zh-hans": []})
        self.assertTrue(bands["en"])

    def test_the_keys_are_the_same_in_every_process(self):
        # Fixed values: a Python hash() or a per-process seed would change them.
        self.assertEqual(minhash.keys(EN), minhash.keys(EN))
        self.assertEqual(minhash.keys(EN)[:3], [-1806903518, -1330117781, -1814589144])
        self.assertEqual(len(set(minhash.keys(EN)) & set(minhash.keys(NEAR_EN))), 4)
        self.assertEqual(
            set(minhash.keys(EN)) & set(minhash.keys("Rain is expected today.")), set()
        )


class ExactFirstTests(MemoryTestCase):
    def test_an_exact_match_needs_no_fuzzy_query(self):
        for text, source, target in ((EN, "en", "zh-hans"), (ZH, "zh-hans", "en")):
            with self.assertNumQueries(1):
                [found] = suggest(text, source, target)
            self.assertEqual(found["score"], 100)
