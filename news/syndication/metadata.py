"""What a page tells search engines and social networks about itself, per language.

`page_metadata` gathers the OpenGraph / Twitter card values; `structured_data`
builds the schema.org JSON-LD (NewsArticle with its corrections, BreadcrumbList, WebSite
and Organization) as plain dicts. `templates/includes/meta.html` renders both.
"""

import datetime
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from .. import languages, pictures

# One JPEG rendition of a lead image serves OpenGraph, Twitter, JSON-LD and feed enclosures:
# the picture set "share" (news/pictures/sets.py).
SHARE_IMAGE_SPEC = pictures.SETS["share"].specs[0]
# static/img/logo.png, drawn for this site (the "BIT" mark of the header).
LOGO = {"path": "img/logo.png", "width": 512, "height": 512}

# `<`, `>` and `&` as JSON escapes: text from editors cannot close the <script> element.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def share_image(image):
    """The JPEG rendition shared with other sites (from the image's record), or None (no
    image, or its file is missing)."""
    if image is None:
        return None
    return pictures.rendition(image, "share", missing=pictures.found_rendition)


def publication_datetime(article):
    """When the story was published: its news date, at the time of day it first went live."""
    published = article.first_published_at
    time = _local(published).time() if published else datetime.time()
    return timezone.make_aware(datetime.datetime.combine(article.news_date, time))


def modified_datetime(page):
    """When the page was last published, or None."""
    return _local(page.last_published_at) if page.last_published_at else None


def _local(moment):
    return timezone.localtime(moment).replace(microsecond=0)


def is_translated(article, language):
    """Whether `article` has its own title and body in `language` (no English fallback)
    and that version is public: a hidden version is no translation to announce."""
    if not article.is_public_in(language):
        return False
    with translation.override(language):
        return not ({"title", "body"} & article.fallback_fields())


def version_language(page):
    """The language of the version shown: the active one, or the public version's."""
    return page.shown_language or languages.active().code


def json_ld_script(data):
    """`data` as a `<script type="application/ld+json">` element, safe for any text inside."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    # With <, > and & escaped the JSON holds no markup: no tag, no entity, no "</script>".
    script = f'<script type="application/ld+json">{text.translate(JSON_SCRIPT_ESCAPES)}</script>'
    return mark_safe(script)  # noqa: S308


def logo_image(request):
    return {
        "url": request.build_absolute_uri(static(LOGO["path"])),
        "width": LOGO["width"],
        "height": LOGO["height"],
    }


def page_image(request, page):
    """(url, width, height, alt) of the image that represents `page` when it is shared."""
    rendition = share_image(getattr(page, "lead_image", None))
    if rendition is not None:
        return {
            "url": request.build_absolute_uri(rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "alt": page.lead_image_alt,
            "large": True,
        }
    return {**logo_image(request), "alt": "", "large": False}


def page_metadata(request, page, *, title, url, site_name):
    """OpenGraph and Twitter card values of `page` in the active language (its description is
    the page's `<meta name="description">`, base.html's `page_description`)."""
    language = version_language(page)
    public = page.public_languages()
    metadata = {
        "title": title,
        "url": url,
        "type": "article" if page.is_article else "website",
        "site_name": site_name,
        "locale": languages.get(language).og_locale,
        "locale_alternates": [
            other.og_locale
            for other in languages.LANGUAGES
            if other.code != language and other.code in public
        ],
        "image": page_image(request, page),
    }
    if page.is_article:
        metadata["published_time"] = publication_datetime(page).isoformat()
        if modified_datetime(page):
            metadata["modified_time"] = modified_datetime(page).isoformat()
    return metadata


def _organization(request, home_url, site_name):
    return {
        "@type": "Organization",
        "@id": request.build_absolute_uri("/#organization"),
        "name": site_name,
        "url": home_url,
        "logo": {"@type": "ImageObject", **logo_image(request)},
    }


def breadcrumb_list(request, trail):
    """BreadcrumbList from (name, absolute URL) pairs, home first."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


def news_article(request, page, *, url, urls_by_language, home_url, site_name):
    """NewsArticle of `page`, linked to its public translation (English is the original)."""
    language = version_language(page)
    default = languages.DEFAULT.code
    translated = {code: is_translated(page, code) for code in languages.CODES}
    shown_language = language if translated[language] or language == default else default
    image = share_image(page.lead_image)
    organization = _organization(request, home_url, site_name)
    article = {
        "@type": "NewsArticle",
        "@id": f"{url}#article",
        "headline": page.title,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "inLanguage": languages.get(shown_language).tag,
        "datePublished": publication_datetime(page).isoformat(),
        "author": (
            {"@type": "Person", "name": page.writer}
            if page.writer
            else {"@type": "Organization", "name": site_name, "url": home_url}
        ),
        "publisher": organization,
    }
    if modified_datetime(page):
        article["dateModified"] = modified_datetime(page).isoformat()
    description = page.search_description or page.summary
    if description:
        article["description"] = description
    if image is not None:
        article["image"] = {
            "@type": "ImageObject",
            "url": request.build_absolute_uri(image.url),
            "width": image.width,
            "height": image.height,
        }
        if page.lead_image_credit:
            article["image"]["creditText"] = page.lead_image_credit
    corrections = [note for note in page.corrections_shown() if note.is_correction]
    if corrections:  # an update is no correction: dateModified already says it changed
        article["correction"] = [
            {
                "@type": "CorrectionComment",
                "url": f"{url}#{note.anchor}",
                "text": note.text,
                "datePublished": note.date.isoformat(),
            }
            for note in corrections
        ]
    if page.translator and shown_language != default:
        article["translator"] = {"@type": "Person", "name": page.translator}
    if language == default:
        article["workTranslation"] = [
            {
                "@type": "NewsArticle",
                "@id": f"{twin_url}#article",
                "url": twin_url,
                "inLanguage": languages.get(code).tag,
            }
            for code, twin_url in urls_by_language.items()
            if code != default and translated[code]
        ]
        if not article["workTranslation"]:
            del article["workTranslation"]
    elif translated[language] and translated[default]:
        original = urls_by_language[default]
        article["translationOfWork"] = {
            "@type": "NewsArticle",
            "@id": f"{original}#article",
            "url": original,
            "inLanguage": languages.DEFAULT.tag,
        }
    return article


def event_data(request, page, *, url, home_url, site_name):
    """schema.org Event of an EventPage: when, where (a place, a link, or both), who."""
    start, end = page.local_start(), page.local_end()
    event = {
        "@type": "Event",
        "@id": f"{url}#event",
        "name": page.title,
        "url": url,
        "startDate": start.date().isoformat() if page.all_day else start.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "inLanguage": languages.active().tag,
        "organizer": (
            {"@type": "Organization", "name": page.organiser}
            if page.organiser
            else _organization(request, home_url, site_name)
        ),
    }
    if end:
        event["endDate"] = end.date().isoformat() if page.all_day else end.isoformat()
    places = []
    if page.venue:
        places.append({"@type": "Place", "name": page.venue, "address": page.venue})
    if page.online_url:
        places.append({"@type": "VirtualLocation", "url": page.online_url})
    if places:
        mode = "Mixed" if len(places) == 2 else "Offline" if page.venue else "Online"
        event["eventAttendanceMode"] = f"https://schema.org/{mode}EventAttendanceMode"
        event["location"] = places[0] if len(places) == 1 else places
    speakers = page.speaker_list()
    if speakers:
        event["performer"] = [{"@type": "Person", "name": name} for name in speakers]
    description = page.search_description or page.summary
    if description:
        event["description"] = description
    image = share_image(page.lead_image)
    if image is not None:
        event["image"] = request.build_absolute_uri(image.url)
    return event


def structured_data(request, page, *, url, urls_by_language, trail, home_url, site_name):
    """The JSON-LD graph of `page`: what it is, and where it sits (breadcrumbs)."""
    graph = []
    if page.is_home:
        organization = _organization(request, home_url, site_name)
        graph.append(
            {
                "@type": "WebSite",
                "@id": f"{home_url}#website",
                "name": site_name,
                "url": home_url,
                "inLanguage": languages.active().tag,
                "publisher": {"@id": organization["@id"]},
            }
        )
        graph.append(organization)
    if page.is_event:
        graph.append(event_data(request, page, url=url, home_url=home_url, site_name=site_name))
    elif page.is_article:
        graph.append(
            news_article(
                request,
                page,
                url=url,
                urls_by_language=urls_by_language,
                home_url=home_url,
                site_name=site_name,
            )
        )
    if len(trail) > 1:
        graph.append(breadcrumb_list(request, trail))
    return {"@context": "https://schema.org", "@graph": graph} if graph else None
