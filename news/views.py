"""Views outside the page tree and the language prefix: the sitemaps and robots.txt."""

from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from .cache.control import LISTING, public
from .sitemaps import SITEMAPS


def sitemap_index(request):
    """`/sitemap.xml`: the index of the sitemaps, with each article sitemap's pages."""
    response = sitemap_views.index(request, SITEMAPS, sitemap_url_name="sitemap_section")
    return public(response, LISTING)


def sitemap_section(request, section):
    """`/sitemap-<section>.xml?p=N`; an unknown section or page is a 404. Django's template
    less what no URL here has (change frequency, priority) and its `{% spaceless %}`, a regular
    expression over the whole page: a tenth of a page of 250 URLs."""
    response = sitemap_views.sitemap(
        request, SITEMAPS, section=section, template_name="news/sitemap.xml"
    )
    return public(response, LISTING, reads=("p",))


@require_safe
def robots_txt(request):
    """Crawl everything but the admin; the sitemap index's absolute address."""
    lines = [
        "User-agent: *",
        "Allow: /",
        "Disallow: /admin/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
    return public(response, LISTING)
