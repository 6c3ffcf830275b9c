"""Views outside the page tree and the language prefix: the sitemap and robots.txt."""

from django.contrib.sitemaps.views import sitemap
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from .sitemaps import PageSitemap

SITEMAPS = {"pages": PageSitemap}


def sitemap_xml(request):
    return sitemap(request, SITEMAPS)


@require_GET
def robots_txt(request):
    """Crawl everything but the admin; the sitemap's absolute address."""
    lines = [
        "User-agent: *",
        "Allow: /",
        "Disallow: /admin/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
