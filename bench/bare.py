"""The yardstick: a bare Django project (the standard middleware of `startproject`, no database)
whose one view returns a page's bytes, saved by the bench. Served by gunicorn like bitnews."""

from pathlib import Path

from django.http import Http404, HttpResponse
from django.urls import path

SECRET_KEY = "bench-bare-not-secret"  # noqa: S105 - a loopback benchmark only
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "bench.bare"
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
DATABASES = {}
USE_TZ = True

PAGES = {}  # name: bytes, read once per worker


def page(request, name):
    if name not in PAGES:
        from os import environ

        file = Path(environ["BENCH_PAGES"]) / f"{name}.html"
        if not file.is_file():
            raise Http404
        PAGES[name] = file.read_bytes()
    return HttpResponse(PAGES[name], content_type="text/html; charset=utf-8")


urlpatterns = [path("<slug:name>.html", page)]
