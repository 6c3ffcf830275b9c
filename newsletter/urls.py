"""The newsletter's public addresses, under /<lang>/newsletter/ (bitnews/urls.py)."""

from django.urls import path

from .subscribers import views

urlpatterns = [
    path("", views.signup, name="newsletter"),
    path("confirm/<str:token>/", views.confirm, name="newsletter_confirm"),
]
