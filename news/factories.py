"""Factories for tests: pages with both languages filled in, built under a parent."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from django.utils.html import format_html
from wagtail.rich_text import RichText

from .models import ArticlePage, EventIndexPage, EventPage, HomePage, NewsIndexPage


def body(text):
    return [("paragraph", RichText(format_html("<p>{}</p>", text)))]


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"
    title_en = "Home"
    title_zh_hans = "首页"
    slug = "home"
    slug_en = "home"
    slug_zh_hans = "home"

    class Meta:
        model = HomePage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "News&Events"
    title_en = "News&Events"
    title_zh_hans = "新闻动态"
    slug = "news"
    slug_en = "news"
    slug_zh_hans = "xinwen"

    class Meta:
        model = NewsIndexPage


class ArticlePageFactory(wagtail_factories.PageFactory):
    title_en = factory.Sequence(lambda n: f"Article {n}")
    title_zh_hans = factory.Sequence(lambda n: f"文章{n}")
    title = factory.SelfAttribute("title_en")
    slug_en = factory.Sequence(lambda n: f"article-{n}")
    slug_zh_hans = factory.Sequence(lambda n: f"wenzhang-{n}")
    slug = factory.SelfAttribute("slug_en")
    news_date = factory.Sequence(lambda n: datetime.date(2023, 1, 1) + datetime.timedelta(days=n))
    summary_en = factory.LazyAttribute(lambda o: f"Summary of {o.title_en}.")
    summary_zh_hans = factory.LazyAttribute(lambda o: f"{o.title_zh_hans}摘要。")
    body_en = factory.LazyAttribute(lambda o: body(f"Body of {o.title_en}."))
    body_zh_hans = factory.LazyAttribute(lambda o: body(f"{o.title_zh_hans}正文。"))
    source_en = "News Office"
    source_zh_hans = "新闻中心"

    class Meta:
        model = ArticlePage


class UntranslatedArticlePageFactory(ArticlePageFactory):
    """An article a translator has not reached yet: every Chinese field empty."""

    title_zh_hans = ""
    slug_zh_hans = ""
    summary_zh_hans = ""
    body_zh_hans = factory.LazyFunction(list)
    source_zh_hans = ""


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Events"
    title_en = "Events"
    title_zh_hans = "活动"
    slug = "events"
    slug_en = "events"
    slug_zh_hans = "huodong"

    class Meta:
        model = EventIndexPage


class EventPageFactory(ArticlePageFactory):
    """An event `days` from now (negative: past), two hours long, at a venue."""

    class Params:
        days = 7

    title_en = factory.Sequence(lambda n: f"Event {n}")
    title_zh_hans = factory.Sequence(lambda n: f"活动{n}")
    slug_en = factory.Sequence(lambda n: f"event-{n}")
    slug_zh_hans = factory.Sequence(lambda n: f"huodong-{n}")
    start = factory.LazyAttribute(
        lambda o: timezone.now().replace(microsecond=0) + datetime.timedelta(days=o.days)
    )
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=2))
    venue_en = "Central Lecture Hall"
    venue_zh_hans = "中心教学楼报告厅"

    class Meta:
        model = EventPage
