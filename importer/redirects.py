"""The old site's addresses redirected to the articles imported from them.

Each source with a web address gets a permanent redirect from its path to the article in that
source's language, made only while the article is published (a draft's redirect would send
readers from a working old address to a 404: a draft import makes its redirects when the
article is first published, `made_on_publish`), and never from an address this site answers
itself (`own_address`: a page, a route of one such as Focus or a column, or a view of its own
such as the search or the sitemap, with or without the trailing slash): a redirect there would
take the site's own page away."""

from urllib.parse import urlsplit

from django.http import Http404
from django.test import RequestFactory
from django.urls import Resolver404, resolve
from django.utils import translation
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from .models import ImportedSource


def address_of(page, language):
    """The article's address in `language` (relative on a one-site install)."""
    with translation.override(language):
        return page.get_url()


def own_address(path, site):
    """Whether this site answers `path` (with or without its trailing slash) itself."""
    bare = path.rstrip("/") or "/"
    for candidate in dict.fromkeys((bare, bare.rstrip("/") + "/")):
        language = translation.get_language_from_path(candidate)
        with translation.override(language):
            try:
                match = resolve(candidate)
            except Resolver404:
                continue
            if match.url_name != "wagtail_serve":
                return True  # the admin, the search, the sitemap, the API…
            if page_at(candidate, match, site):
                return True
    return False


def page_at(path, match, site):
    """Whether a published page (or a route of one) answers `path` on `site`."""
    request = RequestFactory().get(path, HTTP_HOST=site.hostname)
    request.site = site
    components = [part for part in match.kwargs.get("path", "").split("/") if part]
    try:
        site.root_page.specific.route(request, components)
    except Http404:
        return False
    return True


def make_redirects(sources, page, site, mine=None):
    """(notes, {source_url: Redirect}) for `sources` [(source_url, language)] of `page`:
    `mine` {source_url: the Redirect made for it before, or None}. Nothing while `page` is
    not live."""
    notes, made = [], {}
    mine = mine or {}
    # the database's word: the writer's page object is the revision's, not the one published
    if not Page.objects.filter(pk=page.pk, live=True).exists():
        return notes, made
    for source_url, language in sources:
        if not source_url.startswith(("http://", "https://")):
            continue
        old_path = Redirect.normalise_path(urlsplit(source_url).path)
        link = address_of(page, language)
        if old_path == Redirect.normalise_path(link):
            continue
        ours = mine.get(source_url)
        existing = (
            Redirect.objects.filter(old_path=old_path, site=site).first()
            or Redirect.objects.filter(old_path=old_path, site=None).first()
        )
        if existing is not None and (ours is None or existing.pk != ours.pk):
            notes.append(f"{old_path} already redirects to {existing.link}: left alone")
            continue
        if existing is None and own_address(old_path, site):
            notes.append(f"{old_path} is an address of this site: no redirect made")
            continue
        if existing is not None:
            if existing.redirect_link != link:
                existing.redirect_link = link
                existing.save(update_fields=["redirect_link"])
            made[source_url] = existing
            continue
        made[source_url] = Redirect.objects.create(
            old_path=old_path, site=site, is_permanent=True, redirect_link=link
        )
    return notes, made


def made_on_publish(sender, instance, **kwargs):
    """`page_published`: an imported article published for the first time (a draft import)
    gets the redirects of its sources that have none."""
    waiting = ImportedSource.objects.filter(page_id=instance.pk, redirect__isnull=True)
    sources = [(source.source_url, source.language) for source in waiting]
    if not sources:
        return
    site = instance.get_site()
    if site is None:
        return
    _notes, made = make_redirects(sources, instance.specific, site)
    for source in waiting:
        if source.source_url in made:
            source.redirect = made[source.source_url]
            source.save(update_fields=["redirect"])
