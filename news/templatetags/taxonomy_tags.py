"""Links to the column and tag listings, in the active language."""

from django import template

from .news_tags import news_index_page

register = template.Library()


def _listing_url(context, route, slug):
    index = news_index_page(context)  # looked up once per request, shared with the header
    if index is None:
        return ""
    return (index.get_url(context["request"]) or "") + index.reverse_subpage(
        route, kwargs={"slug": slug}
    )


@register.simple_tag(takes_context=True)
def column_url(context, column):
    """`/en/news/column/research/`, `/zh-hans/xinwen/column/keyan/`."""
    return _listing_url(context, "column", column.slug)


@register.simple_tag(takes_context=True)
def tag_url(context, tag):
    """`/en/news/tag/robotics/`: one slug in both languages."""
    return _listing_url(context, "tag", tag.slug)
