from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model_string

from ..pictures import RECORD


class PreparedImage(models.Model):
    """What pages need to show an image, made by the background worker when it is uploaded,
    changed or published (news/pictures/): the URL, file, width and height of every rendition
    of every named picture set, and what they were made from. Nobody edits it; a picture whose
    record is missing or stale is made in the visitor's request, and the worker asked again."""

    image = models.OneToOneField(
        get_image_model_string(),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name=RECORD,
        verbose_name=_("image"),
    )
    # news.pictures.record.inputs(image): file name and hash, size, focal point
    inputs = models.JSONField(_("made from"))
    # {"renditions": {spec: {url, file, width, height, bytes}}, "sets": {name: {of, kept}}}
    pictures = models.JSONField(_("pictures"))
    prepared_at = models.DateTimeField(_("prepared at"), auto_now=True)

    class Meta:
        verbose_name = _("prepared image")
        verbose_name_plural = _("prepared images")

    def __str__(self):
        return f"pictures of image {self.image_id}"
