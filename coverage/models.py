"""What "In the media" lists: stories about the university published by other outlets."""

from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from news import languages
from news.cache.tags import ListedQuerySet

# Only addresses a browser opens as a web page: no javascript:, data:, ftp: or mailto:.
WEB_ADDRESS_MESSAGE = _(
    "Give the address of the outlet's story, starting with http:// or https://."
)
web_address = URLValidator(schemes=["http", "https"], message=WEB_ADDRESS_MESSAGE)


class CoverageClip(models.Model):
    """A story about the university in another outlet (a newspaper, a broadcaster, a
    website), which editors record under "In the media": the page of that language lists it,
    newest first, with a link to the outlet's story."""

    outlet = models.CharField(
        _("outlet"), max_length=200, help_text=_("Who published it, e.g. China Daily.")
    )
    headline = models.CharField(
        _("headline"), max_length=300, help_text=_("As the outlet wrote it, in its language.")
    )
    published = models.DateField(_("date published"))
    url = models.URLField(
        _("link"),
        max_length=500,
        validators=[web_address],
        help_text=_("The address of the outlet's story (http:// or https://)."),
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=[(language.code, language.name) for language in languages.LANGUAGES],
        default=languages.DEFAULT.code,
        help_text=_("The language the story is written in: it is listed on that language's page."),
    )
    quote = models.TextField(
        _("quote"),
        blank=True,
        help_text=_("Optional: a sentence or two from the story, quoted exactly."),
    )

    # Running a list of clips records this tag; a clip saved or deleted invalidates it
    # (coverage/apps.py registers the model with news/cache/).
    cache_list_tags = ("list:coverage",)
    objects = ListedQuerySet.as_manager()

    class Meta:
        ordering = ["-published", "-pk"]
        verbose_name = _("coverage clip")
        verbose_name_plural = _("coverage clips")
        indexes = [
            models.Index(fields=["language", "-published", "-id"], name="coverage_listing_order")
        ]

    def __str__(self):
        return f"{self.outlet}: {self.headline}"
