"""The newsletter in the admin (Newsletter › Subscribers; the issues and their test mail) and
its link in the site's footer (news's `news_footer_links` extension point); each hook names the
module that holds its logic."""

from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from news import extensions

from .issues_admin import views as issue_views
from .issues_admin.viewsets import IssueViewSet
from .subscribers.admin import NewsletterGroup

# Subscribers (newsletter/subscribers/admin.py)


@hooks.register("register_admin_viewset")
def newsletter_admin():
    return NewsletterGroup()


# Issues and their sending (newsletter/issues_admin/)

register_snippet(IssueViewSet)


@hooks.register("register_admin_urls")
def issue_test_send_urls():
    return [
        path(
            "newsletter/issues/<int:issue_id>/test/",
            issue_views.test_send,
            name="newsletter_issue_test",
        )
    ]


# The public site


@hooks.register(extensions.FOOTER_LINKS)
def newsletter_link(context):
    """The sign-up form, in the visitor's language."""
    return format_html('<li><a href="{}">{}</a></li>', reverse("newsletter"), gettext("Newsletter"))
