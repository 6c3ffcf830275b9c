"""What the memory keeps: published, public text in both directions, and nothing else."""

import io

from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import TestCase
from wagtail.models import PageViewRestriction

from desk.memory import signals
from desk.memory.lookup import suggest
from desk.models import MemorySegment
from desk.tests.utils import body_of, published_article
from news.factories import StandardPageFactory
from news.tests.utils import build_site

EN = "The university opened a new laboratory for space research on Monday."
ZH = "学校周一启用了一间新的航天研究实验室。"


def targets(text, source, target):
    """The translations of the memory's exact matches of `text`."""
    return [s["target"] for s in suggest(text, source, target) if s["score"] == 100]


class RecordTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()

    def publish(self, **fields):
        return published_article(self.index, [EN], [ZH], **fields)

    def test_a_published_article_is_in_the_memory_in_both_directions(self):
        article = self.publish()
        self.assertEqual(targets(EN, "en", "zh-hans"), [ZH])
        self.assertEqual(targets(ZH, "zh-hans", "en"), [EN])
        self.assertEqual(targets(article.title_zh_hans, "zh-hans", "en"), [article.title_en])
        self.assertEqual(targets(article.summary_en, "en", "zh-hans"), [article.summary_zh_hans])

    def test_a_suggestion_names_its_article_and_date(self):
        article = self.publish(title_en="Space lab opens", title_zh_hans="航天实验室启用")
        [found] = suggest(ZH, "zh-hans", "en")
        self.assertEqual((found["page_id"], found["title"]), (article.pk, "航天实验室启用"))
        self.assertEqual(found["date"], article.news_date.isoformat())
        self.assertEqual(found["score"], 100)

    def test_draft_text_is_never_suggested(self):
        article = self.publish()
        article.body_en = body_of("A draft sentence nobody has published yet.")
        article.body_zh_hans = body_of("一个尚未发表的草稿句子。")
        article.save_revision()
        self.assertEqual(suggest("A draft sentence nobody has published yet.", "en", "zh-hans"), [])
        self.assertEqual(suggest("一个尚未发表的草稿句子。", "zh-hans", "en"), [])
        self.assertEqual(targets(EN, "en", "zh-hans"), [ZH])  # the live text stays

    def test_a_republished_article_replaces_its_old_text(self):
        article = self.publish()
        article.body_en = body_of("The laboratory moved to a new building.")
        article.body_zh_hans = body_of("实验室搬进了新大楼。")
        article.save_revision().publish()
        self.assertEqual(suggest(EN, "en", "zh-hans"), [])
        self.assertEqual(
            targets("实验室搬进了新大楼。", "zh-hans", "en"),
            ["The laboratory moved to a new building."],
        )

    def test_unpublishing_forgets_the_article(self):
        article = self.publish()
        article.unpublish()
        self.assertFalse(MemorySegment.objects.filter(page=article).exists())
        self.assertEqual(suggest(ZH, "zh-hans", "en"), [])

    def test_a_private_article_is_forgotten_and_remembered_when_public_again(self):
        article = self.publish()
        restriction = PageViewRestriction.objects.create(
            page=article, restriction_type=PageViewRestriction.LOGIN
        )
        self.assertEqual(suggest(EN, "en", "zh-hans"), [])
        restriction.delete()
        self.assertEqual(targets(EN, "en", "zh-hans"), [ZH])

    def test_a_private_section_forgets_the_articles_below_it(self):
        self.publish()
        restriction = PageViewRestriction.objects.create(
            page=self.index, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(Group.objects.first())
        self.assertEqual(suggest(ZH, "zh-hans", "en"), [])

    def test_a_chinese_version_hidden_from_visitors_is_not_recorded(self):
        article = self.publish(public_zh_hans=False)
        self.assertFalse(MemorySegment.objects.filter(page=article).exists())
        self.assertEqual(suggest(EN, "en", "zh-hans"), [])

    def test_an_outdated_translation_is_not_recorded(self):
        article = self.publish()
        article.body_en = body_of("The laboratory will open on Monday, a week late.")
        article.save_revision().publish()  # the Chinese body is now outdated
        self.assertEqual(
            suggest("The laboratory will open on Monday, a week late.", "en", "zh-hans"), []
        )
        self.assertEqual(suggest(ZH, "zh-hans", "en"), [])
        self.assertEqual(targets(article.title_en, "en", "zh-hans"), [article.title_zh_hans])

    def test_a_site_page_is_recorded_with_its_introduction(self):
        page = StandardPageFactory(
            parent=self.home,
            intro_en="Who we are, and what we do.",
            intro_zh_hans="我们是谁，做什么。",
        )
        page.save_revision().publish()
        self.assertEqual(
            targets("Who we are, and what we do.", "en", "zh-hans"), ["我们是谁，做什么。"]
        )
        self.assertEqual(
            targets("学校创建于1940年。", "zh-hans", "en"), ["The university was founded in 1940."]
        )

    def test_the_command_rebuilds_the_memory_from_live_pages(self):
        article = self.publish()
        MemorySegment.objects.all().delete()
        out = io.StringIO()
        call_command("build_translation_memory", stdout=out)
        self.assertEqual(
            out.getvalue(), f"{MemorySegment.objects.count()} translation memory segments\n"
        )
        self.assertEqual(targets(EN, "en", "zh-hans"), [ZH])
        self.assertTrue(
            MemorySegment.objects.filter(page=article, source_language="zh-hans").exists()
        )

    def test_after_migrate_an_empty_memory_is_built_from_the_live_pages(self):
        self.publish()
        MemorySegment.objects.all().delete()
        signals.build_if_empty(sender=apps.get_app_config("desk"))
        self.assertEqual(targets(ZH, "zh-hans", "en"), [EN])
