"""Content-Security-Policy: strict on public pages, looser in Wagtail's admin; with it, on
every response, `Permissions-Policy` (no camera, microphone, location, payment, USB, sensors, screen
capture; only features Chromium knows, or its console reports an error) and `Cross-Origin-Resource-Policy: same-origin`.

django-csp writes the header. The public policy is `CONTENT_SECURITY_POLICY` in
settings (nothing inline, nothing from other hosts); this subclass swaps in the
admin's policy (Wagtail and wagtail-modeltranslation write inline scripts and
styles; still same-origin only) and, when a Baidu map key is set, adds Baidu's
hosts for the map a visitor may ask for.
"""

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

ADMIN_POLICY = {
    **settings.CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "frame-src": [SELF],  # the live preview panel
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
