"""What an article shows under the story: the newer and older story in the listing order, and
related articles (the editor's picks first, then earlier stories of the same column or with a
shared tag).

Related stories are earlier ones: a story's page then depends on its past and its picks, so
publishing a new story changes no older story's page but its older neighbour's (whose "Newer"
link it becomes). `cache_tags_beside` names the stories whose links a write may change: the
page cache and Varnish refresh those and no others (news/cache/)."""

from django.db.models import Case, IntegerField, Q, Subquery, Value, When
from django.utils import translation

from .. import languages
from .base import ARTICLE_ORDER, language, public_in, public_q
from .taxonomy import ArticlePageTag


class ArticleLinksMixin:
    """Newer / older and related articles for ArticlePage; each is one query."""

    related_count = 3

    def siblings(self):
        """The other live, public articles of News&Events that are public in the active
        language (no query to find the parent)."""
        parent_path = self.path[: -self.steplen]
        return (
            type(self)
            .objects.listed_as()  # the writes name the stories whose links change
            .filter(path__startswith=parent_path, depth=self.depth)
            .filter(public_in(language()))
            .exclude(pk=self.pk)
            .live()
            .filter(public_q())
        )

    def older_q(self):
        """Stories listed after this one (older). The redundant date bound lets the database
        start its walk of the listing index (article_listing_order) at this article's date."""
        return Q(news_date__lte=self.news_date) & (
            Q(news_date__lt=self.news_date) | Q(news_date=self.news_date, page_ptr__lt=self.pk)
        )

    def newer_q(self):
        """Stories listed before this one (newer)."""
        return Q(news_date__gte=self.news_date) & (
            Q(news_date__gt=self.news_date) | Q(news_date=self.news_date, page_ptr__gt=self.pk)
        )

    def cache_tags_beside(self):
        """`links:<id>` of the stories whose links this one's write may change (each story's
        links record that tag: news_tags.article_extras), in every language: its newer
        and older neighbours, and for its column and each tag the first `related_count` newer
        stories (whose earlier related stories it may now be). Stories that showed it before
        the write have its own tag."""
        if self.pk is None or not self.live:
            return set()
        tag_ids = list(
            ArticlePageTag.objects.filter(content_object_id=self.pk).values_list(
                "tag_id", flat=True
            )
        )
        beside = set()
        for code in languages.CODES:
            with translation.override(code):
                siblings = self.siblings()
                beside.update(article.pk for article in self.neighbours(siblings) if article)
                later = siblings.filter(self.newer_q()).order_by("news_date", "page_ptr")
                groups = []
                if self.column_id:
                    groups.append(Q(column_id=self.column_id))
                if tag_ids:
                    tagged = ArticlePageTag.objects.filter(tag_id__in=tag_ids)
                    groups.append(Q(pk__in=tagged.values("content_object_id")))
                for group in groups:
                    first = later.filter(group).values_list("pk", flat=True)[: self.related_count]
                    beside.update(first)
        return {f"links:{pk}" for pk in beside}

    def neighbours(self, siblings):
        """(newer, older): the articles listed just before and after this one.

        The News&Events order is newest first (ARTICLE_ORDER), so the one listed before is
        the next newer story (`rel="prev"`) and the one after the next older (`rel="next"`);
        the article labels them by time ("Newer", "Older", with their dates). One query.
        """
        if self.pk is None:  # preview of an article that was never saved
            return None, None
        older = siblings.filter(self.older_q()).order_by(*ARTICLE_ORDER).values("pk")[:1]
        newer = siblings.filter(self.newer_q()).order_by("news_date", "page_ptr").values("pk")[:1]
        newer_article = older_article = None
        # Two scalar subqueries the database runs once each: two index lookups, no scan.
        pair = Q(pk=Subquery(newer)) | Q(pk=Subquery(older))
        for article in type(self).objects.listed_as().filter(pair).select_related(None):
            if (article.news_date, article.pk) > (self.news_date, self.pk):
                newer_article = article
            else:
                older_article = article
        return newer_article, older_article

    def related_articles(self, siblings, tags):
        """Up to `related_count` articles: the editor's picks in their order, then earlier
        articles of the same column or with a shared tag, newest first.

        Two queries: the picks (from memory in a preview), then the articles.
        """
        picked = [link.article_id for link in self.related_links.all()]
        matches = Q(pk__in=picked)
        earlier = Q()
        if self.column_id:
            earlier |= Q(column_id=self.column_id)
        if tags:
            tagged = ArticlePageTag.objects.filter(tag__in=tags).values("content_object_id")
            earlier |= Q(pk__in=tagged)
        if self.column_id or tags:
            matches |= earlier & self.older_q() if self.pk else earlier
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
