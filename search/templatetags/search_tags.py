"""Template filters of the search results page."""

from django import template

from search.query import MAX_QUERY_LENGTH

register = template.Library()


@register.filter
def highlight(text, query):
    """`text` escaped, with the words of `query` (a SiteSearchQuery) in <mark>."""
    return query.highlight(text)


@register.simple_tag
def search_max_length():
    """How many characters of a query are searched (the search fields' maxlength)."""
    return MAX_QUERY_LENGTH
