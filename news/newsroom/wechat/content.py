"""What the WeChat copy of an article holds, in one language: its live version.

Title, date and writer, (for an event) when and where, summary, lead image, the body's blocks
in order, then the other credits and "Read on <site name>: <the article's address in that
language>". The body's blocks as the WeChat editor can take them: rich text as it is (links
made absolute by markup.py), images with caption and credit (a gallery's one after another),
tables and quotes; a video as its poster and a link (to the article for an uploaded video,
whose player the editor would drop; to Bilibili or Tencent Video for theirs). A link's text
is its address, since WeChat shows only some accounts' links as links.

Images are the "share" set's rendition (news/pictures/sets.py: 1,200 px wide at most, JPEG),
which the worker makes for every image: from its record, else made here (an admin's request,
never a visitor's).
"""

from django.template.loader import render_to_string
from django.utils import translation

from news.models import SiteSettings
from news.pictures import SETS, found_rendition, record

from . import markup

PICTURES = "share"  # news/pictures/sets.py: "width-1200|format-jpeg"
TEMPLATE = "newsroom/wechat/copy.html"


def site_root(request):
    """The site's address ("https://news.example.edu.cn"), the host of every address in the
    copy: the one this request came to, as feeds and head metadata take theirs (the admin is
    served on the site's own host, deploy/nginx/bitnews.conf). Not the Site record's root URL:
    a default site answers every host whatever its hostname says (the demo's is "localhost"),
    and the preview's images must come from the admin's own origin (its CSP's img-src)."""
    return request.build_absolute_uri("/").rstrip("/")


def picture(image, root):
    """{src, width, height} of `image`'s rendition, its address absolute; None without one."""
    if image is None:
        return None
    kept = record.renditions(image, PICTURES)
    rendition = (
        next(iter(kept.values())) if kept else found_rendition(image, SETS[PICTURES].specs[0])
    )
    if rendition is None:  # the image's file is missing
        return None
    return {
        "src": markup.absolute(root, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
    }


def photo(value, root):
    """A captioned image (a body image, a gallery's photo) as the template shows it."""
    return {
        "picture": picture(value["image"], root),
        "alt": value["alt_text"],
        "caption": value["caption"],
        "credit": value["credit"],
    }


def body_parts(body, root):
    """The body's blocks as the template's parts: {"kind": ..., and what it shows}."""
    for block in body:
        kind, value = block.block_type, block.value
        if kind == "paragraph":
            yield {"kind": "text", "html": value}
        elif kind == "image":
            yield {"kind": "photos", "photos": [photo(value, root)]}
        elif kind == "gallery":
            photos = [photo(each, root) for each in value["photos"]]
            yield {"kind": "photos", "title": value["title"], "photos": photos}
        elif kind == "video":
            if value["video"] is not None:  # a file deleted since leaves nothing to watch
                yield {
                    "kind": "video",
                    "title": value["title"],
                    "poster": picture(value["poster"], root),
                }
        elif kind == "remote_video":
            yield {
                "kind": "remote_video",
                "title": value["title"],
                "poster": picture(value["poster"], root),
                "url": value["url"],
                "service": value.service(),
            }
        elif kind in ("table", "quote"):
            yield {"kind": kind, "value": value}
        else:  # a block added to the body since: its own HTML, through the allow-list
            yield {"kind": "text", "html": block.render()}


def copy_html(page, language, request):
    """The copy of `page` (an ArticlePage, its live version) in `language` (languages.Language)."""
    root = site_root(request)
    with translation.override(language.code):
        credits = page.credits()
        context = {
            "page": page,
            "url": markup.absolute(root, page.get_url(request)),
            "site_name": SiteSettings.for_site(page.get_site()).site_name,
            "lead": picture(page.lead_image, root),
            "parts": list(body_parts(page.body, root)),
            # the writer is named under the title; credits() lists it first when there is one
            "credits": credits[1:] if page.writer else credits,
        }
        written = render_to_string(TEMPLATE, context)
    return markup.finished(written, root)
