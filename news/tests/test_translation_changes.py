"""What changed in the source text since a translation was last marked current: the
revisions recorded with the translation status, the comparison and its page."""

import json

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape
from wagtail.models import GroupPagePermission
from wagtail.rich_text import RichText
from wagtail.users.models import UserProfile

from news.factories import ArticlePageFactory
from news.models import ArticlePage, ArticleTranslationState
from news.newsroom.translation_changes import as_data, changes
from news.tests.utils import build_site

ENGLISH = [
    "The new laboratory opened today in Beijing.",
    "It has ten rooms for students.",
    "Visitors are welcome on Mondays.",
]
CHINESE = ["新实验室今天在北京启用。", "实验室有十个房间。", "周一欢迎参观。"]


def paragraphs(*texts):
    return [("paragraph", RichText("".join(f"<p>{text}</p>" for text in texts)))]


def escaped(*texts):
    return paragraphs(*(escape(text) for text in texts))


def state(article, language):
    return ArticleTranslationState.objects.get(page=article, language=language)


def changes_url(article, language):
    return f"/admin/translation-status/changes/{article.pk}/{language}/"


def review_url(article, language):
    return f"/admin/translation-status/review/{article.pk}/{language}/"


class ChangesTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()
        users = get_user_model().objects
        cls.translator = users.create_user("translator", "", "pw-for-tests", first_name="Li")
        translators = Group.objects.create(name="Test translators")
        translators.permissions.add(Permission.objects.get(codename="access_admin"))
        GroupPagePermission.objects.create(
            group=translators, page=cls.index, permission_type="change"
        )
        cls.translator.groups.add(translators)
        cls.reader = users.create_user("reader", "", "pw-for-tests")
        readers = Group.objects.create(name="Admin readers")
        readers.permissions.add(Permission.objects.get(codename="access_admin"))
        cls.reader.groups.add(readers)

    def setUp(self):
        self.client.force_login(self.translator)

    def reviewed_article(self):
        """A published article in both languages whose two versions were marked reviewed."""
        article = ArticlePageFactory(
            parent=self.index, body_en=paragraphs(*ENGLISH), body_zh_hans=paragraphs(*CHINESE)
        )
        article.save_revision(user=self.translator).publish()
        for language in ("zh-hans", "en"):
            self.client.post(review_url(article, language))
        return ArticlePage.objects.get(pk=article.pk)

    def edit(self, article, **fields):
        """Save a draft revision with `fields` changed, as the editor does."""
        draft = article.get_latest_revision_as_object()
        for name, value in fields.items():
            setattr(draft, name, value)
        revision = draft.save_revision(user=self.translator)
        return ArticlePage.objects.get(pk=article.pk), revision


class RecordedRevisionTests(ChangesTestCase):
    def test_review_records_the_latest_revision_for_every_field(self):
        article = self.reviewed_article()
        expected = dict.fromkeys(["title", "summary", "body"], article.latest_revision_id)
        self.assertEqual(state(article, "zh-hans").source_revisions, expected)
        self.assertEqual(state(article, "en").source_revisions, expected)

    def test_editing_a_field_records_the_revision_holding_the_other_languages_text(self):
        article = self.reviewed_article()
        reviewed_at = article.latest_revision_id
        article, revision = self.edit(article, body_zh_hans=paragraphs("重写的正文。"))
        # The Chinese body now translates the English body of the new revision…
        self.assertEqual(state(article, "zh-hans").source_revisions["body"], revision.pk)
        # …and the English body stays compared with the revision reviewed.
        self.assertEqual(state(article, "en").source_revisions["body"], reviewed_at)

    def test_publishing_records_the_published_revision(self):
        article = ArticlePageFactory(parent=self.index)
        article.title_zh_hans = "新标题"
        revision = article.save_revision()
        revision.publish()
        self.assertEqual(state(article, "zh-hans").source_revisions["title"], revision.pk)

    def test_a_save_without_a_revision_records_none(self):
        article = ArticlePageFactory(parent=self.index)
        article.title_zh_hans = "新标题"
        article.save()
        self.assertIsNone(state(article, "zh-hans").source_revisions["title"])

    def test_an_autosave_over_the_latest_revision_is_recorded(self):
        article = self.reviewed_article()
        article, revision = self.edit(article, title_en="A first title")
        draft = article.get_latest_revision_as_object()
        draft.summary_en = "A summary written in the same session."
        draft.save_revision(user=self.translator, overwrite_revision=revision)
        self.assertEqual(state(article, "zh-hans").outdated_fields, ["title", "summary"])

    def test_a_recorded_revision_saved_over_since_is_not_compared(self):
        article = self.reviewed_article()
        reviewed = article.latest_revision
        draft = article.get_latest_revision_as_object()
        draft.title_en = "A title autosaved over the reviewed revision"
        draft.save_revision(user=self.translator, overwrite_revision=reviewed)
        article = ArticlePage.objects.get(pk=article.pk)
        (change,) = changes(article, "zh-hans")
        self.assertEqual(
            (change.revision.id, change.missing, change.steps), (reviewed.pk, "overwritten", [])
        )
        response = self.client.get(changes_url(article, "zh-hans"))
        self.assertContains(response, "was saved over since")


class ComparisonTests(ChangesTestCase):
    def test_english_edit_shows_added_removed_and_changed_words_for_the_chinese_version(self):
        article = self.reviewed_article()
        new = [
            "The new laboratory opened yesterday in Beijing.",
            "Visitors are welcome on Mondays.",
            "A café serves tea.",
        ]
        article, _revision = self.edit(article, body_en=paragraphs(*new))
        response = self.client.get(changes_url(article, "zh-hans"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "<del>today</del><ins>yesterday</ins>", html=True)
        self.assertContains(response, "<del>It has ten rooms for students.</del>", html=True)
        self.assertContains(response, "<ins>A café serves tea.</ins>", html=True)
        self.assertContains(response, "1 unchanged paragraph")

    def test_chinese_edit_shows_the_changed_words_for_the_english_version(self):
        article = self.reviewed_article()
        new = ["新实验室昨天在北京启用。", "实验室有十个房间。", "周一欢迎参观。", "咖啡馆供应茶。"]
        article, _revision = self.edit(article, body_zh_hans=paragraphs(*new))
        (change,) = changes(article, "en")
        self.assertEqual((change.field, change.source_language.code), ("body", "zh-hans"))
        self.assertEqual([step.op for step in change.steps], ["changed", "unchanged", "added"])
        marked = [(p.op, p.text) for p in change.steps[0].pieces if p.op != "equal"]
        self.assertEqual(marked, [("delete", "今天"), ("insert", "昨天")])
        response = self.client.get(changes_url(article, "en"))
        self.assertContains(response, "<del>今天</del><ins>昨天</ins>", html=True)
        self.assertContains(response, "<ins>咖啡馆供应茶。</ins>", html=True)
        self.assertContains(response, "2 unchanged paragraphs")

    def test_a_changed_title_is_one_paragraph(self):
        article = self.reviewed_article()
        article, _revision = self.edit(article, title_en="A renamed article")
        (change,) = changes(article, "zh-hans")
        self.assertEqual(change.field, "title")
        self.assertEqual(change.revision.user, "Li")
        self.assertEqual([step.op for step in change.steps], ["changed"])

    def test_text_is_escaped(self):
        article = self.reviewed_article()
        article, _revision = self.edit(
            article, body_en=escaped(*ENGLISH, "<script>alert(1)</script>")
        )
        response = self.client.get(changes_url(article, "zh-hans"))
        self.assertContains(response, "<ins>&lt;script&gt;alert(1)&lt;/script&gt;</ins>")
        self.assertNotContains(response, "<script>alert(1)")

    def test_reviewing_from_the_page_leaves_no_change(self):
        article = self.reviewed_article()
        article, revision = self.edit(article, body_en=paragraphs(*ENGLISH[:2]))
        response = self.client.get(changes_url(article, "zh-hans"))
        self.assertContains(response, f'action="{review_url(article, "zh-hans")}"')
        self.client.post(review_url(article, "zh-hans"))
        self.assertEqual(state(article, "zh-hans").status, "current")
        self.assertEqual(state(article, "zh-hans").source_revisions["body"], revision.pk)
        self.assertEqual(changes(article, "zh-hans"), [])
        response = self.client.get(changes_url(article, "zh-hans"))
        self.assertContains(response, "is up to date")
        self.assertNotContains(response, "Mark reviewed")

    def test_a_state_recorded_before_revisions_were_kept_says_so(self):
        article = self.reviewed_article()
        ArticleTranslationState.objects.filter(page=article).update(source_revisions={})
        article, _revision = self.edit(article, summary_zh_hans="新的摘要。")
        (change,) = changes(article, "en")
        self.assertEqual((change.revision, change.steps), (None, []))
        response = self.client.get(changes_url(article, "en"))
        self.assertContains(response, "No earlier revision recorded: see the page&#x27;s history.")
        self.assertContains(response, f'href="/admin/pages/{article.pk}/history/"')

    def test_json_form_of_the_changes(self):
        article = self.reviewed_article()
        article, _revision = self.edit(article, body_en=paragraphs(*ENGLISH, "One more."))
        (data,) = json.loads(json.dumps(as_data(changes(article, "zh-hans"))))
        self.assertEqual((data["field"], data["source_language"]), ("body", "en"))
        self.assertEqual(data["revision"]["user"], "Li")
        self.assertEqual([step["op"] for step in data["steps"]], ["unchanged", "added"])
        self.assertEqual(
            data["steps"][1]["paragraphs"], [{"kind": "paragraph", "text": "One more."}]
        )


class ChangesPageTests(ChangesTestCase):
    def test_dashboard_links_outdated_rows_to_what_changed(self):
        article = self.reviewed_article()
        article, _revision = self.edit(article, title_en="A renamed article")
        response = self.client.get("/admin/translation-status/", {"status": "outdated"})
        self.assertContains(response, f'href="{changes_url(article, "zh-hans")}"')
        self.assertContains(response, "What changed")

    def test_page_in_the_chinese_admin(self):
        article = self.reviewed_article()
        article, _revision = self.edit(article, body_zh_hans=paragraphs(*CHINESE[:2]))
        UserProfile.objects.update_or_create(
            user=self.translator, defaults={"preferred_language": "zh-hans"}
        )
        response = self.client.get(changes_url(article, "en"))
        self.assertContains(response, "标记为已审校")  # "Mark reviewed"
        self.assertContains(response, "<del>周一欢迎参观。</del>", html=True)

    def test_page_links_to_the_editor(self):
        article = self.reviewed_article()
        response = self.client.get(changes_url(article, "zh-hans"))
        self.assertContains(response, f'href="/admin/pages/{article.pk}/edit/"')

    def test_user_without_edit_permission_is_refused(self):
        article = self.reviewed_article()
        self.client.force_login(self.reader)
        response = self.client.get(changes_url(article, "zh-hans"), follow=True)
        self.assertEqual(response.redirect_chain, [("/admin/", 302)])
        self.assertContains(response, "Sorry, you do not have permission to access this area.")

    def test_anonymous_visitor_is_sent_to_login(self):
        article = self.reviewed_article()
        self.client.logout()
        response = self.client.get(changes_url(article, "zh-hans"))
        self.assertEqual(response.status_code, 302)
        self.assertIn("/admin/login/", response["Location"])

    def test_unknown_language_or_article_is_a_404(self):
        article = self.reviewed_article()
        response = self.client.get(changes_url(article, "fr"), follow=True)
        self.assertEqual(response.status_code, 404)
        missing = f"/admin/translation-status/changes/{10**12}/en/"
        self.assertEqual(self.client.get(missing, follow=True).status_code, 404)

    def test_query_count_is_bounded_and_does_not_grow_with_the_changes(self):
        article = self.reviewed_article()
        article, _revision = self.edit(article, title_en="A renamed article")
        self.client.get(changes_url(article, "zh-hans"))
        with CaptureQueriesContext(connection) as one_field:
            self.client.get(changes_url(article, "zh-hans"))
        article, _revision = self.edit(
            article,
            summary_en="A new summary.",
            body_en=paragraphs(*(f"Paragraph {n}." for n in range(40))),
        )
        with CaptureQueriesContext(connection) as three_fields:
            response = self.client.get(changes_url(article, "zh-hans"))
        self.assertContains(response, "<ins>Paragraph 39.</ins>", html=True)
        self.assertEqual(len(three_fields), len(one_field))
        self.assertLessEqual(len(three_fields), 25)
