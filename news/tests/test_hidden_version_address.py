"""The address of a hidden version (an article not public in one language) still answers: it
shows the public version with a notice, and a canonical link and hreflang alternates that name
only public versions."""

from news.factories import UntranslatedArticlePageFactory
from news.tests.utils import (
    BASE,
    VisibilityTestCase,
    canonical,
    hreflangs,
    json_ld_graph,
    meta_tags,
    switcher_links,
    url_in,
)

NOTICE_ZH = "本文未发布中文版，以下显示英文版。"
NOTICE_EN = "This article is not published in English. The Chinese version is shown below."
UNTRANSLATED_NOTICE_ZH = "本文尚无中文版，以下显示英文原文。"


class HiddenChineseAddressTests(VisibilityTestCase):
    """/zh-hans/xinwen/<slug>/ of a story not public in Chinese."""

    def setUp(self):
        self.response = self.client.get(url_in(self.only_en, "zh-hans"))

    def test_answers_with_the_english_text_marked_english_in_the_chinese_site(self):
        self.assertEqual(self.response.status_code, 200)
        self.assertContains(self.response, '<html lang="zh-hans">')
        self.assertContains(
            self.response, '<h1 class="page-title" lang="en">Visible in English</h1>'
        )
        self.assertContains(self.response, '<div class="article__body rich-text" lang="en">')
        self.assertContains(self.response, "<p>Body of Visible in English.</p>")
        self.assertNotContains(self.response, "隐藏的中文版")
        self.assertContains(self.response, "新闻动态")  # the Chinese navigation stays

    def test_says_the_story_is_not_published_in_chinese(self):
        self.assertContains(self.response, NOTICE_ZH)
        self.assertNotContains(self.response, UNTRANSLATED_NOTICE_ZH)

    def test_canonical_link_points_at_the_english_address(self):
        self.assertEqual(canonical(self.response), BASE + url_in(self.only_en, "en"))

    def test_hreflang_names_only_the_english_version(self):
        english = BASE + url_in(self.only_en, "en")
        self.assertEqual(hreflangs(self.response), {"en": english, "x-default": english})

    def test_language_switcher_still_leads_to_the_english_page(self):
        self.assertEqual(switcher_links(self.response), {"en": url_in(self.only_en, "en")})
        self.assertEqual(self.client.get(url_in(self.only_en, "en")).status_code, 200)

    def test_opengraph_and_json_ld_describe_the_english_version_and_no_translation(self):
        meta = meta_tags(self.response.text)
        self.assertEqual(meta["og:title"], "Visible in English")
        self.assertEqual(meta["og:locale"], "en_US")
        self.assertNotIn("og:locale:alternate", meta)
        self.assertEqual(meta["og:url"], BASE + url_in(self.only_en, "en"))
        article = json_ld_graph(self.response.text)["NewsArticle"]
        self.assertEqual(article["inLanguage"], "en")
        self.assertEqual(article["headline"], "Visible in English")
        self.assertEqual(article["url"], BASE + url_in(self.only_en, "en"))
        self.assertNotIn("workTranslation", article)
        self.assertNotIn("translationOfWork", article)

    def test_an_untranslated_story_hidden_in_chinese_gets_the_not_published_notice(self):
        story = UntranslatedArticlePageFactory(
            parent=self.index, title_en="English story", public_zh_hans=False
        )
        response = self.client.get(url_in(story, "zh-hans"))
        self.assertContains(response, NOTICE_ZH)
        self.assertNotContains(response, UNTRANSLATED_NOTICE_ZH)


class PublicEnglishAddressTests(VisibilityTestCase):
    """/en/news/<slug>/ of a story not public in Chinese: no Chinese twin announced."""

    def setUp(self):
        self.response = self.client.get(url_in(self.only_en, "en"))

    def test_shows_the_english_version_without_notice(self):
        self.assertContains(self.response, '<h1 class="page-title">Visible in English</h1>')
        self.assertNotContains(self.response, 'role="note"')

    def test_canonical_is_itself_and_hreflang_names_no_chinese_version(self):
        english = BASE + url_in(self.only_en, "en")
        self.assertEqual(canonical(self.response), english)
        self.assertEqual(hreflangs(self.response), {"en": english, "x-default": english})

    def test_opengraph_and_json_ld_claim_no_chinese_translation(self):
        meta = meta_tags(self.response.text)
        self.assertNotIn("og:locale:alternate", meta)
        self.assertNotIn("workTranslation", json_ld_graph(self.response.text)["NewsArticle"])

    def test_language_switcher_still_offers_chinese(self):
        self.assertEqual(
            switcher_links(self.response), {"zh-hans": url_in(self.only_en, "zh-hans")}
        )


class HiddenEnglishAddressTests(VisibilityTestCase):
    """/en/news/<slug>/ of a story not public in English."""

    def setUp(self):
        self.response = self.client.get(url_in(self.only_zh, "en"))

    def test_answers_with_the_chinese_text_marked_chinese_in_the_english_site(self):
        self.assertEqual(self.response.status_code, 200)
        self.assertContains(self.response, '<html lang="en">')
        self.assertContains(self.response, '<h1 class="page-title" lang="zh-hans">仅中文公开</h1>')
        self.assertContains(self.response, '<div class="article__body rich-text" lang="zh-hans">')
        self.assertContains(self.response, "<p>仅中文公开正文。</p>")
        self.assertNotContains(self.response, "Hidden English version")
        self.assertContains(self.response, NOTICE_EN)

    def test_canonical_and_hreflang_point_at_the_chinese_address(self):
        chinese = BASE + url_in(self.only_zh, "zh-hans")
        self.assertEqual(canonical(self.response), chinese)
        self.assertEqual(hreflangs(self.response), {"zh-hans": chinese, "x-default": chinese})

    def test_json_ld_describes_the_chinese_version_and_no_english_original(self):
        meta = meta_tags(self.response.text)
        self.assertEqual(meta["og:locale"], "zh_CN")
        self.assertNotIn("og:locale:alternate", meta)
        article = json_ld_graph(self.response.text)["NewsArticle"]
        self.assertEqual(article["inLanguage"], "zh-Hans")
        self.assertEqual(article["headline"], "仅中文公开")
        self.assertNotIn("translationOfWork", article)
        self.assertNotIn("workTranslation", article)

    def test_the_chinese_address_shows_the_chinese_version_with_its_own_links(self):
        response = self.client.get(url_in(self.only_zh, "zh-hans"))
        chinese = BASE + url_in(self.only_zh, "zh-hans")
        self.assertContains(response, '<h1 class="page-title">仅中文公开</h1>')
        self.assertNotContains(response, 'role="note"')
        self.assertEqual(canonical(response), chinese)
        self.assertEqual(hreflangs(response), {"zh-hans": chinese, "x-default": chinese})
        self.assertNotIn("translationOfWork", json_ld_graph(response.text)["NewsArticle"])
