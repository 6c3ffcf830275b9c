"""What a visitor on a phone downloads, and how long browsers may keep it."""

import gzip
import json
import re
import subprocess
import sys

from tests_browser.pages import PAGES
from tests_browser.server import ROOT

LIMIT = 60 * 1024


def test_article_html_css_and_js_weigh_under_60_kb_compressed(site, page):
    sizes = {}

    def record(response):
        kind = response.request.resource_type
        if kind in ("document", "stylesheet", "script") and response.url.startswith(site.url):
            sizes[response.url] = len(gzip.compress(response.body(), compresslevel=6))

    page.on("response", record)
    page.goto(site.url + PAGES["article"][1])
    page.wait_for_load_state("networkidle")
    total = sum(sizes.values())
    print(f"article HTML+CSS+JS, gzip: {total} bytes over {len(sizes)} files")
    assert any(url.endswith(".css") for url in sizes)
    assert total < LIMIT, sizes


def test_production_static_files_have_hashed_names_and_far_future_cache_headers(tmp_path):
    """collectstatic with the production storage; whitenoise then serves what it wrote."""
    script = """
import django, json, os
os.environ["DJANGO_SETTINGS_MODULE"] = "bitnews.settings.production"
django.setup()
from django.core.management import call_command
call_command("collectstatic", "--noinput", verbosity=0)
from django.templatetags.static import static
from django.test import Client
url = static("css/site.css")
response = Client().get(url, HTTP_ACCEPT_ENCODING="gzip", HTTP_X_FORWARDED_PROTO="https")
print(json.dumps([url, response.status_code, response.headers.get("Cache-Control"),
                  response.headers.get("Content-Encoding")]))
"""
    env = {
        "SECRET_KEY": "weight-test",
        "ALLOWED_HOSTS": "testserver",
        "WAGTAILADMIN_BASE_URL": "https://testserver",
        "DATABASE_URL": "sqlite:///" + str(tmp_path / "unused.sqlite3"),
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        "STATIC_ROOT": str(tmp_path / "static"),
        "PATH": "/usr/bin:/bin",
    }
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr[-2000:]
    url, status, cache_control, encoding = json.loads(out.stdout.strip().splitlines()[-1])
    assert re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", url), url
    assert status == 200
    assert "immutable" in cache_control and "max-age=315360000" in cache_control
    assert encoding == "gzip"
