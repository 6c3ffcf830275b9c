"""Template tags for the page's head metadata (OpenGraph, Twitter, JSON-LD, feeds) and sharing."""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from news.syndication import metadata, sharing

from .news_tags import breadcrumb_pages, breadcrumb_trail, canonical_url, language_links

register = template.Library()


def _site_name(context):
    site_settings = context.get("settings")
    if site_settings is not None:
        return site_settings["news"]["SiteSettings"].site_name
    return settings.WAGTAIL_SITE_NAME


def _title(context, page, site_name):
    if page.is_home:
        return site_name
    return context.get("route_title") or page.seo_title or page.title


def _breadcrumb_trail(context):
    """(name, absolute URL) of each breadcrumb, as `includes/breadcrumbs.html` shows them."""
    request = context["request"]
    return [
        (str(crumb["name"]), request.build_absolute_uri(crumb["url"]))
        for crumb in breadcrumb_trail(context)
    ]


@register.simple_tag(takes_context=True)
def head_metadata(context):
    """OpenGraph/Twitter values, the JSON-LD script and the feed links of the page shown."""
    page = context.get("page")
    request = context.get("request")
    if page is None or request is None or not hasattr(page, "get_url"):
        return None
    site_name = _site_name(context)
    url = canonical_url(context)
    urls_by_language = {link["code"]: link["absolute_url"] for link in language_links(context)}
    home = page if page.is_home else next(iter(breadcrumb_pages(page)), page)
    home_url = request.build_absolute_uri(home.get_url(request))
    values = metadata.page_metadata(
        request,
        page,
        title=_title(context, page, site_name),
        url=url,
        site_name=site_name,
    )
    data = metadata.structured_data(
        request,
        page,
        url=url,
        urls_by_language=urls_by_language,
        trail=_breadcrumb_trail(context),
        home_url=home_url,
        site_name=site_name,
    )
    values["json_ld"] = metadata.json_ld_script(data) if data else ""
    values["feeds"] = [
        {**feed, "url": request.build_absolute_uri(feed["url"])}
        for feed in context.get("feeds", ())
    ]
    return values


@register.simple_tag(takes_context=True)
def share_links(context):
    """The article's absolute URL and the ways to share it, in the active language."""
    page = context["page"]
    url = canonical_url(context)
    title = page.title
    label = gettext("QR code of the link to this article")
    links = {
        "url": url,
        "weibo_url": sharing.weibo_share_url(url, title),
        "mailto_url": sharing.mailto_url(url, title, page.summary),
    }
    if getattr(context.get("request"), "is_preview", False):
        # a preview's page may have no address of its own yet: its code drawn into it (segno
        # escapes the title; the rest of its SVG is numbers and path commands)
        svg = sharing.qr_svg(url, label, svgclass="share__qr-code").decode()
        links["qr_svg"] = mark_safe(svg)  # noqa: S308
    else:
        # drawn at its own address (news/views.py share_qr), not while the page renders
        links["qr_src"] = reverse("share_qr", kwargs={"pk": page.pk})
    return links
