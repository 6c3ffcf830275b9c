import datetime

from django.test import TestCase
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from news.factories import ArticlePageFactory, UntranslatedArticlePageFactory
from news.syndication.metadata import SHARE_IMAGE_SPEC
from news.tests.utils import build_site, json_ld_graph, read_head

EN_URL = "http://testserver/en/news/preparatory-meeting/"
ZH_URL = "http://testserver/zh-hans/xinwen/choujianhui/"
LOGO_URL = "http://testserver/static/img/logo.png"


class NewsArticleTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()
        cls.image = Image.objects.create(title="meeting", file=get_test_image_file())
        cls.article = ArticlePageFactory(
            parent=cls.index,
            title_en="BIT held a preparatory meeting",
            title_zh_hans="北理工召开筹建会",
            slug_en="preparatory-meeting",
            slug_zh_hans="choujianhui",
            news_date=datetime.date(2023, 4, 13),
            lead_image=cls.image,
            lead_image_alt_en="Delegates",
            writer_en="Li Hua",
            writer_zh_hans="李华",
        )
        cls.article.save_revision().publish()
        cls.untranslated = UntranslatedArticlePageFactory(
            parent=cls.index, title_en="Lecture series announced", slug_en="lecture-series"
        )

    def article_node(self, url):
        return json_ld_graph(self.client.get(url).text)["NewsArticle"]

    def test_english_article_is_a_news_article_in_english(self):
        node = self.article_node("/en/news/preparatory-meeting/")
        rendition = self.image.get_rendition(SHARE_IMAGE_SPEC)
        self.assertEqual(node["headline"], "BIT held a preparatory meeting")
        self.assertEqual(node["description"], "Summary of BIT held a preparatory meeting.")
        self.assertEqual(node["inLanguage"], "en")
        self.assertEqual(node["mainEntityOfPage"], {"@type": "WebPage", "@id": EN_URL})
        self.assertEqual(node["url"], EN_URL)
        self.assertTrue(node["datePublished"].startswith("2023-04-13T"))
        self.assertRegex(node["dateModified"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$")
        self.assertEqual(node["author"], {"@type": "Person", "name": "Li Hua"})
        self.assertEqual(node["image"]["url"], f"http://testserver{rendition.url}")
        self.assertEqual(node["image"]["width"], rendition.width)

    def test_chinese_article_is_a_news_article_in_chinese(self):
        node = self.article_node("/zh-hans/xinwen/choujianhui/")
        self.assertEqual(node["headline"], "北理工召开筹建会")
        self.assertEqual(node["description"], "北理工召开筹建会摘要。")
        self.assertEqual(node["inLanguage"], "zh-Hans")
        self.assertEqual(node["mainEntityOfPage"]["@id"], ZH_URL)
        self.assertEqual(node["author"], {"@type": "Person", "name": "李华"})
        self.assertEqual(node["publisher"]["name"], "北理工新闻")

    def test_english_original_names_its_chinese_translation(self):
        node = self.article_node("/en/news/preparatory-meeting/")
        self.assertEqual(
            node["workTranslation"],
            [
                {
                    "@type": "NewsArticle",
                    "@id": f"{ZH_URL}#article",
                    "url": ZH_URL,
                    "inLanguage": "zh-Hans",
                }
            ],
        )
        self.assertNotIn("translationOfWork", node)

    def test_chinese_translation_names_its_english_original(self):
        node = self.article_node("/zh-hans/xinwen/choujianhui/")
        self.assertEqual(
            node["translationOfWork"],
            {"@type": "NewsArticle", "@id": f"{EN_URL}#article", "url": EN_URL, "inLanguage": "en"},
        )
        self.assertNotIn("workTranslation", node)
        english = self.article_node("/en/news/preparatory-meeting/")
        self.assertEqual(node["translationOfWork"]["@id"], english["@id"])

    def test_untranslated_article_claims_no_translation_in_either_language(self):
        english = self.article_node("/en/news/lecture-series/")
        self.assertNotIn("workTranslation", english)
        chinese = self.article_node("/zh-hans/xinwen/lecture-series/")
        self.assertNotIn("translationOfWork", chinese)
        self.assertEqual(chinese["inLanguage"], "en")  # the page shows the English text
        self.assertEqual(chinese["headline"], "Lecture series announced")

    def test_publisher_is_the_organisation_with_its_logo(self):
        for url, name in (("/en/news/preparatory-meeting/", "BIT News"), ("/zh-hans/", None)):
            with self.subTest(url=url):
                graph = json_ld_graph(self.client.get(url).text)
                organization = graph["NewsArticle"]["publisher"] if name else graph["Organization"]
                self.assertEqual(organization["@type"], "Organization")
                self.assertEqual(organization["@id"], "http://testserver/#organization")
                self.assertEqual(
                    organization["logo"],
                    {"@type": "ImageObject", "url": LOGO_URL, "width": 512, "height": 512},
                )
                if name:
                    self.assertEqual(organization["name"], name)

    def test_article_without_writer_is_credited_to_the_organisation(self):
        node = self.article_node("/en/news/lecture-series/")
        self.assertEqual(
            node["author"],
            {"@type": "Organization", "name": "BIT News", "url": "http://testserver/en/"},
        )
        self.assertNotIn("image", node)

    def test_title_cannot_break_out_of_the_json_ld_script(self):
        attack = "</script><script>alert(1)</script>"
        self.article.title_en = f"Evil {attack} & <b>bold</b>"
        self.article.title_zh_hans = f"恶意{attack}"
        self.article.save_revision().publish()
        for url, title in (
            ("/en/news/preparatory-meeting/", f"Evil {attack} & <b>bold</b>"),
            ("/zh-hans/xinwen/choujianhui/", f"恶意{attack}"),
        ):
            with self.subTest(url=url):
                html = self.client.get(url).text
                self.assertNotIn("<script>alert(1)", html)
                head = html.split("</head>")[0]
                script = head.split('<script type="application/ld+json">')[1]
                self.assertNotIn("<", script.split("</script>")[0])
                self.assertEqual(json_ld_graph(html)["NewsArticle"]["headline"], title)


class BreadcrumbAndSiteTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, cls.articles = build_site(articles=1)

    def crumbs(self, url):
        node = json_ld_graph(self.client.get(url).text)["BreadcrumbList"]
        positions = [item["position"] for item in node["itemListElement"]]
        self.assertEqual(positions, list(range(1, len(positions) + 1)))
        return [(item["name"], item["item"]) for item in node["itemListElement"]]

    def test_article_breadcrumbs_lead_home_news_article_in_each_language(self):
        article = self.articles[0]
        self.assertEqual(
            self.crumbs(f"/en/news/{article.slug_en}/"),
            [
                ("Home", "http://testserver/en/"),
                ("News&Events", "http://testserver/en/news/"),
                (article.title_en, f"http://testserver/en/news/{article.slug_en}/"),
            ],
        )
        self.assertEqual(
            self.crumbs(f"/zh-hans/xinwen/{article.slug_zh_hans}/"),
            [
                ("首页", "http://testserver/zh-hans/"),
                ("新闻动态", "http://testserver/zh-hans/xinwen/"),
                (
                    article.title_zh_hans,
                    f"http://testserver/zh-hans/xinwen/{article.slug_zh_hans}/",
                ),
            ],
        )

    def test_focus_breadcrumbs_end_with_focus_in_each_language(self):
        self.assertEqual(
            self.crumbs("/en/news/focus/"),
            [
                ("Home", "http://testserver/en/"),
                ("News&Events", "http://testserver/en/news/"),
                ("Focus", "http://testserver/en/news/focus/"),
            ],
        )
        self.assertEqual(
            self.crumbs("/zh-hans/xinwen/focus/")[-1],
            ("要闻", "http://testserver/zh-hans/xinwen/focus/"),
        )

    def test_focus_story_breadcrumbs_pass_through_focus_in_each_language(self):
        story = ArticlePageFactory(
            parent=self.index, focus=True, slug_en="telescope", slug_zh_hans="wangyuanjing"
        )
        self.assertEqual(
            self.crumbs("/en/news/telescope/"),
            [
                ("Home", "http://testserver/en/"),
                ("News&Events", "http://testserver/en/news/"),
                ("Focus", "http://testserver/en/news/focus/"),
                (story.title_en, "http://testserver/en/news/telescope/"),
            ],
        )
        self.assertEqual(
            self.crumbs("/zh-hans/xinwen/wangyuanjing/"),
            [
                ("首页", "http://testserver/zh-hans/"),
                ("新闻动态", "http://testserver/zh-hans/xinwen/"),
                ("要闻", "http://testserver/zh-hans/xinwen/focus/"),
                (story.title_zh_hans, "http://testserver/zh-hans/xinwen/wangyuanjing/"),
            ],
        )

    def test_news_listing_breadcrumbs(self):
        self.assertEqual(
            self.crumbs("/zh-hans/xinwen/"),
            [
                ("首页", "http://testserver/zh-hans/"),
                ("新闻动态", "http://testserver/zh-hans/xinwen/"),
            ],
        )

    def test_home_page_describes_the_website_and_organisation_without_breadcrumbs(self):
        for url, language, name in (
            ("/en/", "en", "BIT News"),
            ("/zh-hans/", "zh-Hans", "北理工新闻"),
        ):
            with self.subTest(url=url):
                graph = json_ld_graph(self.client.get(url).text)
                self.assertEqual(set(graph), {"WebSite", "Organization"})
                website = graph["WebSite"]
                self.assertEqual(website["url"], f"http://testserver{url}")
                self.assertEqual(website["name"], name)
                self.assertEqual(website["inLanguage"], language)
                self.assertEqual(website["publisher"], {"@id": graph["Organization"]["@id"]})

    def test_listing_and_article_pages_carry_exactly_one_json_ld_block(self):
        for url in ("/en/", "/en/news/", "/zh-hans/xinwen/focus/", self.articles[0].url):
            with self.subTest(url=url):
                self.assertEqual(len(read_head(self.client.get(url).text).json_ld), 1)
