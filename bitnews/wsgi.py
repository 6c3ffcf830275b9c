"""WSGI entry point; production servers set DJANGO_SETTINGS_MODULE themselves. Pages kept
for anonymous visitors are answered in front of Django (news/cache/pages.py)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bitnews.settings.production")

application = get_wsgi_application()

from news.cache.pages import AnswerKeptPages  # noqa: E402 - needs the settings set up above

application = AnswerKeptPages(application)
