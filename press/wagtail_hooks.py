"""The press room in the public pages (the footer's link, an embargoed preview's notice and
noindex, at news's extension points: news/extensions.py) and in the admin (the media
contacts, a release's preview links)."""

import zoneinfo

from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from news import extensions, languages

from . import admin_views
from .models import MediaContact

# The embargo is told in the university's time, whoever reads it.
BEIJING = zoneinfo.ZoneInfo("Asia/Shanghai")


@hooks.register(extensions.FOOTER_LINKS)
def press_room_link(context):
    """ "Press room" / "新闻发布" in every page's footer, in the visitor's language."""
    return format_html('<li><a href="{}">{}</a></li>', reverse("press_room"), _("Press room"))


def _embargo(context):
    """The embargo of the release a journalist's preview link shows (press/views.py), or None
    on every other page."""
    request = context.get("request")
    return getattr(request, "press_embargo", None)


@hooks.register(extensions.ARTICLE_HEAD)
def embargo_noindex(context):
    if _embargo(context) is None:
        return ""
    return mark_safe('<meta name="robots" content="noindex">')  # noqa: S308 - a constant


def embargo_text(until):
    """ "Embargoed until 14 December 2026 09:00 (Beijing time)" in the active language."""
    if until is None:
        return _("Embargoed: the release time is not set yet.")
    moment = timezone.localtime(until, BEIJING)
    shown = f"{date_format(moment, 'DATE_FORMAT')} {date_format(moment, 'H:i')}"
    return _("Embargoed until %(moment)s (Beijing time)") % {"moment": shown}


@hooks.register(extensions.ARTICLE_NOTICE)
def embargo_notice(context):
    embargo = _embargo(context)
    if embargo is None:
        return ""
    return format_html(
        '<p class="notice notice--embargo" role="note"><strong>{}</strong> {}</p>',
        embargo_text(embargo["until"]),
        _("Not to be published or reported before then. This preview link is yours alone."),
    )


class MediaContactViewSet(SnippetViewSet):
    """Settings › Media contacts: who journalists call, listed on the press page."""

    model = MediaContact
    icon = "user"
    add_to_settings_menu = True
    menu_label = gettext_lazy("Media contacts")
    menu_name = "media-contacts"
    list_display = [
        *(language.field("name") for language in languages.LANGUAGES),
        *(language.field("role") for language in languages.LANGUAGES),
        "sort_order",
    ]
    search_fields = [language.field("name") for language in languages.LANGUAGES]
    search_backend_name = None  # a handful of rows: searched in the database


register_snippet(MediaContactViewSet)


@hooks.register("register_admin_urls")
def preview_link_urls():
    return [
        path(
            "press/releases/<int:page_id>/links/",
            admin_views.links_view,
            name="press_preview_links",
        ),
        path(
            "press/links/<int:pk>/revoke/",
            admin_views.revoke_view,
            name="press_preview_link_revoke",
        ),
    ]


@hooks.register("register_page_header_buttons")
def preview_links_button(page, user, view_name, next_url=None):
    """ "Preview links" in a press release's header menu, for those who may publish it."""
    if getattr(page, "press_release", False) and admin_views.may_manage(user, page):
        yield Button(
            _("Embargoed preview links"),
            reverse("press_preview_links", args=[page.pk]),
            icon_name="link",
            priority=25,
        )
