"""A page's text as plain paragraphs, in order: what the translators' desk aligns, compares
and counts (desk/), and what "what changed since the last translation" shows.

A plain field (title, summary, introduction) is one paragraph. A body (a StreamField's raw
data: a list of {"type", "value"}) gives each text element of its rich text (paragraph,
sub-heading, list item), each quote and attribution, each caption and credit, each gallery
and video title and each table caption and cell, with the kind of block it came from, so
that two language versions can be matched block by block. Markup is dropped, entities
decoded, white space collapsed; nothing here knows a page model.
"""

import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from . import languages

BLOCK_ELEMENTS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "div"}
SPACE = re.compile(r"\s+")
# The text parts of each structured block, in reading order.
STRUCT_TEXT = {
    "image": ("caption", "credit"),
    "quote": ("quote", "attribution"),
    "video": ("title",),
    "remote_video": ("title",),
}


@dataclass(frozen=True)
class Paragraph:
    kind: str  # "title", "paragraph", "quote", "image", "gallery", "table"…
    text: str


def clean(text):
    return SPACE.sub(" ", text or "").strip()


class _RichText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.current = [], []

    def flush(self):
        text = clean("".join(self.current))
        if text:
            self.parts.append(text)
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_ELEMENTS:
            self.flush()
        elif tag == "br":
            self.current.append(" ")

    def handle_endtag(self, tag):
        if tag in BLOCK_ELEMENTS:
            self.flush()

    def handle_data(self, data):
        self.current.append(data)


def rich_text(html):
    """The text elements of a rich text value, as plain strings."""
    parser = _RichText()
    parser.feed(html or "")
    parser.close()
    parser.flush()
    return parser.parts


def _block(kind, value):
    if kind == "paragraph":
        return [Paragraph(kind, text) for text in rich_text(value)]
    if kind == "gallery" and isinstance(value, dict):
        texts = [value.get("title")]
        for photo in value.get("photos") or []:
            photo = photo.get("value", photo) if isinstance(photo, dict) else {}
            texts += [photo.get("caption"), photo.get("credit")]
        return [Paragraph(kind, clean(text)) for text in texts if clean(text)]
    if kind == "table" and isinstance(value, dict):
        cells = [value.get("table_caption")]
        cells += [cell for row in value.get("data") or [] for cell in row or []]
        return [Paragraph(kind, clean(str(cell))) for cell in cells if cell and clean(str(cell))]
    if kind in STRUCT_TEXT and isinstance(value, dict):
        texts = (clean(value.get(name)) for name in STRUCT_TEXT[kind])
        return [Paragraph(kind, text) for text in texts if text]
    return []


def stream(raw):
    """Paragraphs of a body's raw data (a list of blocks, or its JSON)."""
    if isinstance(raw, str):
        raw = json.loads(raw) if raw.strip() else []
    return [
        paragraph
        for block in raw or []
        if isinstance(block, dict)
        for paragraph in _block(block.get("type"), block.get("value"))
    ]


def of_field(page, field, code):
    """The paragraphs of `field` in language `code` (its own column, no fallback)."""
    value = getattr(page, languages.get(code).field(field), None)
    if value is None:
        return []
    if hasattr(value, "raw_data"):  # a StreamValue
        return stream(list(value.raw_data))
    if isinstance(value, list):
        return stream(value)
    text = clean(str(value))
    return [Paragraph(field, text)] if text else []
