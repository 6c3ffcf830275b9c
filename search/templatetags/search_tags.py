"""Template filters of the search results page."""

import hashlib

from django import template

from news.templatetags.news_tags import render_cards
from search.query import MAX_QUERY_LENGTH
from search.ranking import KEPT_FOR

register = template.Library()


@register.simple_tag(takes_context=True)
def search_results(context, articles, query):
    """search/search_result.html for each of `articles` (narrow rows), kept until a story changes,
    per query (its words are highlighted) as long as its results are."""
    searched = hashlib.sha256(query.text.encode()).hexdigest()[:24]
    cards = [
        (("search-result", int(article.in_focus), searched), article, {"query": query})
        for article in articles
    ]
    return render_cards(context.get("request"), "search/search_result.html", cards, KEPT_FOR)


@register.filter
def highlight(text, query):
    """`text` escaped, with the words of `query` (a SiteSearchQuery) in <mark>."""
    return query.highlight(text)


@register.simple_tag
def search_max_length():
    """How many characters of a query are searched (the search fields' maxlength)."""
    return MAX_QUERY_LENGTH
