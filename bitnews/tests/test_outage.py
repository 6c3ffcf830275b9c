"""A database outage answers 503 with Retry-After and a page in both languages, never a 500.

The outage is real: a fresh process (bitnews/tests/outage_probe.py) whose DATABASE_URL points
at a PostgreSQL port where nothing listens, so every connection is refused as it would be while
the server restarts."""

import json
import os
import socket
import subprocess
import sys

import pytest
from django.conf import settings

PAGES = ["/en/", "/zh-hans/", "/en/news/", "/en/news/some-story/", "/en/search/?q=lab"]


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # free once closed: nothing listens there


@pytest.fixture(scope="module")
def during_outage():
    urls = [*PAGES, "/admin/login/", "/robots.txt", "/static/css/site.css"]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bitnews.settings.test",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{closed_port()}/bitnews",
    }
    result = subprocess.run(
        [sys.executable, "-m", "bitnews.tests.outage_probe", *urls],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("url", PAGES)
def test_a_page_during_an_outage_is_503_with_retry_after_in_both_languages(during_outage, url):
    answer = during_outage[url]
    assert answer["status"] == 503
    assert int(answer["retry_after"]) > 0
    assert "no-store" in answer["cache_control"]
    assert "Briefly unavailable" in answer["body"]
    assert "暂时无法访问" in answer["body"]
    assert "/static/css/site.css" in answer["body"]  # styled like the site


def test_nothing_during_an_outage_is_a_server_error(during_outage):
    assert {
        url: a["status"]
        for url, a in during_outage.items()
        if a["status"] >= 500 and a["status"] != 503
    } == {}


def test_static_files_are_served_during_an_outage(during_outage):
    assert during_outage["/static/css/site.css"]["status"] == 200
