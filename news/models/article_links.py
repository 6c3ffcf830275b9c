"""What an article shows under the story: the newer and older story in the listing order, and
related articles (the editor's picks first, then the same column or a shared tag)."""

from django.db.models import Case, IntegerField, Q, Subquery, Value, When

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
            .objects.filter(path__startswith=parent_path, depth=self.depth)
            .filter(public_in(language()))
            .exclude(pk=self.pk)
            .live()
            .filter(public_q())
        )

    def neighbours(self, siblings):
        """(newer, older): the articles listed just before and after this one.

        The News&Events order is newest first (ARTICLE_ORDER), so the one listed before is
        the next newer story (`rel="prev"`) and the one after the next older (`rel="next"`);
        the article labels them by time ("Newer", "Older", with their dates). One query.
        """
        if self.pk is None:  # preview of an article that was never saved
            return None, None
        # The redundant date bound lets the database start its walk of the listing index
        # (article_listing_order) at this article's date instead of filtering from the top.
        after_me = Q(news_date__lte=self.news_date) & (
            Q(news_date__lt=self.news_date) | Q(news_date=self.news_date, page_ptr__lt=self.pk)
        )
        before_me = Q(news_date__gte=self.news_date) & (
            Q(news_date__gt=self.news_date) | Q(news_date=self.news_date, page_ptr__gt=self.pk)
        )
        older = siblings.filter(after_me).order_by(*ARTICLE_ORDER).values("pk")[:1]
        newer = siblings.filter(before_me).order_by("news_date", "page_ptr").values("pk")[:1]
        newer_article = older_article = None
        # Two scalar subqueries the database runs once each: two index lookups, no scan.
        pair = Q(pk=Subquery(newer)) | Q(pk=Subquery(older))
        for article in type(self).objects.filter(pair).select_related(None):
            if (article.news_date, article.pk) > (self.news_date, self.pk):
                newer_article = article
            else:
                older_article = article
        return newer_article, older_article

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
