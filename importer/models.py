"""What the importer remembers of each source: the article it became and a digest of what
was imported, so that a re-run skips what did not change and updates what did."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedSource(models.Model):
    """One story of the old site (an address, or a `file:` name for a text export without
    one) in one language, and the article it was imported into. Used by `import_news`;
    editors never see it."""

    source_url = models.CharField(_("source address"), max_length=500, unique=True)
    language = models.CharField(_("language"), max_length=10)
    page = models.ForeignKey(
        "news.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    # The old address's redirect made by the importer (None: no web address, or the address
    # was already redirected elsewhere and left alone).
    redirect = models.ForeignKey(
        "wagtailredirects.Redirect",
        verbose_name=_("redirect"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    digest = models.CharField(_("digest of the imported content"), max_length=64)
    created_at = models.DateTimeField(_("first imported"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last imported"), auto_now=True)

    class Meta:
        verbose_name = _("imported source")
        verbose_name_plural = _("imported sources")

    def __str__(self):
        return self.source_url
