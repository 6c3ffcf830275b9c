"""The named picture sets: every rendition the site shows, declared once.

A template names the set (`{% responsive_picture image "card" sizes=... alt=... %}`, `{% named_image
image "video-poster" as poster %}`); the worker makes every rendition of every set for every image
(tasks.py); the record keeps their URLs and sizes (record.py). Adding a set, or changing one,
leaves every record without it: those pictures are made in visitors' requests until
`manage.py prepare_pictures` has run (docs/deployment.md).
"""

from typing import NamedTuple

from wagtail.images.models import Filter


class PictureSet(NamedTuple):
    declared: str  # the filter specs as a {% picture %} tag writes them
    specs: tuple[str, ...]  # expanded, in the order {% picture %} asks for them
    picture: bool  # a <picture>: several formats and widths, one of each width kept


def picture(declared):
    """A <picture> of several formats and sizes, as `{% picture image <declared> %}` makes it."""
    return PictureSet(declared, tuple(Filter.expand_spec(declared.split())), True)


def renditions(*specs):
    """Renditions shown one by one (`{% image %}`, head metadata, the API)."""
    return PictureSet(" ".join(specs), specs, False)


SETS = {
    # the text column (42rem): an article's lead image and a body image
    "column": picture("format-{avif,webp,jpeg} width-{480,800,1200}"),
    # article cards (includes/article_card.html): the listings' cards and the featured one
    "card": picture("format-{avif,webp,jpeg} fill-{480x270,960x540}-c100"),
    "featured-card": picture("format-{avif,webp,jpeg} fill-{640x400,1280x800}-c100"),
    # a body gallery's photos (blocks/gallery.html)
    "gallery": picture("format-{avif,webp,jpeg} fill-{480x360,960x720}-c100"),
    # the search app's results (search/templates/search/search_result.html)
    "search-result": picture("format-{avif,webp,jpeg} fill-{160x90,320x180}-c100"),
    # video posters (blocks/video.html, blocks/remote_video.html)
    "video-poster": renditions("width-1200"),
    "remote-video-poster": renditions("fill-960x540-c100"),
    # what other sites show: OpenGraph, Twitter, JSON-LD, feed enclosures (news/syndication/)
    "share": renditions("width-1200|format-jpeg"),
    # the JSON API's lead image sizes (api/: listed with their filter)
    "api": renditions("fill-1200x675", "fill-600x338", "fill-300x300"),
}

# Every spec of every set, once, in a stable order: what the worker makes.
ALL_SPECS = tuple(dict.fromkeys(spec for kind in SETS.values() for spec in kind.specs))

# A card's article loaded with its lead image and that image's record: `select_related(...)`.
WITH_PICTURES = "lead_image__prepared"
# The reverse name of the record on Wagtail's image (news.PreparedImage.image).
RECORD = "prepared"
