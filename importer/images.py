"""An imported story's image files, checked as the admin checks an upload
(news/newsroom/images.py: `CheckedImageField`, the same limits and messages) before anything
is written, then stored as Wagtail images, one per distinct file (an image already in the
library, by its content hash, is used again)."""

import hashlib

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images import get_image_model
from wagtail.models import Collection

from news.newsroom.images import CheckedImageField


class ImageProblem(Exception):
    """Why an image of a story cannot be imported (the story fails with this reason)."""


def checked(ref):
    """(file content, SHA-1) of `ref`'s file after the upload checks; ImageProblem if it is
    missing or refused."""
    if ref.path is None:
        raise ImageProblem(f"missing image {ref.src!r}: no such file beside the export")
    try:
        data = ref.path.read_bytes()
    except OSError as error:
        raise ImageProblem(f"image {ref.src!r} unreadable: {error}") from error
    try:
        CheckedImageField(required=True).clean(SimpleUploadedFile(ref.path.name, data))
    except ValidationError as error:
        raise ImageProblem(f"image {ref.src!r} refused: {' '.join(error.messages)}") from error
    return data, hashlib.sha1(data).hexdigest()  # noqa: S324 - Wagtail's own file hash


def stored(ref, data, sha1, created):
    """The library's image with this content, or a new one (appended to `created`, so that a
    failed story can remove its files: a rolled-back row does not remove a file)."""
    Image = get_image_model()
    existing = Image.objects.filter(file_hash=sha1).order_by("pk").first()
    if existing is not None:
        return existing
    image = Image(
        title=(ref.alt or ref.path.name)[:255],
        file=SimpleUploadedFile(ref.path.name, data),
        collection=Collection.get_first_root_node(),
    )
    image._set_image_file_metadata()
    image.save()
    created.append(image)
    return image


def remove_files(images):
    for image in images:
        image.file.delete(save=False)
