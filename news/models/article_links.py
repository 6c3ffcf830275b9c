"""What an article shows under the story: the newer and older story in the listing order, and
related articles (the editor's picks first, then earlier stories of the same column or with a
shared tag).

Related stories are earlier ones: a story's page then depends on its past and its picks, so
publishing a new story changes no older story's page but its older neighbour's (whose "Newer"
link it becomes). `cache_tags_beside` names the stories whose links a write may change: the
page cache and Varnish refresh those and no others (news/cache/)."""

from django.db.models import Case, Exists, IntegerField, OuterRef, Q, Subquery, Value, When
from django.utils import translation

from .. import languages
from ..prepared import prepared
from .base import ARTICLE_ORDER, CARD_FIELDS, language, public_in, public_q
from .taxonomy import ArticlePageTag, RelatedArticle


def siblings_of(model, parent_path, depth, pk):
    """The other live, public articles under `parent_path` that are public in the active
    language."""
    return (
        model.objects.listed_as()  # the writes name the stories whose links change
        .filter(path__startswith=parent_path, depth=depth)
        .filter(public_in(language()))
        .exclude(pk=pk)
        .live()
        .filter(public_q())
    )


def older_than(pk, news_date):
    """Stories listed after the story `pk` of `news_date` (older). The redundant date bound
    lets the database start its walk of the listing index (article_listing_order) there."""
    return Q(news_date__lte=news_date) & (
        Q(news_date__lt=news_date) | Q(news_date=news_date, page_ptr__lt=pk)
    )


def newer_than(pk, news_date):
    """Stories listed before the story `pk` of `news_date` (newer)."""
    return Q(news_date__gte=news_date) & (
        Q(news_date__gt=news_date) | Q(news_date=news_date, page_ptr__gt=pk)
    )


class ArticleLinksMixin:
    """Newer / older and related articles for ArticlePage; each is one query."""

    related_count = 3

    def siblings(self):
        """The other live, public articles of News&Events that are public in the active
        language (no query to find the parent)."""
        return siblings_of(type(self), self.parent_path(), self.depth, self.pk)

    def parent_path(self):
        return self.path[: -self.steplen]

    def older_q(self):
        return older_than(self.pk, self.news_date)

    def newer_q(self):
        return newer_than(self.pk, self.news_date)

    def prepared_links(self, kind, build):
        """The query `kind` of this story's section and language, prepared once per process
        (news/prepared.py): it takes the story's key, date and column."""
        model = type(self)
        key = (kind, model._meta.label, self.parent_path(), self.depth, language())
        meta = model._meta
        return prepared(
            key,
            build,
            pk=meta.pk,
            news_date=meta.get_field("news_date"),
            column=meta.get_field("column"),
        )

    def run_links(self, kind, build):
        query = self.prepared_links(kind, build)
        return query.run(pk=self.pk, news_date=self.news_date, column=self.column_id)

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
                beside.update(article.pk for article in self.neighbours() if article)
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

    def neighbours(self):
        """(newer, older): the articles listed just before and after this one.

        The News&Events order is newest first (ARTICLE_ORDER), so the one listed before is
        the next newer story (`rel="prev"`) and the one after the next older (`rel="next"`);
        the article labels them by time ("Newer", "Older", with their dates). One query,
        prepared once per process, section and language (news/prepared.py).
        """
        if self.pk is None:  # preview of an article that was never saved
            return None, None
        model, parent_path, depth = type(self), self.parent_path(), self.depth

        def build(pk, news_date, column):
            siblings = siblings_of(model, parent_path, depth, pk)
            older = siblings.filter(older_than(pk, news_date)).order_by(*ARTICLE_ORDER)
            newer = siblings.filter(newer_than(pk, news_date)).order_by("news_date", "page_ptr")
            # Two scalar subqueries the database runs once each: two index lookups, no scan.
            pair = Q(pk=Subquery(newer.values("pk")[:1])) | Q(pk=Subquery(older.values("pk")[:1]))
            return model.objects.listed_as().filter(pair).select_related(None).only(*CARD_FIELDS)

        newer_article = older_article = None
        for article in self.run_links("neighbours", build):
            if (article.news_date, article.pk) > (self.news_date, self.pk):
                newer_article = article
            else:
                older_article = article
        return newer_article, older_article

    def related_articles(self, tags):
        """Up to `related_count` articles: the editor's picks in their order, then earlier
        articles of the same column or with a shared tag, newest first.

        One query, the picks, tags and order read by subqueries (in a preview, the edit
        form's picks and tags, which exist only in memory).
        """
        in_memory = getattr(self, "_cluster_related_objects", {}).keys()
        if self.pk and not in_memory & {"related_links", "tagged_items"}:
            return self.published_related()
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
            self.siblings()
            .filter(matches)
            .annotate(pick_order=pick_order)
            .only(*CARD_FIELDS)
            .order_by("pick_order", *ARTICLE_ORDER)[: self.related_count]
        )

    def published_related(self):
        """`related_articles` of a saved story, its picks and tags as stored, read by
        subqueries: two queries, each walking an index and stopping early. Its picks in their
        order; then earlier stories of its column (a story without one matches none by
        `column_id = NULL`) or with one of its tags, newest first (the listing index from the
        story's date down). One query sorting every match by pick order cost 170 ms at
        100,000 articles."""
        model, parent_path, depth = type(self), self.parent_path(), self.depth
        count = self.related_count

        def picks_of(pk):
            return RelatedArticle.objects.filter(page_id=pk)

        def build_picks(pk, news_date, column):
            rank = picks_of(pk).filter(article_id=OuterRef("pk")).order_by("sort_order")
            return (
                siblings_of(model, parent_path, depth, pk)
                .filter(pk__in=picks_of(pk).values("article_id"))
                .annotate(pick_order=Subquery(rank.values("sort_order")[:1]))
                .only(*CARD_FIELDS)
                .order_by("pick_order")[:count]
            )

        def build_earlier(pk, news_date, column):
            its_tags = ArticlePageTag.objects.filter(content_object_id=pk).values("tag_id")
            # asked of each story the walk meets (not a set of every story with those tags)
            tagged = ArticlePageTag.objects.filter(content_object_id=OuterRef("pk"))
            shared = Q(column_id=column) | Exists(tagged.filter(tag_id__in=its_tags))
            return (
                siblings_of(model, parent_path, depth, pk)
                .filter(shared & older_than(pk, news_date))
                .exclude(pk__in=picks_of(pk).values("article_id"))
                .only(*CARD_FIELDS)
                .order_by(*ARTICLE_ORDER)[:count]
            )

        picked = self.run_links("related-picks", build_picks)
        if len(picked) >= count:
            return picked[:count]
        return (picked + self.run_links("related-earlier", build_earlier))[:count]
