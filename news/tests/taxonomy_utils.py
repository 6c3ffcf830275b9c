"""Helpers shared by the column, tag, archive and article-extras tests."""

import re

from news.models import ArticleTag, Column

PREFIX = {"en": "/en/news/", "zh-hans": "/zh-hans/xinwen/"}
TITLE_FIELD = {"en": "title_en", "zh-hans": "title_zh_hans"}


def url_in(article, language="en"):
    """The article's address in `language` (not `.url`, which depends on the active one)."""
    slug = article.slug_en if language == "en" else article.slug_zh_hans or article.slug_en
    return f"{PREFIX[language]}{slug}/"


def make_column(name_en, name_zh, slug_en, slug_zh, **extra):
    return Column.objects.create(
        name=name_en,
        slug=slug_en,
        name_en=name_en,
        name_zh_hans=name_zh,
        slug_en=slug_en,
        slug_zh_hans=slug_zh,
        **extra,
    )


def tag(article, *names):
    """Tag a saved article (creating the tags) and save it."""
    for name in names:
        ArticleTag.objects.get_or_create(name=name)
    article.tags.add(*ArticleTag.objects.filter(name__in=names))
    article.save()
    return article


def titles_in(response):
    """Article titles in the order the listing shows them."""
    return re.findall(r'class="card__title"><a href="[^"]+"[^>]*>([^<]+)</a>', response.text)


def newest_first(articles):
    return sorted(articles, key=lambda a: (a.news_date, a.pk), reverse=True)


def breadcrumbs(response):
    """[(href or None, text)] of the breadcrumb trail."""
    trail = response.text.split('class="breadcrumbs"')[1].split("</nav>")[0]
    found = re.findall(r'<li>(?:<a href="([^"]+)">|<span aria-current="page">)([^<]+)<', trail)
    return [(href or None, text) for href, text in found]


def page_title(response):
    return re.search(r"<title>(.*?)</title>", response.text, re.S).group(1).strip()


def h1(response):
    return re.search(r'<h1 class="page-title"[^>]*>(.*?)</h1>', response.text, re.S).group(1)


def switcher_link(response, language):
    """The language switcher's link to `language`."""
    return re.search(
        rf'<a href="([^"]+)" lang="{language}" hreflang="{language}">', response.text
    ).group(1)


def alternate(response, language):
    return re.search(
        rf'<link rel="alternate" hreflang="{language}" href="([^"]+)">', response.text
    ).group(1)


def canonical(response):
    return re.search(r'<link rel="canonical" href="([^"]+)">', response.text).group(1)
