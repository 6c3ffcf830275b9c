"""What stats adds to an article (news/extensions.py): the beacon script in its <head> and
the view count, which carries the beacon's URL, in its line of date and reading time."""

from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from news import extensions

from .models import PageViewCount


@hooks.register(extensions.ARTICLE_HEAD)
def beacon_script(context):
    return format_html('<script src="{}" defer></script>', static("js/views.js"))


@hooks.register(extensions.ARTICLE_META)
def view_count(context):
    """How many times the article has been read (one query); a preview counts nothing."""
    page, request = context["page"], context.get("request")
    if page.pk is None or getattr(request, "is_preview", False):
        return ""
    return render_to_string(
        "stats/view_count.html", {"page": page, "views": PageViewCount.total_for(page.pk)}
    )
