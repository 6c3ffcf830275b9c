"""Images with no real alt text (none, or a file name such as an import brings) are listed as
"needs alt text" on the translators' dashboard and counted on the admin home until written."""

from django.contrib.auth import get_user_model
from django.test import SimpleTestCase, TestCase
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.users.models import UserProfile

from news.alt_text import is_placeholder
from news.factories import ArticlePageFactory
from news.models import ArticleTranslationState
from news.tests.utils import build_site

DASHBOARD = "/admin/translation-status/"


def lacking(article, language):
    state = ArticleTranslationState.objects.get(page=article, language=language)
    return state.images_lacking_alt


def photo(image, alt):
    return ("image", {"image": image, "alt_text": alt, "caption": "", "credit": ""})


class PlaceholderTests(SimpleTestCase):
    def test_empty_and_file_names_say_nothing(self):
        for alt in (
            "",
            "  ",
            "1.png",
            "IMG_0042.JPG",
            "DSC01234",
            "5f3a9c0be1d24a77",
            "photo 3.jpeg",
            "uploads/2020/04/a.webp",
            "20200413093512",
        ):
            with self.subTest(alt=alt):
                self.assertTrue(is_placeholder(alt))

    def test_descriptions_are_alt_text(self):
        for alt in (
            "Wang Bo speaks at the meeting",
            "王波在会上讲话",
            "Building 2",
            "2020 graduates",
        ):
            with self.subTest(alt=alt):
                self.assertFalse(is_placeholder(alt))


class RecordingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()
        cls.image = Image.objects.create(title="1.png", file=get_test_image_file("1.png"))

    def test_lead_image_named_by_its_file_needs_alt_text_in_both_languages(self):
        article = ArticlePageFactory(
            parent=self.index, lead_image=self.image, lead_image_alt_en="1.png"
        )
        for language in ("en", "zh-hans"):
            self.assertEqual([item["where"] for item in lacking(article, language)], ["lead"])
            self.assertTrue(lacking(article, language)[0]["file"].endswith(".png"))

    def test_chinese_alt_text_of_its_own_clears_only_chinese(self):
        article = ArticlePageFactory(
            parent=self.index,
            lead_image=self.image,
            lead_image_alt_en="DSC01234",
            lead_image_alt_zh_hans="会议现场",
        )
        self.assertEqual(len(lacking(article, "en")), 1)
        self.assertEqual(lacking(article, "zh-hans"), [])

    def test_body_photos_and_gallery_photos_are_checked_per_language(self):
        article = ArticlePageFactory(
            parent=self.index,
            body_en=[
                photo(self.image, "The meeting room"),
                (
                    "gallery",
                    {
                        "title": "",
                        "photos": [
                            {
                                "image": self.image,
                                "alt_text": "a1b2c3d4e5f6",
                                "caption": "",
                                "credit": "",
                            },
                            {
                                "image": self.image,
                                "alt_text": "Guests",
                                "caption": "",
                                "credit": "",
                            },
                        ],
                    },
                ),
            ],
            body_zh_hans=[photo(self.image, "1.png")],
        )
        self.assertEqual([item["where"] for item in lacking(article, "en")], ["body"])
        self.assertEqual([item["where"] for item in lacking(article, "zh-hans")], ["body"])

    def test_an_article_with_written_alt_texts_needs_nothing(self):
        article = ArticlePageFactory(
            parent=self.index,
            lead_image=self.image,
            lead_image_alt_en="Guests at the meeting",
            lead_image_alt_zh_hans="与会嘉宾",
            body_en=[photo(self.image, "The room")],
        )
        self.assertEqual(lacking(article, "en"), [])
        self.assertEqual(lacking(article, "zh-hans"), [])


class DashboardAndHomeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, cls.articles = build_site(articles=2)
        cls.image = Image.objects.create(title="1.png", file=get_test_image_file("1.png"))
        cls.imported = ArticlePageFactory(
            parent=cls.index,
            title_en="Imported story",
            lead_image=cls.image,
            lead_image_alt_en="1.png",
        )
        cls.admin = get_user_model().objects.create_superuser("admin", "", "pw-for-tests")

    def setUp(self):
        self.client.force_login(self.admin)

    def test_admin_home_counts_articles_needing_alt_text(self):
        response = self.client.get("/admin/")
        self.assertContains(response, 'data-count="en-alt">1<')
        self.assertContains(response, 'data-count="zh-hans-alt">1<')
        self.assertContains(response, "Needs alt text")

    def test_filter_lists_only_the_article_and_names_its_image(self):
        response = self.client.get(DASHBOARD, {"alt": "missing", "language": "en"})
        self.assertEqual(response.text.count('class="translation-status__row '), 1)
        self.assertContains(response, f'href="/admin/pages/{self.imported.pk}/edit/"')
        self.assertContains(response, "lead image 1")

    def test_writing_the_alt_text_in_the_editor_takes_it_off_the_list(self):
        draft = self.imported.get_latest_revision_as_object()
        draft.lead_image_alt_en = "Guests at the meeting"
        draft.lead_image_alt_zh_hans = "与会嘉宾"
        draft.save_revision().publish()
        response = self.client.get(DASHBOARD, {"alt": "missing"})
        self.assertNotContains(response, 'class="translation-status__row ')
        self.assertContains(self.client.get("/admin/"), 'data-count="en-alt">0<')

    def test_chinese_admin_says_it_in_chinese(self):
        UserProfile.objects.update_or_create(
            user=self.admin, defaults={"preferred_language": "zh-hans"}
        )
        self.assertContains(self.client.get(DASHBOARD, {"alt": "missing"}), "需要替代文字")
