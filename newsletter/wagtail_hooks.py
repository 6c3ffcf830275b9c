"""The newsletter in the admin (Newsletter › Subscribers) and its link in the site's footer
(news's `news_footer_links` extension point)."""

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from wagtail import hooks

from news import extensions

from .subscribers.admin import NewsletterGroup


@hooks.register("register_admin_viewset")
def newsletter_admin():
    return NewsletterGroup()


@hooks.register(extensions.FOOTER_LINKS)
def newsletter_link(context):
    """The sign-up form, in the visitor's language."""
    return format_html('<li><a href="{}">{}</a></li>', reverse("newsletter"), gettext("Newsletter"))
