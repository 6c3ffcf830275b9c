"""Factories for tests: pages with both languages filled in, built under a parent."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from django.utils.html import format_html
from wagtail.rich_text import RichText

from .models import (
    ArticlePage,
    ContactFormField,
    ContactPage,
    EventIndexPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    StandardPage,
)


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
    show_in_menus = True

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
    show_in_menus = True

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


class StandardPageFactory(wagtail_factories.PageFactory):
    title_en = factory.Sequence(lambda n: f"About {n}")
    title_zh_hans = factory.Sequence(lambda n: f"关于{n}")
    title = factory.SelfAttribute("title_en")
    slug_en = factory.Sequence(lambda n: f"about-{n}")
    slug_zh_hans = factory.Sequence(lambda n: f"guanyu-{n}")
    slug = factory.SelfAttribute("slug_en")
    intro_en = "Who we are."
    intro_zh_hans = "我们是谁。"
    body_en = factory.LazyFunction(lambda: body("The university was founded in 1940."))
    body_zh_hans = factory.LazyFunction(lambda: body("学校创建于1940年。"))
    show_in_menus = True

    class Meta:
        model = StandardPage


class ContactPageFactory(wagtail_factories.PageFactory):
    title_en = "Contact"
    title_zh_hans = "联系我们"
    title = "Contact"
    slug_en = "contact"
    slug_zh_hans = "lianxi"
    slug = "contact"
    intro_en = "Write to the news office."
    intro_zh_hans = "给新闻中心写信。"
    thank_you_text_en = "Thank you, we will answer soon."
    thank_you_text_zh_hans = "谢谢，我们会尽快回复。"
    to_address = "office@example.edu"
    from_address = "noreply@example.edu"
    subject = "Contact form"
    show_in_menus = True

    class Meta:
        model = ContactPage


CONTACT_FIELDS = [  # (English label, Chinese label, type)
    ("Your name", "您的姓名", "singleline"),
    ("Your e-mail", "您的电子邮件", "email"),
    ("Message", "留言", "multiline"),
]


def contact_fields(page):
    """The three fields of a contact form (name, e-mail, message) on `page`, both languages."""
    return [
        ContactFormField.objects.create(
            page=page,
            sort_order=n,
            label=english,
            label_en=english,
            label_zh_hans=chinese,
            field_type=kind,
            required=True,
        )
        for n, (english, chinese, kind) in enumerate(CONTACT_FIELDS)
    ]
