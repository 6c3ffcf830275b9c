"""Which images of an article lack a real alt text in a language: none at all, or a file name
standing in for one (`1.png`, `IMG_0042.JPG`, `5f3a9c…` — what an import from the old site
brings along). The translation states keep the list (news/models/translation_state.py) so the
translators' dashboard and the admin home can show "needs alt text" in one query."""

import re
from pathlib import PurePosixPath

from . import languages

IMAGE_SUFFIXES = r"(?:png|jpe?g|jfif|gif|webp|avif|bmp|tiff?|heic|svg)"
# Anything ending in an image file's suffix: "1.png", "photo 3.JPG", "uploads/2020/a.jpeg".
FILE_NAME = re.compile(rf"\.{IMAGE_SUFFIXES}$", re.I)
# A camera's or a CMS's name for a file, without its suffix: "IMG_0042", "DSC01234",
# "P1000123", "20200413093512", a hex digest.
MACHINE_NAME = re.compile(
    r"^(?:(?:img|image|dsc|dscn|dscf|pic|photo|p|w|wx)[-_ ]?\d+|\d{3,}|[0-9a-f]{8,}(?:[-_][0-9a-f]+)*)$",
    re.I,
)


def is_placeholder(alt):
    """Whether `alt` says nothing about the image: empty, or a file name."""
    text = (alt or "").strip()
    return not text or bool(FILE_NAME.search(text) or MACHINE_NAME.match(text))


def _visible(page, field, code):
    """`field` as visitors of language `code` see it: its own value, else the default
    language's (modeltranslation's fallback)."""
    value = getattr(page, languages.get(code).field(field), None)
    if not value and code != languages.DEFAULT.code:
        value = getattr(page, languages.DEFAULT.field(field), None)
    return value


def _image_name(image):
    """How the image library names it: its title, else its file's name."""
    if image is None:
        return ""
    return image.title or (PurePosixPath(image.file.name).name if image.file else "")


def _body_images(body):
    """(image, alt text) of every photo in a body StreamField, galleries included."""
    for block in body or ():
        if block.block_type == "image":
            yield block.value.get("image"), block.value.get("alt_text")
        elif block.block_type == "gallery":
            for photo in block.value.get("photos") or ():
                yield photo.get("image"), photo.get("alt_text")


def lacking(page, code):
    """The images of `page` whose alt text in language `code` is missing or a file name, as
    [{"where": "lead" | "body", "file": "1.png"}] in the order a reader meets them."""
    found = []
    if page.lead_image_id and is_placeholder(_visible(page, "lead_image_alt", code)):
        found.append({"where": "lead", "file": _image_name(page.lead_image)})
    for image, alt in _body_images(_visible(page, "body", code)):
        if image is not None and is_placeholder(alt):
            found.append({"where": "body", "file": _image_name(image)})
    return found
