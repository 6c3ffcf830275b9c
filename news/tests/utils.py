"""Test helpers, in one module that every test module may import (never another test module).

- a page tree built with the factories (`build_site`) and query counting (`queries_of`, and
  `queries_from_nothing` with every cache emptied first: `empty_every_cache`);
- reading pages: listings, breadcrumbs, the language switcher, <head> metadata, sitemaps,
  search results;
- filling in the admin's forms as each role (`article_form`, `edit_form`, `member`,
  `RoleTestCase`, `submit_new_article`);
- garbage for query parameters (`query_values`) and the hostile uploads (`HOSTILE`), which
  `make audit` (audit/) also sends to a running server.
"""

import datetime
import email
import email.policy
import html
import io
import json
import re
import signal
import socket
import struct
import time
import xml.etree.ElementTree as ET
import zlib
from html.parser import HTMLParser

from aiosmtpd.controller import Controller
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils.html import strip_tags
from hypothesis import strategies as st
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from news.cache import fragments, local
from news.factories import ArticlePageFactory, HomePageFactory, NewsIndexPageFactory
from news.models import ArticlePage, ArticleTag, Column, SiteSettings
from news.newsroom.roles import EDITORS, MODERATORS, TRANSLATORS, attach_review_workflow


def build_site(articles=0, focus_every=0):
    """Home › News&Events › `articles` articles; every `focus_every`-th one is Focus."""
    root = Page.get_first_root_node()
    root.get_children().delete()  # Wagtail's "Welcome" page (and its Site)
    home = HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "test"},
    )
    SiteSettings.objects.update_or_create(
        site=Site.objects.get(is_default_site=True),
        defaults={
            "site_name_en": "BIT News",
            "site_name_zh_hans": "北理工新闻",
            "map_latitude": "39.965200",
            "map_longitude": "116.322600",
        },
    )
    index = NewsIndexPageFactory(parent=home)
    attach_review_workflow(index)  # as load_demo does: articles go through "Newsroom review"
    made = [
        ArticlePageFactory(parent=index, focus=bool(focus_every) and n % focus_every == 0)
        for n in range(articles)
    ]
    return home, index, made


def queries_of(client, url):
    """(response, number of queries) of rendering `url` a second time; the first warms the
    fragment caches (site root paths, image renditions, cards...), so the count is what a page
    costs when the page cache (which answers with none) does not have it."""
    with override_settings(PAGE_CACHE=False):
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
    return response, len(queries)


def empty_every_cache():
    """Nothing kept anywhere, as for a new process with an empty Redis: Django's cache (the
    page cache, the fragments, the store's clock and tags, Wagtail's renditions and site root
    paths), this process's copies of what it kept (news/cache/local.py) and Django's content
    types (kept by each process once asked for)."""
    cache.clear()
    local.sync(None, lambda clock: None)
    ContentType.objects.clear_cache()


def queries_from_nothing(client, url):
    """(response, the queries it made) of `url` rendered from nothing: asked for once (the
    process's configuration copies made: the Site, its settings, menus, sections; its
    pictures' renditions), then every page, fragment and copy made from what a publish changes
    forgotten (Django's cache emptied, `fragments.forget_content`), as after every story
    changed. `empty_every_cache` is a new process's first request, with no copies at all."""
    client.get(url)
    cache.clear()
    fragments.forget_content()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, queries.captured_queries


# Pages as a visitor reads them

PREFIX = {"en": "/en/news/", "zh-hans": "/zh-hans/xinwen/"}
TITLE_FIELD = {code: f"title_{code.replace('-', '_')}" for code, _name in settings.LANGUAGES}


def url_in(article, language="en"):
    """The article's address in `language` (not `.url`, which depends on the active one)."""
    slug = article.slug_en if language == "en" else article.slug_zh_hans or article.slug_en
    return f"{PREFIX[language]}{slug}/"


def make_column(name_en, name_zh, slug_en, slug_zh, **extra):
    return Column.objects.create(
        name=name_en,
        slug=slug_en,
        name_en=name_en,
        name_zh_hans=name_zh,
        slug_en=slug_en,
        slug_zh_hans=slug_zh,
        **extra,
    )


def research_column():
    """The column "Research" / "科研进展", with a description in each language."""
    return make_column(
        "Research",
        "科研进展",
        "research",
        "keyan",
        description_en="News from the laboratories.",
        description_zh_hans="实验室的科研动态。",
    )


def tag(article, *names):
    """Tag a saved article (creating the tags) and save it."""
    for name in names:
        ArticleTag.objects.get_or_create(name=name)
    article.tags.add(*ArticleTag.objects.filter(name__in=names))
    article.save()
    return article


CARD_TITLE = r'class="card__title"><a href="[^"]+"[^>]*>([^<]+)</a>'


def titles_in(response):
    """Article titles in the order the listing shows them."""
    return re.findall(CARD_TITLE, response.text)


def home_focus_titles(response):
    """Titles of the cards in the home page's Focus section, in order."""
    html = response.text
    if 'id="focus-heading"' not in html:
        return []
    section = html.split('id="focus-heading"', 1)[1].split('id="latest-heading"', 1)[0]
    return re.findall(CARD_TITLE, section)


def titles(articles, language):
    """The articles' titles in `language`."""
    return [getattr(a, TITLE_FIELD[language]) for a in articles]


def article_on(index, day, **fields):
    """An article under `index` dated 2023-01-`day`."""
    return ArticlePageFactory(parent=index, news_date=datetime.date(2023, 1, day), **fields)


def newest_first(articles):
    return sorted(articles, key=lambda a: (a.news_date, a.pk), reverse=True)


def breadcrumbs(response):
    """[(href or None, text)] of the breadcrumb trail."""
    trail = response.text.split('class="breadcrumbs"')[1].split("</nav>")[0]
    found = re.findall(r'<li>(?:<a href="([^"]+)">|<span aria-current="page">)([^<]+)<', trail)
    return [(href or None, text) for href, text in found]


def page_title(response):
    return re.search(r"<title>(.*?)</title>", response.text, re.S).group(1).strip()


def h1(response):
    return re.search(r'<h1 class="page-title"[^>]*>(.*?)</h1>', response.text, re.S).group(1)


def switcher_link(response, language):
    """The language switcher's link to `language`."""
    return re.search(
        rf'<a href="([^"]+)" lang="{language}" hreflang="{language}">', response.text
    ).group(1)


def alternate(response, language):
    return re.search(
        rf'<link rel="alternate" hreflang="{language}" href="([^"]+)">', response.text
    ).group(1)


def canonical(response):
    return re.search(r'<link rel="canonical" href="([^"]+)">', response.text).group(1)


class _HeadReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta = {}
        self.json_ld = []
        self._in_json_ld = False
        self._script = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            key = attrs.get("property") or attrs.get("name")
            self.meta.setdefault(key, []).append(attrs.get("content"))
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_json_ld = True
            self._script = []

    def handle_data(self, data):
        if self._in_json_ld:
            self._script.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._in_json_ld:
            self.json_ld.append(json.loads("".join(self._script)))
            self._in_json_ld = False


def read_head(html):
    reader = _HeadReader()
    reader.feed(html)
    reader.close()
    return reader


def meta_tags(html):
    """{property or name: content} of the page's meta tags; repeated ones as lists."""
    return {
        key: values[0] if len(values) == 1 else values
        for key, values in read_head(html).meta.items()
    }


def json_ld_graph(html):
    """Every schema.org node of the page's JSON-LD, by @type (one block expected)."""
    blocks = read_head(html).json_ld
    assert len(blocks) == 1, f"{len(blocks)} JSON-LD blocks"
    assert blocks[0]["@context"] == "https://schema.org"
    return {node["@type"]: node for node in blocks[0]["@graph"]}


SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
BASE = "http://testserver"


def parse_sitemap(response):
    """{loc: {"lastmod": str, "alternates": {hreflang: href}}} from a sitemap response."""
    root = ET.fromstring(response.content)  # noqa: S314 (our own sitemap)
    assert root.tag == f"{SITEMAP}urlset", root.tag
    urls = {}
    for url in root.findall(f"{SITEMAP}url"):
        loc = url.findtext(f"{SITEMAP}loc")
        assert loc not in urls, f"{loc} listed twice"
        urls[loc] = {
            "lastmod": url.findtext(f"{SITEMAP}lastmod"),
            "alternates": {
                link.get("hreflang"): link.get("href")
                for link in url.findall(f"{XHTML}link")
                if link.get("rel") == "alternate"
            },
        }
    return urls


def sitemap_index(response):
    """The paths of the sitemaps a sitemap index lists, in order."""
    root = ET.fromstring(response.content)  # noqa: S314 (our own sitemap)
    assert root.tag == f"{SITEMAP}sitemapindex", root.tag
    return [loc.text.removeprefix(BASE) for loc in root.iter(f"{SITEMAP}loc")]


def read_sitemaps(client):
    """Every `<url>` of every sitemap that /sitemap.xml lists, as parse_sitemap gives them."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200, index.status_code
    urls = {}
    for path in sitemap_index(index):
        response = client.get(path)
        assert response.status_code == 200, path
        for loc, url in parse_sitemap(response).items():
            assert loc not in urls, f"{loc} listed twice"
            urls[loc] = url
    return urls


SEARCH = {"en": "/en/search/", "zh-hans": "/zh-hans/search/"}


def result_titles(response):
    """Titles of the results shown, as text (marks removed), in order."""
    found = re.findall(r'class="card__title"><a href="[^"]+"[^>]*>(.*?)</a>', response.text)
    return [html.unescape(strip_tags(title)) for title in found]


def result_kinds(response):
    """The kind each result shown is labelled with ("Article", "Event", "Page"), in order."""
    found = re.findall(r'class="card__kind">(.*?)</span>', response.text)
    return [html.unescape(kind) for kind in found]


def search(client, language, q, **params):
    return client.get(SEARCH[language], {"q": q, **params})


def hreflangs(response):
    """{hreflang: href} of the page's alternate links."""
    return dict(
        re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', response.text)
    )


def switcher_links(response):
    """{language: href} of the language switcher's links (the current one has none)."""
    nav = response.text.split('class="language-switcher"')[1].split("</nav>")[0]
    return {lang: href for href, lang in re.findall(r'<a href="([^"]+)" lang="([^"]+)"', nav)}


class VisibilityTestCase(TestCase):
    """Four articles, all Focus, in the column "Research" and tagged "robotics":

    newest first: shared_new (2023-03), only_zh (2023-02, English hidden),
    shared_old (2023-01), only_en (2022-05, Chinese hidden, the only 2022 story).
    """

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site(articles=0)
        cls.column = make_column("Research", "科研", "research", "keyan")

        def article(day, title_en, title_zh, **extra):
            made = ArticlePageFactory(
                parent=cls.index,
                news_date=day,
                title_en=title_en,
                title_zh_hans=title_zh,
                focus=True,
                column=cls.column,
                **extra,
            )
            return tag(made, "robotics")

        cls.shared_old = article(datetime.date(2023, 1, 10), "Shared older story", "共享旧新闻")
        cls.shared_new = article(datetime.date(2023, 3, 1), "Shared newer story", "共享新新闻")
        cls.only_en = article(
            datetime.date(2022, 5, 1), "Visible in English", "隐藏的中文版", public_zh_hans=False
        )
        cls.only_zh = article(
            datetime.date(2023, 2, 1), "Hidden English version", "仅中文公开", public_en=False
        )

    # What each language lists, newest first.
    EN = ["Shared newer story", "Shared older story", "Visible in English"]
    ZH = ["共享新新闻", "仅中文公开", "共享旧新闻"]


# The admin's forms, as each role fills them in


def article_form(image=None, **overrides):
    """The add-page form as an editor fills it in, with both languages."""
    data = {
        "title_en": "New lab opens",
        "title_zh_hans": "新实验室启用",
        "slug_en": "new-lab-opens",
        "slug_zh_hans": "xin-shiyanshi-qiyong",
        "news_date": "2099-01-01",
        "focus": "on",
        "summary_en": "A new laboratory opened.",
        "summary_zh_hans": "新实验室正式启用。",
        "lead_image": image.pk if image else "",
        "lead_image_alt_en": "The new laboratory building",
        "lead_image_alt_zh_hans": "新实验楼",
        "lead_image_caption_en": "The opening",
        "lead_image_caption_zh_hans": "启用仪式",
        "body_en": streamfield([("paragraph", rich_text("<p>The lab opened today.</p>"))]),
        "body_zh_hans": streamfield([("paragraph", rich_text("<p>实验室今天启用。</p>"))]),
        "writer_en": "News Office",
        "writer_zh_hans": "新闻中心",
        "related_links": inline_formset([]),
        "corrections": inline_formset([]),
        # Ticked by default in the form of users who see them (moderators, superusers).
        "public_en": "on",
        "public_zh_hans": "on",
        "action-publish": "action-publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def member(group_name, username=None):
    """A staff user whose only rights come from the group (no superuser, no own permissions),
    named after the group's English name ("editors") unless told."""
    username = username or group_name.split(" / ")[0].lower()
    user = get_user_model().objects.create_user(username, "", "pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def edit_form(article, **overrides):
    """The article's edit form as it stands, with `overrides`; saves a draft unless told."""
    data = {
        "title_en": article.title_en,
        "title_zh_hans": article.title_zh_hans,
        "slug_en": article.slug_en,
        "slug_zh_hans": article.slug_zh_hans,
        "news_date": article.news_date.isoformat(),
        "action-publish": "",
    }
    data.update(overrides)
    form = article_form(**data)
    if not form["action-publish"]:
        del form["action-publish"]  # "Save draft"
    return form


def stream_in_editor(response, name):
    """(blocks, errors) of the StreamField `name` as the admin's edit view hands them to the
    editor's script: the blocks shown, and the errors on them (None when there are none)."""
    found = re.search(
        rf'<div id="{name}" data-block [^>]*data-w-block-arguments-value="([^"]*)"', response.text
    )
    blocks, *errors = json.loads(html.unescape(found[1]))
    return blocks, (errors or [None])[0]


class RoleTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, (cls.live, cls.draft) = build_site(articles=2)
        cls.draft.unpublish()
        cls.editor = member(EDITORS)
        cls.moderator = member(MODERATORS)
        cls.translator = member(TRANSLATORS)
        cls.image = Image.objects.create(title="lab", file=get_test_image_file())

    def login(self, user):
        self.client.force_login(user)

    def add(self, **overrides):
        url = f"/admin/pages/add/news/articlepage/{self.index.pk}/"
        return self.client.post(url, article_form(self.image, **overrides))

    def edit(self, article, **overrides):
        return self.client.post(f"/admin/pages/{article.pk}/edit/", edit_form(article, **overrides))

    def refresh(self, article):
        return ArticlePage.objects.get(pk=article.pk)


def submit_new_article(client, editor, index):
    """The editor adds "New lab opens" (article_form) under `index` and submits it for review."""
    client.force_login(editor)
    form = article_form(**{"action-submit": "action-submit"})
    del form["action-publish"]
    client.post(f"/admin/pages/add/news/articlepage/{index.pk}/", form)
    return ArticlePage.objects.get(slug_en="new-lab-opens")


# Query plans (PostgreSQL)


def plan_nodes(query, **settings):
    """The nodes of PostgreSQL's plan for `query` (a queryset, or SQL as run), flattened:
    [{"Node Type", "Index Name", ...}]. `settings` are planner switches for this transaction
    (enable_seqscan="off": a table scan only when no index can serve the query, however small
    the test tables are)."""
    with connection.cursor() as cursor:
        for name, value in settings.items():
            cursor.execute(f"SET LOCAL {name} = {value}")
        if isinstance(query, str):
            cursor.execute(f"EXPLAIN (FORMAT JSON) {query}")
            plan = cursor.fetchone()[0]
        else:
            plan = query.explain(format="json")
    if isinstance(plan, str):
        plan = json.loads(plan)
    nodes, stack = [], [plan[0]["Plan"]]
    while stack:
        node = stack.pop()
        nodes.append(node)
        stack.extend(node.get("Plans", []))
    return nodes


def indexes_used(nodes):
    return {node["Index Name"] for node in nodes if "Index Name" in node}


def scans_of(nodes, table):
    """The node types that read `table` ("Seq Scan", "Index Scan", ...)."""
    return [node["Node Type"] for node in nodes if node.get("Relation Name") == table]


# Garbage for query parameters (test_fuzz.py in-process, `make audit` over the wire)

QUERY_PARAMETERS = ("page", "q", "tag", "column")

query_values = st.one_of(
    st.text(max_size=300),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["%", "%00", "'", '"', "<script>", "' OR 1=1 --", "../", "\x00", "1e9", "二"]),
)


# Hostile uploads (test_upload_memory.py in-process, `make audit` through the admin)


def png_file(width, height, bits=8):
    """A real PNG of `width` × `height` black pixels, RGB (or one-bit grey with bits=1),
    written row by row (never held)."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    compressor = zlib.compressobj(9)
    row_bytes = 3 * width if bits == 8 else (width + 7) // 8
    row = b"\0" * (1 + row_bytes)  # filter byte, then the pixels
    compressed = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, bits, 2 if bits == 8 else 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", compressed)
        + chunk(b"IEND", b"")
    )


def jpeg_claiming(width, height):
    """A small real JPEG whose frame header (SOF0) claims `width` × `height`."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 64), (0, 90, 160)).save(buffer, "JPEG")
    data = bytearray(buffer.getvalue())
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def small_jpeg():
    buffer = io.BytesIO()
    PILImage.effect_noise((400, 300), 64).convert("RGB").save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">'
        % (n, b"".join(b"&lol%s;" % (str(n - 1).encode() if n > 1 else b"") for _ in range(10)))
        for n in range(1, 10)
    )
    + b']><svg xmlns="http://www.w3.org/2000/svg"><text>&lol9;</text></svg>'
)

# name: (file name, content, the refusal's code; None: accepted)
HOSTILE = {
    "png_169_megapixels": ("panorama.png", lambda: png_file(13000, 13000), "file_too_many_pixels"),
    "jpeg_172_megapixels": (
        "photo.jpg",
        lambda: jpeg_claiming(13115, 13115),
        "file_too_many_pixels",
    ),
    "png_144_megapixels": ("panorama.png", lambda: png_file(12000, 12000), "file_too_many_pixels"),
    "png_400_megapixels": (
        "panorama.png",
        lambda: png_file(20000, 20000, bits=1),
        "file_too_many_pixels",
    ),
    "png_60_megapixels": ("wide.png", lambda: png_file(10000, 6000), "file_too_many_pixels"),
    "oversize_file": (
        "big.jpg",
        lambda: small_jpeg() + b"\0" * (11 * 1024 * 1024),
        "file_too_large",
    ),
    "truncated_jpeg": ("photo.jpg", lambda: small_jpeg()[:400], "invalid_image"),
    "gif_header_then_text": (
        "animation.gif",
        lambda: b"GIF89a<script>alert(1)</script>",
        "invalid_image",
    ),
    "text_named_png": (
        "notes.png",
        lambda: b"Meeting notes: bring the projector.\n" * 20,
        "invalid_image",
    ),
    "svg_with_script": (
        "logo.svg",
        lambda: b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        "invalid_image_extension",
    ),
    # unreadable to the image library, which is refused before its extension is looked at
    "billion_laughs_svg": ("lol.svg", lambda: BILLION_LAUGHS, "invalid_image"),
    "executable_named_jpg": (
        "photo.jpg",
        lambda: b"\x7fELF\x02\x01\x01" + b"\0" * 4096,
        "invalid_image",
    ),
    # A real JPEG with a web page after its end: a valid picture, accepted (phones append
    # video after a photo's end, so trailing data cannot be refused). Media are served with
    # nosniff and a CSP that runs nothing (deploy/nginx/bitnews.conf), so it stays a picture.
    "jpeg_with_html_appended": (
        "photo.jpg",
        lambda: small_jpeg() + b"<html><script>alert(1)</script></html>",
        None,
    ),
}


# Pictures (news/pictures/)


def new_image(width=64, height=36, title="photo", hue=0):
    """A new image in the library: a PNG of two halves (left `hue`, right its opposite), as
    Wagtail's upload form saves it (with its file's size and hash)."""
    left = (200, (hue * 37) % 256, 40)
    picture = PILImage.new("RGB", (width, height), left)
    picture.paste(tuple(255 - c for c in left), (width // 2, 0, width, height))
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    image = Image(title=title, file=ImageFile(buffer, name=f"{title}.png"))
    image._set_image_file_metadata()
    image.save()
    return image


def body_with_images(photo, *gallery):
    """A body (StreamField data) with a captioned image and, given photos, a gallery."""
    blocks = [
        ("paragraph", "<p>Text.</p>"),
        ("image", {"image": photo.pk, "alt_text": "A photo", "caption": "", "credit": ""}),
    ]
    if gallery:
        blocks.append(
            (
                "gallery",
                {
                    "title": "",
                    "photos": [
                        {"image": p.pk, "alt_text": "A photo", "caption": "", "credit": ""}
                        for p in gallery
                    ],
                },
            )
        )
    return [{"type": kind, "value": value} for kind, value in blocks]


def rendition_queries(queries):
    """The SQL of `queries` (CaptureQueriesContext) that read or write renditions."""
    return [query["sql"] for query in queries if "wagtailimages_rendition" in query["sql"]]


def run_worker():
    """The database backend's worker (`manage.py db_worker`), in this process, until the
    queue has nothing ready; the signal handlers it installs are put back."""
    handlers = {number: signal.getsignal(number) for number in WORKER_SIGNALS}
    try:
        call_command(
            "db_worker",
            "--backend",
            "background",
            "--batch",
            "--no-reload",
            "--no-startup-delay",
            verbosity=0,
        )
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)


WORKER_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)


class Inbox:
    """A real SMTP server (aiosmtpd) on a free loopback port, keeping every message it is
    given; `settings` points Django's SMTP backend at it (override_settings(**inbox.settings)).
    Start it with `start(testcase)`: the test stops it."""

    FROM = "BIT News <news@example.edu.cn>"

    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"

    def start(self, testcase):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        server = Controller(self, hostname="127.0.0.1", port=port)
        server.start()
        testcase.addCleanup(server.stop)
        self.settings = {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": port,
            "EMAIL_USE_TLS": False,
            "EMAIL_USE_SSL": False,
            "DEFAULT_FROM_EMAIL": self.FROM,
            "WAGTAILADMIN_NOTIFICATION_FROM_EMAIL": self.FROM,
        }
        return self

    def wait(self, count=1, seconds=5):
        """The envelopes, once `count` arrived (or the time is up)."""
        deadline = time.monotonic() + seconds
        while len(self.envelopes) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.envelopes

    def messages(self):
        """The messages received, parsed (email.message.EmailMessage)."""
        return [
            email.message_from_bytes(envelope.content, policy=email.policy.default)
            for envelope in self.envelopes
        ]
