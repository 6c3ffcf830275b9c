"""Helpers of the desk's tests (one module; no test module imports another)."""

from django.utils.html import format_html_join
from wagtail.rich_text import RichText

from news.factories import ArticlePageFactory


def body_of(*texts):
    """A body of one rich text block with a <p> per text."""
    return [("paragraph", RichText(format_html_join("", "<p>{}</p>", ((t,) for t in texts))))]


def published_article(index, english, chinese, **fields):
    """An article whose body holds the `english` and `chinese` paragraphs, published (as the
    admin's Publish does: a revision, then `page_published`)."""
    article = ArticlePageFactory(
        parent=index, body_en=body_of(*english), body_zh_hans=body_of(*chinese), **fields
    )
    article.save_revision().publish()
    return article
