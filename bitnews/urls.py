"""Admin, media, sitemap, robots.txt and the JSON API outside the language prefix; pages under
/en/ or /zh-hans/.

The search, the view counter, the newsletter, the press room, "In the media" and the API
(/api/v2/, whose language is `?lang=`, not a prefix) are routed only while their apps are
installed.
"""

from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.defaults import page_not_found
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from news import views as news_views
from news.newsroom.password_reset import LimitedPasswordResetView

from . import health


def admin_not_found(request):
    return page_not_found(request, None, template_name="wagtailadmin/404.html")


urlpatterns = []
if not settings.DEBUG:  # Wagtail's "raise an error on purpose" page, for developers only
    urlpatterns.append(path("admin/failwhale/", admin_not_found))
urlpatterns += [
    # Wagtail's "Forgot password?" with limits (news/newsroom/password_reset.py), at its address
    path("admin/password_reset/", LimitedPasswordResetView.as_view()),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", news_views.sitemap_index, name="sitemap"),
    path("sitemap-<str:section>.xml", news_views.sitemap_section, name="sitemap_section"),
    path("robots.txt", news_views.robots_txt, name="robots_txt"),
    path("healthz", health.live, name="healthz"),
    path("readyz", health.ready, name="readyz"),
    path("health/ready/", health.ready, name="health_ready"),  # its address before /readyz
    path("metrics", health.metrics, name="metrics"),
]

if apps.is_installed("api"):
    urlpatterns.append(path("api/", include("api.urls")))

if settings.SERVE_MEDIA:
    media_prefix = settings.MEDIA_URL.strip("/")
    urlpatterns += [
        re_path(rf"^{media_prefix}/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    ]

language_patterns = []
if apps.is_installed("stats"):
    language_patterns.append(path("views/", include("stats.urls")))
if apps.is_installed("search"):
    language_patterns.append(path("search/", include("search.urls")))
if apps.is_installed("newsletter"):
    language_patterns.append(path("newsletter/", include("newsletter.urls")))
if apps.is_installed("press"):
    language_patterns.append(path("press/", include("press.urls")))
if apps.is_installed("coverage"):
    language_patterns.append(path("in-the-media/", include("coverage.urls")))

urlpatterns += i18n_patterns(
    *language_patterns,
    path("share/qr/<int:pk>.svg", news_views.share_qr, name="share_qr"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler500 = "bitnews.errors.server_error"  # a database outage is a 503 (bitnews/errors.py)
