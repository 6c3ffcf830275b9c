from django.urls import path

from . import views

urlpatterns = [
    path("", views.clip_list, name="coverage"),
    path("feed/", views.clip_feed, name="coverage_feed"),
]
