import datetime

from django.contrib.auth import get_user_model
from django.test import TestCase
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from news.factories import ArticlePageFactory, EventIndexPageFactory
from news.syndication.metadata import LOGO, SHARE_IMAGE_SPEC
from news.tests.utils import article_form, build_site, make_column, meta_tags, tag

EN_URL = "http://testserver/en/news/preparatory-meeting/"
ZH_URL = "http://testserver/zh-hans/xinwen/choujianhui/"
LOGO_URL = "http://testserver/static/img/logo.png"


class SocialMetaTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site(articles=2)
        cls.image = Image.objects.create(title="meeting", file=get_test_image_file())
        cls.article = ArticlePageFactory(
            parent=cls.index,
            title_en="BIT held a preparatory meeting",
            title_zh_hans="北理工召开筹建会",
            slug_en="preparatory-meeting",
            slug_zh_hans="choujianhui",
            news_date=datetime.date(2023, 4, 13),
            summary_en='The "Joint Guidance Center" is being set up.',
            summary_zh_hans="“联合指导中心”正在筹建。",
            lead_image=cls.image,
            lead_image_alt_en="Delegates in a meeting room",
            lead_image_alt_zh_hans="会议室中的与会代表",
        )

    def test_english_article_has_opengraph_tags_in_english(self):
        rendition = self.image.get_rendition(SHARE_IMAGE_SPEC)
        meta = meta_tags(self.client.get("/en/news/preparatory-meeting/").text)
        self.assertEqual(meta["og:type"], "article")
        self.assertEqual(meta["og:title"], "BIT held a preparatory meeting")
        self.assertEqual(meta["og:description"], 'The "Joint Guidance Center" is being set up.')
        self.assertEqual(meta["og:url"], EN_URL)
        self.assertEqual(meta["og:site_name"], "BIT News")
        self.assertEqual(meta["og:locale"], "en_US")
        self.assertEqual(meta["og:locale:alternate"], "zh_CN")
        self.assertEqual(meta["og:image"], f"http://testserver{rendition.url}")
        self.assertTrue(rendition.url.endswith(".jpg"))
        self.assertEqual(meta["og:image:width"], str(rendition.width))
        self.assertEqual(meta["og:image:height"], str(rendition.height))
        self.assertEqual(meta["og:image:alt"], "Delegates in a meeting room")
        self.assertTrue(meta["article:published_time"].startswith("2023-04-13T"))

    def test_chinese_article_has_opengraph_tags_in_chinese(self):
        meta = meta_tags(self.client.get("/zh-hans/xinwen/choujianhui/").text)
        self.assertEqual(meta["og:type"], "article")
        self.assertEqual(meta["og:title"], "北理工召开筹建会")
        self.assertEqual(meta["og:description"], "“联合指导中心”正在筹建。")
        self.assertEqual(meta["og:url"], ZH_URL)
        self.assertEqual(meta["og:site_name"], "北理工新闻")
        self.assertEqual(meta["og:locale"], "zh_CN")
        self.assertEqual(meta["og:locale:alternate"], "en_US")
        self.assertEqual(meta["og:image:alt"], "会议室中的与会代表")

    def test_og_url_is_the_canonical_url(self):
        for url in ("/en/news/preparatory-meeting/", "/zh-hans/xinwen/focus/", "/en/news/?page=1"):
            with self.subTest(url=url):
                html = self.client.get(url).text
                canonical = html.split('<link rel="canonical" href="')[1].split('"')[0]
                self.assertEqual(meta_tags(html)["og:url"], canonical)

    def test_article_has_a_large_image_twitter_card_in_each_language(self):
        expected = {
            "/en/news/preparatory-meeting/": (
                "BIT held a preparatory meeting",
                'The "Joint Guidance Center" is being set up.',
                "Delegates in a meeting room",
            ),
            "/zh-hans/xinwen/choujianhui/": (
                "北理工召开筹建会",
                "“联合指导中心”正在筹建。",
                "会议室中的与会代表",
            ),
        }
        for url, (title, description, alt) in expected.items():
            with self.subTest(url=url):
                meta = meta_tags(self.client.get(url).text)
                self.assertEqual(meta["twitter:card"], "summary_large_image")
                self.assertEqual(meta["twitter:title"], title)
                self.assertEqual(meta["twitter:description"], description)
                self.assertEqual(meta["twitter:image"], meta["og:image"])
                self.assertEqual(meta["twitter:image:alt"], alt)

    def test_search_description_is_preferred_to_the_summary(self):
        self.article.search_description_en = "What the search engine should show."
        self.article.search_description_zh_hans = "搜索引擎显示的描述。"
        self.article.save_revision().publish()
        english = meta_tags(self.client.get("/en/news/preparatory-meeting/").text)
        self.assertEqual(english["og:description"], "What the search engine should show.")
        self.assertEqual(english["description"], "What the search engine should show.")
        chinese = meta_tags(self.client.get("/zh-hans/xinwen/choujianhui/").text)
        self.assertEqual(chinese["og:description"], "搜索引擎显示的描述。")
        self.assertEqual(chinese["twitter:description"], "搜索引擎显示的描述。")

    def test_home_page_is_a_website_with_the_site_logo_and_a_small_card(self):
        for url, name, locale in (
            ("/en/", "BIT News", "en_US"),
            ("/zh-hans/", "北理工新闻", "zh_CN"),
        ):
            with self.subTest(url=url):
                meta = meta_tags(self.client.get(url).text)
                self.assertEqual(meta["og:type"], "website")
                self.assertEqual(meta["og:title"], name)
                self.assertEqual(meta["og:site_name"], name)
                self.assertEqual(meta["og:locale"], locale)
                self.assertEqual(meta["og:url"], f"http://testserver{url}")
                self.assertEqual(meta["og:image"], LOGO_URL)
                self.assertEqual(meta["og:image:width"], "512")
                self.assertEqual(meta["og:image:height"], "512")
                self.assertEqual(meta["twitter:card"], "summary")

    def test_home_and_listings_tell_other_sites_what_they_tell_search_engines(self):
        EventIndexPageFactory(parent=self.index)
        make_column("Research", "科研", "research", "keyan", description_en="Lab news.")
        tag(self.article, "robotics")
        listings = [
            ("/en/", "/zh-hans/"),
            ("/en/news/", "/zh-hans/xinwen/"),
            ("/en/news/focus/", "/zh-hans/xinwen/focus/"),
            ("/en/news/column/", "/zh-hans/xinwen/column/"),
            ("/en/news/column/research/", "/zh-hans/xinwen/column/keyan/"),
            ("/en/news/tag/robotics/", "/zh-hans/xinwen/tag/robotics/"),
            ("/en/news/2023/", "/zh-hans/xinwen/2023/"),
            ("/en/news/events/", "/zh-hans/xinwen/huodong/"),
            ("/en/news/subscribe/", "/zh-hans/xinwen/subscribe/"),
        ]
        for url in (url for pair in listings for url in pair):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                meta = meta_tags(response.text)
                self.assertTrue(meta["description"])
                self.assertEqual(meta["og:description"], meta["description"])
                self.assertEqual(meta["twitter:description"], meta["description"])
        home = meta_tags(self.client.get("/en/").text)
        self.assertEqual(
            home["og:description"],
            "BIT News: Focus stories and the latest news, in English and Chinese.",
        )
        column = meta_tags(self.client.get("/en/news/column/research/").text)
        self.assertEqual(column["og:description"], "Lab news.")

    def test_focus_listing_is_titled_focus_in_each_language(self):
        english = meta_tags(self.client.get("/en/news/focus/").text)
        self.assertEqual(english["og:title"], "Focus")
        self.assertEqual(english["og:url"], "http://testserver/en/news/focus/")
        chinese = meta_tags(self.client.get("/zh-hans/xinwen/focus/").text)
        self.assertEqual(chinese["og:title"], "要闻")
        self.assertEqual(chinese["twitter:title"], "要闻")
        self.assertEqual(chinese["og:url"], "http://testserver/zh-hans/xinwen/focus/")

    def test_site_logo_is_served_at_the_size_the_tags_announce(self):
        response = self.client.get("/static/img/logo.png")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "image/png")
        with PILImage.open(f"static/{LOGO['path']}") as logo:
            self.assertEqual(logo.size, (LOGO["width"], LOGO["height"]))

    def test_error_pages_have_no_social_tags(self):
        response = self.client.get("/en/news/no-such-story/")
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("og:title", response.text)


class PreviewTests(TestCase):
    def test_admin_preview_of_an_unsaved_article_shows_its_tags(self):
        _home, index, _ = build_site()
        editor = get_user_model().objects.create_superuser("editor", "", "pw-for-tests")
        self.client.force_login(editor)
        url = f"/admin/pages/add/news/articlepage/{index.pk}/preview/"
        self.assertEqual(self.client.post(url, article_form()).status_code, 200)
        response = self.client.get(url, {"mode": ""})
        self.assertEqual(response.status_code, 200)
        meta = meta_tags(response.text)
        self.assertEqual(meta["og:title"], "New lab opens")
        self.assertEqual(meta["og:url"], "http://localhost/en/news/new-lab-opens/")
