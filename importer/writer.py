"""Stories written as articles: one ArticlePage per group (a story's English and Chinese
versions), under News&Events, each group in its own transaction.

A new article is added as a draft, then its revision is saved (and published with
`--publish`), the way the admin saves one, so the translation status (recorded on every
save and revision by news/newsroom/translation_status.py), the search index and the
cache (news/cache/) follow as for any edit. An article that was imported before (found by
its sources' addresses in ImportedSource) gets a new revision only when what was imported
changed (the digest), else it is skipped.

Old addresses: each source with a web address gets a permanent redirect from its path (no
query string: Wagtail's middleware tries the path without it) to the article's address in
that source's language (`redirect_link`: a `redirect_page` would answer in the language the
visitor happens to have), once the article is published, and never from an address of this
site (importer/redirects.py). A path already redirected by someone else is left alone and
said.
"""

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.text import slugify
from wagtail.rich_text import RichText

from news import languages
from news.models import ArticlePage
from news.models.base import SECTION_ROUTES

from . import images
from .items import CREDIT_FIELDS, ImageRef
from .models import ImportedSource
from .redirects import make_redirects

SLUG_LENGTH = 80


@dataclass
class Outcome:
    """What became of a group: created, updated, skipped or failed, and why."""

    status: str
    items: list
    reason: str = ""
    page: ArticlePage | None = None
    notes: list = field(default_factory=list)


def digest(item, hashes):
    """A fingerprint of everything imported from `item` (image files by content)."""
    parts = [
        list(part)
        if isinstance(part, tuple)
        else {
            "image": hashes.get(id(part), ""),
            "alt": part.alt,
            "caption": part.caption,
            "credit": part.credit,
        }
        for part in item.parts
    ]
    data = {
        "language": item.language,
        "title": item.title,
        "date": item.date.isoformat() if item.date else "",
        "parts": parts,
        "summary": item.summary,
        "focus": item.focus,
        "credits": item.credits,
    }
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


class Writer:
    """Writes groups under `index`. `column`: a Column or None; `publish`: publish every
    imported revision (else drafts); `site`: the site whose redirects are made."""

    def __init__(self, index, site, column=None, publish=False):
        self.index = index
        self.site = site
        self.column = column
        self.publish = publish
        self.created_images = []  # every image file stored (a dry run removes them)

    def write(self, group):
        try:
            return self._write(group)
        except Exception as error:  # noqa: BLE001 - one story never stops the run
            message = "; ".join(error.messages) if isinstance(error, ValidationError) else error
            return Outcome("failed", group, f"{type(error).__name__}: {message}")

    def _write(self, group):
        date = next((item.date for item in sorted(group, key=_english_first) if item.date), None)
        if date is None:
            said = ", ".join(repr(item.date_text) for item in group if item.date_text)
            reason = (
                f"unreadable date {said}"
                if said
                else "no date (add a Date: line or a mapping entry)"
            )
            return Outcome("failed", group, reason)
        files = {}
        try:
            for item in group:
                for ref in item.images:
                    files[id(ref)] = images.checked(ref)
        except images.ImageProblem as problem:
            return Outcome("failed", group, str(problem))
        hashes = {key: sha1 for key, (_data, sha1) in files.items()}
        digests = {item.source_url: digest(item, hashes) for item in group}
        known = {
            source.source_url: source
            for source in ImportedSource.objects.filter(source_url__in=digests).select_related(
                "redirect"
            )
        }
        page_ids = {source.page_id for source in known.values()}
        if len(page_ids) > 1:
            return Outcome(
                "failed",
                group,
                f"its versions were imported into different articles ({sorted(page_ids)}): "
                "merge them by hand, then import again",
            )
        page = ArticlePage.objects.get(pk=page_ids.pop()) if page_ids else None
        unchanged = len(known) == len(group) and all(
            known[url].digest == value for url, value in digests.items()
        )
        must_publish = (
            page is not None and self.publish and (not page.live or page.has_unpublished_changes)
        )
        column_differs = page is not None and self.column and page.column_id != self.column.pk
        if unchanged and not must_publish and not column_differs:
            return Outcome("skipped", group, "unchanged", page)
        stored = []
        try:
            with transaction.atomic(), translation.override(languages.DEFAULT.code):
                if unchanged and must_publish and not column_differs:
                    page.get_latest_revision().publish()
                    return Outcome("updated", group, "published", page)
                status = "updated" if page else "created"
                page = self._save(group, page, date, files, stored)
                notes, made = self._redirects(group, page, known)
                for item in group:
                    source = known.get(item.source_url)
                    ImportedSource.objects.update_or_create(
                        source_url=item.source_url,
                        defaults={
                            "language": item.language,
                            "page": page,
                            "digest": digests[item.source_url],
                            "redirect": made.get(item.source_url)
                            or (source.redirect if source else None),
                        },
                    )
        except Exception:
            images.remove_files(stored)
            raise
        self.created_images.extend(stored)
        return Outcome(status, group, "", page, notes)

    # The article

    def _save(self, group, page, date, files, stored):
        new = page is None
        page = ArticlePage(live=False) if new else page.get_latest_revision_as_object()
        by_language = {item.language: item for item in group}
        for item in group:
            self._fill(page, item, files, stored)
        page.news_date = date
        if new:
            for code in languages.CODES:
                setattr(page, f"public_{languages.get(code).field_suffix}", code in by_language)
        else:
            for code in by_language:
                setattr(page, f"public_{languages.get(code).field_suffix}", True)
        if any(item.focus for item in group):
            page.focus = True
        if self.column:
            page.column = self.column
        english = languages.DEFAULT
        if not getattr(page, english.field("title")):
            # Only another language's version: its title stands in for the English one
            # (Wagtail needs a title), and the English version stays hidden (public_en).
            other = languages.get(next(iter(by_language)))
            setattr(page, english.field("title"), getattr(page, other.field("title")))
        if page.lead_image_id and not getattr(page, english.field("lead_image_alt")):
            # The lead image came with the Chinese version: its alt text is all the source says.
            alts = [getattr(page, lang.field("lead_image_alt")) for lang in languages.LANGUAGES]
            setattr(page, english.field("lead_image_alt"), next((a for a in alts if a), ""))
        for code, item in by_language.items():
            slug_field = languages.get(code).field("slug")
            if not getattr(page, slug_field):
                setattr(page, slug_field, self._free_slug(item, slug_field, page))
        if not getattr(page, english.field("slug")):  # the other version's slug stands in
            slugs = (getattr(page, lang.field("slug")) for lang in languages.translations())
            setattr(page, english.field("slug"), next((slug for slug in slugs if slug), ""))
        page.title = getattr(page, english.field("title"))
        page.slug = getattr(page, english.field("slug"))
        if new:
            self.index.add_child(instance=page)
        revision = page.save_revision(clean=True, log_action=True)
        if self.publish:
            revision.publish()
        return page

    def _fill(self, page, item, files, stored):
        lang = languages.get(item.language)
        setattr(page, lang.field("title"), item.title[:255])
        setattr(page, lang.field("summary"), item.summary)
        for name in CREDIT_FIELDS:
            if item.credits.get(name):
                setattr(page, lang.field(name), item.credits[name][:100])
        body = []
        lead = None
        for part in item.parts:
            if isinstance(part, ImageRef):
                # The source's alt text, or the file name when that is all it gives (flagged
                # by the "needs alt text" dashboard): never one made up here.
                part.alt = part.alt or PurePosixPath(unquote(urlsplit(part.src).path)).name
                data, sha1 = files[id(part)]
                image = images.stored(part, data, sha1, stored)
                # The first image is the lead image, shown above the body; one lead image for
                # both languages: the English version's, unless this version's first image is
                # the same file (then its alt, caption and credit are this language's).
                if lead is None and (
                    lang == languages.DEFAULT or page.lead_image_id in (None, image.pk)
                ):
                    lead = (part, image)
                    continue
                lead = lead or (None, None)
                body.append(
                    (
                        "image",
                        {
                            "image": image,
                            "alt_text": part.alt[:255],
                            "caption": part.caption[:255],
                            "credit": part.credit[:255],
                        },
                    )
                )
            else:
                body.append(("paragraph", RichText(part[1])))
        setattr(page, lang.field("body"), body)
        if lead is not None and lead[0] is not None:
            part, image = lead
            page.lead_image = image
            setattr(page, lang.field("lead_image_alt"), part.alt[:255])
            setattr(page, lang.field("lead_image_caption"), part.caption[:255])
            setattr(page, lang.field("lead_image_credit"), part.credit[:255])

    def _free_slug(self, item, slug_field, page):
        """The title's slug (Chinese characters kept in a Chinese one), within SLUG_LENGTH
        and unique among News&Events' articles (`-2`, `-3`... within the limit too)."""
        unicode = item.language != languages.DEFAULT.code
        base = slugify(item.title, allow_unicode=unicode).strip("-")
        if not base:
            base = slugify(urlsplit(item.source_url).path.rsplit("/", 1)[-1]) or "article"
        if base.isdigit() or f"{base}/" in SECTION_ROUTES:
            base = f"article-{base}"
        siblings = self.index.get_children().exclude(pk=page.pk or 0)
        slug, number = cut_slug(base, SLUG_LENGTH), 1
        while siblings.filter(**{slug_field: slug}).exists():
            number += 1
            slug = f"{cut_slug(base, SLUG_LENGTH - len(f'-{number}'))}-{number}"
        return slug

    # Old addresses (importer/redirects.py)

    def _redirects(self, group, page, known):
        sources = [(item.source_url, item.language) for item in group]
        mine = {url: source.redirect for url, source in known.items()}
        return make_redirects(sources, page, self.site, mine)


def cut_slug(slug, limit):
    """`slug` in at most `limit` characters, never cut inside an English word (a run of ASCII
    letters and digits: it is kept whole or left out). Chinese characters stand each on their
    own, so a Chinese slug is cut where the limit falls. A first word longer than the limit
    is cut all the same."""
    if len(slug) <= limit:
        return slug
    cut = slug[:limit]
    if _in_word(slug[limit - 1]) and _in_word(slug[limit]):
        cut = re.sub(r"[a-z0-9]+$", "", cut).rstrip("-") or cut
    return cut.strip("-")


def _in_word(character):
    return character.isascii() and character.isalnum()


def _english_first(item):
    return item.language != languages.DEFAULT.code
