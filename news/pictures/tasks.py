"""The worker's side: the task that makes an image's record, when it is asked for, and making
records at once where a command must leave every picture prepared (the demo, the importer,
`manage.py prepare_pictures`).

The task runs on the backend TASKS names "background" (django-tasks, as Wagtail 7 uses it: the
database backend and `manage.py db_worker --backend background` in production and `make run`).
It is idempotent: a record made from the image as it is now, with every set, is left alone.
Bounded retries: a deleted image is given up at once (ImageGone); any other error (a missing
or damaged file, a full disk) fails this attempt, logged, and the task is enqueued again for
later, MAX_ATTEMPTS in all; the failed attempt is recorded by the backend and the worker goes on
with the next task.
"""

import datetime
import logging
import time

from django.db import transaction
from django.utils import timezone
from django_tasks import task
from wagtail.fields import StreamField
from wagtail.images import get_image_model

from . import record
from .sets import RECORD

logger = logging.getLogger("news.pictures")

BACKEND = "background"  # settings.TASKS
MAX_ATTEMPTS = 3
RETRY_DELAY = datetime.timedelta(minutes=1)  # times the attempt that failed

_record_model = None


def register(model):
    """The record's model (news.PreparedImage), from news/apps.py: this package imports none."""
    global _record_model
    _record_model = model


class ImageGone(Exception):
    """The image was deleted before its pictures were made."""


@task(backend=BACKEND)
def prepare_pictures(image_id, attempt=1):
    """Make every rendition of every set of image `image_id` and write its record."""
    try:
        return prepare(image_id)
    except ImageGone:
        logger.warning("image %s: no pictures made, the image was deleted", image_id)
        raise
    except Exception:
        if attempt < MAX_ATTEMPTS:
            try:
                delay = retry(image_id, attempt + 1)
            except Exception:
                logger.exception("image %s: could not enqueue attempt %s", image_id, attempt + 1)
                delay = "never"
            logger.exception(
                "image %s: making its pictures failed (attempt %s of %s), tried again in %s",
                image_id,
                attempt,
                MAX_ATTEMPTS,
                delay,
            )
        else:
            logger.exception(
                "image %s: making its pictures failed %s times, given up", image_id, attempt
            )
        raise


def retry(image_id, attempt):
    """Enqueue attempt number `attempt`, later where the backend can wait; the delay."""
    task = prepare_pictures
    delay = RETRY_DELAY * (attempt - 1)
    if task.get_backend().supports_defer:
        task = task.using(run_after=timezone.now() + delay)
    else:
        delay = datetime.timedelta(0)
    task.enqueue(image_id, attempt)
    return delay


def needs_record(image):
    """Whether `image` (loaded with its record, or not) has no record made from it as it is,
    with every set as declared now."""
    current = record.fresh_record(image)
    return current is None or not record.complete(current.pictures)


def prepare(image_id):
    """Make the record of image `image_id` unless it has a fresh one; what was done."""
    Image = get_image_model()
    image = Image.objects.select_related(RECORD).filter(pk=image_id).first()
    if image is None:
        raise ImageGone(image_id)
    if not needs_record(image):
        return "already prepared"
    made_from = record.inputs(image)
    pictures = record.make(image)
    with transaction.atomic():
        # the image as it is now, locked until the record is written: another task for it
        # waits here, and one made from older inputs writes nothing
        now = Image.objects.select_for_update().filter(pk=image_id).first()
        if now is None:
            raise ImageGone(image_id)
        if record.inputs(now) != made_from:
            return "changed meanwhile"  # its save enqueued another task
        _record_model.objects.update_or_create(
            image_id=image_id, defaults={"inputs": made_from, "pictures": pictures}
        )
    return "prepared"


def enqueue(image_id):
    """Ask the worker for image `image_id`'s record; a failure to ask is logged, never raised
    (what asked has committed, or is a visitor's page)."""
    try:
        prepare_pictures.enqueue(image_id)
    except Exception:
        logger.exception("image %s: could not ask the worker for its pictures", image_id)


def enqueue_needed(image_ids):
    """Enqueue a task for each of `image_ids` without a fresh, complete record (one query)."""
    images = get_image_model().objects.select_related(RECORD).filter(pk__in=image_ids)
    for image in images:
        if needs_record(image):
            enqueue(image.pk)


def after_commit(image_ids):
    """Check `image_ids` (and enqueue what they need) once the transaction commits."""
    image_ids = {pk for pk in image_ids if pk is not None}
    if image_ids:
        transaction.on_commit(lambda: enqueue_needed(image_ids), robust=True)


def images_of(page):
    """The ids of every image `page` shows: its image fields (an article's lead image) and the
    images of its StreamFields (every language's body), found by Wagtail's reference
    extraction."""
    Image = get_image_model()
    found = set()
    for field in page._meta.concrete_fields:
        if field.is_relation and field.related_model is not None:
            if issubclass(field.related_model, Image):
                found.add(field.value_from_object(page))
        elif isinstance(field, StreamField):
            for model, pk, _path, _content in field.extract_references(
                field.value_from_object(page)
            ):
                if issubclass(model, Image):
                    found.add(int(pk))
    return found


# Receivers (connected in news/apps.py)


def image_saved(sender, instance, raw=False, **kwargs):
    """post_save of an image: an upload, a replaced file, a new focal point need a record
    (a title edit leaves it fresh: nothing is enqueued)."""
    if not raw:
        after_commit([instance.pk])


def page_published(sender, instance, **kwargs):
    """Wagtail's page_published: the images the page shows."""
    after_commit(images_of(instance))


def rendition_deleted(sender, instance, **kwargs):
    """post_delete of a rendition (Wagtail's purge command, an image's file replaced): the
    record may name its file, so it goes. The next page to show the image makes its pictures
    and asks the worker (a replaced file's save has asked already)."""
    _record_model.objects.filter(image_id=instance.image_id).delete()


def made_in_request(image):
    """show.when_unprepared: a page made a picture of `image` itself; ask the worker."""
    transaction.on_commit(lambda: enqueue(image.pk), robust=True)


def needing_records(image_ids=None):
    """The ids of the images (of `image_ids`, or all) without a fresh, complete record."""
    images = get_image_model().objects.select_related(RECORD).order_by("pk")
    if image_ids is not None:
        images = images.filter(pk__in=list(image_ids))
    return [image.pk for image in images.iterator(chunk_size=500) if needs_record(image)]


def prepare_now(image_ids, progress=None):
    """Make the records of `image_ids` here and now (the demo, the importer, the command),
    each failure logged and counted; {"prepared": n, "failed": n, "already prepared": n}."""
    counts = {"prepared": 0, "already prepared": 0, "failed": 0}
    image_ids = sorted(set(image_ids))
    started = time.monotonic()
    for done, image_id in enumerate(image_ids, start=1):
        try:
            outcome = prepare(image_id)
        except Exception:
            logger.exception("image %s: making its pictures failed", image_id)
            outcome = "failed"
        counts[outcome] = counts.get(outcome, 0) + 1
        if progress is not None:
            progress(done, len(image_ids), time.monotonic() - started)
    return counts
