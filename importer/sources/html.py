"""Saved pages of the old news site (`.html`, `.htm`).

The page's address is its `<link rel="canonical">` or `og:url` (a browser's "Save page as"
keeps them), else a `file:` identity as for text exports. What to take from the page is set
per host in the selectors file (importer/mapping.py, `--selectors`): CSS selectors for the
title, date, body, captions and credits. Without a body selector, or when it matches
nothing, readability-lxml finds the article (its title too); a page where neither finds a
story is a failure ("no article"). Images are looked up beside the page (a saved page keeps
them in `<name>_files/`), by their path and then by their file name.
"""

import re
from urllib.parse import urlsplit

from lxml import etree
from lxml import html as lxml_html
from readability import Document

from ..items import (
    CREDIT_FIELDS,
    Failure,
    Item,
    decode,
    guess_language,
    normal_language,
    parse_date,
)
from ..sanitise import body_parts, clean_text

MIN_ARTICLE_CHARACTERS = 40  # less text than this is a navigation page, not a story
LABEL = re.compile(r"^[^:：]{1,15}[:：]\s*")  # "Text: ", "文字：" before a name


def _first_text(tree, selector):
    if not selector:
        return ""
    for node in tree.cssselect(selector):
        text = clean_text(node.text_content())
        if text:
            return text
    return ""


def _meta(tree, *names):
    for name in names:
        for node in tree.xpath(f'//meta[@name="{name}" or @property="{name}"]'):
            if node.get("content", "").strip():
                return node.get("content").strip()
    return ""


def page_address(tree):
    for node in tree.xpath('//link[@rel="canonical"]'):
        if node.get("href", "").startswith(("http://", "https://")):
            return node.get("href").strip()
    address = _meta(tree, "og:url")
    return address if address.startswith(("http://", "https://")) else ""


def read(path, context):
    origin = context.origin(path)
    try:
        text = decode(path.read_bytes())
        tree = lxml_html.document_fromstring(
            text.encode("utf-8"), parser=lxml_html.HTMLParser(encoding="utf-8")
        )
    except (OSError, ValueError, etree.ParserError) as error:
        yield Failure(origin, f"unreadable page: {error}")
        return
    address = page_address(tree)
    selectors = context.selectors_for(urlsplit(address).hostname or "")
    body_html = ""
    if selectors.get("body"):
        nodes = tree.cssselect(selectors["body"])
        if nodes:
            body_html = etree.tostring(nodes[0], encoding="unicode", method="html")
    document = Document(text)
    if not body_html:
        body_html = document.summary(html_partial=True)
    parts = body_parts(body_html, selectors.get("caption"), selectors.get("credit"))
    story_text = sum(len(part[1]) for part in parts if isinstance(part, tuple))
    title = _first_text(tree, selectors.get("title")) or clean_text(document.short_title())
    if not title or story_text < MIN_ARTICLE_CHARACTERS:
        yield Failure(origin, "no article found in the page", address)
        return
    # The title may open the body (readability keeps the page's own heading): drop it there.
    while (
        parts
        and isinstance(parts[0], tuple)
        and clean_text(
            lxml_html.fragment_fromstring(parts[0][1], create_parent="div").text_content()
        )
        == title
    ):
        parts.pop(0)
    for image in (part for part in parts if not isinstance(part, tuple)):
        image.path = context.find_image(path, image.src)
    date_text = _first_text(tree, selectors.get("date")) or _meta(
        tree, "article:published_time", "publishdate", "PubDate", "date"
    )
    language = (
        normal_language(selectors.get("language"))
        or normal_language(tree.get("lang"))
        or guess_language(title)
    )
    credits = {
        name: LABEL.sub("", _first_text(tree, selectors.get(name)))
        for name in CREDIT_FIELDS
        if _first_text(tree, selectors.get(name))
    }
    yield Item(
        source_url=address or context.file_identity(path),
        language=language,
        title=title,
        date=parse_date(date_text),
        date_text=date_text,
        origin=origin,
        parts=parts,
        summary=clean_text(_meta(tree, "description")),
        focus=bool(selectors.get("focus")),
        credits=credits,
        pair_key=context.file_entry(path).get("pair_key", ""),
    )
