"""gunicorn's entry point for the bare Django yardstick (bench/bare.py)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.bare")

application = get_wsgi_application()
