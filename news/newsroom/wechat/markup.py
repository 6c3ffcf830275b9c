"""The copy's HTML as the WeChat editor takes it: allowed elements only, each with its style
inline, no class, id or event attribute, every address absolute.

`finished(html, root)` is the last step of every copy: the template's output (whose rich text
comes from Wagtail's converter, so is mostly clean already) is parsed with lxml and rebuilt
from an allow-list. An element the list does not know is unwrapped (its text kept); a script,
style sheet, frame, form or media element is removed with its content. An element of the
template may name its look (`data-style="caption"`: a key of NAMED); any other takes its
tag's (STYLES).
"""

from urllib.parse import urljoin, urlsplit

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from lxml import html as lxml_html

FONT = (
    "font-family:-apple-system,BlinkMacSystemFont,'PingFang SC','Hiragino Sans GB',"
    "'Microsoft YaHei','Helvetica Neue',Arial,sans-serif"
)
TEXT = "font-size:16px;line-height:1.75;color:#333333"
LINK_COLOUR = "#576b95"  # the colour of links in WeChat articles

# Every element the copy may hold, and its style.
STYLES = {
    "section": f"margin:0;padding:0;{FONT};{TEXT}",
    "h1": "margin:0 0 12px;font-size:22px;line-height:1.4;font-weight:bold;color:#1a1a1a",
    "h2": "margin:28px 0 12px;font-size:20px;line-height:1.4;font-weight:bold;color:#1a1a1a",
    "h3": "margin:24px 0 10px;font-size:18px;line-height:1.4;font-weight:bold;color:#1a1a1a",
    "h4": "margin:20px 0 8px;font-size:16px;line-height:1.5;font-weight:bold;color:#1a1a1a",
    "p": f"margin:0 0 16px;{TEXT}",
    "strong": "font-weight:bold",
    "b": "font-weight:bold",
    "em": "font-style:italic",
    "i": "font-style:italic",
    "a": f"color:{LINK_COLOUR};text-decoration:underline;word-break:break-all",
    "ul": f"margin:0 0 16px;padding:0 0 0 24px;{TEXT}",
    "ol": f"margin:0 0 16px;padding:0 0 0 24px;{TEXT}",
    "li": f"margin:0 0 8px;{TEXT}",
    "blockquote": (
        "margin:0 0 20px;padding:12px 16px;border-left:4px solid #d0d0d0;"
        "background-color:#f7f7f7;color:#555555"
    ),
    "hr": "margin:24px 0;border:0;border-top:1px solid #e5e5e5;height:0",
    "img": "max-width:100%;height:auto;display:block;margin:0 auto",
    "table": (
        "width:100%;margin:0 0 20px;border-collapse:collapse;font-size:14px;line-height:1.6;"
        "color:#333333"
    ),
    "thead": "background-color:#f5f5f5",
    "tbody": "background-color:#ffffff",
    "tr": "vertical-align:top",
    "th": "padding:6px 8px;border:1px solid #dddddd;font-weight:bold;text-align:left",
    "td": "padding:6px 8px;border:1px solid #dddddd;text-align:left",
}
# Looks the template names (data-style) instead of the element's own.
NAMED = {
    "meta": "margin:0 0 16px;font-size:14px;line-height:1.6;color:#888888",
    "summary": (
        "margin:0 0 20px;padding:12px 16px;font-size:15px;line-height:1.7;color:#555555;"
        "background-color:#f5f5f5"
    ),
    "figure": "margin:0 0 20px;padding:0",
    "caption": "margin:8px 0 0;font-size:13px;line-height:1.6;color:#888888;text-align:center",
    "label": "margin:0 0 8px;font-size:14px;line-height:1.6;font-weight:bold;color:#333333",
    "quote": "margin:0;font-size:16px;line-height:1.75;color:#555555",
    "attribution": "margin:8px 0 0;font-size:14px;line-height:1.6;color:#888888",
    "credits": "margin:0 0 4px;font-size:14px;line-height:1.6;color:#888888",
    "read-on": "margin:16px 0 0;font-size:14px;line-height:1.6;color:#888888",
}
# Attributes kept (besides the style written here), by element.
ATTRIBUTES = {
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "th": {"colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}
# Removed with everything inside: nothing of them belongs in a pasted article.
REMOVED = {
    "script", "style", "link", "meta", "base", "head", "title", "iframe", "frame", "frameset",
    "object", "embed", "applet", "noscript", "template", "form", "input", "button", "select",
    "textarea", "video", "audio", "source", "track", "picture", "svg", "math", "canvas",
}  # fmt: skip
LINK_SCHEMES = {"http", "https", "mailto", "tel"}
IMAGE_SCHEMES = {"http", "https"}


def absolute(root, url):
    """`url` as an absolute address, relative ones taken from the site's `root` URL."""
    return urljoin(root.rstrip("/") + "/", url.strip())


def _scheme(url):
    return urlsplit(url).scheme.lower()


def _tidy(text):
    """The template's indentation between elements as one line break; other text as it is."""
    return "\n" if text and not text.strip() and "\n" in text else text


def _finish(element, root):
    """Rebuild `element`'s children in place (see the module)."""
    element.text = _tidy(element.text)
    for child in list(element):
        child.tail = _tidy(child.tail)
        if not isinstance(child.tag, str):  # a comment or processing instruction
            child.drop_tree()
            continue
        tag = child.tag.lower()
        if tag in REMOVED:
            child.drop_tree()
            continue
        _finish(child, root)
        if tag not in STYLES and tag != "br":
            child.drop_tag()
            continue
        style = NAMED.get(child.get("data-style", ""), STYLES.get(tag))
        kept = {name: child.get(name) for name in ATTRIBUTES.get(tag, ()) if child.get(name)}
        child.attrib.clear()
        if tag == "a":
            href = kept.get("href", "")
            if not href or href.startswith("#"):  # no anchors: the copy has no ids
                child.drop_tag()
                continue
            kept["href"] = absolute(root, href)
            if _scheme(kept["href"]) not in LINK_SCHEMES:
                child.drop_tag()
                continue
        if tag == "img":
            src = absolute(root, kept.get("src", ""))
            if _scheme(src) not in IMAGE_SCHEMES or not kept.get("src"):
                child.drop_tree()
                continue
            kept["src"] = src
        child.attrib.update(kept)
        if style:
            child.set("style", style)


def finished(html, root):
    """`html` (a fragment) as the WeChat editor takes it, addresses made absolute on `root`."""
    container = lxml_html.fragment_fromstring(html, create_parent="div")
    _finish(container, root)
    written = "".join(lxml_html.tostring(child, encoding="unicode") for child in container)
    return mark_safe(written.strip())  # noqa: S308 - rebuilt from the allow-list above


def preview_document(copy, language_tag):
    """A whole document showing `copy` as a phone's WeChat would, for a sandboxed frame."""
    return format_html(
        '<!DOCTYPE html><html lang="{}"><head><meta charset="utf-8"></head>'
        '<body style="margin:0;padding:16px;background-color:#ffffff">{}</body></html>',
        language_tag,
        copy,
    )
