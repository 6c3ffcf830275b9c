"""The search form in every page's header (news/extensions.py)."""

from django.template.loader import render_to_string
from wagtail import hooks

from news import extensions


@hooks.register(extensions.SITE_HEADER)
def site_search_form(context):
    return render_to_string("search/site_search_form.html")
