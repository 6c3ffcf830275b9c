from django.contrib.auth import get_user_model
from django.test import TestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from news.factories import ArticlePageFactory
from news.models import ArticlePage, ArticleTag, Column
from news.tests.utils import article_form, build_site, h1, make_column, tag, titles_in, url_in

COLUMN_ADD = "/admin/snippets/news/column/add/"


def column_form(**overrides):
    data = {
        "name_en": "Research",
        "name_zh_hans": "科研进展",
        "slug_en": "research",
        "slug_zh_hans": "keyan",
        "description_en": "News from the laboratories.",
        "description_zh_hans": "实验室的科研动态。",
    }
    data.update(overrides)
    return data


class EditorFilesArticlesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, cls.articles = build_site(articles=2)
        cls.editor = get_user_model().objects.create_superuser("editor", "", "pw-for-tests")

    def setUp(self):
        self.client.force_login(self.editor)

    def add_article_url(self):
        return f"/admin/pages/add/news/articlepage/{self.index.pk}/"

    def test_editor_creates_a_column_in_both_languages_and_files_a_new_article_under_it(self):
        response = self.client.post(COLUMN_ADD, column_form())
        self.assertEqual(response.status_code, 302, response.content[:500])
        column = Column.objects.get(slug_en="research")
        self.assertEqual((column.name_en, column.name_zh_hans), ("Research", "科研进展"))

        edit = self.client.get(f"/admin/pages/add/news/articlepage/{self.index.pk}/")
        self.assertContains(edit, 'name="column"')
        response = self.client.post(
            self.add_article_url(), article_form(column=column.pk, tags="robotics, 机器人竞赛")
        )
        self.assertEqual(response.status_code, 302, response.content[:500])
        article = ArticlePage.objects.get(slug_en="new-lab-opens")
        self.assertEqual(article.column, column)
        self.assertEqual(
            sorted(t.name for t in article.tags.all()), sorted(["robotics", "机器人竞赛"])
        )

        english = self.client.get("/en/news/column/research/")
        self.assertEqual(titles_in(english), ["New lab opens"])
        chinese = self.client.get("/zh-hans/xinwen/column/keyan/")
        self.assertEqual(h1(chinese), "科研进展")
        self.assertEqual(titles_in(chinese), ["新实验室启用"])
        self.assertEqual(titles_in(self.client.get("/en/news/tag/robotics/")), ["New lab opens"])

    def test_column_without_a_chinese_name_or_slug_is_refused(self):
        for missing in ("name_zh_hans", "slug_zh_hans"):
            with self.subTest(missing=missing):
                response = self.client.post(COLUMN_ADD, column_form(**{missing: ""}))
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, "This field is required.")
                self.assertFalse(Column.objects.exists())

    def test_column_slug_already_taken_in_chinese_is_refused(self):
        make_column("Campus", "校园动态", "campus", "keyan")
        response = self.client.post(COLUMN_ADD, column_form())
        self.assertEqual(response.status_code, 200)
        self.assertEqual(Column.objects.count(), 1)

    def test_column_admin_listing_shows_both_names(self):
        make_column("Campus", "校园动态", "campus", "xiaoyuan")
        response = self.client.get("/admin/snippets/news/column/")
        self.assertContains(response, "Campus")
        self.assertContains(response, "校园动态")

    def test_editor_picks_a_related_article_in_the_admin_and_it_is_shown_first(self):
        picked = ArticlePageFactory(parent=self.index, title_en="Picked by hand")
        data = article_form(related_links=inline_formset([{"article": picked.pk}]))
        response = self.client.post(self.add_article_url(), data)
        self.assertEqual(response.status_code, 302, response.content[:500])
        article = ArticlePage.objects.get(slug_en="new-lab-opens")
        page = self.client.get(url_in(article))
        related = page.text.split('class="related"')[1]
        self.assertIn("Picked by hand", related)

    def test_article_slug_of_digits_only_is_refused_because_the_archive_uses_it(self):
        response = self.client.post(self.add_article_url(), article_form(slug_zh_hans="2023"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "A slug of digits only is taken by the news archive.")
        self.assertFalse(ArticlePage.objects.filter(slug_en="new-lab-opens").exists())

    def test_editor_gives_a_tag_its_chinese_name_and_the_chinese_site_shows_it(self):
        article = tag(self.articles[0], "robotics")
        robotics = ArticleTag.objects.get(name="robotics")
        url = f"/admin/snippets/news/articletag/edit/{robotics.pk}/"
        self.assertEqual(self.client.get(url).status_code, 200)
        response = self.client.post(
            url,
            nested_form_data({"name": "robotics", "chinese_name": "机器人", "slug": "robotics"}),
        )
        self.assertEqual(response.status_code, 302, response.content[:500])
        chinese = self.client.get(url_in(article, "zh-hans"))
        self.assertContains(
            chinese,
            '<a class="tag" href="/zh-hans/xinwen/tag/robotics/" rel="tag">机器人</a>',
            html=True,
        )
