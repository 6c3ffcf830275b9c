"""Pages and columns as the API's items (api/schema.py says their shape), in the active
language: the views call these inside `translation.override(lang)`, so every translated
field is read the way the site's templates read it (modeltranslation's English fallback,
`fallback_fields()` naming what fell back)."""

import re

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlencode
from wagtail.images import get_image_model

from news import languages

from .schema import RENDITIONS


def with_renditions(queryset):
    """Articles with their column, tags, lead image and its renditions: four queries after
    the articles', whatever their number and whether Wagtail's rendition cache has them (the
    image is prefetched, not joined, so that its renditions come with it)."""
    images = get_image_model().objects.prefetch_renditions(*RENDITIONS)
    return (
        queryset.select_related(None)
        .select_related("column")
        .prefetch_related("tags", Prefetch("lead_image", queryset=images))
    )


def absolute(request, url):
    return request.build_absolute_uri(url) if url else None


def page_urls(request, page):
    """{language: absolute address} of the page in each language it is public in."""
    urls = {}
    for code in page.public_languages():
        with translation.override(code):
            urls[code] = absolute(request, page.get_url(request))
    return urls


def lead_image(request, page):
    image = page.lead_image
    if image is None:
        return None
    renditions = image.get_renditions(*RENDITIONS)
    return {
        "alt": page.lead_image_alt,
        "caption": page.lead_image_caption,
        "credit": page.lead_image_credit,
        "renditions": [
            {
                "filter": spec,
                "url": absolute(request, renditions[spec].url),
                "width": renditions[spec].width,
                "height": renditions[spec].height,
            }
            for spec in RENDITIONS
        ],
    }


def iso(moment):
    """ISO 8601 with the offset, in the site's time zone (Asia/Shanghai), or None."""
    return timezone.localtime(moment).isoformat() if moment else None


def detail_url(request, endpoint, page):
    url = reverse(f"newsapi:{endpoint}:detail", args=[page.pk])
    return absolute(request, f"{url}?{urlencode({'lang': translation.get_language()})}")


def article(request, page, endpoint="articles"):
    item = {
        "id": page.pk,
        "type": "event" if page.is_event else "article",
        "detail_url": detail_url(request, endpoint, page),
        "language": translation.get_language(),
        # the fields showing English text in place of a missing translation (not those
        # empty in English too)
        "fallback_fields": sorted(name for name in page.fallback_fields() if getattr(page, name)),
        "title": page.title,
        "summary": page.summary,
        "date": page.news_date.isoformat(),
        "focus": page.in_focus,
        "column": page.column and {"slug": page.column.slug, "name": page.column.name},
        "tags": [
            {"slug": tag.slug, "name": tag.display_name}
            for tag in sorted(page.tags.all(), key=lambda tag: tag.name)
        ],
        "urls": page_urls(request, page),
        "lead_image": lead_image(request, page),
        "credits": {name: getattr(page, name) for name in page.credit_fields},
    }
    if page.is_event:
        item.update(
            {
                "starts_at": iso(page.start),
                "ends_at": iso(page.end),
                "all_day": page.all_day,
                "venue": page.venue,
                "speakers": page.speaker_list(),
                "organiser": page.organiser,
                "online_url": page.online_url or None,
                "registration_url": page.registration_url or None,
                "registration_deadline": iso(page.registration_deadline),
            }
        )
    return item


# Addresses the body's templates write from the site's root ("/media/…", "/en/news/…" and
# the `srcset` lists of pictures): made absolute, so that the HTML works on another site.
LINKING_ATTRIBUTE = re.compile(r'\b(href|src|srcset)="([^"]*)"')
ROOT_RELATIVE = re.compile(r"(^|,\s*)/(?!/)")


def body_html(request, page):
    html = str(page.body.render_as_block(context={"request": request, "page": page}))
    root = request.build_absolute_uri("/")

    def absolute_links(match):
        value = ROOT_RELATIVE.sub(lambda found: found.group(1) + root, match.group(2))
        return f'{match.group(1)}="{value}"'

    return LINKING_ATTRIBUTE.sub(absolute_links, html)


def article_detail(request, page, endpoint="articles"):
    return {**article(request, page, endpoint), "body": body_html(request, page)}


def column(request, column, index):
    """A column with its listing's address in each language (`index` is News&Events, or None)."""
    urls = {}
    for language in languages.LANGUAGES:
        with translation.override(language.code):
            if index is not None:
                urls[language.code] = absolute(
                    request,
                    index.get_url(request) + index.reverse_subpage("column", args=[column.slug]),
                )
    return {
        "slug": column.slug,
        "name": column.name,
        "description": column.description,
        "urls": urls,
    }
