"""The translator's queue: words left per article and language, its order, and claims."""

import datetime

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.utils import timezone

from desk.models import TranslationClaim, TranslationWork
from desk.queue.words import count
from news.factories import ArticlePageFactory, UntranslatedArticlePageFactory, body
from news.newsroom.roles import MODERATORS, TRANSLATORS
from news.tests.utils import build_site, member

QUEUE = "/admin/translation-queue/"


def claim_url(page, language="zh-hans"):
    return f"/admin/translation-queue/claim/{page.pk}/{language}/"


def release_url(page, language="zh-hans"):
    return f"/admin/translation-queue/release/{page.pk}/{language}/"


def work(page, language="zh-hans"):
    return TranslationWork.objects.filter(page_id=page.pk, language=language).first()


def untranslated(index, **fields):
    defaults = {
        "title_en": "Lab opens",
        "summary_en": "The lab opens today.",
        "body_en": body("Students and teachers came."),
    }
    return UntranslatedArticlePageFactory(parent=index, **{**defaults, **fields})


class WordCountTests(TestCase):
    def test_english_is_counted_by_words_and_chinese_by_characters(self):
        self.assertEqual(count("The lab opens today."), 4)
        self.assertEqual(count("北京理工大学"), 6)
        self.assertEqual(count("北理工 BIT lab"), 5)


class WorkLeftTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()

    def test_an_untranslated_article_counts_every_english_word_for_chinese(self):
        article = untranslated(self.index)
        left = work(article)
        self.assertEqual((left.words, left.segments, left.matched_words), (10, 3, 0))
        self.assertIsNone(work(article, "en"))  # English is the original: nothing left

    def test_a_paragraph_the_memory_translates_exactly_is_deducted(self):
        ArticlePageFactory(
            parent=self.index,
            body_en=body("Students and teachers came."),
            body_zh_hans=body("师生们来了。"),
        ).save_revision().publish()
        article = untranslated(self.index)
        left = work(article)
        self.assertEqual((left.words, left.matched_words), (6, 4))

    def test_an_outdated_translation_counts_only_the_changed_paragraphs(self):
        article = ArticlePageFactory(
            parent=self.index,
            body_en=body("The lab opens today."),
            body_zh_hans=body("实验室今天启用。"),
        )
        article.save_revision().publish()
        # The Chinese version marked reviewed against that revision, as a translator does.
        self.client.force_login(get_user_model().objects.create_superuser("chief", "", "pw"))
        self.client.post(f"/admin/translation-status/review/{article.pk}/zh-hans/")
        article.body_en = body("The lab opens today.") + body("Ten robots are waiting.")
        article.save_revision().publish()
        left = work(article)
        self.assertEqual((left.words, left.segments), (4, 1))

    def test_a_translation_brought_up_to_date_leaves_the_queue(self):
        article = untranslated(self.index)
        article.title_zh_hans, article.summary_zh_hans = "实验室启用", "实验室今天启用。"
        article.body_zh_hans = body("师生们来了。")
        article.save()
        self.assertIsNone(work(article))


class QueuePageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()
        cls.translator = member(TRANSLATORS)
        cls.other = member(TRANSLATORS, "other")
        cls.moderator = member(MODERATORS)

    def rows(self, response):
        return [(state.page.title_en, state.language) for state in response.context["rows"]]

    def test_focus_first_then_scheduled_then_the_longest_waiting(self):
        old = untranslated(self.index, title_en="Old story")
        newer = untranslated(self.index, title_en="Newer story")
        focus = untranslated(self.index, title_en="Focus story", focus=True)
        scheduled = untranslated(self.index, title_en="Scheduled story")
        scheduled.go_live_at = timezone.now() + datetime.timedelta(hours=2)
        scheduled.save_revision().publish()
        self.client.force_login(self.translator)
        response = self.client.get(QUEUE)
        self.assertEqual(
            [title for title, _ in self.rows(response)],
            ["Focus story", "Scheduled story", "Old story", "Newer story"],
        )
        self.assertContains(response, "10 words")
        del old, newer, focus

    def test_the_queue_is_in_chinese_for_a_chinese_speaking_translator(self):
        untranslated(self.index)
        self.client.force_login(self.translator)
        response = self.client.get(QUEUE, HTTP_ACCEPT_LANGUAGE="zh-hans")
        self.assertContains(response, "翻译队列")

    def test_a_claim_shows_who_has_the_article_to_everyone(self):
        article = untranslated(self.index)
        self.client.force_login(self.translator)
        self.client.post(claim_url(article))
        self.client.force_login(self.other)
        response = self.client.get(QUEUE)
        self.assertContains(response, "translators")  # the claimant's name (member's default)
        refused = self.client.post(claim_url(article), follow=True)
        self.assertContains(refused, "already claimed by translators")
        self.assertEqual(TranslationClaim.objects.get().user, self.translator)

    def test_only_the_claimant_or_a_publisher_releases_a_claim(self):
        article = untranslated(self.index)
        TranslationClaim.objects.create(page=article, language="zh-hans", user=self.translator)
        self.client.force_login(self.other)
        self.client.post(release_url(article))  # Wagtail's "no permission"
        self.assertTrue(TranslationClaim.objects.exists())
        self.client.force_login(self.moderator)
        self.client.post(release_url(article))
        self.assertFalse(TranslationClaim.objects.exists())

    def test_a_claim_is_released_when_the_translation_is_up_to_date(self):
        article = untranslated(self.index)
        TranslationClaim.objects.create(page=article, language="zh-hans", user=self.translator)
        article.title_zh_hans, article.summary_zh_hans = "实验室启用", "实验室今天启用。"
        article.body_zh_hans = body("师生们来了。")
        article.save()
        self.assertFalse(TranslationClaim.objects.exists())

    def test_bad_addresses_and_methods_are_refused(self):
        article = untranslated(self.index)
        self.client.force_login(self.translator)
        self.assertEqual(self.client.post(claim_url(article, "fr")).status_code, 404)
        self.assertEqual(self.client.get(claim_url(article)).status_code, 405)
        self.assertEqual(
            self.client.post("/admin/translation-queue/claim/999999/en/").status_code, 404
        )
        self.client.logout()
        self.assertEqual(self.client.get(QUEUE).status_code, 302)


class DashboardLinkTests(TestCase):
    def test_the_translation_status_dashboard_leads_to_the_queue(self):
        build_site()
        self.client.force_login(member(TRANSLATORS))
        response = self.client.get("/admin/translation-status/")
        self.assertContains(response, f'href="{QUEUE}"')
