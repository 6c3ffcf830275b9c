"""Varnish in front of the app, as deployed (deploy/varnish/bitnews.vcl, Debian's varnish):
an anonymous visitor's second request is Varnish's, a publish shows through it at the next
request, and only the app servers may purge. `make test-integration` installs Varnish and runs
these; each test starts its own varnishd on a free loopback port, in front of pytest-django's
live server."""

import http.client
import socket
import subprocess
import time
from pathlib import Path

import pytest

from news.models import ArticlePage
from news.tests.utils import build_site, url_in

from .cluster import free_port

# The live server needs committed data; the tree's root page (made by a migration) is restored
# after each test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

VCL = Path(__file__).resolve().parents[1] / "deploy" / "varnish" / "bitnews.vcl"


def get(address, path, method="GET", source="127.0.0.1", **headers):
    """(status, headers, body text) of one request to `address` ("host:port")."""
    host, port = address.split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10, source_address=(source, 0))
    try:
        connection.request(method, path, headers=headers)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode()
    finally:
        connection.close()


@pytest.fixture
def varnish(live_server, tmp_path, settings):
    """A varnishd with the repository's VCL in front of the live server: its address."""
    port = free_port()
    backend = live_server.url.rsplit(":", 1)[1]
    vcl = VCL.read_text().replace('.port = "8000";', f'.port = "{backend}";')
    assert f'.port = "{backend}";' in vcl, "the VCL's backend port is no longer 8000"
    (tmp_path / "bitnews.vcl").write_text(vcl)
    process = subprocess.Popen(
        [
            "varnishd",
            "-F",
            "-j",
            "none",
            "-n",
            str(tmp_path / "varnish"),
            "-a",
            f"127.0.0.1:{port}",
            "-f",
            str(tmp_path / "bitnews.vcl"),
            "-s",
            "malloc,32m",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError as error:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                message = process.stderr.read().decode()
                raise RuntimeError(f"varnishd did not start: {message}") from error
            time.sleep(0.1)
    settings.SHARED_CACHES = [f"http://127.0.0.1:{port}/"]
    yield f"127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=30)


def test_an_anonymous_second_request_is_served_by_varnish(varnish):
    _home, _index, (article,) = build_site(articles=1)
    url = url_in(article)
    first = get(varnish, url)
    second = get(varnish, url, Cookie="csrftoken=abc; _ga=tracker")  # cookies a page reads not
    assert (first[0], first[1]["X-Cache"]) == (200, "MISS")
    assert (second[0], second[1]["X-Cache"], second[2]) == (200, "HIT", first[2])


def test_a_publish_shows_through_varnish_at_the_next_request(varnish):
    _home, _index, (article,) = build_site(articles=1)
    pages = [url_in(article), "/en/news/", "/en/"]
    for path in pages * 2:
        get(varnish, path)
    assert all(get(varnish, path)[1]["X-Cache"] == "HIT" for path in pages)
    article = ArticlePage.objects.get(pk=article.pk)
    article.title_en = "Telescope unveiled"
    published = time.monotonic()
    article.save_revision().publish()
    for path in pages:
        status, _headers, body = get(varnish, path)
        assert status == 200 and "Telescope unveiled" in body, path
    assert time.monotonic() - published < 1


def test_logged_in_visitors_and_the_admin_pass_through(varnish):
    build_site(articles=1)
    for path, cookie in (("/en/news/", "sessionid=someone"), ("/admin/login/", "")):
        for _ in range(2):
            _status, headers, _body = get(varnish, path, Cookie=cookie)
            assert headers["X-Cache"] == "MISS", path


def test_only_the_app_servers_may_purge(varnish):
    build_site(articles=1)
    get(varnish, "/en/news/")
    assert get(varnish, "/en/news/", method="PURGE", source="127.0.0.2")[0] == 405
    assert get(varnish, "/en/news/", method="BAN", source="127.0.0.2")[0] == 405
    assert get(varnish, "/en/news/")[1]["X-Cache"] == "HIT"
    assert get(varnish, "/en/news/", method="PURGE")[0] == 200
    assert get(varnish, "/en/news/")[1]["X-Cache"] == "MISS"


def test_the_json_api_is_kept_like_pages_shared_by_signed_in_visitors_and_ended_by_a_publish(
    varnish,
):
    _home, _index, (article,) = build_site(articles=1)
    path = f"/api/v2/articles/{article.pk}/?lang=zh-hans"
    first = get(varnish, path)
    second = get(varnish, path, Cookie="sessionid=someone")  # the API reads no cookie
    assert (first[0], first[1]["X-Cache"]) == (200, "MISS")
    assert (second[0], second[1]["X-Cache"], second[2]) == (200, "HIT", first[2])
    assert "Accept-Language" not in first[1].get("Vary", "")
    article = ArticlePage.objects.get(pk=article.pk)
    article.title_zh_hans = "望远镜揭幕"
    article.save_revision().publish()
    status, _headers, body = get(varnish, path)
    assert status == 200 and "望远镜揭幕" in body
