"""The admin in Chinese reads as Chinese: Wagtail's own words where our catalogue had taken them
in another sense (the main menu's "Pages" read 分页, the image's description 简介), the
dashboard's counts, and the newsroom's groups, workflows and tasks, which are stored rows
named in both languages (migration 0024_bilingual_role_names)."""

import importlib
import json
import re

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import TestCase
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, Task, Workflow
from wagtail.users.models import UserProfile

from news.models import Column
from news.newsroom.roles import EDITORS
from news.tests.utils import build_site, member


def in_chinese(user):
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "zh-hans"})
    return user


class ChineseAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, (cls.article,) = build_site(articles=1)
        cls.admin = in_chinese(
            get_user_model().objects.create_superuser("admin", "admin@example.edu.cn", "pw")
        )
        cls.image = Image.objects.create(title="lab", file=get_test_image_file())

    def setUp(self):
        self.client.force_login(self.admin)

    def main_menu(self):
        html = self.client.get("/admin/").content.decode()
        props = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S)
        menu = next(
            module
            for module in json.loads(props.group(1))["modules"]
            if module["_type"] == "wagtail.sidebar.MainMenuModule"
        )
        return {item["_args"][0]["name"]: item["_args"][0]["label"] for item in menu["_args"][0]}

    def test_the_main_menu_says_pages_in_wagtails_word(self):
        self.assertEqual(self.main_menu()["explorer"], "页面")

    def test_the_dashboards_counts_read_in_chinese(self):
        response = self.client.get("/admin/")
        text = re.sub(r"\s+", " ", response.content.decode())
        pages = Page.objects.count() - 1  # Wagtail's root is no page
        self.assertIn(f'<span class="w-sr-only">bitnews 中的</span>{pages} 个页面', text)
        self.assertIn('<span class="w-sr-only">bitnews 中的</span>1 张图片', text)
        self.assertNotIn("created in", text)

    def test_an_images_description_reads_as_wagtail_says_it(self):
        response = self.client.get(f"/admin/images/{self.image.pk}/")
        self.assertContains(response, "描述")
        self.assertNotContains(response, "简介")

    def test_a_columns_description_still_reads_as_ours(self):
        column = Column.objects.create(
            name_en="Campus", slug_en="campus", name_zh_hans="校园", slug_zh_hans="xiaoyuan"
        )
        response = self.client.get(f"/admin/snippets/news/column/edit/{column.pk}/")
        self.assertContains(response, "简介")

    def test_the_two_step_code_still_reads_as_ours(self):
        self.assertContains(self.client.get("/admin/two-factor/setup/"), "验证码")

    def test_a_listings_pager_still_says_pagination(self):
        build_site(articles=11)
        self.assertContains(self.client.get("/zh-hans/xinwen/"), 'aria-label="分页"')

    def test_groups_workflows_and_tasks_read_in_both_languages(self):
        groups = self.client.get("/admin/groups/")
        for name in ("Editors / 编辑", "Moderators / 审核员", "Translators / 译者"):
            self.assertContains(groups, name)
        self.assertContains(groups, "Chief editors / 总编辑")
        workflows = self.client.get("/admin/workflows/list/")
        for name in (
            "Newsroom review / 编辑部审核",
            "Newsroom review, two stages / 编辑部两级审核",
        ):
            self.assertContains(workflows, name)
        tasks = self.client.get("/admin/workflows/tasks/index/")
        self.assertContains(tasks, "Moderator approval / 审核员审批")
        self.assertContains(tasks, "Chief editor approval / 总编辑审批")

    def test_the_column_choosers_buttons_read_in_each_language(self):
        url = f"/admin/pages/{self.article.pk}/edit/"
        self.assertContains(self.client.get(url), "选择另一个 栏目")
        UserProfile.objects.filter(user=self.admin).update(preferred_language="en")
        self.assertContains(self.client.get(url), "Choose another column")

    def test_an_editor_submits_to_the_review_by_its_chinese_name(self):
        editor = in_chinese(member(EDITORS))
        self.client.force_login(editor)
        response = self.client.get(f"/admin/pages/{self.article.pk}/edit/")
        self.assertContains(response, "编辑部审核")


class BilingualNamesMigrationTests(TestCase):
    def test_an_existing_databases_rows_are_renamed_and_an_administrators_names_kept(self):
        MIGRATION = importlib.import_module("news.migrations.0024_bilingual_role_names")  # noqa: N806
        for table, names in (
            (Group, MIGRATION.GROUPS),
            (Workflow, MIGRATION.WORKFLOWS),
            (Task, MIGRATION.TASKS),
        ):
            for old, new in names.items():
                table.objects.filter(name=new).update(name=old)  # as before the migration
        Group.objects.filter(name="Translators").update(name="Translation desk")
        MIGRATION.forwards(apps, None)
        self.assertEqual(
            set(Group.objects.values_list("name", flat=True)),
            {"Editors / 编辑", "Moderators / 审核员", "Chief editors / 总编辑", "Translation desk"},
        )
        self.assertTrue(Workflow.objects.filter(name="Newsroom review / 编辑部审核").exists())
        self.assertTrue(Task.objects.filter(name="Moderator approval / 审核员审批").exists())
        MIGRATION.backwards(apps, None)
        self.assertTrue(Group.objects.filter(name="Editors").exists())
        self.assertTrue(Workflow.objects.filter(name="Newsroom review").exists())
