"""Corrections and updates: the dated notes an editor adds to a published story (what was
wrong and what is right, or what changed), one language version each.

- `ArticleCorrection`: the note, an inline row of the article (published with it, like any
  edit, so the article's publish refreshes every page showing it).
- `ArticleCorrections`: ArticlePage's side: the notes shown on the version a visitor reads.
- `CorrectionRoutes`: NewsIndexPage's `corrections/` (every note of a listed story in the
  active language, newest first) and its RSS feed `corrections/feed/`.

A note belongs to one language version: a correction to the Chinese text shows on the Chinese
page, in its JSON-LD, and on the Chinese corrections page only.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.routable_page.models import path
from wagtail.models import Orderable

from .. import languages
from ..cache.tags import ListedQuerySet
from ..listing import paginate
from ..panels import PermissionedInlinePanel
from ..syndication.feeds import corrections_feed
from .base import CORRECTIONS_ROUTE, language, listed_articles
from .site_settings import SiteSettings

CORRECTIONS_FEED_ROUTE = CORRECTIONS_ROUTE + "feed/"


class ArticleCorrection(Orderable):
    """A dated note on one language version of a story: a correction (what it said, what is
    right) or an update (what changed since it was published). Editors add it in the
    article's "Corrections and updates" panel; it shows once the article is published."""

    CORRECTION = "correction"
    UPDATE = "update"
    KINDS = [
        (CORRECTION, pgettext_lazy("note on a story", "Correction")),
        (UPDATE, pgettext_lazy("note on a story", "Update")),
    ]

    page = ParentalKey("news.ArticlePage", on_delete=models.CASCADE, related_name="corrections")
    date = models.DateField(_("date"), default=timezone.localdate)
    kind = models.CharField(_("kind"), max_length=20, choices=KINDS, default=CORRECTION)
    language = models.CharField(
        _("language version"),
        max_length=10,
        choices=[(lang.code, lang.name) for lang in languages.LANGUAGES],
        default=languages.DEFAULT.code,
        help_text=_("The version of the story the note is about; it shows on that version only."),
    )
    text = models.TextField(
        _("note"),
        help_text=_(
            "What is right (a correction) or what changed (an update), in the language of "
            "that version."
        ),
    )
    was = models.TextField(
        _("what the story said before"),
        blank=True,
        help_text=_("Optional: the wrong statement, as it stood."),
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("kind"), FieldPanel("language")]),
        FieldPanel("text"),
        FieldPanel("was"),
    ]

    # The corrections page lists the notes of listed stories: running one records the
    # stories' list, which every story's publish invalidates (news/cache/).
    cache_list_tags = ("list:articles",)
    objects = ListedQuerySet.as_manager()

    class Meta(Orderable.Meta):
        verbose_name = _("correction or update")
        verbose_name_plural = _("corrections and updates")

    def __str__(self):
        return f"{self.get_kind_display()} {self.date:%Y-%m-%d}"

    @property
    def anchor(self):
        """The note's id on the article's page, for links to it."""
        return f"correction-{self.pk}"

    @property
    def is_correction(self):
        return self.kind == self.CORRECTION


def corrections_panel(permission):
    """The article editor's "Corrections and updates" panel, shown to (and saved for) users
    with `permission` only: a public note is the newsroom's decision, not a translator's."""
    return PermissionedInlinePanel(
        "corrections",
        label=_("Correction or update"),
        heading=_("Corrections and updates"),
        help_text=_(
            "A dated note shown on the published story in its language, in its structured data "
            "and on the corrections page: what was wrong and what is right, or what changed. "
            "It appears when the story is published."
        ),
        permission=permission,
    )


class ArticleCorrections(models.Model):
    """ArticlePage's notes (`corrections`, ArticleCorrection rows), and whether it has any
    (`has_corrections`, kept by each save): a story without notes (nearly all) asks no query
    for them when it is shown."""

    has_corrections = models.BooleanField(default=False, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "corrections" in update_fields:
            # the notes in memory (a form, a revision being published) or, else, the stored ones
            self.has_corrections = bool(self.corrections.all())
            if update_fields is not None:
                kwargs["update_fields"] = [*update_fields, "has_corrections"]
        return super().save(*args, **kwargs)

    def corrections_shown(self):
        """The notes on the version a visitor reads, newest first: the active language's, or,
        when the body shown is another language's (not translated yet, or hidden in this
        language), that language's. One query when the story has notes (a preview's are in
        memory), none otherwise."""
        if not hasattr(self, "_corrections_shown"):
            in_memory = "corrections" in getattr(self, "_cluster_related_objects", {})
            notes = []
            if self.has_corrections or in_memory:
                code = language()
                if "body" in self.fallback_fields():
                    code = self.fallback_language
                notes = [note for note in self.corrections.all() if note.language == code]
                notes.sort(key=lambda note: (note.date, note.pk or 0), reverse=True)
            self._corrections_shown = notes
        return self._corrections_shown


class CorrectionRoutes:
    """NewsIndexPage's corrections page and its feed."""

    def listed_corrections(self):
        """Every note in the active language on a story (or event) of this section that
        visitors of that language see, newest first, with its story."""
        # routed_model: ArticlePage (events are ArticlePages too, below the Events page)
        stories = listed_articles(self.routed_model.objects.descendant_of(self))
        notes = ArticleCorrection.objects.filter(
            language=language(), page__in=stories.order_by().values("pk")
        )
        return notes.select_related("page").order_by("-date", "-pk")

    def corrections_policy(self, request):
        """The site's corrections policy (a live page chosen in the site settings), or None."""
        policy = SiteSettings.for_request(request).corrections_policy
        return policy if policy is not None and policy.live else None

    @path(CORRECTIONS_ROUTE, name="corrections")
    def corrections(self, request):
        """Every correction and update in the visitor's language, newest first."""
        title = _("Corrections")
        context = {
            "listing": paginate(request, self.listed_corrections()),
            "policy": self.corrections_policy(request),
            "feed_url": self.get_url(request) + CORRECTIONS_FEED_ROUTE,
            "feeds": self.corrections_feed_links(request),
            **self.route_context(title, "corrections"),
        }
        return self.render(request, template="news/corrections.html", context_overrides=context)

    def corrections_feed_links(self, request):
        return [
            {
                "type": "application/rss+xml",
                "title": _("%(title)s (RSS)") % {"title": _("Corrections")},
                "url": self.get_url(request) + CORRECTIONS_FEED_ROUTE,
                "name": "RSS",
            }
        ]

    @path(CORRECTIONS_FEED_ROUTE, name="corrections_feed")
    def corrections_feed(self, request):
        return corrections_feed(
            request,
            title=_("Corrections"),
            listing_url=self.get_url(request) + CORRECTIONS_ROUTE,
            corrections=self.listed_corrections(),
            site_name=SiteSettings.for_request(request).site_name,
        )
