"""A release's press kit: its photos (the lead image, then each captioned image and gallery
photo of its body in the active language), each with its credit, and the release's licence;
every original file downloadable alone and all of them as one ZIP.

The ZIP is built per request with `zipfile` into a temporary file (in memory up to
`SPOOL_BYTES`, on disk past it), the images stored as they are (JPEG, PNG and WebP are
compressed already), with a CREDITS.txt. Past `PRESS_KIT_ZIP_MAX_MB` (setting, default 100)
of originals it is not built: the kit page says so and offers the files one by one.
"""

import os
import tempfile
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.utils.text import slugify
from django.utils.translation import gettext as _

SPOOL_BYTES = 8 * 1024 * 1024
DEFAULT_MAX_MB = 100
# the extensions a downloaded original may have (the uploads the newsroom accepts)
EXTENSIONS = {".jpg": ".jpg", ".jpeg": ".jpg", ".png": ".png", ".gif": ".gif", ".webp": ".webp"}


@dataclass
class KitPhoto:
    """One photo of the kit: the library image, what the release says of it, and the name its
    original is downloaded under."""

    image: object
    alt: str
    caption: str
    credit: str
    filename: str

    @property
    def size(self):
        """The original's size in bytes (Wagtail records it at upload; else the file's)."""
        if self.image.file_size is None:
            try:
                return self.image.file.size
            except OSError:
                return 0
        return self.image.file_size


def max_bytes():
    return getattr(settings, "PRESS_KIT_ZIP_MAX_MB", DEFAULT_MAX_MB) * 1024 * 1024


def _body_photos(body):
    for block in body:
        if block.block_type == "image":
            yield block.value
        elif block.block_type == "gallery":
            yield from block.value["photos"]


def photos(release):
    """The kit's photos, each image once (the first place it appears gives its caption and
    credit), in the active language's version of the release."""
    found = []
    if release.lead_image is not None:
        found.append(
            (
                release.lead_image,
                release.lead_image_alt,
                release.lead_image_caption,
                release.lead_image_credit,
            )
        )
    for value in _body_photos(release.body):
        if value["image"] is not None:
            found.append((value["image"], value["alt_text"], value["caption"], value["credit"]))
    kit, seen = [], set()
    for image, alt, caption, credit in found:
        if image.pk in seen:
            continue
        seen.add(image.pk)
        number = len(kit) + 1
        kit.append(KitPhoto(image, alt or "", caption or "", credit or "", filename(number, image)))
    return kit


def filename(number, image):
    """`01-campus-open-day.jpg`: its place in the kit, its title in ASCII letters and digits,
    the original's extension (one the newsroom uploads, else none)."""
    stem = slugify(image.title)[:60].strip("-") or "photo"
    extension = EXTENSIONS.get(os.path.splitext(image.file.name)[1].lower(), "")
    return f"{number:02d}-{stem}{extension}"


def too_large(kit):
    return sum(photo.size for photo in kit) > max_bytes()


def credits_text(release, kit):
    """CREDITS.txt: the release, its licence and each file's credit, in the active language."""
    lines = [release.title, ""]
    licence = release.press_licence or _("Licence not stated: ask a media contact.")
    lines.append(_("Licence: %(licence)s") % {"licence": licence})
    lines.append("")
    for photo in kit:
        credit = photo.credit or _("not stated")
        lines.append(f"{photo.filename}: " + _("Photo: %(name)s") % {"name": credit})
    return "\n".join(lines) + "\n"


def build_zip(release, kit):
    """The ZIP of `kit`'s originals and CREDITS.txt, as an open file at its start."""
    spooled = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 - returned
    with zipfile.ZipFile(spooled, "w") as archive:
        archive.writestr(
            "CREDITS.txt", credits_text(release, kit), compress_type=zipfile.ZIP_DEFLATED
        )
        for photo in kit:
            with photo.image.open_file() as source, archive.open(photo.filename, "w") as target:
                for chunk in iter(lambda source=source: source.read(1024 * 1024), b""):
                    target.write(chunk)
    spooled.seek(0)
    return spooled
