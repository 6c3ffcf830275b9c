import html
import re
from urllib.parse import parse_qs, unquote, urlsplit

import zxingcpp
from django.contrib.auth import get_user_model
from django.test import TestCase
from PIL import Image, ImageDraw

from news.factories import ArticlePageFactory
from news.tests.utils import article_form, build_site

EN_PATH = "/en/news/q-and-a/"
ZH_PATH = "/zh-hans/xinwen/wenda/"
EN_TITLE = "Q&A: what's next? 50% more + “quotes” #1"
ZH_TITLE = "问答：下一步？增长50%＆更多 #1"


def share_section(page_html):
    return page_html.split('<section class="share"')[1].split("</section>")[0]


def attribute(fragment, element_class, name):
    match = re.search(rf'class="{element_class}"[^>]*?\s{name}="([^"]*)"', fragment)
    assert match, f"no {name} on .{element_class}"
    return html.unescape(match.group(1))


def rasterize_qr_svg(svg, pixels_per_module=8):
    """Draw the served SVG (segno's one-path format) as a black-on-white image."""
    size = int(re.search(r'viewBox="0 0 (\d+) \d+"', svg).group(1))
    path = re.search(r'<path[^>]*stroke="#000"[^>]*\sd="([^"]+)"', svg).group(1)
    image = Image.new("L", (size * pixels_per_module,) * 2, 255)
    draw = ImageDraw.Draw(image)
    x = y = 0.0
    for command, first, second in re.findall(r"([MmHh])(-?[\d.]+)(?:\s(-?[\d.]+))?", path):
        if command == "M":
            x, y = float(first), float(second)
        elif command == "m":
            x, y = x + float(first), y + float(second)
        else:  # a horizontal line one module thick, centred on y
            end = (x + float(first)) if command == "h" else float(first)
            row = int(y - 0.5)
            draw.rectangle(
                (
                    int(x) * pixels_per_module,
                    row * pixels_per_module,
                    int(end) * pixels_per_module - 1,
                    (row + 1) * pixels_per_module - 1,
                ),
                fill=0,
            )
            x = end
    return image


class ShareTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site(articles=1)
        cls.article = ArticlePageFactory(
            parent=cls.index,
            title_en=EN_TITLE,
            title_zh_hans=ZH_TITLE,
            slug_en="q-and-a",
            slug_zh_hans="wenda",
            summary_en="Answers & more.",
            summary_zh_hans="答案与更多内容。",
        )

    def share(self, path):
        response = self.client.get(path)
        self.assertEqual(response.status_code, 200)
        return share_section(response.text)

    def qr_code(self, path):
        """The QR code the share box of `path` shows: (its <img>'s alt, the SVG served)."""
        section = self.share(path)
        response = self.client.get(attribute(section, "share__qr-code", "src"))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "image/svg+xml")
        return attribute(section, "share__qr-code", "alt"), response.content.decode()

    def test_wechat_qr_code_decodes_to_the_article_url_in_each_language(self):
        for path in (EN_PATH, ZH_PATH):
            with self.subTest(path=path):
                _alt, svg = self.qr_code(path)
                found = zxingcpp.read_barcodes(rasterize_qr_svg(svg))
                self.assertEqual([b.format for b in found], [zxingcpp.BarcodeFormat.QRCode])
                self.assertEqual(found[0].text, f"http://testserver{path}")

    def test_qr_code_is_named_for_screen_readers_in_each_language(self):
        for path, name in (
            (EN_PATH, "QR code of the link to this article"),
            (ZH_PATH, "本文链接的二维码"),
        ):
            with self.subTest(path=path):
                alt, svg = self.qr_code(path)
                self.assertEqual(alt, name)
                self.assertIn(f"<title>{name}</title>", svg)

    def test_the_article_page_links_its_qr_code_and_draws_none(self):
        """Drawing a code costs more than the rest of the page: the page names its address,
        which caches keep like the article; a story not published has none."""
        section = self.share(EN_PATH)
        self.assertNotIn("<svg", section)
        src = attribute(section, "share__qr-code", "src")
        self.assertEqual(src, f"/en/share/qr/{self.article.pk}.svg")
        response = self.client.get(src)
        self.assertIn("public", response["Cache-Control"])
        self.article.unpublish()
        self.assertEqual(self.client.get(src).status_code, 404)
        self.assertEqual(self.client.get("/en/share/qr/999999.svg").status_code, 404)

    def test_weibo_link_carries_the_encoded_url_and_title_in_each_language(self):
        for path, title in ((EN_PATH, EN_TITLE), (ZH_PATH, ZH_TITLE)):
            with self.subTest(path=path):
                href = attribute(self.share(path), "share__link", "href")
                parts = urlsplit(href)
                self.assertEqual(
                    (parts.scheme, parts.netloc, parts.path),
                    ("https", "service.weibo.com", "/share/share.php"),
                )
                self.assertRegex(parts.query, r"^[A-Za-z0-9%=&._~-]+$")  # all percent-encoded
                self.assertEqual(
                    parse_qs(parts.query), {"url": [f"http://testserver{path}"], "title": [title]}
                )

    def test_email_link_has_the_title_as_subject_and_the_url_in_the_body(self):
        for path, title, summary in (
            (EN_PATH, EN_TITLE, "Answers & more."),
            (ZH_PATH, ZH_TITLE, "答案与更多内容。"),
        ):
            with self.subTest(path=path):
                links = re.findall(r'class="share__link" href="([^"]*)"', self.share(path))
                href = html.unescape(links[1])
                self.assertTrue(href.startswith("mailto:?subject="), href)
                query = href.removeprefix("mailto:?")
                self.assertRegex(query, r"^[A-Za-z0-9%=&._~-]+$")  # no raw space, + or non-ASCII
                subject, body = query.split("&")
                self.assertEqual(unquote(subject.removeprefix("subject=")), title)
                self.assertEqual(
                    unquote(body.removeprefix("body=")),
                    f"{summary}\r\nhttp://testserver{path}",
                )

    def test_link_is_shown_in_a_read_only_field_for_copying_without_javascript(self):
        for path in (EN_PATH, ZH_PATH):
            with self.subTest(path=path):
                section = self.share(path)
                field = re.search(r'<input id="share-url"[^>]*>', section).group(0)
                self.assertIn(f'value="http://testserver{path}"', field)
                self.assertIn(" readonly", field)
                self.assertIn('<label for="share-url">', section)
                # The copy button only appears when share.js can make it work.
                self.assertRegex(section, r'<button class="share__button" type="button" hidden>')

    def test_share_script_is_loaded_deferred_on_articles_only(self):
        tag = '<script src="/static/js/share.js" defer></script>'
        self.assertContains(self.client.get(EN_PATH), tag, count=1)
        self.assertContains(self.client.get(ZH_PATH), tag, count=1)
        for url in ("/en/", "/en/news/", "/zh-hans/xinwen/focus/"):
            with self.subTest(url=url):
                self.assertNotContains(self.client.get(url), "share.js")
        self.assertEqual(self.client.get("/static/js/share.js").status_code, 200)

    def test_share_labels_are_in_the_page_language(self):
        english = self.share(EN_PATH)
        for label in ("Share this article", "Share on Weibo", "Share by e-mail", "Copy link"):
            self.assertIn(label, english)
        chinese = self.share(ZH_PATH)
        for label in (
            "分享本文",
            "分享到微博",
            "通过电子邮件分享",
            "复制链接",
            "本文链接",
            "链接已复制",
        ):
            self.assertIn(label, chinese)


class SharePreviewTests(TestCase):
    def test_admin_preview_of_an_unsaved_article_shows_the_share_box(self):
        _home, index, _ = build_site()
        editor = get_user_model().objects.create_superuser("editor", "", "pw-for-tests")
        self.client.force_login(editor)
        url = f"/admin/pages/add/news/articlepage/{index.pk}/preview/"
        self.assertEqual(self.client.post(url, article_form()).status_code, 200)
        section = share_section(self.client.get(url, {"mode": ""}).text)
        self.assertIn('value="http://localhost/en/news/new-lab-opens/"', section)
        self.assertIn('class="share__qr-code"', section)
