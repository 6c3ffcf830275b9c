"""Template filters of the search results page."""

from django import template

from news.templatetags.news_tags import render_cards
from search.query import MAX_QUERY_LENGTH

register = template.Library()


@register.simple_tag(takes_context=True)
def search_results(context, pages, query):
    """search/search_result.html for each of `pages` (an article's or event's card row, a site
    page), labelled with its kind, its words highlighted."""
    cards = []
    for page in pages:
        summary, summary_language = page.search_summary()
        card = {
            "query": query,
            "kind": page.specific_class.search_kind,
            "summary": summary,
            "summary_language": summary_language,
        }
        cards.append((page, card))
    return render_cards(context.get("request"), "search/search_result.html", cards)


@register.filter
def highlight(text, query):
    """`text` escaped, with the words of `query` (a SiteSearchQuery) in <mark>."""
    return query.highlight(text)


@register.simple_tag
def search_max_length():
    """How many characters of a query are searched (the search fields' maxlength)."""
    return MAX_QUERY_LENGTH
