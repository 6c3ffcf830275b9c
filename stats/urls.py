from django.urls import path

from . import views

urlpatterns = [path("<int:page_id>/", views.count_view, name="count_view")]
