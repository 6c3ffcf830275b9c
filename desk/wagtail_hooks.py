"""The translators' desk in the admin; each hook names the module that holds its logic."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .editor import views as editor_views
from .glossary import checks, warning
from .glossary.admin import GlossaryViewSet
from .memory import lookup, views
from .queue import views as queue_views


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


@hooks.register("register_admin_urls")
def queue_urls():
    return [
        path("translation-queue/", queue_views.queue, name="desk_translation_queue"),
        path(
            "translation-queue/claim/<int:page_id>/<str:language>/",
            queue_views.claim,
            name="desk_translation_claim",
        ),
        path(
            "translation-queue/release/<int:page_id>/<str:language>/",
            queue_views.release,
            name="desk_translation_release",
        ),
    ]


@hooks.register("register_admin_menu_item")
def queue_menu_item():
    return MenuItem(
        _("Translation queue"),
        reverse("desk_translation_queue"),
        name="translation-queue",
        icon_name="list-ol",
        order=251,
    )


# The desk beside the page editor (desk/editor/, desk/static/desk/).


@hooks.register("register_admin_urls")
def editor_urls():
    return [path("translation-desk/<int:page_id>/", editor_views.desk, name="desk_editor")]


@hooks.register("insert_editor_js")
def editor_js():
    return format_html(
        '<script src="{}" data-desk-url="{}" data-heading="{}" data-loading="{}" defer></script>',
        static("desk/js/desk.js"),
        reverse("desk_editor", args=[0]),
        _("Translator's desk"),
        _("Loading…"),
    )


@hooks.register("insert_global_admin_css")  # the editor's desk and the queue
def editor_css():
    return format_html('<link rel="stylesheet" href="{}">', static("desk/css/desk.css"))
