"""/api/v2/: wagtail.api.v2's router with the news's endpoints, the OpenAPI description, and
a JSON 404 for any other address below /api/."""

from django.urls import path, re_path
from wagtail.api.v2.router import WagtailAPIRouter

from . import views

router = WagtailAPIRouter("newsapi")
router.register_endpoint("articles", views.ArticlesViewSet)
router.register_endpoint("events", views.EventsViewSet)
router.register_endpoint("columns", views.ColumnsViewSet)

urlpatterns = [
    path("v2/openapi.json", views.openapi_description, name="api_openapi"),
    path("v2/", router.urls),
    re_path(r"^(?P<rest>.*)$", views.not_found),
]
