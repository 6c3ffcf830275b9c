"""The newsletter's public addresses, under /<lang>/newsletter/ (bitnews/urls.py)."""

from django.urls import path

from .archive import views as archive
from .subscribers import views
from .unsubscribe import unsubscribe

urlpatterns = [
    # signing up and confirming (newsletter/subscribers/)
    path("", views.signup, name="newsletter"),
    path("confirm/<str:token>/", views.confirm, name="newsletter_confirm"),
    # the issues and their sending (newsletter/archive/, newsletter/unsubscribe.py)
    path("issues/", archive.issue_list, name="newsletter_issues"),
    path("issues/feed/", archive.issue_feed, name="newsletter_feed"),
    path("issues/<int:issue_id>/", archive.issue_detail, name="newsletter_issue"),
    path("unsubscribe/<str:token>/", unsubscribe, name="newsletter_unsubscribe"),
]
