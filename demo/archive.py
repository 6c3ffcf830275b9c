"""A synthetic archive for `make bench`: N articles in both languages, added in bulk.

Saving pages one by one through Wagtail costs a tree query, a full_clean (whose per-language
slug check loads every sibling) and a search-index update each: quadratic, hours for 100,000
articles. Here each batch of articles is written with a few bulk INSERTs: their tree paths are
computed from News&Events' last child, their per-language URL paths from its own, and their
search-index entries and translation states are added in bulk too, and the archive's month
counts recomputed once at the end. Linear in N.

The articles are clearly synthetic ("Archive story 1234" / "档案新闻1234"), spread over the
years before the demo's stories, filed under the demo's columns and tags, with the demo's
images; every 40th is in Focus and every 25th has no Chinese translation yet.
"""

import datetime
import random
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.html import format_html
from wagtail.images.models import Image
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail.search.backends import get_search_backend

from news import archive, languages
from news.cache import invalidation
from news.models import ArticlePage, ArticlePageTag, ArticleTag, Column, NewsIndexPage
from news.newsroom.translation_status import record_new

TOPICS = [
    ("laboratory", "实验室"),
    ("robotics team", "机器人团队"),
    ("student union", "学生会"),
    ("library", "图书馆"),
    ("space research", "航天研究"),
    ("alumni", "校友"),
    ("sports meeting", "运动会"),
    ("international exchange", "国际交流"),
    ("new materials", "新材料"),
    ("graduate school", "研究生院"),
]
EVENTS = [
    ("opens a new building", "启用新楼"),
    ("wins a national award", "荣获国家级奖项"),
    ("hosts a forum", "举办论坛"),
    ("signs a cooperation agreement", "签署合作协议"),
    ("holds an open day", "举办开放日"),
    ("publishes a study", "发表研究成果"),
]
PARAGRAPHS = [
    (
        "The {topic} of Beijing Institute of Technology {event}, the university said on {date}.",
        "{date}，北京理工大学{topic}{event}。",
    ),
    (
        "Teachers and students from several schools took part, and guests from partner "
        "universities joined them.",
        "多个学院的师生参加了活动，合作高校的嘉宾也应邀出席。",
    ),
    (
        "This synthetic story is part of the archive built for measuring the site's speed.",
        "本文为测试网站性能而生成的档案新闻。",
    ),
]


def paragraphs(texts):
    return [("paragraph", RichText(format_html("<p>{}</p>", text))) for text in texts]


class ArchiveBuilder:
    """Adds synthetic articles under the site's News&Events page (made by `load_demo`)."""

    def __init__(self, batch_size=500):
        self.batch_size = batch_size
        self.index = NewsIndexPage.objects.get()
        self.content_type = ContentType.objects.get_for_model(ArticlePage)
        self.columns = list(Column.objects.order_by("pk"))
        self.tags = list(ArticleTag.objects.order_by("pk"))
        self.images = list(Image.objects.order_by("pk")[:20])
        oldest = ArticlePage.objects.order_by("news_date").values_list("news_date", flat=True)
        self.first_day = (oldest.first() or timezone.localdate()) - datetime.timedelta(days=1)

    def build(self, count, progress=None):
        """Add `count` articles, newest first going back in time (about 14 a day)."""
        made = 0
        while made < count:
            size = min(self.batch_size, count - made)
            with transaction.atomic():
                self.add_batch(size)
            made += size
            if progress:
                progress(made, count)
        if count:
            # The archive's month counts, which the signals of single saves keep.
            archive.refresh(self.index.pk, self.index.path, self.index.depth)
            # Bulk inserts send no signals: nothing kept may outlive them.
            invalidation.everything()
            # Fresh statistics for the query planner: after a bulk load its estimates are those
            # of the empty tables (PostgreSQL's autovacuum would catch up only later).
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

    def add_batch(self, size):
        index = Page.objects.get(pk=self.index.pk)  # its numchild as the last batch left it
        last = index.get_last_child()
        step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
        number = ArticlePage.objects.count() + 1
        articles = [self.article(index, step + i, number + i) for i in range(size)]
        pages = Page.objects.bulk_create(
            [
                Page(
                    **{
                        f.attname: getattr(a, f.attname)
                        for f in Page._meta.concrete_fields
                        if f.attname != "id"
                    }
                )
                for a in articles
            ]
        )
        for article, page in zip(articles, pages, strict=True):
            article.pk = article.id = article.page_ptr_id = page.pk
        fields = ArticlePage._meta.local_concrete_fields
        ArticlePage._base_manager._insert(articles, fields=fields, using=connection.alias)
        Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + size)
        ArticlePageTag.objects.bulk_create(
            [
                ArticlePageTag(content_object_id=article.pk, tag_id=tag.pk)
                for article in articles
                for tag in article._archive_tags
            ]
        )
        record_new(articles)
        get_search_backend().add_bulk(ArticlePage, articles)

    def article(self, index, step, number):
        """An unsaved ArticlePage, the `step`-th child of News&Events."""
        rng = random.Random(number)  # noqa: S311 - varied synthetic text, repeatable
        (topic_en, topic_zh), (event_en, event_zh) = rng.choice(TOPICS), rng.choice(EVENTS)
        day = self.first_day - datetime.timedelta(days=number // 14)
        translated = number % 25 != 0
        texts = {
            "en": {
                "title": f"Archive story {number}: {topic_en} {event_en}",
                "slug": f"archive-{number}",
                "summary": f"The {topic_en} {event_en}.",
                "body": [
                    text.format(topic=topic_en, event=event_en, date=day.isoformat())
                    for text, _zh in PARAGRAPHS
                ],
            },
            "zh-hans": {
                "title": f"档案新闻{number}：{topic_zh}{event_zh}" if translated else "",
                "slug": f"dangan-{number}" if translated else "",
                "summary": f"{topic_zh}{event_zh}。" if translated else "",
                "body": [
                    zh.format(
                        topic=topic_zh, event=event_zh, date=f"{day.year}年{day.month}月{day.day}日"
                    )
                    for _en, zh in PARAGRAPHS
                ]
                if translated
                else [],
            },
        }
        fields = {}
        for language in languages.LANGUAGES:
            text = texts[language.code]
            url_path = getattr(index, language.field("url_path"))
            slug = text["slug"] or texts[languages.DEFAULT.code]["slug"]
            fields.update(
                {
                    language.field("title"): text["title"],
                    language.field("slug"): text["slug"],
                    language.field("url_path"): f"{url_path}{slug}/",
                    language.field("summary"): text["summary"],
                    language.field("body"): paragraphs(text["body"]),
                    language.field("source"): "News Office"
                    if language.code == "en"
                    else "新闻中心",
                    language.field("lead_image_alt"): "",
                }
            )
        english = texts[languages.DEFAULT.code]
        published = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))
        image = rng.choice(self.images) if self.images and number % 3 else None
        article = ArticlePage(
            path=Page._get_path(index.path, index.depth + 1, step),
            depth=index.depth + 1,
            numchild=0,
            title=english["title"],
            draft_title=english["title"],
            slug=english["slug"],
            url_path=fields[languages.DEFAULT.field("url_path")],
            content_type=self.content_type,
            locale_id=index.locale_id,
            translation_key=uuid.uuid4(),
            live=True,
            has_unpublished_changes=False,
            first_published_at=published,
            last_published_at=published,
            news_date=day,
            focus=number % 40 == 0,
            column=self.columns[number % len(self.columns)] if self.columns else None,
            lead_image=image,
            **fields,
        )
        if image is not None:
            article.lead_image_alt_en = "A photo from the archive"
        article._archive_tags = rng.sample(self.tags, k=min(2, len(self.tags)))
        return article
