"""What the mail shows of an issue, as plain values read once: each story's title, summary,
absolute address and lead image (a rendition of a fixed width, absolute address), in the
issue's language."""

import logging
from dataclasses import dataclass

from django.utils import translation

from ..addresses import absolute

logger = logging.getLogger("newsletter")

IMAGE_SPEC = "width-600|format-jpeg|jpegquality-80"
IMAGE_WIDTH = 600


@dataclass(frozen=True)
class Story:
    id: int
    column_id: int | None
    title: str
    summary: str
    url: str
    image_url: str = ""
    image_width: int = 0
    image_height: int = 0
    image_alt: str = ""


def image_of(article):
    """The lead image's rendition for the mail ({} without an image, or when it cannot be
    made: the story goes without its picture)."""
    image = article.lead_image
    if image is None:
        return {}
    try:
        rendition = image.get_rendition(IMAGE_SPEC)
    except Exception:  # noqa: BLE001 - a missing or damaged file: the mail goes without it
        logger.warning("newsletter: no picture for image %s", image.pk, exc_info=True)
        return {}
    return {
        "image_url": absolute(rendition.url),
        "image_width": rendition.width,
        "image_height": rendition.height,
        "image_alt": article.lead_image_alt or "",
    }


def stories_of(issue):
    """The issue's stories in its order, in its language."""
    with translation.override(issue.language):
        return [
            Story(
                id=article.pk,
                column_id=article.column_id,
                title=article.title,
                summary=article.summary,
                url=absolute(article.get_url()),
                **image_of(article),
            )
            for article in issue.ordered_stories()
        ]


def chosen(stories, column_ids):
    """The stories a recipient who chose `column_ids` receives (none chosen: all of them)."""
    if not column_ids:
        return stories
    return [story for story in stories if story.column_id in column_ids]
