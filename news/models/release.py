"""A story that is also a press release: the flag the press room (press/, an app above news)
lists stories by, and the licence of the photos its press kit offers.

Its embargo is Wagtail's own scheduled publishing: the go-live date of the release's scheduled
revision. Until then the page is not live, so no listing, feed, sitemap, search or API answer
holds it (they all ask for live pages); `manage.py publish_scheduled` publishes it at that time.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from .. import languages
from ..panels import BilingualRowPanel


class PressReleaseFields(models.Model):
    """Whether an article is a press release, and its press kit's licence."""

    press_release = models.BooleanField(
        _("press release"),
        default=False,
        help_text=_(
            "List this story in the press room, with its press kit. Its embargo is the "
            "go-live date above: before it nothing of the story is public anywhere, and "
            "journalists see it only through the preview links a moderator gives them."
        ),
    )
    # translated (news/translation.py): the kit states it in the visitor's language
    press_licence = models.CharField(
        _("press kit licence"),
        max_length=255,
        blank=True,
        help_text=_(
            "The terms on which the media may use this release's photos, e.g. "
            '"Free for editorial use with credit" or "CC BY 4.0".'
        ),
    )

    class Meta:
        abstract = True


# The press room's listing (press/): releases newest first, the article order over releases only.
PRESS_ORDER = models.Index(
    fields=["-news_date", "-page_ptr"],
    condition=models.Q(press_release=True),
    name="article_press_order",
)


def press_panel(permission):
    """The article editor's "Press release" panel (its settings tab, under the schedule whose
    go-live date is the embargo), for users with `permission`. Each language of the licence is
    named: wagtail-modeltranslation does not pass `permission` on to the fields it makes."""
    return MultiFieldPanel(
        [
            FieldPanel("press_release", permission=permission),
            BilingualRowPanel(
                [
                    FieldPanel(lang.field("press_licence"), permission=permission)
                    for lang in languages.LANGUAGES
                ]
            ),
        ],
        heading=_("Press release"),
        permission=permission,
    )
