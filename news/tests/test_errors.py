import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.http import Http404
from django.test import RequestFactory, TestCase
from django.utils import translation
from django.views.defaults import page_not_found, server_error


class ErrorPagesTests(TestCase):
    def test_404_page_renders_without_touching_the_database(self):
        request = RequestFactory().get("/zh-hans/missing/")
        with translation.override("zh-hans"), self.assertNumQueries(0):
            response = page_not_found(request, Http404())
        self.assertEqual(response.status_code, 404)
        html = response.content.decode()
        self.assertIn("找不到页面", html)
        self.assertIn('<html lang="zh-hans">', html)

    def test_500_page_renders_without_touching_the_database(self):
        request = RequestFactory().get("/en/")
        with self.assertNumQueries(0):
            response = server_error(request)
        self.assertEqual(response.status_code, 500)
        html = response.content.decode()
        self.assertIn("Something went wrong", html)
        self.assertIn("出错了", html)


DB_DOWN_SCRIPT = """
import django
django.setup()
from django.test import Client
client = Client(raise_request_exception=False)
response = client.get("/en/news/", HTTP_HOST="localhost")
print(response.status_code)
print(response.content.decode())
"""


class DatabaseDownTests(TestCase):
    def test_visitors_get_the_bilingual_error_page_while_the_database_is_down(self):
        # A real server process whose PostgreSQL address has nothing listening.
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "bitnews.settings.test",
            "DATABASE_URL": "postgres://postgres@127.0.0.1:9/unreachable",
        }
        result = subprocess.run(
            [sys.executable, "-c", DB_DOWN_SCRIPT],
            cwd=Path(settings.BASE_DIR),
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        status, _, html = result.stdout.partition("\n")
        self.assertEqual(status, "500", result.stderr[-2000:])
        self.assertIn("Something went wrong", html)
        self.assertIn("出错了", html)
        self.assertIn("/static/css/site.css", html)
