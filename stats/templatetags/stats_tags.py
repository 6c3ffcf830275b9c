from django import template

from stats.models import PageViewCount

register = template.Library()


@register.simple_tag
def view_count(page):
    """How many times the page has been read (one query)."""
    return PageViewCount.total_for(page.pk)
