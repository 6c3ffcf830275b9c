"""Varnish in front of the app, as deployed (deploy/varnish/bitnews.vcl, Debian's varnish):
an anonymous visitor's second request is Varnish's, and a publish shows through it at the next
request. `make test-integration` installs Varnish and runs these; each test starts its own
varnishd on free loopback ports, in front of pytest-django's live server. The VCL's own rules
(tags, purges, who may send them) are tested without the app, in test_varnish_tags.py."""

import time

import pytest

from news.models import ArticlePage
from news.tests.utils import build_site, url_in

from . import cluster

# The live server needs committed data; the tree's root page (made by a migration) is restored
# after each test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def get(varnish, path, **headers):
    """(status, headers, body text) of a visitor's request to Varnish."""
    return cluster.ask(varnish["http"], path, headers=headers)


@pytest.fixture
def varnish(live_server, tmp_path, settings):
    """Varnish as deployed in front of the live server, which sends its purges to Varnish's
    purge listener: the listeners' ports, {"http": …, "purge": …}."""
    backend = int(live_server.url.rsplit(":", 1)[1])
    with cluster.varnish(tmp_path, backend) as ports:
        settings.SHARED_CACHES = [f"http://127.0.0.1:{ports['purge']}/"]
        yield ports


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
