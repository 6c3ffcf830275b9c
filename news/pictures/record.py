"""An image's record: what it was made from, and every rendition of every set (URL, file,
width, height, bytes), as plain JSON. Made by the worker (tasks.py, `make`), read while a page
renders (`renditions`): reading costs no query when the record came with the image
(`select_related(WITH_PICTURES)`), and never a cache lookup."""

from collections import namedtuple

from django.core.exceptions import ObjectDoesNotExist
from wagtail.images.models import AbstractRendition

from .sets import ALL_SPECS, RECORD, SETS


def inputs(image):
    """All an image's renditions are made from: its file (a replaced file has another name
    and hash), its size and its focal point (the crops). A record made from other inputs is
    stale."""
    return {
        "file": image.file.name,
        "hash": image.file_hash,
        "bytes": image.file_size,
        "width": image.width,
        "height": image.height,
        "focal_point": [
            image.focal_point_x,
            image.focal_point_y,
            image.focal_point_width,
            image.focal_point_height,
        ],
    }


def distinct_widths(renditions):
    """The renditions of `{spec: rendition}` minus those repeating a format and width.

    Wagtail never enlarges an image, so asking a 640-pixel upload for `width-{480,800,1200}`
    gives three renditions of which two are 640 wide, and the `srcset` would then name 640w
    twice, which HTML forbids (and the browser gets the same file listed twice)."""
    seen = set()
    kept = {}
    for spec, rendition in renditions.items():
        key = (rendition.file.name.rsplit(".", 1)[-1], rendition.width)
        if key not in seen:
            seen.add(key)
            kept[spec] = rendition
    return kept


def make(image):
    """The record's pictures: every rendition of every set, made now or found (Wagtail's
    `get_renditions`: one read of the original, three renditions at a time). Raises what
    Wagtail raises for a missing or unreadable file."""
    made = image.get_renditions(*ALL_SPECS)
    sets = {}
    for name, kind in SETS.items():
        chosen = {spec: made[spec] for spec in kind.specs}
        if kind.picture:
            chosen = distinct_widths(chosen)
        sets[name] = {"of": kind.declared, "kept": list(chosen)}
    kept = {spec for entry in sets.values() for spec in entry["kept"]}
    return {
        "renditions": {
            spec: {
                "url": rendition.url,
                "file": rendition.file.name,
                "width": rendition.width,
                "height": rendition.height,
                "bytes": rendition.file.size,
            }
            for spec, rendition in made.items()
            if spec in kept
        },
        "sets": sets,
    }


def complete(pictures):
    """Whether `pictures` (a record's) holds every set as declared now."""
    sets = pictures.get("sets", {})
    return all(sets.get(name, {}).get("of") == kind.declared for name, kind in SETS.items())


def fresh_record(image):
    """The image's record when it was made from the image as it is, else None. A query only
    when the record was not loaded with the image."""
    try:
        record = getattr(image, RECORD)
    except ObjectDoesNotExist:
        return None
    return record if record.inputs == inputs(image) else None


PreparedFile = namedtuple("PreparedFile", ["name", "size"])


class PreparedRendition:
    """A rendition as its record keeps it: what Wagtail's `Picture` and `img_tag` read from
    a rendition (URL, width, height, and the image for its default alt text), written by
    Wagtail's own methods."""

    __slots__ = ("image", "filter_spec", "url", "width", "height", "file")

    attrs_dict = AbstractRendition.attrs_dict
    attrs = AbstractRendition.attrs
    alt = AbstractRendition.alt
    img_tag = AbstractRendition.img_tag
    __html__ = AbstractRendition.__html__

    def __init__(self, image, spec, kept):
        self.image = image
        self.filter_spec = spec
        self.url = kept["url"]
        self.width = kept["width"]
        self.height = kept["height"]
        self.file = PreparedFile(kept["file"], kept["bytes"])


def renditions(image, name):
    """{spec: PreparedRendition} of the set `name` for `image`, from its record; None when the
    record is missing, stale, or was made before the set was declared as it is."""
    record = fresh_record(image)
    if record is None:
        return None
    entry = record.pictures["sets"].get(name)
    if entry is None or entry["of"] != SETS[name].declared:
        return None
    kept = record.pictures["renditions"]
    return {spec: PreparedRendition(image, spec, kept[spec]) for spec in entry["kept"]}
