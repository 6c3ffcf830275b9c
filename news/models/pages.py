"""The home page: Focus first (in the moderator's order, `HomeFocusStory`), the latest stories,
upcoming events; News&Events itself is news_index.py."""

from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, Page

from ..cache import fragments
from ..forms import HomePageForm
from ..prepared import prepared
from .article import ArticlePage
from .base import (
    SectionPage,
    TranslatedPageMixin,
    card_rows,
    focus_articles,
    language,
    listed_articles,
)
from .events import EventIndexPage, upcoming_events
from .news_index import NewsIndexPage


class HomePage(SectionPage, TranslatedPageMixin, Page):
    """The site's front page: Focus stories first, then the latest news.

    A moderator sets the order of the Focus stories in "Focus order on the home page"
    (`focus_stories`), published with the home page like any other edit.
    """

    focus_count = 3
    latest_count = 6
    is_home = True

    content_panels = Page.content_panels + [
        InlinePanel(
            "focus_stories",
            label=_("Focus story"),
            heading=_("Focus order on the home page"),
            help_text=_(
                "The home page shows these stories first, in this order, while they are "
                "published and in Focus; the other Focus stories fill the remaining places "
                "(pinned first, then newest)."
            ),
        ),
    ]

    # No "Show in menus": the home page leads the navigation as "Home" whatever the box says.
    promote_panels = Page.promote_panels[:1]
    base_form_class = HomePageForm

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["news.NewsIndexPage", "news.StandardPage", "news.ContactPage"]
    max_count = 1

    def home_articles(self):
        """The articles the home page lists, as card rows (`card_rows`)."""
        stories = ArticlePage.objects.descendant_of(self).exact_type(ArticlePage)  # no events
        return card_rows(listed_articles(stories))

    def home_queries(self):
        """The home page's three queries, each taking the moment "now" (`now`): "picked",
        the stories of `focus_stories` still live, public and in Focus, with their place
        (`home_rank`); "others", the first `focus_count` other Focus stories; "latest", the
        first `focus_count + latest_count` articles. Each reads a few rows of the Focus or
        listing index: ranking every Focus story in one query sorted them all (60 ms at
        100,000 articles)."""
        articles = self.home_articles()
        picked = HomeFocusStory.objects.filter(home_id=self.pk)
        place = picked.filter(article_id=OuterRef("pk")).order_by("sort_order")
        return {
            "picked": lambda now: (
                focus_articles(articles, now)
                .filter(pk__in=picked.values("article_id"))
                .annotate(home_rank=Subquery(place.values("sort_order")[:1]))
            ),
            "others": lambda now: focus_articles(articles, now).exclude(
                pk__in=picked.values("article_id")
            )[: self.focus_count],
            "latest": lambda now: articles[: self.focus_count + self.latest_count],
        }

    def home_rows(self, now):
        """{name: rows} of `home_queries`, each built and compiled once per process, section,
        counts and language (news/prepared.py); "picked" in its order."""
        now_field = ArticlePage._meta.get_field("focus_until")
        rows = {}
        for name, build in self.home_queries().items():
            key = (
                "home",
                name,
                self.pk,
                self.path,
                self.focus_count,
                self.latest_count,
                language(),
            )
            rows[name] = prepared(key, build, now=now_field).run(now=now)
        rows["picked"].sort(key=lambda article: article.home_rank)
        return rows

    def preview_rows(self, now):
        """`home_rows` for a preview: the edit form's Focus order exists only in memory."""
        order = [story.article_id for story in self.focus_stories.order_by("sort_order")]
        articles = self.home_articles()
        in_focus = focus_articles(articles, now)
        return {
            "picked": sorted(in_focus.filter(pk__in=order), key=lambda a: order.index(a.pk)),
            "others": list(in_focus.exclude(pk__in=order)[: self.focus_count]),
            "latest": list(articles[: self.focus_count + self.latest_count]),
        }

    def sections(self, request):
        """(Focus stories, latest others) as listed now: up to `focus_count` stories in Focus
        (those of `focus_stories` in that order, skipping any no longer live, public or in
        Focus, then the others in Focus order) and the `latest_count` newest other articles
        (the page is kept no later than the next Focus end date: news/apps.py)."""
        now = timezone.now()
        if getattr(request, "is_preview", False):
            rows = self.preview_rows(now)
        else:
            rows = self.home_rows(now)
        focus = (rows["picked"] + rows["others"])[: self.focus_count]
        shown = {article.pk for article in focus}
        latest = [article for article in rows["latest"] if article.pk not in shown]
        return focus, latest[: self.latest_count]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["focus_articles"], context["latest_articles"] = self.sections(request)
        context["upcoming_events"] = upcoming_events(request, self)
        context["events_index"] = fragments.config(
            request,
            ("events-index", self.pk),
            lambda: EventIndexPage.objects.live().descendant_of(self).first(),
            copy=True,
        )
        section = fragments.config(
            request,
            ("news-index", self.pk),
            lambda: NewsIndexPage.objects.live().child_of(self).first(),
            copy=True,
        )
        context["news_index"] = section
        if context["news_index"]:
            context["feeds"] = context["news_index"].feed_links(request)
        return context

    class Meta:
        verbose_name = _("home page")


class HomeFocusStory(Orderable):
    """One row of the home page's "Focus order": a Focus story the moderator puts first."""

    home = ParentalKey("news.HomePage", on_delete=models.CASCADE, related_name="focus_stories")
    article = models.ForeignKey(
        "news.ArticlePage",
        verbose_name=_("Focus story"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("article")]

    class Meta(Orderable.Meta):
        verbose_name = _("Focus story on the home page")
        verbose_name_plural = _("Focus stories on the home page")
