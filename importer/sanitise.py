"""Imported text made safe and plain: the body cut into paragraphs and images, each paragraph
through Wagtail's own rich text whitelist (the rules of the editor's rich text block, so an
imported paragraph holds nothing an editor could not have typed), and the old CMS's leftovers
dropped.

Order: lxml_html_clean first removes whole elements whose content must not survive as text
(`<script>`, `<style>`, forms, frames, comments); Wagtail's `EditorHTMLConverter` then keeps
only the tags and attributes of `news.blocks.RICH_TEXT_FEATURES` (no `style=`, no `on…=`, no
`javascript:` or `data:` link); last, artefacts of the old CMS ("英文2020", a lone "Baidu" or
"map" of the footer) are removed from the text.
"""

import re

from django.utils.html import escape
from lxml import etree
from lxml import html as lxml_html
from lxml_html_clean import Cleaner
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

from news.blocks import RICH_TEXT_FEATURES

from .items import ImageRef

# A language tag and a year the old CMS left in its pages ("英文2020": the English site's 2020
# template), and the footer's map links.
ARTEFACT = re.compile(r"(?:英文|中文)\s?(?:19|20)\d{2}")
NOISE_LINES = frozenset({"baidu", "map", "百度", "地图", "百度地图", "baidu map"})

BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "pre", "table"}
CONTAINER_TAGS = {"div", "section", "article", "main", "center", "font", "tbody", "td", "tr"}
HEADING = {"h1": "h2", "h5": "h4", "h6": "h4"}  # the page title is the only h1

_cleaner = Cleaner(
    scripts=True,
    javascript=True,
    comments=True,
    style=True,
    inline_style=True,
    links=True,
    meta=True,
    page_structure=False,
    processing_instructions=True,
    embedded=True,
    frames=True,
    forms=True,
    annoying_tags=True,
    remove_unknown_tags=False,
    safe_attrs_only=True,
    kill_tags=["noscript", "template", "svg", "math"],
)
_converter = EditorHTMLConverter(features=RICH_TEXT_FEATURES)


def is_noise(text):
    """A line of the old site's chrome, not of the story ("Baidu", "map", "英文2020")."""
    text = " ".join((text or "").split())
    return not text or text.lower() in NOISE_LINES or ARTEFACT.fullmatch(text) is not None


def clean_text(text):
    """Plain text without artefacts, its spaces collapsed."""
    return " ".join(ARTEFACT.sub("", text or "").split())


def rich_text(fragment):
    """One paragraph's HTML as the rich text block stores it, or "" when nothing is left."""
    converted = _converter.to_database_format(fragment)
    tree = lxml_html.fragment_fromstring(converted or "<p></p>", create_parent="div")
    for link in tree.iter("a"):
        if not link.get("href") and not link.get("linktype"):
            link.drop_tag()  # a link whose address was refused: its text stays
    for node in tree.iter():
        if node.text:
            node.text = ARTEFACT.sub("", node.text)
        if node.tail:
            node.tail = ARTEFACT.sub("", node.tail)
    if not "".join(tree.itertext()).strip() or is_noise("".join(tree.itertext())):
        return ""
    inner = (tree.text or "") + "".join(
        etree.tostring(child, encoding="unicode", method="html") for child in tree
    )
    inner = inner.strip()
    if not re.match(r"<(p|h[2-4]|ul|ol|hr)\b", inner):
        inner = f"<p>{inner}</p>"  # what was left of a table or a bare line
    return inner


def paragraph(text):
    """A paragraph of plain text (a text export's line) as rich text."""
    return rich_text(f"<p>{escape(clean_text(text))}</p>")


def _image(img, caption="", credit=""):
    return ImageRef(
        src=(img.get("src") or "").strip(),
        alt=clean_text(img.get("alt") or ""),
        caption=clean_text(caption),
        credit=clean_text(credit),
    )


def body_parts(html, caption_selector=None, credit_selector=None):
    """The story's HTML as [("html", paragraph) or ImageRef] in reading order.

    Containers (`div`, `section`…) are opened, an image stands apart from the text around
    it, a `<figure>`'s (or `caption_selector`'s) text is its caption, and what is left of
    each paragraph is `rich_text`.
    """
    if not (html or "").strip():
        return []
    tree = lxml_html.fragment_fromstring(html, create_parent="div")
    tree = _cleaner.clean_html(tree)
    parts = []
    captions = set()
    credits = {}
    if caption_selector:
        for node in tree.cssselect(caption_selector):
            captions.add(node)
    if credit_selector:
        for node in tree.cssselect(credit_selector):
            credits[node] = clean_text(node.text_content())

    def emit_text(fragment):
        text = rich_text(fragment)
        if text:
            parts.append(("html", text))

    def walk(element):
        pending = element.text or ""
        if pending.strip():
            emit_text(f"<p>{escape(pending)}</p>")
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if child in captions or child in credits:
                _attach(
                    parts,
                    child in captions and clean_text(child.text_content()),
                    credits.get(child, ""),
                )
            elif tag == "img":
                parts.append(_image(child))
            elif tag == "figure":
                caption = child.find(".//figcaption")
                for img in child.iter("img"):
                    parts.append(_image(img, caption.text_content() if caption is not None else ""))
            elif tag in BLOCK_TAGS:
                images = list(child.iter("img"))
                for img in images:
                    parts.append(_image(img))
                    img.drop_tree()
                if tag in HEADING:
                    child.tag = HEADING[tag]
                emit_text(etree.tostring(child, encoding="unicode", method="html", with_tail=False))
            elif tag in CONTAINER_TAGS or tag == "span" and child.find(".//img") is not None:
                walk(child)
            elif tag:
                emit_text(
                    "<p>"
                    + etree.tostring(child, encoding="unicode", method="html", with_tail=False)
                    + "</p>"
                )
            if child.tail and child.tail.strip():
                emit_text(f"<p>{escape(child.tail)}</p>")

    walk(tree)
    return parts


def _attach(parts, caption, credit):
    """A caption or credit node of the source: given to the image before it."""
    for part in reversed(parts):
        if isinstance(part, ImageRef):
            if caption and not part.caption:
                part.caption = caption
            if credit and not part.credit:
                part.credit = credit
            return
