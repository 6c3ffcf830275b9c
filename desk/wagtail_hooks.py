"""The translators' desk in the admin; each hook names the module that holds its logic."""

from django.urls import path
from wagtail import hooks

from .glossary import checks, warning
from .glossary.admin import GlossaryViewSet
from .memory import lookup, views


@hooks.register("register_admin_viewset")
def glossary_viewset():
    return GlossaryViewSet()


@hooks.register("register_admin_urls")
def glossary_urls():
    return [
        path("glossary/check/<int:page_id>/", checks.check_view, name="desk_glossary_check"),
    ]


@hooks.register("before_edit_page")
def glossary_warning_on_edit(request, page):
    warning.before_edit(request, page)


@hooks.register("after_publish_page")
def glossary_warning_after_publish(request, page):
    warning.after_publish(request, page)


@hooks.register("register_admin_urls")
def memory_urls():
    return [
        path("translation-memory/suggest/", views.suggestions, name="desk_memory_suggest"),
    ]


@hooks.register("translate_copied_paragraph")
def memory_translations(source, target, texts):
    """ "Copy English body": the memory's translation of each copied paragraph it has exactly."""
    return lookup.exact_many(texts, source, target)
