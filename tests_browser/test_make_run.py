"""`make run` serves the demo as visitors see it: DEBUG off, the site's own error pages."""

import urllib.error
import urllib.request

import pytest

from tests_browser.server import demo_server


@pytest.fixture(scope="module")
def make_run_site(tmp_path_factory):
    # The settings and DEBUG value the Makefile's `run` target uses.
    with demo_server(
        tmp_path_factory.mktemp("run"), settings="bitnews.settings.dev", DEBUG="0"
    ) as server:
        yield server


def fetch(url):
    """(status, body) of a GET, error statuses included."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - our own server
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_unknown_chinese_address_gets_the_sites_chinese_404(make_run_site):
    status, body = fetch(make_run_site.url + "/zh-hans/no-such-page/")
    assert status == 404
    assert '<html lang="zh-hans">' in body
    assert "找不到页面" in body
    assert "Using the URLconf" not in body and "DEBUG = True" not in body  # no debug page


def test_pages_and_static_files_are_served_without_debug(make_run_site):
    status, body = fetch(make_run_site.url + "/en/")
    assert status == 200 and 'href="/static/css/site.css"' in body
    assert fetch(make_run_site.url + "/static/css/site.css")[0] == 200
