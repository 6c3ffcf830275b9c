"""In the admin, the clips (admin.py); on every page, the footer's "In the media" link (news's
extension point)."""

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from news import extensions

from .admin import CoverageClipViewSet

register_snippet(CoverageClipViewSet)


@hooks.register(extensions.FOOTER_LINKS)
def in_the_media_link(context):
    return format_html('<li><a href="{}">{}</a></li>', reverse("coverage"), gettext("In the media"))
