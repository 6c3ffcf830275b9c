"""The translators' desk's admin hooks."""

from django.urls import path
from wagtail import hooks

from .memory import lookup, views


@hooks.register("register_admin_urls")
def memory_urls():
    return [
        path("translation-memory/suggest/", views.suggestions, name="desk_memory_suggest"),
    ]


@hooks.register("translate_copied_paragraph")
def memory_translations(source, target, texts):
    """ "Copy English body": the memory's translation of each copied paragraph it has exactly."""
    return lookup.exact_many(texts, source, target)
