"""The demo's photographs: public-domain and CC0 photos that the scikit-image package ships in
its wheel (`skimage/data/`; a development requirement), cropped to what the site shows.

Which file, its crop and its credit are demo content (`PHOTOS` in demo/content.py); the
licence of each is what the docstring of the scikit-image function that loads it states
(skimage/data/_fetchers.py), checked by demo/tests/test_demo_photos.py. Only files inside the
wheel are used: scikit-image downloads its other data sets on demand, and this project
downloads nothing. scikit-image itself is never imported: Pillow reads its files.
"""

import importlib.util
import io
from pathlib import Path

from PIL import Image

MAX_WIDTH = 1200  # the widest rendition the site makes (the text column, sharing)
QUALITY = 82  # JPEG: every demo photo under 150 KB


class PhotosMissing(Exception):
    """scikit-image is not installed: requirements/dev.txt was not."""


def folder():
    """The installed scikit-image's `skimage/data/`, found without importing it."""
    spec = importlib.util.find_spec("skimage")
    if spec is None or spec.origin is None:
        raise PhotosMissing(
            "The demo's photographs come with scikit-image, a development requirement: "
            "install requirements/dev.txt (make install)."
        )
    return Path(spec.origin).parent / "data"


def jpeg(photo):
    """`photo` (a PHOTOS entry) cropped to its box and at most MAX_WIDTH wide, as a JPEG file
    in memory."""
    with Image.open(folder() / photo["file"]) as source:
        picture = source.convert("RGB").crop(photo["box"])
    if picture.width > MAX_WIDTH:
        height = round(picture.height * MAX_WIDTH / picture.width)
        picture = picture.resize((MAX_WIDTH, height), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=QUALITY, optimize=True, progressive=True)
    return buffer
