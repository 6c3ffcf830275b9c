"""Helpers of the desk's tests (one module; no test module imports another)."""

from django.contrib.auth import get_user_model
from django.utils.html import format_html_join
from wagtail.rich_text import RichText
from wagtail.users.models import UserProfile

from desk.models import GlossaryTerm
from news.factories import ArticlePageFactory, body


def term(en, zh="", **fields):
    """A glossary term; `forbidden_en` / `forbidden_zh_hans` as lists."""
    for name in ("forbidden_en", "forbidden_zh_hans"):
        if isinstance(fields.get(name), list):
            fields[name] = "\n".join(fields[name])
    return GlossaryTerm.objects.create(term_en=en, term_zh_hans=zh, **fields)


def bit_terms():
    """The university's name and short name, as the starter set has them."""
    return [
        term(
            "Beijing Institute of Technology",
            "北京理工大学",
            forbidden_en=["Beijing University of Technology"],
        ),
        term("BIT", "北理工"),
    ]


def article(index, title=("Lab opens", "实验室启用"), body_en="", body_zh="", **fields):
    """A live article with the given text in both languages."""
    return ArticlePageFactory(
        parent=index,
        title_en=title[0],
        title_zh_hans=title[1],
        summary_en=fields.pop("summary_en", ""),
        summary_zh_hans=fields.pop("summary_zh_hans", ""),
        body_en=body(body_en) if body_en else [],
        body_zh_hans=body(body_zh) if body_zh else [],
        **fields,
    )


def superuser(name="admin", language=None):
    user = get_user_model().objects.create_superuser(name, "", "pw")
    if language:
        UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})
    return user


def in_language(user, language):
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})
    return user


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
