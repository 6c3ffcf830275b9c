from django.urls import path

from .archive import views as archive
from .unsubscribe import unsubscribe

urlpatterns = [
    # the issues and their sending (newsletter/archive/, newsletter/unsubscribe.py)
    path("issues/", archive.issue_list, name="newsletter_issues"),
    path("issues/feed/", archive.issue_feed, name="newsletter_feed"),
    path("issues/<int:issue_id>/", archive.issue_detail, name="newsletter_issue"),
    path("unsubscribe/<str:token>/", unsubscribe, name="newsletter_unsubscribe"),
]
