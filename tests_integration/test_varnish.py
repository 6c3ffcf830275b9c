"""Varnish in front of the app, as deployed (deploy/varnish/bitnews.vcl, Debian's varnish):
an anonymous visitor's second request is Varnish's; the app purges by tag after each write
(news/cache/invalidation.py), so an edit shows through Varnish within two requests (a soft
purge: the first visitor may get the old copy at once while Varnish fetches the new one), a
removal at the next request (a hard purge), and pages that did not show what changed stay
kept. `make test-integration` installs Varnish and runs these; each test starts its own
varnishd on free loopback ports, in front of pytest-django's live server. The VCL's own rules
(tags, purges, who may send them) are tested without the app, in test_varnish_tags.py."""

import concurrent.futures
import re
import time

import pytest

from news.models import ArticlePage
from news.tests.utils import CARD_TITLE, build_site, url_in

from . import cluster

# The live server needs committed data; the tree's root page (made by a migration) is restored
# after each test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def get(varnish, path, **headers):
    """(status, headers, body text) of a visitor's request to Varnish, which never shows
    the visitor the tags it keeps pages by."""
    status, headers, body = cluster.ask(varnish["http"], path, headers=headers)
    assert "xkey" not in headers, path  # case-insensitive: an email.message.Message
    return status, headers, body


TITLES = (
    r'<h1 class="page-title"[^>]*>([^<]+)</h1>',  # an article's
    CARD_TITLE,  # the stories a listing or the home page shows
    r'"title":"([^"]+)"',  # the JSON API's
)


def shows(body, title):
    """Whether `body` shows a story titled `title`: as its title, or one of its cards'."""
    return any(title in re.findall(pattern, body) for pattern in TITLES)


def after_an_edit(varnish, path):
    """What visitors get at `path` after a soft purge: the first request's (status, X-Cache,
    body, seconds it took), then, once the background fetch it may have started has ended,
    the next three requests' (status, body)."""
    asked = time.monotonic()
    status, headers, body = get(varnish, path)
    first = (status, headers["X-Cache"], body, time.monotonic() - asked)
    cluster.wait_for_fetches(varnish["work"])
    return first, [get(varnish, path)[::2] for _ in range(3)]


def assert_new_within_two_requests(varnish, path, old, new):
    """The first request after the edit gets the old copy from grace at once or the new one;
    every request after it (the second on) gets the new one."""
    (status, cache, body, took), later = after_an_edit(varnish, path)
    assert status == 200, path
    if shows(body, old):
        assert (cache, shows(body, new)) == ("HIT", False), path
        assert took < 1, f"{path}: the old copy was not answered at once"
    else:
        assert shows(body, new), path
    for status, body in later:
        assert status == 200 and shows(body, new) and not shows(body, old), path


@pytest.fixture
def varnish(live_server, tmp_path, settings):
    """Varnish as deployed in front of the live server, which sends its purges to Varnish's
    purge listener: the listeners' ports and varnishd's folder, {"http": …, "purge": …,
    "work": …}."""
    backend = int(live_server.url.rsplit(":", 1)[1])
    with cluster.varnish(tmp_path, backend) as ports:
        settings.SHARED_CACHES = [f"http://127.0.0.1:{ports['purge']}/"]
        yield {**ports, "work": tmp_path}


def test_an_anonymous_second_request_is_served_by_varnish(varnish):
    _home, _index, (article,) = build_site(articles=1)
    url = url_in(article)
    first = get(varnish, url)
    second = get(varnish, url, Cookie="csrftoken=abc; _ga=tracker")  # cookies a page reads not
    assert (first[0], first[1]["X-Cache"]) == (200, "MISS")
    assert (second[0], second[1]["X-Cache"], second[2]) == (200, "HIT", first[2])


def test_varnish_is_given_the_tags_of_each_page_and_no_visitor_sees_them(varnish, live_server):
    _home, _index, (article,) = build_site(articles=1)
    backend = int(live_server.url.rsplit(":", 1)[1])
    for path in (url_in(article), "/en/news/", f"/api/v2/articles/{article.pk}/"):
        _status, headers, _body = cluster.ask(backend, path)  # what Varnish is given
        assert f"page:{article.pk}" in headers["xkey"].split(), path
        # a miss, a hit (get() asserts that neither has the header)
        assert [get(varnish, path)[1]["X-Cache"] for _ in range(2)] == ["MISS", "HIT"], path


def test_a_publish_shows_through_varnish_within_two_requests(varnish):
    _home, _index, (article, *_) = build_site(articles=5)
    old = article.title_en
    pages = [url_in(article), "/en/news/", "/en/"]
    for path in pages * 2:
        get(varnish, path)
    assert all(get(varnish, path)[1]["X-Cache"] == "HIT" for path in pages)
    article = ArticlePage.objects.get(pk=article.pk)
    article.title_en = "Telescope unveiled"
    article.save_revision().publish()
    for path in pages:
        assert_new_within_two_requests(varnish, path, old, "Telescope unveiled")


def test_a_publish_leaves_pages_that_did_not_show_the_story_kept(varnish):
    # The oldest story and the newest: the newest's page shows itself and its older
    # neighbour, not the oldest (nor its newer neighbour, whose "Older" link the edit changes).
    _home, _index, (edited, *_, other) = build_site(articles=5)
    path = url_in(other)
    kept = get(varnish, path)
    assert (kept[0], get(varnish, path)[1]["X-Cache"]) == (200, "HIT")
    old, edited = edited.title_en, ArticlePage.objects.get(pk=edited.pk)
    edited.title_en = "Telescope unveiled"
    edited.save_revision().publish()
    assert_new_within_two_requests(varnish, url_in(edited), old, "Telescope unveiled")
    status, headers, body = get(varnish, path)
    assert (status, headers["X-Cache"], body) == (200, "HIT", kept[2])


def test_an_unpublished_story_is_gone_through_varnish_at_the_next_request(varnish):
    _home, _index, (article, *_) = build_site(articles=5)
    title, path = article.title_en, url_in(article)
    for _ in range(2):
        assert get(varnish, path)[0] == 200
        assert shows(get(varnish, "/en/news/")[2], title)
    assert get(varnish, path)[1]["X-Cache"] == get(varnish, "/en/news/")[1]["X-Cache"] == "HIT"
    ArticlePage.objects.get(pk=article.pk).unpublish()
    status, headers, _body = get(varnish, path)  # a hard purge: never the old copy
    assert (status, headers["X-Cache"]) == (404, "MISS")
    status, headers, body = get(varnish, "/en/news/")
    assert (status, headers["X-Cache"], shows(body, title)) == (200, "MISS", False)
    assert get(varnish, path)[0] == 404


def test_logged_in_visitors_and_the_admin_pass_through(varnish):
    build_site(articles=1)
    for path, cookie in (("/en/news/", "sessionid=someone"), ("/admin/login/", "")):
        for _ in range(2):
            _status, headers, _body = get(varnish, path, Cookie=cookie)
            assert headers["X-Cache"] == "MISS", path


def test_the_json_api_is_kept_like_pages_shared_by_signed_in_visitors_and_refreshed_by_a_publish(
    varnish,
):
    _home, _index, (article,) = build_site(articles=1)
    path = f"/api/v2/articles/{article.pk}/?lang=zh-hans"
    first = get(varnish, path)
    second = get(varnish, path, Cookie="sessionid=someone")  # the API reads no cookie
    assert (first[0], first[1]["X-Cache"]) == (200, "MISS")
    assert (second[0], second[1]["X-Cache"], second[2]) == (200, "HIT", first[2])
    assert "Accept-Language" not in first[1].get("Vary", "")
    old = article.title_zh_hans
    article = ArticlePage.objects.get(pk=article.pk)
    article.title_zh_hans = "望远镜揭幕"
    article.save_revision().publish()
    assert_new_within_two_requests(varnish, path, old, "望远镜揭幕")


def test_an_edit_shows_at_every_address_of_a_listing_within_two_requests(varnish):
    # Varnish keeps each address apart; the app answers both from one entry (it reads no
    # utm_source). Right after the edit, both are fetched again at once: one of the app's
    # requests renders the new listing, the other is answered the old one meanwhile.
    _home, _index, (article, *_) = build_site(articles=5)
    old = article.title_en
    paths = ["/en/news/", "/en/news/?utm_source=newsletter"]
    for path in paths * 2:
        get(varnish, path)
    assert [get(varnish, path)[1]["X-Cache"] for path in paths] == ["HIT", "HIT"]
    article = ArticlePage.objects.get(pk=article.pk)
    article.title_en = "Telescope unveiled"
    article.save_revision().publish()
    with concurrent.futures.ThreadPoolExecutor(len(paths)) as visitors:
        firsts = list(visitors.map(lambda path: get(varnish, path), paths))
    assert all(status == 200 for status, _headers, _body in firsts)
    cluster.wait_for_fetches(varnish["work"])
    for path in paths:
        for _ in range(3):
            status, _headers, body = get(varnish, path)
            assert status == 200 and shows(body, "Telescope unveiled"), path
            assert not shows(body, old), path
