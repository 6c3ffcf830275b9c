"""Ways to pass an article on: a WeChat QR code, Weibo, e-mail and its plain link.

Everything is built on the server: the QR code is an SVG drawn by segno (no
external service), the Weibo and e-mail shares are plain links.
"""

import hashlib
from urllib.parse import quote, urlencode

import segno
from django.core.cache import cache
from django.utils.safestring import mark_safe

QR_CACHE_SECONDS = 7 * 24 * 60 * 60
WEIBO_SHARE_URL = "https://service.weibo.com/share/share.php"


def qr_cache_key(url):
    return "share-qr:" + hashlib.sha256(url.encode()).hexdigest()


def _draw_qr_svg(url, label):
    qr = segno.make(url, error="m", micro=False)
    return qr.svg_inline(
        scale=1,
        border=4,
        dark="#000",
        light="#fff",  # a light quiet zone, so that it scans in dark mode too
        title=label,
        svgclass="share__qr-code",
        lineclass=None,
        omitsize=True,  # a viewBox instead of a fixed size: the stylesheet sizes it
    )


def qr_svg(url, label):
    """An inline `<svg>` QR code of `url`, drawn once per URL and then cached.

    The URL carries the language prefix, so the cached SVG's `<title>` (`label`) is in
    the language of the page it was drawn for.
    """
    key = qr_cache_key(url)
    svg = cache.get(key)
    if svg is None:
        svg = _draw_qr_svg(url, label)
        cache.set(key, svg, QR_CACHE_SECONDS)
    # segno escapes the title; the rest is numbers and path commands it wrote itself.
    return mark_safe(svg)  # noqa: S308


def weibo_share_url(url, title):
    return f"{WEIBO_SHARE_URL}?{urlencode({'url': url, 'title': title}, quote_via=quote)}"


def mailto_url(url, subject, body):
    """`mailto:?subject=…&body=…` with every reserved character percent-encoded (RFC 6068)."""
    text = f"{body}\r\n{url}" if body else url
    return f"mailto:?subject={quote(subject, safe='')}&body={quote(text, safe='')}"
