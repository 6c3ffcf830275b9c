"""Views outside the page tree: the sitemaps and robots.txt; an article's QR code."""

from django.contrib.sitemaps import views as sitemap_views
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from .cache.control import ARTICLE, LISTING, public
from .models import ArticlePage
from .models.base import public_q
from .sitemaps import SITEMAPS
from .syndication import sharing


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


@require_safe
def share_qr(request, pk):
    """`/<language>/share/qr/<id>.svg`: the WeChat QR code of the address the article's share
    box gives in that language (its own version's, or the public one shown in its place),
    titled in that language. Drawn when first asked for and kept like the article (tagged
    with it), never while the article page renders; a story not public is a 404."""
    page = ArticlePage.objects.live().filter(public_q(), pk=pk).first()
    if page is None or not page.public_languages():
        raise Http404
    active = translation.get_language()
    shown = active if page.is_public_in(active) else page.public_languages()[0]
    with translation.override(shown):
        url = request.build_absolute_uri(page.get_url(request))
    svg = sharing.qr_svg(url, gettext("QR code of the link to this article"))
    return public(HttpResponse(svg, content_type="image/svg+xml"), ARTICLE)
