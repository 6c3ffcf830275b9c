import datetime

from django.test import TestCase
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from news.factories import ArticlePageFactory, UntranslatedArticlePageFactory
from news.tests.utils import build_site, page_title


class ArticlePageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()
        image = Image.objects.create(title="1.png", file=get_test_image_file())
        cls.article = ArticlePageFactory(
            parent=cls.index,
            title_en="BIT held a preparatory meeting",
            title_zh_hans="北理工召开筹建会",
            slug_en="preparatory-meeting",
            slug_zh_hans="choujianhui",
            news_date=datetime.date(2023, 4, 13),
            focus=True,
            lead_image=image,
            lead_image_alt_en="Meeting room with delegates",
            lead_image_alt_zh_hans="会议室中的与会代表",
            lead_image_caption_en="The meeting in Conference Room 233",
            lead_image_caption_zh_hans="233会议室会议现场",
            writer_en="News Office",
            writer_zh_hans="新闻中心",
        )
        cls.untranslated = UntranslatedArticlePageFactory(
            parent=cls.index, title_en="Lecture series announced", slug_en="lecture-series"
        )

    def test_english_article_shows_title_date_image_caption_body_and_credits(self):
        response = self.client.get("/en/news/preparatory-meeting/")
        self.assertContains(
            response, '<h1 class="page-title">BIT held a preparatory meeting</h1>', html=True
        )
        self.assertContains(response, '<time datetime="2023-04-13">13 April 2023</time>', html=True)
        self.assertContains(response, 'alt="Meeting room with delegates"')
        self.assertContains(
            response, "<figcaption>The meeting in Conference Room 233</figcaption>", html=True
        )
        self.assertContains(response, "Body of BIT held a preparatory meeting.")
        self.assertContains(response, "<dt>Writer</dt><dd>News Office</dd>", html=True)

    def test_chinese_article_shows_chinese_fields_and_chinese_date(self):
        response = self.client.get("/zh-hans/xinwen/choujianhui/")
        self.assertContains(response, '<html lang="zh-hans">')
        self.assertContains(response, '<h1 class="page-title">北理工召开筹建会</h1>', html=True)
        self.assertContains(response, '<time datetime="2023-04-13">2023年4月13日</time>', html=True)
        self.assertContains(response, 'alt="会议室中的与会代表"')
        self.assertContains(response, "<dt>撰稿</dt><dd>新闻中心</dd>", html=True)
        self.assertNotContains(response, "本文尚无中文版")
        article = response.text.split("<article")[1].split("</article>")[0]
        self.assertNotIn('lang="en"', article)  # nothing falls back to English

    def test_language_switcher_and_hreflang_lead_to_the_twin(self):
        english = self.client.get("/en/news/preparatory-meeting/")
        self.assertContains(
            english,
            '<a href="/zh-hans/xinwen/choujianhui/" lang="zh-hans" hreflang="zh-hans">中文</a>',
            html=True,
        )
        self.assertContains(
            english,
            '<link rel="alternate" hreflang="zh-hans" href="http://testserver/zh-hans/xinwen/choujianhui/">',
        )
        self.assertContains(
            english,
            '<link rel="canonical" href="http://testserver/en/news/preparatory-meeting/">',
        )
        chinese = self.client.get("/zh-hans/xinwen/choujianhui/")
        self.assertContains(
            chinese,
            '<a href="/en/news/preparatory-meeting/" lang="en" hreflang="en">English</a>',
            html=True,
        )
        self.assertContains(
            chinese,
            '<link rel="alternate" hreflang="x-default" href="http://testserver/en/news/preparatory-meeting/">',
        )

    def test_english_slug_under_chinese_prefix_is_not_found(self):
        response = self.client.get("/zh-hans/xinwen/preparatory-meeting/")
        self.assertEqual(response.status_code, 404)

    def test_untranslated_article_shows_english_text_marked_english_with_a_notice(self):
        response = self.client.get("/zh-hans/xinwen/lecture-series/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "本文尚无中文版，以下显示英文原文。")
        self.assertContains(
            response, '<h1 class="page-title" lang="en">Lecture series announced</h1>', html=True
        )
        self.assertContains(response, '<div class="article__body rich-text" lang="en">')
        self.assertContains(response, '<dt>来源</dt><dd lang="en">News Office</dd>', html=True)
        english = self.client.get("/en/news/lecture-series/")
        self.assertNotContains(english, "not been translated")

    def test_untranslated_article_is_marked_in_the_chinese_listing(self):
        response = self.client.get("/zh-hans/xinwen/")
        self.assertContains(response, 'lang="en">Lecture series announced</a>')
        self.assertContains(response, "仅有英文版")

    def test_unpublished_article_is_not_found(self):
        self.untranslated.unpublish()
        self.assertEqual(self.client.get("/en/news/lecture-series/").status_code, 404)


class SiteWideTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, cls.articles = build_site(articles=8, focus_every=2)

    def test_root_redirects_to_english_by_default(self):
        response = self.client.get("/")
        self.assertRedirects(response, "/en/", fetch_redirect_response=False)

    def test_root_redirects_chinese_browsers_to_chinese(self):
        response = self.client.get("/", headers={"accept-language": "zh-CN,zh;q=0.9,en;q=0.5"})
        self.assertRedirects(response, "/zh-hans/", fetch_redirect_response=False)

    def test_home_shows_focus_stories_then_latest_news(self):
        response = self.client.get("/en/")
        html = response.text
        focus = sorted((a for a in self.articles if a.focus), key=lambda a: a.news_date)[-3:]
        latest_section = html.split('id="latest-heading"')[1]
        focus_section = html.split('id="focus-heading"')[1].split('id="latest-heading"')[0]
        for article in focus:
            self.assertIn(article.title_en, focus_section)
            self.assertNotIn(article.title_en, latest_section)
        self.assertIn('href="/en/news/focus/"', focus_section)

    def test_home_page_title_is_the_site_name_once_in_each_language(self):
        self.assertEqual(page_title(self.client.get("/en/")), "BIT News")
        self.assertEqual(page_title(self.client.get("/zh-hans/")), "北理工新闻")

    def test_other_pages_are_titled_with_their_own_name_then_the_sites(self):
        self.assertEqual(page_title(self.client.get("/en/news/")), "News&amp;Events | BIT News")
        self.assertEqual(page_title(self.client.get("/zh-hans/xinwen/")), "新闻动态 | 北理工新闻")

    def test_unknown_slug_shows_the_sites_own_404_in_each_language(self):
        english = self.client.get("/en/news/no-such-story/")
        self.assertEqual(english.status_code, 404)
        self.assertContains(english, "Page not found", status_code=404)
        self.assertContains(english, '<html lang="en">', status_code=404)
        chinese = self.client.get("/zh-hans/xinwen/no-such-story/")
        self.assertContains(chinese, "找不到页面", status_code=404)
        self.assertContains(chinese, '<html lang="zh-hans">', status_code=404)
        self.assertContains(chinese, '<a href="/zh-hans/">返回首页</a>', status_code=404, html=True)

    def test_odd_paths_are_not_found_not_errors(self):
        for path in (
            "/en/news/focus/extra/",
            "/en/%E4%B8%AD/",
            "/en/news/..%2f/",
            "/xx/",
            "/en/news/article-0/x/",
        ):
            with self.subTest(path=path):
                self.assertEqual(self.client.get(path, follow=True).status_code, 404)

    def test_footer_links_to_baidu_map_without_loading_a_map_script(self):
        response = self.client.get("/zh-hans/")
        self.assertContains(
            response, "https://api.map.baidu.com/marker?location=39.965200%2C116.322600"
        )
        self.assertContains(response, "在百度地图中查看")
        # JSON-LD data blocks are not scripts a browser runs.
        self.assertNotRegex(response.text, r'<script(?! type="application/ld\+json">)')

    def test_map_button_appears_only_with_a_baidu_key_and_loads_nothing_by_itself(self):
        self.assertNotContains(self.client.get("/en/"), "js/map.js")
        with self.settings(BAIDU_MAP_AK="k3y"):
            response = self.client.get("/en/")
        self.assertContains(response, 'data-ak="k3y"')
        self.assertContains(response, '<script src="/static/js/map.js" defer></script>')
        self.assertNotContains(response, "api.map.baidu.com/api")  # only map.js knows it

    def test_pages_load_nothing_from_other_hosts(self):
        for url in ("/en/", "/en/news/", "/zh-hans/xinwen/focus/", self.articles[0].url):
            with self.subTest(url=url):
                html = self.client.get(url).text
                for attr in ('src="http', "src='http", 'href="//', 'rel="stylesheet" href="http'):
                    self.assertNotIn(attr, html)


class MetaDescriptionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, cls.articles = build_site(articles=3, focus_every=1)

    def test_every_page_type_describes_itself_in_its_language(self):
        article = self.articles[0]
        expected = {
            "/en/": "BIT News: Focus stories and the latest news, in English and Chinese.",
            "/zh-hans/": "北理工新闻：要闻与最新动态，中英文双语。",
            "/en/news/": "News&amp;Events: the latest news from BIT News, newest first.",
            "/zh-hans/xinwen/focus/": "要闻：北理工新闻最新消息，按时间倒序排列。",
            article.url: article.summary_en,
            "/zh-hans/search/?q=x": "搜索北理工新闻的新闻。",
        }
        for url, description in expected.items():
            with self.subTest(url=url):
                self.assertContains(
                    self.client.get(url), f'<meta name="description" content="{description}">'
                )
