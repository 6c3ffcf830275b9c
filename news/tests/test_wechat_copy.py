""" "Copy for WeChat": an article in either language as HTML the WeChat official account editor
keeps when pasted (inline styles only, absolute images and links, no script, no class), with
the credits and the article's address at the end; who may open it. Through the real admin
view, the copy read back from the page's text area and parsed."""

import datetime
import re
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.test import TestCase
from django.utils import timezone
from lxml import html as lxml_html
from wagtail.documents.models import Document
from wagtail.users.models import UserProfile

from news.factories import (
    ArticlePageFactory,
    EventIndexPageFactory,
    UntranslatedArticlePageFactory,
)
from news.models import ArticlePage, EventPage
from news.newsroom.roles import EDITORS, MODERATORS, TRANSLATORS
from news.tests.utils import build_site, member, new_image

ROOT = "http://testserver"  # the host the admin was asked on
MP4 = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64
# Stored rich text is rendered as it is (docs/architecture.md, Uploads): what an importer
# or an API could have left in it must not reach the copy.
HOSTILE = (
    '<p class="lead" onclick="steal()" id="x" data-block-key="k1">Hello '
    '<a href="javascript:alert(1)">bad link</a><script>alert(1)</script>'
    '<a href="#top">anchor</a><span style="color:red">red</span></p>'
    '<style>p{color:red}</style><iframe src="https://evil.example/"></iframe>'
)


def wechat_url(page, language=None):
    url = f"/admin/wechat-copy/{page.pk}/"
    return f"{url}?lang={language}" if language else url


def copy_of(response):
    """The copy's HTML as the page's text area holds it (what the button copies), parsed."""
    soup = BeautifulSoup(response.content, "html.parser")
    source = soup.select_one("textarea#wechat-copy-source").get_text()
    return lxml_html.fragment_fromstring(source, create_parent="div"), source


class WeChatCopyTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, (cls.older,) = build_site(articles=1)
        photo, second, poster = (
            new_image(640, 360, title=name) for name in ("lab", "hall", "poster")
        )
        video = Document.objects.create(title="lab", file=ContentFile(MP4, name="lab.mp4"))

        def body(text, link_text):
            return [
                (
                    "paragraph",
                    f'<p>{text} <a linktype="page" id="{cls.older.pk}">{link_text}</a>, '
                    f'<a href="/en/news/">all news</a> and <a href="https://example.com/x">a site</a>.</p>'
                    "<h2>Heading two</h2><ul><li>one</li><li>two</li></ul>",
                ),
                (
                    "image",
                    {
                        "image": photo,
                        "alt_text": "The lab",
                        "caption": "The lab",
                        "credit": "Zhang San",
                    },
                ),
                (
                    "gallery",
                    {
                        "title": "Opening day",
                        "photos": [
                            {"image": photo, "alt_text": "A", "caption": "First", "credit": ""},
                            {
                                "image": second,
                                "alt_text": "B",
                                "caption": "Second",
                                "credit": "Li Si",
                            },
                        ],
                    },
                ),
                (
                    "table",
                    {
                        "data": [["Room", "Seats"], ["233", "40"]],
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "table_caption": "Rooms",
                    },
                ),
                ("quote", {"quote": "Science first.", "attribution": "The dean"}),
                (
                    "video",
                    {"video": video, "title": "The tour", "poster": poster, "captions": None},
                ),
                (
                    "remote_video",
                    {
                        "url": "https://www.bilibili.com/video/BV1xx411c7mD",
                        "title": "Campus",
                        "poster": poster,
                    },
                ),
                ("paragraph", HOSTILE),
            ]

        cls.article = ArticlePageFactory(
            parent=cls.index,
            title_en="New lab opens",
            title_zh_hans="新实验室启用",
            slug_en="new-lab-opens",
            slug_zh_hans="xin-shiyanshi",
            news_date=datetime.date(2023, 4, 13),
            lead_image=photo,
            lead_image_alt_en="The new lab",
            lead_image_alt_zh_hans="新实验室",
            lead_image_caption_en="The opening",
            lead_image_caption_zh_hans="启用仪式",
            lead_image_credit_en="Li Hua",
            lead_image_credit_zh_hans="李华",
            writer_en="News Office",
            writer_zh_hans="新闻中心",
            translator_en="Wang Fang",
            translator_zh_hans="王芳",
            body_en=body("Read", "the older story"),
            body_zh_hans=body("阅读", "旧新闻"),
        )
        cls.editor = member(EDITORS)
        cls.moderator = member(MODERATORS)
        cls.translator = member(TRANSLATORS)
        cls.outsider = get_user_model().objects.create_user("outsider", "", "pw")
        cls.outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))

    def open_copy(self, language=None, user=None, page=None):
        self.client.force_login(user or self.editor)
        response = self.client.get(wechat_url(page or self.article, language))
        self.assertEqual(response.status_code, 200)
        return response

    # What the copy holds

    def test_the_copy_has_no_script_style_sheet_frame_class_id_or_event_attribute(self):
        for language in ("en", "zh-hans"):
            copy, _source = copy_of(self.open_copy(language))
            tags = {element.tag for element in copy.iter() if isinstance(element.tag, str)}
            self.assertFalse(
                tags & {"script", "style", "link", "iframe", "video", "picture", "span"}, language
            )
            for element in copy.iter():
                if not isinstance(element.tag, str):
                    continue
                for attribute in element.attrib:
                    self.assertNotIn(attribute, ("class", "id"), language)
                    self.assertFalse(attribute.startswith(("on", "data-")), (language, attribute))
            self.assertNotIn("javascript:", _source)
            self.assertNotIn("alert(1)", _source)
            self.assertIn("bad link", copy.text_content())  # the text stays, without its link

    def test_every_element_has_its_style_inline(self):
        for language in ("en", "zh-hans"):
            copy, _source = copy_of(self.open_copy(language))
            for element in copy.iterdescendants():
                if isinstance(element.tag, str) and element.tag != "br":
                    self.assertTrue(element.get("style"), (language, element.tag))
            for image in copy.iter("img"):
                style = image.get("style")
                for rule in ("max-width:100%", "height:auto", "display:block"):
                    self.assertIn(rule, style)

    def test_every_image_is_a_jpeg_by_its_absolute_address_on_the_sites_host(self):
        for language in ("en", "zh-hans"):
            copy, _source = copy_of(self.open_copy(language))
            sources = [image.get("src") for image in copy.iter("img")]
            # the lead image, the body image, two gallery photos, two video posters
            self.assertEqual(len(sources), 6, language)
            for src in sources:
                parts = urlsplit(src)
                self.assertEqual(f"{parts.scheme}://{parts.netloc}", ROOT)
                self.assertTrue(parts.path.startswith("/media/images/"), src)
                self.assertTrue(parts.path.endswith(".jpg"), src)
                self.assertEqual(self.client.get(parts.path).status_code, 200)  # it exists

    def test_paragraph_links_are_absolute_in_the_copys_language(self):
        copy, _source = copy_of(self.open_copy("en"))
        hrefs = [a.get("href") for a in copy.iter("a")]
        self.assertIn(f"{ROOT}/en/news/{self.older.slug_en}/", hrefs)
        self.assertIn(f"{ROOT}/en/news/", hrefs)
        self.assertIn("https://example.com/x", hrefs)
        copy, _source = copy_of(self.open_copy("zh-hans"))
        hrefs = [a.get("href") for a in copy.iter("a")]
        self.assertIn(f"{ROOT}/zh-hans/xinwen/{self.older.slug_zh_hans}/", hrefs)
        for href in hrefs:
            self.assertTrue(href.startswith(("http://", "https://")), href)

    def test_the_copy_is_in_the_language_chosen(self):
        copy, _source = copy_of(self.open_copy("zh-hans"))
        self.assertEqual(copy.find(".//h1").text_content(), "新实验室启用")
        text = copy.text_content()
        self.assertIn("2023年4月13日", text)
        self.assertIn("新闻中心", text)
        self.assertIn("阅读", text)
        self.assertNotIn("New lab opens", text)
        copy, _source = copy_of(self.open_copy("en"))
        self.assertEqual(copy.find(".//h1").text_content(), "New lab opens")
        self.assertIn("13 April 2023", copy.text_content())

    def test_credits_and_the_articles_address_end_the_copy(self):
        for language, url, translator, photo_credit in (
            ("en", f"{ROOT}/en/news/new-lab-opens/", "Wang Fang", "Li Hua"),
            ("zh-hans", f"{ROOT}/zh-hans/xinwen/xin-shiyanshi/", "王芳", "李华"),
        ):
            copy, _source = copy_of(self.open_copy(language))
            *credits, last = copy.find(".//hr").itersiblings()  # after the closing rule
            self.assertEqual([a.get("href") for a in last.iter("a")], [url])
            self.assertIn(url, last.text_content())  # the address shown, not only linked
            self.assertIn("BIT News" if language == "en" else "北理工新闻", last.text_content())
            credits = [p.text_content() for p in credits]
            self.assertEqual(len(credits), 2, credits)  # translator, source (writer is on top)
            self.assertIn(translator, credits[0])
            self.assertIn("News Office" if language == "en" else "新闻中心", credits[1])
            self.assertIn(photo_credit, copy.text_content())  # under the lead image

    def test_blocks_keep_their_order_and_videos_become_links(self):
        copy, source = copy_of(self.open_copy("en"))
        text = re.sub(r"\s+", " ", copy.text_content())
        order = [
            "Heading two",
            "The lab",
            "Opening day",
            "Second",
            "Rooms",
            "Science first.",
            "The tour",
            "Campus",
        ]
        positions = [text.index(part) for part in order]
        self.assertEqual(positions, sorted(positions))
        self.assertIn("Photo: Li Si", text)
        self.assertEqual([th.text_content() for th in copy.iter("th")], ["Room", "Seats"])
        hrefs = [a.get("href") for a in copy.iter("a")]
        self.assertIn("https://www.bilibili.com/video/BV1xx411c7mD", hrefs)
        self.assertGreaterEqual(
            hrefs.count(f"{ROOT}/en/news/new-lab-opens/"), 3
        )  # video poster and text
        self.assertIsNotNone(copy.find(".//blockquote"))

    def test_the_copy_is_shown_in_a_frame_that_runs_no_script(self):
        response = self.open_copy("en")
        soup = BeautifulSoup(response.content, "html.parser")
        frame = soup.select_one("iframe#wechat-copy-preview")
        self.assertEqual(frame["sandbox"], ["allow-same-origin"])  # no allow-scripts
        self.assertIn("New lab opens", frame["srcdoc"])
        _copy, source = copy_of(response)
        self.assertIn(source, frame["srcdoc"])
        button = soup.select_one("button[data-wechat-copy]")
        self.assertEqual(button.get_text(strip=True), "Copy for WeChat")
        self.assertEqual(soup.select_one(f"#{button['data-status']}")["aria-live"], "polite")
        self.assertFalse(
            [s for s in soup.find_all("script") if not s.get("src") and "wechat" in s.text]
        )

    # The language

    def test_the_language_defaults_to_the_editors_interface_language(self):
        copy, _source = copy_of(self.open_copy())
        self.assertEqual(copy.find(".//h1").text_content(), "New lab opens")
        UserProfile.objects.update_or_create(
            user=self.editor, defaults={"preferred_language": "zh-hans"}
        )
        copy, _source = copy_of(self.open_copy())
        self.assertEqual(copy.find(".//h1").text_content(), "新实验室启用")

    def test_an_interface_language_the_article_is_hidden_in_gives_the_public_version(self):
        hidden = ArticlePageFactory(
            parent=self.index, public_zh_hans=False, title_en="Only English"
        )
        UserProfile.objects.update_or_create(
            user=self.editor, defaults={"preferred_language": "zh-hans"}
        )
        copy, _source = copy_of(self.open_copy(page=hidden))
        self.assertEqual(copy.find(".//h1").text_content(), "Only English")

    def test_a_language_the_article_is_not_public_in_is_copied_under_a_warning(self):
        hidden = ArticlePageFactory(parent=self.index, public_zh_hans=False, title_zh_hans="隐藏")
        response = self.open_copy("zh-hans", page=hidden)
        self.assertContains(response, "This article is not public in Chinese")
        copy, _source = copy_of(response)
        self.assertEqual(copy.find(".//h1").text_content(), "隐藏")
        self.assertNotContains(self.open_copy("en", page=hidden), "not public in")

    def test_an_untranslated_article_is_copied_in_english_under_a_warning(self):
        untranslated = UntranslatedArticlePageFactory(parent=self.index, title_en="Not yet")
        response = self.open_copy("zh-hans", page=untranslated)
        self.assertContains(response, "not translated into Chinese yet")
        self.assertEqual(copy_of(response)[0].find(".//h1").text_content(), "Not yet")
        self.assertNotContains(self.open_copy("en", page=untranslated), "not translated")

    def test_the_language_switch_offers_every_language(self):
        soup = BeautifulSoup(self.open_copy("zh-hans").content, "html.parser")
        links = soup.select(".wechat-copy__languages a")
        self.assertEqual(
            [a["href"] for a in links],
            [wechat_url(self.article, code) for code in ("en", "zh-hans")],
        )
        self.assertEqual([a.get("aria-current") for a in links], [None, "true"])

    def test_an_unknown_language_is_a_clear_400(self):
        self.client.force_login(self.editor)
        response = self.client.get(wechat_url(self.article, "fr"))
        self.assertEqual(response.status_code, 400)
        self.assertIn("fr", response.content.decode())

    # Which version

    def test_the_copy_is_the_published_version_and_says_so_when_a_draft_is_newer(self):
        draft = ArticlePage.objects.get(pk=self.article.pk)
        draft.title_en = "A draft title"
        draft.save_revision()
        response = self.open_copy("en")
        copy, _source = copy_of(response)
        self.assertEqual(copy.find(".//h1").text_content(), "New lab opens")
        self.assertContains(response, "changes saved as a draft since are not in it")

    def test_an_unpublished_article_warns_that_its_link_leads_nowhere(self):
        draft = ArticlePageFactory(parent=self.index, live=False)
        self.assertContains(self.open_copy("en", page=draft), "This article is not published")

    def test_an_event_says_when_and_where(self):
        events = EventIndexPageFactory(parent=self.index)
        start = timezone.make_aware(datetime.datetime(2099, 5, 1, 14, 0))
        event = EventPage(
            title="Open day",
            title_en="Open day",
            slug="open-day",
            slug_en="open-day",
            start=start,
            venue_en="Building 2",
        )
        events.add_child(instance=event)
        text = copy_of(self.open_copy("en", page=event))[0].text_content()
        self.assertIn("Building 2", text)
        self.assertIn("1 May 2099", text)

    # Who may open it

    def test_everyone_who_may_edit_the_article_may_copy_it(self):
        for user in (self.editor, self.moderator, self.translator):
            self.open_copy("en", user=user)

    def test_a_user_without_page_permission_is_refused(self):
        # Wagtail's admin answers PermissionDenied with its "permission denied" redirect home
        self.client.force_login(self.outsider)
        response = self.client.get(wechat_url(self.article), follow=True)
        self.assertEqual(response.redirect_chain, [("/admin/", 302)])
        self.assertContains(response, "Sorry, you do not have permission to access this area.")
        self.assertNotContains(response, "wechat-copy-source")

    def test_anonymous_visitors_are_sent_to_the_login_page(self):
        response = self.client.get(wechat_url(self.article))
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith("/admin/login/"))

    def test_a_page_that_is_not_an_article_is_not_found(self):
        self.client.force_login(self.editor)
        self.assertEqual(self.client.get(wechat_url(self.home)).status_code, 404)
        self.assertEqual(self.client.get("/admin/wechat-copy/999999/").status_code, 404)

    def test_the_articles_edit_page_offers_the_copy_and_the_home_page_does_not(self):
        self.client.force_login(self.editor)
        response = self.client.get(f"/admin/pages/{self.article.pk}/edit/")
        self.assertContains(response, f'href="{wechat_url(self.article)}"')
        self.assertContains(response, "Copy for WeChat")
        self.client.force_login(self.moderator)
        response = self.client.get(f"/admin/pages/{self.home.pk}/edit/")
        self.assertNotContains(response, "/admin/wechat-copy/")
