"""Pictures as pages show them: from the image's record when it is fresh; otherwise made in
the visitor's request as before the records existed (logged as a warning, and whoever
registered with `when_unprepared` is told: the worker is asked to make the record)."""

import logging

from wagtail.images.models import Picture, SourceImageIOError
from wagtail.images.shortcuts import get_rendition_or_not_found, get_renditions_or_not_found

from ..cache import fragments
from . import record
from .sets import SETS

logger = logging.getLogger("news.pictures")

_unprepared = []


def when_unprepared(callback):
    """`callback(image)` is called whenever a picture of `image` is made in a visitor's
    request (tasks.py: enqueue the making of its record)."""
    if callback not in _unprepared:
        _unprepared.append(callback)


def made_in_request(image, name):
    logger.warning(
        "rendition made in a visitor's request: image %s, set %r (its record is missing or stale)",
        image.pk,
        name,
    )
    for callback in _unprepared:
        callback(image)


def picture(request, image, name, attrs):
    """The `<picture>` of set `name` for `image`, with `attrs` on its `<img>`: what Wagtail's
    `{% picture %}` writes for the set's specs, each width written once per format."""
    renditions = record.renditions(image, name)
    if renditions is not None:
        return written(renditions, attrs)

    def build():
        made_in_request(image, name)
        made = get_renditions_or_not_found(image, SETS[name].specs)
        return written(record.distinct_widths(made), attrs)

    # Kept under what it is made from, so that a process that made it does not make it again
    # (the fragment cache; a replaced file or a new focal point are other inputs).
    made_from = (
        "picture",
        image.pk,
        record.inputs(image),
        name,
        SETS[name].declared,
        tuple(sorted((key, str(value)) for key, value in attrs.items())),
    )
    return fragments.content_fragment(request, made_from, build)


def written(renditions, attrs):
    """Wagtail's `<picture>` of `renditions` ({spec: rendition}). An image smaller than the
    set's smallest width has one rendition per format, which Wagtail writes as a `srcset` of
    one address without a width: `sizes` is then invalid HTML, and says nothing, so it goes."""
    attrs = dict(attrs)
    if len({rendition.width for rendition in renditions.values()}) < 2:
        attrs.pop("sizes", None)
    return Picture(renditions, attrs).__html__()


def rendition(image, name, missing=get_rendition_or_not_found):
    """The one rendition of set `name` (a set of one spec) for `image`: from its record, or made
    now (`missing(image, spec)`: Wagtail's "not found" stand-in by default)."""
    renditions = record.renditions(image, name)
    if renditions is not None:
        return next(iter(renditions.values()))
    made_in_request(image, name)
    return missing(image, SETS[name].specs[0])


def found_rendition(image, spec):
    """Wagtail's rendition of `spec`, or None when the image's file is missing."""
    try:
        return image.get_rendition(spec)
    except SourceImageIOError:
        return None
