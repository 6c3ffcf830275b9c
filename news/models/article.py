"""The article: what editors write, translators translate and visitors read."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.contrib.taggit import ClusterTaggableManager
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    PublishingPanel,
    TitleFieldPanel,
)
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from .. import languages, reading
from ..blocks import BodyBlock
from ..cache import control
from ..cache.tags import ListedMixin
from ..forms import ArticlePageForm
from ..panels import BilingualRowPanel, PermissionedInlinePanel
from ..pictures import WITH_PICTURES
from .article_links import ArticleLinksMixin
from .base import (
    FOCUS_ROUTE,
    SECTION_ROUTES,
    VISIBILITY_FIELDS,
    VISIBILITY_PERMISSION,
    LanguageVisibility,
    TranslatedPageMixin,
    language,
)
from .corrections import ArticleCorrections, corrections_panel
from .release import PRESS_ORDER, PressReleaseFields, press_panel
from .searchable import SearchableText

SETTINGS_PERMISSION = "news.change_article_settings"


def settings_only(panel):
    """`panel` with each of its fields limited to users with SETTINGS_PERMISSION."""
    for child in panel.children:
        child.permission = SETTINGS_PERMISSION
    return panel


class ArticleQuerySet(ListedMixin, PageQuerySet):
    """Stories: running one records the list it is (news/cache/tags.py)."""


ArticleManager = PageManager.from_queryset(ArticleQuerySet)


class ArticlePage(
    SearchableText,
    ArticleLinksMixin,
    ArticleCorrections,
    TranslatedPageMixin,
    LanguageVisibility,
    PressReleaseFields,
    Page,
):
    """A news story: what editors write, translators translate and visitors read."""

    news_date = models.DateField(
        _("news date"),
        default=timezone.localdate,
        help_text=_("The date shown on the article and used to order listings."),
    )
    focus = models.BooleanField(
        _("Focus"),
        default=False,
        help_text=_("Show this story on the Focus listing and at the top of the home page."),
    )
    focus_pinned = models.BooleanField(
        _("Pin to top of Focus"),
        default=False,
        help_text=_(
            "List this story before the other Focus stories, whatever its date. "
            "Needs Focus to be ticked."
        ),
    )
    focus_until = models.DateTimeField(
        _("Focus until"),
        null=True,
        blank=True,
        help_text=_(
            "After this moment the story leaves Focus on its own and stays an ordinary "
            "article; no need to publish again. Leave empty to keep it in Focus."
        ),
    )
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two sentences for listings and search results."),
    )
    column = models.ForeignKey(
        "news.Column",
        verbose_name=_("column"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        help_text=_("The column this story is filed under (at most one)."),
    )
    tags = ClusterTaggableManager(
        verbose_name=_("tags"),
        through="news.ArticlePageTag",
        blank=True,
        help_text=_("Keywords that link this story to others; shared by both languages."),
    )
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_alt = models.CharField(
        _("lead image alt text"),
        max_length=255,
        blank=True,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    lead_image_caption = models.CharField(_("lead image caption"), max_length=255, blank=True)
    lead_image_credit = models.CharField(
        _("lead image credit"),
        max_length=255,
        blank=True,
        help_text=_("Who took the photo (or holds its rights), shown under it."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    writer = models.CharField(_("writer"), max_length=100, blank=True)
    photographer = models.CharField(_("photographer"), max_length=100, blank=True)
    editor = models.CharField(_("editor"), max_length=100, blank=True)
    translator = models.CharField(_("translator"), max_length=100, blank=True)
    source = models.CharField(_("source"), max_length=255, blank=True)
    # Who and what the story credits, shown under it: the API's and the importer's `credits`.
    credit_fields = ("writer", "photographer", "editor", "translator", "source")
    # Which versions visitors see: `public_<language>` flags (LanguageVisibility), moderators'.

    # What the site search indexes (models/searchable.py): the title, summary and body.
    indexed_text_fields = ("summary", "body")
    search_kind = pgettext_lazy("kind of search result", "Article")
    search_fields = (
        Page.search_fields
        + [index.FilterField("news_date"), index.FilterField("focus")]
        + [index.FilterField(field) for field in VISIBILITY_FIELDS.values()]
    )

    # Each translated field is one BilingualRowPanel: English and Chinese side by side
    # (news/panels.py). Shared settings (date, flags, column, tags, images, related picks,
    # menus, scheduling) need `change_article_settings`, which Translators do not have:
    # the fields are left out of their form, so a POST of them changes nothing.
    content_panels = [
        BilingualRowPanel([TitleFieldPanel("title")]),
        FieldPanel("news_date", permission=SETTINGS_PERMISSION),
        settings_only(
            MultiFieldPanel(
                [FieldPanel("focus"), FieldPanel("focus_pinned"), FieldPanel("focus_until")],
                heading=_("Focus"),
            )
        ),
        FieldRowPanel(
            [
                FieldPanel("column", permission=SETTINGS_PERMISSION),
                FieldPanel("tags", permission=SETTINGS_PERMISSION),
            ]
        ),
        BilingualRowPanel([FieldPanel("summary")]),
        MultiFieldPanel(
            [
                FieldPanel("lead_image", permission=SETTINGS_PERMISSION),
                BilingualRowPanel([FieldPanel("lead_image_alt")]),
                BilingualRowPanel([FieldPanel("lead_image_caption")]),
                BilingualRowPanel([FieldPanel("lead_image_credit")]),
            ],
            heading=_("Lead image"),
        ),
        BilingualRowPanel([FieldPanel("body")]),
        MultiFieldPanel(
            [
                BilingualRowPanel([FieldPanel("writer")]),
                BilingualRowPanel([FieldPanel("photographer")]),
                BilingualRowPanel([FieldPanel("editor")]),
                BilingualRowPanel([FieldPanel("translator")]),
                BilingualRowPanel([FieldPanel("source")]),
            ],
            heading=_("Credits"),
        ),
        PermissionedInlinePanel(
            "related_links",
            label=_("Related articles"),
            heading=_("Related articles"),
            help_text=_(
                "Shown first under the story, in this order; stories from the same column "
                "or with a shared tag fill the remaining places."
            ),
            max_num=4,
            permission=SETTINGS_PERMISSION,
        ),
        corrections_panel(SETTINGS_PERMISSION),
    ]
    promote_panels = [
        MultiFieldPanel(
            [
                # The address: changing it breaks every link to the story (a setting). Named
                # per language: wagtail-modeltranslation does not pass `permission` on.
                BilingualRowPanel(
                    [
                        FieldPanel(lang.field("slug"), permission=SETTINGS_PERMISSION)
                        for lang in languages.LANGUAGES
                    ]
                ),
                BilingualRowPanel([FieldPanel("seo_title")]),
                BilingualRowPanel([FieldPanel("search_description")]),
            ],
            heading=_("For search engines"),
        ),
        # No "Show in menus": a story is never a menu entry (news/models/site_pages.py).
    ]
    base_form_class = ArticlePageForm

    settings_panels = [
        settings_only(PublishingPanel()),
        press_panel(SETTINGS_PERMISSION),  # the press room's flag (models/release.py)
        *Page.settings_panels[1:],
        MultiFieldPanel(
            [
                FieldPanel(field, permission=VISIBILITY_PERMISSION)
                for field in VISIBILITY_FIELDS.values()
            ],
            heading=_("Public languages"),
            help_text=_("At least one language stays public."),
            permission=VISIBILITY_PERMISSION,
        ),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    # fetched with the page (news/routing.py): its lead image with its pictures, its column
    route_select_related = (WITH_PICTURES, "column")

    translated_display_fields = (
        "title",
        "summary",
        "body",
        "lead_image_caption",
        "lead_image_credit",
        "writer",
        "photographer",
        "editor",
        "translator",
        "source",
    )

    is_article = True
    cache_kind = control.ARTICLE
    # Recorded by a list of stories (news/cache/tags.py), invalidated by every story's write.
    cache_list_tags = ("list:articles",)

    objects = ArticleManager()

    def cache_tags_was(self):
        # not the stories beside it: they showed it, so they have its own tag
        return {f"page:{self.pk}", "list:articles", *type(self).cache_list_tags}

    def cache_tags_written(self):
        return {*self.cache_tags_was(), *self.cache_tags_beside()}

    def clean(self):
        super().clean()
        # A slug a route takes (`<news>/2023/`, `<news>/focus/`…) would hide the article.
        for lang in languages.LANGUAGES:
            slug_field = lang.field("slug")
            slug = getattr(self, slug_field, None) or ""
            if slug.isdigit():
                raise ValidationError(
                    {slug_field: _("A slug of digits only is taken by the news archive.")}
                )
            if f"{slug}/" in SECTION_ROUTES:
                raise ValidationError(
                    {slug_field: _("This slug is taken by a listing of News&Events.")}
                )
        # English is required; Chinese falls back to it until a translator fills it in.
        alt_field = languages.DEFAULT.field("lead_image_alt")
        if self.lead_image_id and not getattr(self, alt_field):
            raise ValidationError(
                {alt_field: _("Describe the lead image for readers who cannot see it.")}
            )
        # Pinning and an end date only mean something for a Focus story.
        errors = {}
        if self.focus_pinned and not self.focus:
            errors["focus_pinned"] = _("Only a Focus story can be pinned: tick Focus too.")
        if self.focus_until and not self.focus:
            errors["focus_until"] = _(
                "Only a Focus story has a Focus end date: tick Focus, or clear the date."
            )
        if errors:
            raise ValidationError(errors)
        self.clean_visibility()

    def clean_visibility(self):
        """At least one language stays public, and a story not public in English has a title
        in each language it is public in.

        Errors go where every user of the edit form sees them: a form without the
        visibility fields (an editor's) cannot show an error attached to them.
        """
        if not self.public_languages():
            raise ValidationError(
                _("An article must stay public in at least one language (English or Chinese).")
            )
        if self.is_public_in(languages.DEFAULT.code):
            return
        for lang in languages.translations():
            title_field = lang.field("title")
            if self.is_public_in(lang.code) and not getattr(self, title_field, None):
                message = _(
                    "This article is public only in %(language)s, so it needs a %(language)s title."
                )
                raise ValidationError({title_field: message % {"language": lang.adjective}})

    @property
    def in_focus(self):
        """True while the story is in Focus (the same rule as `base.in_focus_q`): for badges
        and feed categories, so an expired Focus story looks like any other article."""
        return self.focus and (self.focus_until is None or self.focus_until > timezone.now())

    def section_routes(self):
        """A story in Focus sits under the Focus listing: Home › News&Events › Focus › title."""
        return [(_("Focus"), FOCUS_ROUTE)] if self.in_focus else []

    def credits(self):
        """(label, name, shown in English) for each credit that is filled in."""
        missing = self.fallback_fields()
        labels = {
            "writer": _("Writer"),
            "photographer": _("Photographer"),
            "editor": _("Editor"),
            "translator": _("Translator"),
            "source": _("Source"),
        }
        return [
            (label, getattr(self, field), field in missing)
            for field, label in labels.items()
            if getattr(self, field)
        ]

    def reading_minutes(self):
        """Minutes to read the body in the active language (see news/reading.py)."""
        return reading.reading_minutes(reading.body_text(self.body))

    def get_context(self, request, *args, **kwargs):
        if not self.is_public_in(language()):
            self.show_version(self.public_languages()[0])
        return super().get_context(request, *args, **kwargs)

    def extras(self):
        """What includes/article_extras.html shows: tags, the newer and older neighbours and
        related articles (three queries, the last two prepared: news/prepared.py)."""
        tags = list(self.tags.all())
        newer_article, older_article = self.neighbours()
        return {
            "article_tags": tags,
            "newer_article": newer_article,
            "older_article": older_article,
            "related_articles": self.related_articles(tags),
        }

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [
            # Listings, feeds, previous / next: newest first (ARTICLE_ORDER) without sorting
            # the archive; PostgreSQL walks it and stops after a page.
            models.Index(fields=["-news_date", "-page_ptr"], name="article_listing_order"),
            # The Focus listing, its feeds and the home page (FOCUS_ORDER), over Focus stories only.
            models.Index(
                fields=["-focus_pinned", "-news_date", "-page_ptr"],
                condition=models.Q(focus=True),
                name="article_focus_order",
            ),
            PRESS_ORDER,  # the press room's releases (models/release.py)
        ]
        permissions = [
            ("set_language_visibility", _("Can choose which languages an article is public in")),
            (
                "change_article_settings",
                "Can change an article's date, flags, column, tags, images and schedule",
            ),
        ]
