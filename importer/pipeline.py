"""One import run: read every file, pair the versions, write each story, report.

Reading yields items and failures (importer/sources/); items are then checked against each
other (a source address twice in one run: the second fails) and grouped into stories (by
`pair_key`, or the mapping file's [[pairs]]); each story is written by importer/writer.py in
its own transaction; the mapping's extra redirects come last. A dry run does all of it
inside one transaction rolled back at the end (and removes the image files it stored), so
its report is what a real run would say.
"""

import contextlib
import csv
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction
from tqdm import tqdm
from wagtail.contrib.redirects.models import Redirect

from news import languages
from news.newsroom.exports import safe_cell

from .images import remove_files
from .items import Failure, Item
from .mapping import ReadContext
from .models import ImportedSource
from .redirects import address_of, own_address
from .sources import html, jsonl, text
from .writer import Writer

READERS = {".txt": text, ".html": html, ".htm": html, ".jsonl": jsonl, ".ndjson": jsonl}
STATUSES = ("created", "updated", "skipped", "failed")
CSV_COLUMNS = ("status", "source_url", "language", "origin", "page_id", "address", "reason")


@dataclass
class Row:
    """One line of the report: a source (or an extra redirect) and what became of it."""

    status: str
    source_url: str = ""
    language: str = ""
    origin: str = ""
    page_id: int | None = None
    address: str = ""
    reason: str = ""


class Report:
    def __init__(self):
        self.rows = []
        self.new_images = []  # ids of the images the run added to the library

    def counts(self):
        return {status: sum(row.status == status for row in self.rows) for status in STATUSES}

    def summary(self, dry_run=False):
        counts = self.counts()
        text = ", ".join(f"{counts[status]} {status}" for status in STATUSES)
        return f"{text}{' (dry run: nothing was written)' if dry_run else ''}"

    def write_csv(self, path):
        with open(path, "w", newline="", encoding="utf-8") as file:
            writer = csv.writer(file)
            writer.writerow(CSV_COLUMNS)
            for row in self.rows:
                writer.writerow(
                    [
                        "" if getattr(row, name) is None else safe_cell(getattr(row, name))
                        for name in CSV_COLUMNS
                    ]
                )


def files_of(paths):
    """[(file, its root folder)] of the paths given: a folder's files in name order (those of
    a known format), a file given by name whatever its suffix."""
    found = []
    for path in map(Path, paths):
        if path.is_dir():
            found += [
                (file, path)
                for file in sorted(path.rglob("*"))
                if file.is_file() and file.suffix.lower() in READERS
            ]
        else:
            found.append((path, path.parent))
    return found


def refusal(path, root, given_as_folder):
    """Why `path` is not read, or None: a file of a folder given that is reached through a
    link leading out of that folder (a story file is what the folder holds, not what a link
    in it points at), or a file over IMPORT_MAX_FILE_MB (refused before it is read)."""
    if given_as_folder and not path.resolve().is_relative_to(root.resolve()):
        return "a link to a file outside the folder given: not read"
    limit = settings.IMPORT_MAX_FILE_MB
    size = path.stat().st_size
    if size > limit * 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB, over the {limit} MB a story file may have: not read"
    return None


def read_all(paths, mapping, selectors):
    folders = {Path(path) for path in paths if Path(path).is_dir()}
    entries = []
    for path, root in files_of(paths):
        context = ReadContext(root=root, mapping=mapping, selectors=selectors)
        reader = READERS.get(path.suffix.lower())
        if not path.is_file():
            entries.append(Failure(str(path), "no such file"))
        elif reader is None:
            entries.append(Failure(context.origin(path), f"unknown format {path.suffix!r}"))
        elif problem := refusal(path, root, root in folders):
            entries.append(Failure(context.origin(path), problem))
        else:
            entries.extend(reader.read(path, context))
    return entries


def grouped(entries, mapping):
    """(stories, failures): items of one story together (English first), duplicates out."""
    failures = [entry for entry in entries if isinstance(entry, Failure)]
    pair_keys = mapping.pair_keys()
    first_seen = {}
    stories = {}
    for item in (entry for entry in entries if isinstance(entry, Item)):
        if item.source_url in first_seen:
            failures.append(
                Failure(
                    item.origin,
                    f"duplicate source URL in this run (first in {first_seen[item.source_url]})",
                    item.source_url,
                    item.language,
                )
            )
            continue
        first_seen[item.source_url] = item.origin
        key = item.pair_key or pair_keys.get(item.source_url) or f"source:{item.source_url}"
        story = stories.setdefault(key, [])
        if any(other.language == item.language for other in story):
            failures.append(
                Failure(
                    item.origin,
                    f"pair key {item.pair_key!r} already has a {item.language} version in this run",
                    item.source_url,
                    item.language,
                )
            )
            continue
        story.append(item)
    first = languages.DEFAULT.code  # the original of every page
    return [
        sorted(story, key=lambda i: i.language != first) for story in stories.values()
    ], failures


def run(
    paths,
    *,
    mapping,
    selectors,
    index,
    site,
    column=None,
    publish=False,
    dry_run=False,
    progress=None,
):
    report = Report()
    entries = read_all(paths, mapping, selectors)
    stories, failures = grouped(entries, mapping)
    for failure in failures:
        report.rows.append(
            Row(
                "failed",
                failure.source_url,
                failure.language,
                failure.origin,
                reason=failure.reason,
            )
        )
    writer = Writer(index, site, column=column, publish=publish)
    # A real run commits story by story (writer.py); a dry run is one transaction, rolled back.
    with transaction.atomic() if dry_run else contextlib.nullcontext():
        for story in tqdm(stories, desc="Importing", unit="story", disable=progress):
            outcome = writer.write(story)
            for item in outcome.items:
                page = outcome.page if outcome.status != "failed" else None
                report.rows.append(
                    Row(
                        outcome.status,
                        item.source_url,
                        item.language,
                        item.origin,
                        page.pk if page else None,
                        address_of(page, item.language) if page else "",
                        "; ".join(filter(None, [outcome.reason, *outcome.notes])),
                    )
                )
        for old, target in mapping.redirects:
            report.rows.append(extra_redirect(old, target, site))
        if dry_run:
            transaction.set_rollback(True)
    if dry_run:
        remove_files(writer.created_images)
    else:
        report.new_images = [image.pk for image in writer.created_images]
    return report


def extra_redirect(old, target, site):
    """A [[redirects]] entry of the mapping file: `old` to an imported source's article (in
    its language) or to a path of this site."""
    try:
        with transaction.atomic():
            return _extra_redirect(old, target, site)
    except Exception as error:  # noqa: BLE001 - one entry never stops the run
        return Row("failed", target, origin=f"mapping: {old}", reason=f"{error}")


def _extra_redirect(old, target, site):
    old_path = Redirect.normalise_path(old.split("?", 1)[0])
    row = Row("failed", target, origin=f"mapping: {old}")
    if target.startswith("/"):
        link = target
    else:
        source = ImportedSource.objects.filter(source_url=target).select_related("page").first()
        if source is None:
            row.reason = "redirect target was not imported"
            return row
        row.language, row.page_id = source.language, source.page_id
        link = address_of(source.page.specific, source.language)
    row.address = link
    existing = Redirect.objects.filter(old_path=old_path, site=site).first()
    if existing is None and own_address(old_path, site):
        row.reason = f"{old_path} is an address of this site: no redirect made"
        return row
    if existing is None:
        Redirect.objects.create(old_path=old_path, site=site, is_permanent=True, redirect_link=link)
        row.status = "created"
    elif existing.link == link:
        row.status, row.reason = "skipped", "unchanged"
    else:
        row.reason = f"{old_path} already redirects to {existing.link}: left alone"
    return row
