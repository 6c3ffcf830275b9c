"""Translation status per article and language, the review action and the translator dashboard."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import GroupPagePermission, PageLogEntry
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from news.factories import ArticlePageFactory, UntranslatedArticlePageFactory, body
from news.models import ArticlePage, ArticleTranslationState
from news.tests.utils import build_site

DASHBOARD = "/admin/translation-status/"


def state(article, language):
    return ArticleTranslationState.objects.get(page=article, language=language)


def review_url(article, language):
    return f"/admin/translation-status/review/{article.pk}/{language}/"


class StatusTransitionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()

    def test_article_without_chinese_is_missing_in_chinese_and_up_to_date_in_english(self):
        article = UntranslatedArticlePageFactory(parent=self.index)
        self.assertEqual(state(article, "zh-hans").status, "missing")
        self.assertEqual(state(article, "en").status, "current")

    def test_chinese_title_alone_leaves_chinese_missing(self):
        article = UntranslatedArticlePageFactory(parent=self.index)
        article.title_zh_hans = "新实验室启用"
        article.save()
        self.assertEqual(state(article, "zh-hans").status, "missing")

    def test_filling_in_chinese_title_summary_and_body_makes_it_up_to_date(self):
        article = UntranslatedArticlePageFactory(parent=self.index)
        article.title_zh_hans = "新实验室启用"
        article.summary_zh_hans = "新实验室正式启用。"
        article.body_zh_hans = body("实验室今天启用。")
        article.save()
        self.assertEqual(state(article, "zh-hans").status, "current")
        self.assertEqual(state(article, "zh-hans").outdated_fields, [])

    def test_english_title_edit_makes_chinese_outdated_listing_the_title(self):
        article = ArticlePageFactory(parent=self.index)
        article.title_en = "A new title"
        article.save()
        chinese = state(article, "zh-hans")
        self.assertEqual((chinese.status, chinese.outdated_fields), ("outdated", ["title"]))
        self.assertEqual(state(article, "en").status, "current")

    def test_chinese_edit_makes_english_outdated(self):
        article = ArticlePageFactory(parent=self.index)
        article.summary_zh_hans = "新的摘要。"
        article.save()
        english = state(article, "en")
        self.assertEqual((english.status, english.outdated_fields), ("outdated", ["summary"]))
        self.assertEqual(state(article, "zh-hans").status, "current")

    def test_published_revision_with_new_english_body_makes_chinese_body_outdated(self):
        article = ArticlePageFactory(parent=self.index)
        article.body_en = body("A rewritten body.")
        article.save_revision().publish()
        chinese = state(article, "zh-hans")
        self.assertEqual((chinese.status, chinese.outdated_fields), ("outdated", ["body"]))

    def test_new_block_ids_with_the_same_body_text_change_nothing(self):
        article = ArticlePageFactory(parent=self.index)
        stored = ArticlePage.objects.get(pk=article.pk)
        raw = stored.body_en.get_prep_value()
        for n, block in enumerate(raw):
            block["id"] = f"00000000-0000-0000-0000-00000000000{n}"
        stored.body_en = raw
        stored.save_revision().publish()
        self.assertEqual(state(article, "zh-hans").status, "current")
        self.assertEqual(state(article, "en").status, "current")

    def test_translating_only_the_title_leaves_the_body_outdated(self):
        article = ArticlePageFactory(parent=self.index)
        article.title_en = "A new title"
        article.body_en = body("A rewritten body.")
        article.save()
        article.title_zh_hans = "新标题"
        article.save()
        self.assertEqual(state(article, "zh-hans").outdated_fields, ["body"])

    def test_chinese_body_edit_after_english_change_makes_it_up_to_date(self):
        article = ArticlePageFactory(parent=self.index)
        article.body_en = body("A rewritten body.")
        article.save()
        article.body_zh_hans = [("paragraph", RichText("<p>重写的正文。</p>"))]
        article.save()
        self.assertEqual(state(article, "zh-hans").status, "current")

    def test_migrate_gives_articles_saved_before_the_feature_a_state(self):
        translated = ArticlePageFactory(parent=self.index)
        untranslated = UntranslatedArticlePageFactory(parent=self.index)
        ArticleTranslationState.objects.all().delete()
        call_command("migrate", interactive=False, verbosity=0)
        self.assertEqual(state(translated, "zh-hans").status, "current")
        self.assertEqual(state(untranslated, "zh-hans").status, "missing")

    def test_dashboard_gives_articles_saved_before_the_feature_a_state(self):
        translated = ArticlePageFactory(parent=self.index)
        untranslated = UntranslatedArticlePageFactory(parent=self.index)
        ArticleTranslationState.objects.all().delete()
        superuser = get_user_model().objects.create_superuser("boss", "", "pw-for-tests")
        self.client.force_login(superuser)
        self.client.get(DASHBOARD)
        self.assertEqual(state(translated, "zh-hans").status, "current")
        self.assertEqual(state(untranslated, "zh-hans").status, "missing")
        self.assertEqual(state(untranslated, "en").status, "current")


def edit_form(article, **overrides):
    data = {
        "title_en": article.title_en,
        "title_zh_hans": article.title_zh_hans,
        "slug_en": article.slug_en,
        "slug_zh_hans": article.slug_zh_hans,
        "news_date": article.news_date.isoformat(),
        "summary_en": article.summary_en,
        "summary_zh_hans": article.summary_zh_hans,
        "lead_image": "",
        "body_en": streamfield([("paragraph", rich_text(f"<p>Body of {article.title_en}.</p>"))]),
        "body_zh_hans": streamfield(
            [("paragraph", rich_text(f"<p>{article.title_zh_hans}正文。</p>"))]
        ),
        "source_en": "News Office",
        "source_zh_hans": "新闻中心",
        "related_links": inline_formset([]),
        "corrections": inline_formset([]),
        # Ticked by default in the form of users who see them (moderators, superusers).
        "public_en": "on",
        "public_zh_hans": "on",
    }
    data.update(overrides)
    return nested_form_data(data)


class AdminEditTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, (cls.article,) = build_site(articles=1)
        cls.admin = get_user_model().objects.create_superuser("admin", "", "pw-for-tests")

    def setUp(self):
        self.client.force_login(self.admin)

    def edit(self, **overrides):
        url = f"/admin/pages/{self.article.pk}/edit/"
        return self.client.post(url, edit_form(self.article, **overrides))

    def test_draft_with_a_new_english_body_makes_chinese_outdated(self):
        english = streamfield([("paragraph", rich_text("<p>A rewritten body.</p>"))])
        response = self.edit(body_en=english)
        self.assertEqual(response.status_code, 302, response.content[:3000])
        chinese = state(self.article, "zh-hans")
        self.assertEqual((chinese.status, chinese.outdated_fields), ("outdated", ["body"]))

    def test_draft_saved_unchanged_keeps_both_up_to_date(self):
        response = self.edit()
        self.assertEqual(response.status_code, 302, response.content[:3000])
        self.assertEqual(state(self.article, "zh-hans").status, "current")
        self.assertEqual(state(self.article, "en").status, "current")


class ReviewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, (cls.article,) = build_site(articles=1)
        cls.article.title_en = "A new title"
        cls.article.save()
        users = get_user_model().objects
        cls.admin = users.create_superuser("admin", "", "pw-for-tests")
        cls.reader = users.create_user("reader", "", "pw-for-tests")
        readers = Group.objects.create(name="Admin readers")
        readers.permissions.add(Permission.objects.get(codename="access_admin"))
        cls.reader.groups.add(readers)
        cls.translator = users.create_user("translator", "", "pw-for-tests")
        translators = Group.objects.create(name="Test translators")
        translators.permissions.add(Permission.objects.get(codename="access_admin"))
        GroupPagePermission.objects.create(
            group=translators, page=cls.index, permission_type="change"
        )
        cls.translator.groups.add(translators)

    def test_review_makes_the_outdated_chinese_version_up_to_date(self):
        self.client.force_login(self.translator)
        response = self.client.post(review_url(self.article, "zh-hans"))
        self.assertRedirects(response, DASHBOARD, fetch_redirect_response=False)
        self.assertEqual(state(self.article, "zh-hans").status, "current")

    def test_review_is_shown_in_the_page_history(self):
        self.client.force_login(self.translator)
        self.client.post(review_url(self.article, "zh-hans"))
        entry = PageLogEntry.objects.get(page=self.article, action="news.translation_reviewed")
        self.assertEqual(entry.user, self.translator)
        history = self.client.get(f"/admin/pages/{self.article.pk}/history/")
        self.assertContains(history, "Marked the Simplified Chinese translation reviewed")

    def test_anonymous_review_redirects_to_login_and_changes_nothing(self):
        response = self.client.post(review_url(self.article, "zh-hans"))
        self.assertEqual(response.status_code, 302)
        self.assertIn("/admin/login/", response["Location"])
        self.assertEqual(state(self.article, "zh-hans").status, "outdated")

    def test_staff_without_edit_permission_is_refused(self):
        self.client.force_login(self.reader)
        response = self.client.post(review_url(self.article, "zh-hans"), follow=True)
        # Wagtail's admin answers PermissionDenied with its home page and an error message.
        self.assertEqual(response.redirect_chain, [("/admin/", 302)])
        self.assertContains(response, "Sorry, you do not have permission to access this area.")
        self.assertEqual(state(self.article, "zh-hans").status, "outdated")

    def test_review_by_get_is_not_allowed(self):
        self.client.force_login(self.admin)
        response = self.client.get(review_url(self.article, "zh-hans"))
        self.assertEqual(response.status_code, 405)
        self.assertEqual(state(self.article, "zh-hans").status, "outdated")

    def test_review_without_csrf_token_is_refused(self):
        client = self.client_class(enforce_csrf_checks=True)
        client.force_login(self.admin)
        response = client.post(review_url(self.article, "zh-hans"))
        self.assertEqual(response.status_code, 403)
        self.assertEqual(state(self.article, "zh-hans").status, "outdated")

    def test_review_of_unknown_article_or_language_is_a_404(self):
        self.client.force_login(self.admin)
        # LocaleMiddleware first tries the path under /en/, which is the site's 404 page.
        response = self.client.post(review_url(self.article, "fr"), follow=True)
        self.assertEqual(response.status_code, 404)
        missing = f"/admin/translation-status/review/{10**12}/en/"
        self.assertEqual(self.client.post(missing, follow=True).status_code, 404)

    def test_review_never_redirects_to_another_host(self):
        self.client.force_login(self.admin)
        response = self.client.post(
            review_url(self.article, "zh-hans"), {"next": "https://evil.example/"}
        )
        self.assertRedirects(response, DASHBOARD, fetch_redirect_response=False)


class DashboardTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, cls.articles = build_site(articles=3)
        cls.untranslated = UntranslatedArticlePageFactory(parent=cls.index, title_en="No Chinese")
        cls.changed = cls.articles[0]
        cls.changed.summary_en = "A new summary."
        cls.changed.save()
        cls.admin = get_user_model().objects.create_superuser("admin", "", "pw-for-tests")

    def setUp(self):
        self.client.force_login(self.admin)

    def rows(self, response):
        return response.text.count('class="translation-status__row ')

    def test_anonymous_visitor_is_sent_to_login(self):
        self.client.logout()
        response = self.client.get(DASHBOARD)
        self.assertEqual(response.status_code, 302)
        self.assertIn("/admin/login/", response["Location"])

    def test_lists_every_article_in_each_language(self):
        response = self.client.get(DASHBOARD)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.rows(response), 8)

    def test_outdated_filter_lists_the_changed_article_with_its_field_and_edit_link(self):
        response = self.client.get(DASHBOARD, {"status": "outdated"})
        self.assertEqual(self.rows(response), 1)
        self.assertContains(response, f'href="/admin/pages/{self.changed.pk}/edit/"')
        self.assertContains(response, "<td>summary</td>", html=True)
        self.assertContains(response, "Mark reviewed")

    def test_missing_filter_in_chinese_lists_the_untranslated_article(self):
        response = self.client.get(DASHBOARD, {"status": "missing", "language": "zh-hans"})
        self.assertEqual(self.rows(response), 1)
        self.assertContains(response, f'href="/admin/pages/{self.untranslated.pk}/edit/"')

    def test_counts_per_language_and_status(self):
        response = self.client.get(DASHBOARD)
        self.assertContains(response, 'data-count="zh-hans-missing">1<')
        self.assertContains(response, 'data-count="zh-hans-outdated">1<')
        self.assertContains(response, 'data-count="zh-hans-current">2<')
        self.assertContains(response, 'data-count="en-current">4<')

    def test_oldest_change_is_listed_first(self):
        response = self.client.get(DASHBOARD, {"language": "zh-hans"})
        states = ArticleTranslationState.objects.filter(language="zh-hans").order_by("since")
        positions = [response.text.index(f'href="/admin/pages/{s.page_id}/edit/"') for s in states]
        self.assertEqual(positions, sorted(positions))

    def test_odd_filters_and_page_numbers_show_everything(self):
        response = self.client.get(DASHBOARD, {"status": "x" * 5000, "language": "fr", "p": "-9"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.rows(response), 8)

    def test_dashboard_in_chinese_admin(self):
        UserProfile.objects.update_or_create(
            user=self.admin, defaults={"preferred_language": "zh-hans"}
        )
        response = self.client.get(DASHBOARD, {"status": "outdated"})
        self.assertContains(response, "翻译状态")
        self.assertContains(response, "标记为已审校")

    def test_query_count_does_not_grow_with_articles(self):
        self.client.get(DASHBOARD)
        with CaptureQueriesContext(connection) as before:
            self.client.get(DASHBOARD)
        for _n in range(5):
            UntranslatedArticlePageFactory(parent=self.index)
        self.client.get(DASHBOARD)
        with CaptureQueriesContext(connection) as after:
            response = self.client.get(DASHBOARD)
        self.assertEqual(self.rows(response), 18)
        self.assertEqual(len(after), len(before))


class HomePanelTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site(articles=2)
        UntranslatedArticlePageFactory(parent=cls.index)
        cls.admin = get_user_model().objects.create_superuser("admin", "", "pw-for-tests")

    def setUp(self):
        self.client.force_login(self.admin)

    def test_admin_home_shows_the_counts_and_links_to_the_dashboard(self):
        response = self.client.get("/admin/")
        self.assertContains(response, 'data-count="zh-hans-missing">1<')
        self.assertContains(response, 'data-count="zh-hans-current">2<')
        self.assertContains(response, f'href="{DASHBOARD}"')

    def test_admin_home_panel_in_chinese(self):
        UserProfile.objects.update_or_create(
            user=self.admin, defaults={"preferred_language": "zh-hans"}
        )
        response = self.client.get("/admin/")
        self.assertContains(response, "打开译者工作台")


class TranslationLeavesTheOriginalUpToDateTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()

    def test_translating_an_english_article_into_chinese_leaves_english_up_to_date(self):
        article = UntranslatedArticlePageFactory(parent=self.index)
        article.title_zh_hans = "新实验室启用"
        article.summary_zh_hans = "新实验室正式启用。"
        article.body_zh_hans = body("实验室今天启用。")
        article.save()
        self.assertEqual(state(article, "en").status, "current")
        self.assertEqual(state(article, "zh-hans").status, "current")

    def test_catching_up_with_an_english_edit_leaves_english_up_to_date(self):
        article = ArticlePageFactory(parent=self.index)
        article.summary_en = "A rewritten summary."
        article.save()
        article.summary_zh_hans = "改写的摘要。"
        article.save()
        self.assertEqual(state(article, "zh-hans").status, "current")
        self.assertEqual(state(article, "en").status, "current")

    def test_a_chinese_edit_of_an_up_to_date_field_is_still_a_change_for_english(self):
        article = ArticlePageFactory(parent=self.index)
        article.summary_zh_hans = "新的摘要。"
        article.save()
        self.assertEqual(state(article, "en").outdated_fields, ["summary"])
