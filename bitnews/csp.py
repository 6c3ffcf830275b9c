"""Content-Security-Policy: strict on public pages, nonce-based in Wagtail's admin; with it, on
every response, `Permissions-Policy` (no camera, microphone, location, payment, USB, sensors, screen
capture; only features Chromium knows, or its console reports an error) and `Cross-Origin-Resource-Policy: same-origin`
(unless the view set its own: the JSON API's `cross-origin`, api/views.py).

django-csp writes the header. The public policy is `CONTENT_SECURITY_POLICY` in
settings (nothing inline, nothing from other hosts); this subclass swaps in the
admin's policy (still same-origin only) and, when a Baidu map key is set, adds Baidu's
hosts for the map a visitor may ask for.

The admin's scripts: no `'unsafe-inline'`. Wagtail and wagtail-modeltranslation still write a
few inline scripts (date pickers, choosers, inline panels, the translation switcher), from
widget templates that have no request to take a nonce from. So each admin HTML answer is read
before it leaves: an inline script that is one of those initialisers, checked by its shape
(a call of a known function whose arguments parse as JSON, a JSON string handed to
`InlinePanel`, modeltranslation's settings object of plain literals: data, never code), gets
this response's nonce; any other inline script gets none and the browser refuses it. jQuery
copies the nonce when it runs a script of an inline panel's new form (template content).
Inline styles stay allowed in the admin (Wagtail's own markup and its editor set them).
"""

import json
import re

from csp.constants import NONCE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

ADMIN_POLICY = {
    **settings.CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "script-src": [SELF, NONCE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "frame-src": [SELF],  # the live preview panel
    "media-src": [SELF],  # audio and video documents
    "frame-ancestors": [SELF],
}

# Baidu's map script, its further scripts and tiles, and the inline style attributes it sets.
BAIDU_MAP_SOURCES = {
    "script-src": ["https://api.map.baidu.com", "https://*.bdimg.com"],
    "img-src": ["https://*.baidu.com", "https://*.bdimg.com", "https://*.bdstatic.com"],
    "connect-src": ["https://api.map.baidu.com"],
    "style-src-attr": [UNSAFE_INLINE],
}

ADMIN_PREFIXES = ("/admin/", "/documents/")

# An inline <script> with no src and no data type (JSON blocks run nothing and need no nonce).
INLINE_SCRIPT = re.compile(r"<script>(?P<body>.*?)</script>", re.S)
# Wagtail's widget initialisers: `initDateChooser("id_x", {...});`, `new PageChooser(...);`...
INITIALISER = re.compile(
    r"\s*(?:new\s+)?(?:init(?:Date|DateTime|Time)Chooser|[A-Z][A-Za-z]*Chooser|create[A-Z][A-Za-z]*Chooser)"
    r"\((?P<arguments>[^<]*)\);\s*"
)
# Wagtail's inline and multiple-chooser panels: a JS string (escapejs: \uXXXX only) to JSON.parse.
PANEL = re.compile(
    r"\s*\(function\(\) \{\s*var panel = new (?:InlinePanel|MultipleChooserPanel)\(JSON\.parse\("
    r'"(?:[^"\\<]|\\u[0-9A-Fa-f]{4})*"\)\);\s*\}\)\(\);\s*'
)
# wagtail-modeltranslation's settings: names and plain literals only.
LITERAL = r"(?:'[^'\\<]*'|true|false|\[(?:'[^'\\<]*'(?:, )?)*\])"
MODELTRANSLATION = re.compile(
    rf"\s*wagtailModelTranslations = \{{(?:\s*\w+: {LITERAL},?)*\s*\}};\s*"
)


def is_admin_initialiser(script):
    """Whether an inline script is one of Wagtail's or modeltranslation's data-only initialisers."""
    if PANEL.fullmatch(script) or MODELTRANSLATION.fullmatch(script):
        return True
    call = INITIALISER.fullmatch(script)
    if call is None:
        return False
    try:
        json.loads(f"[{call['arguments']}]")
    except ValueError:
        return False
    return True


def with_nonces(html, nonce):
    """The page with this response's nonce on each admin initialiser, and on nothing else."""

    def sign(match):
        if is_admin_initialiser(match["body"]):
            return f'<script nonce="{nonce}">{match["body"]}</script>'
        return match[0]

    return INLINE_SCRIPT.sub(sign, html)


PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)


class SitePolicyMiddleware(CSPMiddleware):
    def process_response(self, request, response):
        # Wagtail's preview renders the page through the middleware again with a dummy
        # request for the page's public URL (`is_dummy`). Its response is the body of the
        # admin's preview view, which frames it: leave the header to that view's response
        # (admin policy, `frame-ancestors 'self'`), as Wagtail does for X-Frame-Options.
        if getattr(request, "is_dummy", False):
            return response
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        if (
            request.path_info.startswith(ADMIN_PREFIXES)
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and b"<script>" in response.content
        ):
            response.content = with_nonces(
                response.content.decode(response.charset), request.csp_nonce
            )
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if request.path_info.startswith(ADMIN_PREFIXES):
            return PolicyParts(config=ADMIN_POLICY, nonce=parts.nonce)
        if settings.BAIDU_MAP_AK:
            parts.update = {**BAIDU_MAP_SOURCES, **(parts.update or {})}
        return parts
