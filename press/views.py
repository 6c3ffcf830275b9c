"""The press room's public views: the press page, a release's press kit (its page, each
original, the ZIP) and a journalist's embargoed preview (URLs: press/urls.py).

The press page and the kit pages are the same for everyone: `control.public`, kept by the
page cache with the tags of what they read (the releases' list, each release and image, the
media contacts' list), so a publish, an unpublish or a contact saved ends them. The originals
and the ZIP are not kept (`no-store`): large files that would crowd out the pages in Redis
and in each process's copies (32 MB), asked for rarely, and checked at every request against
the release still being live. The preview is private to its link: `private, no-store`,
`noindex`, never kept (news/cache/pages.py keeps only what a view marked public, and no
preview).
"""

from django.http import FileResponse, Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from news import languages
from news.cache import control
from news.listing import paginate

from . import kit as press_kit
from . import links
from .models import MediaContact
from .releases import listed_releases, live_release, what_goes_live

PRIVATE = "private, no-store"


@require_safe
def press_room(request):
    """The releases visitors of this language may read, newest first, each with its press
    kit; the media contacts."""
    listing = paginate(request, listed_releases())
    view_query = {"page": listing.number} if listing.number > 1 else {}
    context = {
        "listing": listing,
        "contacts": list(MediaContact.objects.all()),
        "view_name": "press_room",
        "view_query": view_query,
    }
    response = TemplateResponse(request, "press/press_room.html", context)
    return control.public(response, control.LISTING)


@require_safe
def kit(request, pk):
    """A live release's press kit: its photos with credit and licence, each downloadable."""
    release = live_release(pk)
    photos = press_kit.photos(release)
    context = {
        "release": release,
        "photos": photos,
        "too_large": press_kit.too_large(photos),
        "max_mb": press_kit.max_bytes() // (1024 * 1024),
        "view_name": "press_kit",
        "view_kwargs": {"pk": release.pk},
    }
    response = TemplateResponse(request, "press/kit.html", context)
    return control.public(response, control.LISTING)


def _download(response):
    response["Cache-Control"] = PRIVATE
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_safe
def kit_photo(request, pk, image_id):
    """One original of a live release's kit, as a download under its kit name."""
    release = live_release(pk)
    for photo in press_kit.photos(release):
        if photo.image.pk == image_id:
            try:
                original = photo.image.file.open("rb")
            except OSError as error:  # the file is gone from storage
                raise Http404 from error
            return _download(FileResponse(original, as_attachment=True, filename=photo.filename))
    raise Http404


@require_safe
def kit_zip(request, pk):
    """Every original of a live release's kit and CREDITS.txt as one ZIP; past the size limit
    a page saying so (403: refused, the files stay downloadable one by one)."""
    release = live_release(pk)
    photos = press_kit.photos(release)
    if not photos:
        raise Http404
    if press_kit.too_large(photos):
        context = {
            "release": release,
            "max_mb": press_kit.max_bytes() // (1024 * 1024),
            "view_name": "press_kit",
            "view_kwargs": {"pk": release.pk},
        }
        response = TemplateResponse(request, "press/kit_too_large.html", context, status=403)
        response["Cache-Control"] = PRIVATE
        return response
    try:
        archive = press_kit.build_zip(release, photos)
    except OSError as error:  # an original missing from storage
        raise Http404 from error
    name = f"press-kit-{release.pk}.zip"
    return _download(FileResponse(archive, as_attachment=True, filename=name))


def _private(response):
    response["Cache-Control"] = PRIVATE
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"  # the token never leaves in a Referer
    return response


@require_safe
def preview(request, token):
    """A release before its embargo, for the journalist the link was made for: what will go
    live (the scheduled revision) in the page's own template and the address's language,
    marked "Embargoed until …". An unknown, malformed, revoked or expired token, or a page no
    longer a release, is the site's ordinary 404. Once the release is live with nothing
    scheduled, the link leads to its public address."""
    link = links.find(token)
    if link is None:
        raise Http404
    language = languages.active().code
    if request.method == "GET":
        links.opened(link, language)
    shown = what_goes_live(link.page)
    if shown is None:
        return _private(HttpResponseRedirect(link.page.get_url(request)))
    revision, until = shown
    page = revision.as_object()
    # what the templates and hooks read: a preview (nothing kept, no view counted), and the
    # embargo for press's notice and noindex (wagtail_hooks.py)
    request.is_preview = True
    request.preview_mode = language
    request.press_embargo = {"until": until}
    response = page.serve_preview(request, language)
    return _private(response)
