"""Admin and media outside the language prefix; every public page under /en/ or /zh-hans/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from news import views as news_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.SERVE_MEDIA:
    from django.urls import re_path
    from django.views.static import serve

    media_prefix = settings.MEDIA_URL.strip("/")
    urlpatterns += [
        re_path(rf"^{media_prefix}/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    ]

urlpatterns += i18n_patterns(
    path("views/", include("stats.urls")),
    path("search/", news_views.search, name="search"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
