"""Page types of the News&Events site and its translated site settings.

Tree: Root › HomePage (one per site) › NewsIndexPage ("News&Events") › ArticlePage.
The Focus, column, tag and archive listings are routes of NewsIndexPage, not pages of
their own. Columns, tags and related-article picks are in news/taxonomy.py.
Translated fields are registered in news/translation.py.
"""

import calendar
import datetime
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, IntegerField, Q, Value, When
from django.http import Http404
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from . import reading
from .archive import archive_years, year_label, year_month_label
from .blocks import BodyBlock
from .feeds import article_feed, feed_links
from .routing import slug_lookup
from .search import chinese_index_text
from .taxonomy import ArticlePageTag, ArticleTag, Column, RelatedArticle  # noqa: F401

ARTICLE_ORDER = ("-news_date", "-pk")


def parse_page_number(raw):
    """The page number asked for in `?page=`, or 1 when it is not a whole number."""
    try:
        return max(int(str(raw).strip()), 1)
    except (TypeError, ValueError):
        return 1


def paginate(request, items):
    """The page of `items` asked for in `?page=`: not a whole number → 1, past the end → last."""
    paginator = Paginator(items, settings.NEWS_PAGE_SIZE, allow_empty_first_page=True)
    number = min(parse_page_number(request.GET.get("page")), paginator.num_pages)
    page = paginator.page(number)
    page.page_links = list(paginator.get_elided_page_range(number, on_each_side=2, on_ends=1))
    return page


def listed_articles(queryset):
    """Articles as every listing shows them: live, public, newest first, image loaded."""
    return (
        queryset.live()
        .public()
        .select_related("lead_image")
        .prefetch_related("lead_image__renditions")
        .order_by(*ARTICLE_ORDER)
    )


def language():
    """The active language, or the default one outside a request."""
    return translation.get_language() or settings.MODELTRANSLATION_DEFAULT_LANGUAGE


class TranslatedPageMixin:
    """Tells templates which translated fields show the default language's text."""

    translated_display_fields = ("title",)

    def fallback_fields(self):
        """Names of the fields whose text in the active language is missing.

        modeltranslation shows the English text for those; templates mark them
        `lang="en"` and tell the reader that no translation exists yet.
        """
        language = translation.get_language()
        if language == settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
            return set()
        missing = set()
        for name in self.translated_display_fields:
            value = getattr(self, build_localized_fieldname(name, language), None)
            if not value:
                missing.add(name)
        return missing


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Contact details and footer of the site, edited under Settings › Site settings."""

    site_name = models.CharField(_("site name"), max_length=100, default="bitnews")
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    copyright = models.CharField(_("copyright line"), max_length=255, blank=True)
    filing_number = models.CharField(
        _("ICP filing number"),
        max_length=100,
        blank=True,
        help_text=_("Shown in the footer, e.g. 京ICP备05065315号."),
    )
    map_latitude = models.DecimalField(
        _("map latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Baidu map (BD-09) coordinates of the campus."),
    )
    map_longitude = models.DecimalField(
        _("map longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    map_label = models.CharField(
        _("map label"),
        max_length=100,
        blank=True,
        help_text=_("Name of the marker on the map, e.g. the campus name."),
    )

    panels = [
        FieldPanel("site_name"),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email")],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("copyright"), FieldPanel("filing_number")],
            heading=_("Footer"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("map_latitude"), FieldPanel("map_longitude")]),
                FieldPanel("map_label"),
            ],
            heading=_("Baidu map"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    def clean(self):
        super().clean()
        if (self.map_latitude is None) != (self.map_longitude is None):
            raise ValidationError(_("Give both map coordinates, or neither."))

    @property
    def baidu_map_url(self):
        """A link that opens the campus on Baidu Maps; no map script is loaded."""
        if self.map_latitude is None or self.map_longitude is None:
            return ""
        query = urlencode(
            {
                "location": f"{self.map_latitude},{self.map_longitude}",
                "title": self.map_label or self.site_name,
                "content": self.address,
                "output": "html",
                "src": "bitnews.news",
            }
        )
        return f"https://api.map.baidu.com/marker?{query}"


class HomePage(TranslatedPageMixin, Page):
    """The site's front page: Focus stories first, then the latest news."""

    focus_count = 3
    latest_count = 6

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["news.NewsIndexPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = listed_articles(ArticlePage.objects.descendant_of(self))
        focus = list(articles.filter(focus=True)[: self.focus_count])
        context["focus_articles"] = focus
        context["latest_articles"] = list(
            articles.exclude(pk__in=[a.pk for a in focus])[: self.latest_count]
        )
        context["news_index"] = NewsIndexPage.objects.live().child_of(self).first()
        if context["news_index"]:
            context["feeds"] = context["news_index"].feed_links(request)
        return context

    class Meta:
        verbose_name = _("home page")


class NewsIndexPage(TranslatedPageMixin, RoutablePageMixin, Page):
    """The "News&Events" section: every article, newest first.

    Routes: `focus/` (Focus stories), `column/<slug>/` (a column, slug per language),
    `tag/<slug>/`, `<yyyy>/` and `<yyyy>/<mm>/` (the archive).
    """

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["news.HomePage"]
    subpage_types = ["news.ArticlePage"]
    max_count = 1

    FOCUS_ROUTE = "focus/"

    def articles(self):
        return listed_articles(ArticlePage.objects.child_of(self))

    def feed_links(self, request, route_suffix="", title=None):
        """The RSS and Atom feeds of the listing at `route_suffix`, for the page's <head>."""
        return feed_links(title or self.title, self.get_url(request) + route_suffix)

    def render_listing(self, request, where=None, not_found_when_empty=False, **context):
        """One listing: the articles matching `where`, paginated, with the archive navigation.

        Both come from one `articles()` queryset, so Wagtail's privacy check runs once.
        """
        articles = self.articles()
        listing = paginate(request, articles.filter(where) if where else articles)
        if not_found_when_empty and not listing.paginator.count:
            raise Http404
        context["listing"] = listing
        context["archive"] = archive_years(articles, context.get("archive_date"))
        return self.render(request, context_overrides=context)

    def route_suffixes(self, name, **kwargs):
        """{language: this route's path in that language}, for the switcher and hreflang.

        `kwargs` values may be callables, called with each language active (a column's
        slug differs per language).
        """
        suffixes = {}
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                values = {
                    key: value() if callable(value) else value for key, value in kwargs.items()
                }
                suffixes[code] = self.reverse_subpage(name, kwargs=values)
        return suffixes

    def route_context(self, title, name, **kwargs):
        suffixes = self.route_suffixes(name, **kwargs)
        return {
            "route_title": title,
            "route_suffix": suffixes[translation.get_language()],
            "route_suffixes": suffixes,
        }

    @path("")
    def all_news(self, request):
        return self.render_listing(request, feeds=self.feed_links(request))

    @path(FOCUS_ROUTE, name="focus")
    def focus_news(self, request):
        return self.render_listing(
            request,
            Q(focus=True),
            route_title=_("Focus"),
            route_suffix=self.FOCUS_ROUTE,
            feeds=self.feed_links(request, self.FOCUS_ROUTE, _("Focus")),
        )

    @path("column/<str:slug>/", name="column")
    def column_news(self, request, slug):
        column = Column.objects.filter(slug_lookup(slug)).first()
        if column is None:
            raise Http404
        return self.render_listing(
            request,
            Q(column=column),
            # Only the active language's own text: no unmarked English on the Chinese site.
            route_intro=getattr(column, build_localized_fieldname("description", language())),
            feeds=self.feed_links(
                request, self.reverse_subpage("column", args=[column.slug]), column.name
            ),
            **self.route_context(column.name, "column", slug=lambda: column.slug),
        )

    @path("column/<str:slug>/feed/<str:kind>/", name="column_feed")
    def column_feed(self, request, slug, kind):
        column = Column.objects.filter(slug_lookup(slug)).first()
        if column is None:
            raise Http404
        return article_feed(
            request,
            kind,
            title=column.name,
            listing_url=self.get_url(request) + self.reverse_subpage("column", args=[column.slug]),
            articles=self.articles().filter(column=column),
            description=column.description,
        )

    @path("tag/<str:slug>/", name="tag")
    def tag_news(self, request, slug):
        tag = ArticleTag.objects.filter(slug=slug).first()
        if tag is None:
            raise Http404
        title = _("Tag: %(name)s") % {"name": tag.display_name}
        return self.render_listing(
            request,
            Q(pk__in=ArticlePageTag.objects.filter(tag=tag).values("content_object_id")),
            # A tag whose articles were all unpublished or untagged has no page.
            not_found_when_empty=True,
            **self.route_context(title, "tag", slug=tag.slug),
        )

    @re_path(r"^(?P<year>[0-9]{4})/$", name="archive_year")
    def year_news(self, request, year):
        year = int(year)
        if not datetime.MINYEAR <= year <= datetime.MAXYEAR:
            raise Http404
        first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        return self.render_listing(
            request,
            Q(news_date__range=(first, last)),
            not_found_when_empty=True,
            archive_date=(year, None),
            **self.route_context(
                year_label(year),
                "archive_year",
                year=f"{year:04d}",
            ),
        )

    @re_path(r"^(?P<year>[0-9]{4})/(?P<month>[0-9]{2})/$", name="archive_month")
    def month_news(self, request, year, month):
        year, month = int(year), int(month)
        if not (datetime.MINYEAR <= year <= datetime.MAXYEAR and 1 <= month <= 12):
            raise Http404
        first = datetime.date(year, month, 1)
        last = datetime.date(year, month, calendar.monthrange(year, month)[1])
        return self.render_listing(
            request,
            Q(news_date__range=(first, last)),
            not_found_when_empty=True,
            archive_date=(year, month),
            **self.route_context(
                year_month_label(first),
                "archive_month",
                year=f"{year:04d}",
                month=f"{month:02d}",
            ),
        )

    @path("feed/<str:kind>/", name="feed")
    def news_feed(self, request, kind):
        return article_feed(
            request,
            kind,
            title=self.title,
            listing_url=self.get_url(request),
            articles=self.articles(),
            description=self.intro,
        )

    @path(FOCUS_ROUTE + "feed/<str:kind>/", name="focus_feed")
    def focus_feed(self, request, kind):
        return article_feed(
            request,
            kind,
            title=_("Focus"),
            listing_url=self.get_url(request) + self.FOCUS_ROUTE,
            articles=self.articles().filter(focus=True),
        )

    class Meta:
        verbose_name = _("news index page")


class ArticlePage(TranslatedPageMixin, Page):
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
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    writer = models.CharField(_("writer"), max_length=100, blank=True)
    photographer = models.CharField(_("photographer"), max_length=100, blank=True)
    editor = models.CharField(_("editor"), max_length=100, blank=True)
    source = models.CharField(_("source"), max_length=255, blank=True)

    # The index holds each language apart (news/search.py): English as written, Chinese as
    # jieba's words. Page.search_fields stays for Wagtail's check (wagtailsearch.W001), but
    # get_search_fields() indexes no text except search_text_fields.
    search_text_fields = [
        index.SearchField("title_en", boost=2),
        index.SearchField("summary_en"),
        index.SearchField("body_en"),
        index.SearchField("search_title_zh_hans", boost=2),
        index.SearchField("search_text_zh_hans"),
    ]
    search_fields = (
        Page.search_fields
        + search_text_fields
        + [index.FilterField("news_date"), index.FilterField("focus")]
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("news_date"), FieldPanel("focus")]),
        FieldRowPanel([FieldPanel("column"), FieldPanel("tags")]),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldPanel("lead_image_alt"),
                FieldPanel("lead_image_caption"),
            ],
            heading=_("Lead image"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("writer"),
                FieldPanel("photographer"),
                FieldPanel("editor"),
                FieldPanel("source"),
            ],
            heading=_("Credits"),
        ),
        InlinePanel(
            "related_links",
            label=_("Related articles"),
            heading=_("Related articles"),
            help_text=_(
                "Shown first under the story, in this order; stories from the same column "
                "or with a shared tag fill the remaining places."
            ),
            max_num=4,
        ),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    route_select_related = ("lead_image", "column")  # fetched with the page (news/routing.py)

    translated_display_fields = (
        "title",
        "summary",
        "body",
        "lead_image_caption",
        "writer",
        "photographer",
        "editor",
        "source",
    )

    related_count = 3

    def clean(self):
        super().clean()
        # `<news>/2023/` is the archive, so an article slug of digits only would be hidden.
        for code, _name in settings.LANGUAGES:
            slug_field = build_localized_fieldname("slug", code)
            if (getattr(self, slug_field, None) or "").isdigit():
                raise ValidationError(
                    {slug_field: _("A slug of digits only is taken by the news archive.")}
                )
        # English is required; Chinese falls back to it until a translator fills it in.
        alt_field = build_localized_fieldname(
            "lead_image_alt", settings.MODELTRANSLATION_DEFAULT_LANGUAGE
        )
        if self.lead_image_id and not getattr(self, alt_field):
            raise ValidationError(
                {alt_field: _("Describe the lead image for readers who cannot see it.")}
            )

    @classmethod
    def get_search_fields(cls):
        """The indexed fields, without text indexed in whichever language happens to be active.

        Page's `title` SearchField gives the active language's title (Chinese when an editor
        publishes from the Chinese admin), and wagtail-modeltranslation adds a raw copy of it
        per language (`title_zh_hans`): unsegmented Chinese that an English search would
        match. Only search_text_fields are indexed as text; filters and autocomplete stay.
        """
        text_fields = {field.field_name for field in cls.search_text_fields}
        return [
            field
            for field in super().get_search_fields()
            if not isinstance(field, index.SearchField) or field.field_name in text_fields
        ]

    def search_title_zh_hans(self):
        """The Chinese title as the search index stores it; empty when there is none."""
        return chinese_index_text(self.title_zh_hans) if self.title_zh_hans else ""

    def search_text_zh_hans(self):
        """Chinese summary and body for the search index; empty without a Chinese title.

        An article without a Chinese title is not a Chinese search result, even if a
        translator has started on its summary or body.
        """
        if not self.title_zh_hans:
            return ""
        body = self._meta.get_field("body_zh_hans").get_searchable_content(self.body_zh_hans or [])
        return chinese_index_text(self.summary_zh_hans, *body)

    def credits(self):
        """(label, name, shown in English) for each credit that is filled in."""
        missing = self.fallback_fields()
        labels = {
            "writer": _("Writer"),
            "photographer": _("Photographer"),
            "editor": _("Editor"),
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

    def siblings(self):
        """The other live, public articles of News&Events (no query to find the parent)."""
        parent_path = self.path[: -self.steplen]
        return (
            ArticlePage.objects.filter(path__startswith=parent_path, depth=self.depth)
            .exclude(pk=self.pk)
            .live()
            .public()
        )

    def neighbours(self, siblings):
        """(previous, next): the articles listed just before and after this one.

        The News&Events order is newest first (ARTICLE_ORDER), so the previous article
        is the next newer one and the next article the next older one. One query.
        """
        if self.pk is None:  # preview of an article that was never saved
            return None, None
        after_me = Q(news_date__lt=self.news_date) | Q(news_date=self.news_date, pk__lt=self.pk)
        before_me = Q(news_date__gt=self.news_date) | Q(news_date=self.news_date, pk__gt=self.pk)
        older = siblings.filter(after_me).order_by(*ARTICLE_ORDER).values("pk")[:1]
        newer = siblings.filter(before_me).order_by("news_date", "pk").values("pk")[:1]
        previous = following = None
        for article in siblings.filter(Q(pk__in=newer) | Q(pk__in=older)):
            if (article.news_date, article.pk) > (self.news_date, self.pk):
                previous = article
            else:
                following = article
        return previous, following

    def related_articles(self, siblings, tags):
        """Up to `related_count` articles: the editor's picks in their order, then
        articles of the same column or with a shared tag, newest first.

        Two queries: the picks (from memory in a preview), then the articles.
        """
        picked = [link.article_id for link in self.related_links.all()]
        matches = Q(pk__in=picked)
        if self.column_id:
            matches |= Q(column_id=self.column_id)
        if tags:
            tagged = ArticlePageTag.objects.filter(tag__in=tags).values("content_object_id")
            matches |= Q(pk__in=tagged)
        if not (picked or self.column_id or tags):
            return []
        pick_order = Case(
            *[When(pk=pk, then=Value(rank)) for rank, pk in enumerate(picked)],
            default=Value(len(picked)),
            output_field=IntegerField(),
        )
        return list(
            siblings.filter(matches)
            .annotate(pick_order=pick_order)
            .order_by("pick_order", *ARTICLE_ORDER)[: self.related_count]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        siblings = self.siblings()
        context["article_tags"] = tags = list(self.tags.all())
        context["previous_article"], context["next_article"] = self.neighbours(siblings)
        context["related_articles"] = self.related_articles(siblings, tags)
        return context

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
