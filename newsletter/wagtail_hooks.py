"""The newsletter in the admin; each hook names the module that holds its logic."""

from django.urls import path
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .issues_admin import views as issue_views
from .issues_admin.viewsets import IssueViewSet

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
