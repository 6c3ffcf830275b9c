"""The press room under each language's prefix, /<lang>/press/ (bitnews/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.press_room, name="press_room"),
    path("<int:pk>/kit/", views.kit, name="press_kit"),
    path("<int:pk>/kit/<int:image_id>/", views.kit_photo, name="press_kit_photo"),
    path("<int:pk>/kit.zip", views.kit_zip, name="press_kit_zip"),
    path("preview/<str:token>/", views.preview, name="press_preview"),
]
