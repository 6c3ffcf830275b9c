"""Pictures: renditions are made by the background worker, never in a visitor's request.

The rule: **a page writes a picture from its image's record; the worker makes the records.**
The named picture sets (sets.py: the cards, the text column, the gallery, the posters, what
other sites and the API show) are declared once; templates name a set
(`{% responsive_picture image "card" ... %}`, templatetags/picture_tags.py). For each image, a
record (news.PreparedImage, one row per image) keeps the URL, file, width and height of every
rendition of every set and what they were made from (record.py: file name and hash, size,
focal point), so that a replaced file or a moved focal point leaves it stale. Loaded with the
image (`select_related(WITH_PICTURES)` on card querysets; the body's image blocks fetch the
records of a stream's images together), a picture costs no query and no cache lookup.

The worker (tasks.py, a django-tasks task run by `manage.py db_worker`) makes the renditions of
every set and writes the record, after the commit of an image's upload, a change of its file
or focal point, and a publish of a page that shows it. It is idempotent (a fresh record is left
alone), and a task fails alone: a deleted image is given up at once, any other error is retried
twice, later, then given up; each logged. When a record is missing or stale as a page renders
(the worker is down or behind), the picture is made in the visitor's request as before, with
the warning "rendition made in a visitor's request", and the worker is asked again (show.py).

Modules, bottom up: sets.py (the declaration), record.py (inputs, making a record, reading
one), show.py (pictures and renditions for pages, the fallback), tasks.py (the task, its
enqueueing, the receivers, making now for the demo and the importer). This package imports no
model of ours: news/apps.py registers the record model and connects the receivers.
"""

from .record import distinct_widths, inputs
from .sets import RECORD, SETS, WITH_PICTURES
from .show import found_rendition, picture, rendition, when_unprepared

__all__ = [
    "RECORD",
    "SETS",
    "WITH_PICTURES",
    "distinct_widths",
    "found_rendition",
    "inputs",
    "picture",
    "rendition",
    "when_unprepared",
]
