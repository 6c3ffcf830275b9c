"""Ways to pass an article on: a WeChat QR code, Weibo, e-mail and its plain link.

Everything is built on the server: the QR code is an SVG drawn by segno (no external
service), served at an address of its own (news/views.py `share_qr`: drawing one costs more
than the rest of an article page, so the page only links it, and the caches keep it); the
Weibo and e-mail shares are plain links.
"""

import io
from urllib.parse import quote, urlencode

import segno

WEIBO_SHARE_URL = "https://service.weibo.com/share/share.php"


def qr_svg(url, label, svgclass=None):
    """An SVG document of the QR code of `url`, titled `label` (with `svgclass`: to be
    written inside a page)."""
    qr = segno.make(url, error="m", micro=False)
    out = io.BytesIO()
    qr.save(
        out,
        kind="svg",
        scale=1,
        border=4,
        dark="#000",
        light="#fff",  # a light quiet zone, so that it scans in dark mode too
        title=label,
        svgclass=svgclass,
        lineclass=None,
        omitsize=True,  # a viewBox instead of a fixed size: the stylesheet sizes it
        xmldecl=False,
    )
    return out.getvalue()


def weibo_share_url(url, title):
    return f"{WEIBO_SHARE_URL}?{urlencode({'url': url, 'title': title}, quote_via=quote)}"


def mailto_url(url, subject, body):
    """`mailto:?subject=…&body=…` with every reserved character percent-encoded (RFC 6068)."""
    text = f"{body}\r\n{url}" if body else url
    return f"mailto:?subject={quote(subject, safe='')}&body={quote(text, safe='')}"
