"""Varnish's own rules (deploy/varnish/bitnews.vcl on Debian's varnish, with varnish-modules'
xkey), in front of a stand-in for the app whose answers each test chooses: a page is kept
with the tags of its xkey header, which no visitor sees; the app servers purge by tag on the
purge listener, softly (the old copy is served once more while the new one is fetched) or
hard, or ban everything; nobody purges through the public listener or through nginx.
`make test-integration` runs these; each test starts its own varnishd on free loopback ports."""

import collections
import contextlib
import http.server
import threading
import time

import pytest

from . import cluster

# A sitemap page's tags: 1,500 pages, 16 KB.
SITEMAP_TAGS = " ".join(f"page:{n}" for n in range(10000, 11500))


class App(http.server.ThreadingHTTPServer):
    """A stand-in for the app on a free loopback port: it answers a path with the page set
    for it (`serve`), and counts the requests for each path (`fetched`)."""

    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), Answer)
        self.pages, self.fetched = {}, collections.Counter()

    def serve(self, path, body, tags, headers=None, delay=0):
        """From now on, `path` is `body` with the xkey header `tags`, kept five minutes by
        shared caches as the app's public pages are (unless `headers` says otherwise), made
        in `delay` seconds."""
        headers = {
            "Cache-Control": "public, max-age=0, s-maxage=300",
            "xkey": tags,
            **(headers or {}),
        }
        self.pages[path] = (body.encode(), headers, delay)


class Answer(http.server.BaseHTTPRequestHandler):
    """The stand-in's answer to Varnish: the page set for the path, as the app sends one."""

    def do_GET(self):
        body, headers, delay = self.server.pages[self.path]
        self.server.fetched[self.path] += 1
        time.sleep(delay)
        self.send_response(200)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):  # no line on stderr per request
        pass


@pytest.fixture
def app():
    server = App()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


@pytest.fixture
def varnish(app, tmp_path):
    """Varnish as deployed in front of the stand-in: its listeners' ports, {"http": …,
    "purge": …}."""
    work = tmp_path / "varnish"
    work.mkdir()
    with cluster.varnish(work, app.server_port) as ports:
        yield ports


def visit(varnish, path):
    """What a visitor is given at `path`: (X-Cache, body)."""
    status, headers, body = cluster.ask(varnish["http"], path)
    assert status == 200, path
    return headers["X-Cache"], body


def purge(varnish, tags, mode):
    """An app server's purge of `tags`: (status, body)."""
    headers = {"xkey-purge": tags, "xkey-mode": mode}
    status, _headers, body = cluster.ask(varnish["purge"], "/", "PURGE", headers)
    return status, body


@contextlib.contextmanager
def visitor_through_nginx(work, upstream):
    """A visitor of deploy/nginx/bitnews.conf (over TLS) in front of the server on `upstream`."""
    work.mkdir()
    cert, key = cluster.certificate(work)
    with cluster.nginx(work, [upstream], cert, key) as ports:
        yield cluster.Browser(ports["https"], tls=True)


def test_visitors_never_see_the_tags(app, varnish):
    app.serve("/en/news/", "news", "list:7 page:1")
    app.serve("/en/private/", "private", "page:2", headers={"Cache-Control": "private"})
    for path in ("/en/news/", "/en/news/", "/en/private/"):  # a miss, a hit, a pass
        status, headers, _body = cluster.ask(varnish["http"], path)
        assert status == 200 and "xkey" not in headers, path
    assert visit(varnish, "/en/news/")[0] == "HIT"


def test_purges_and_bans_on_the_public_listener_are_refused(app, varnish):
    app.serve("/en/news/", "news", "list:7")
    visit(varnish, "/en/news/")
    tags = {"xkey-purge": "list:7", "xkey-mode": "hard"}
    assert cluster.ask(varnish["http"], "/", "PURGE", tags)[0] == 405
    assert cluster.ask(varnish["http"], "/en/news/", "PURGE", tags)[0] == 405
    assert cluster.ask(varnish["http"], "/", "BAN")[0] == 405
    assert visit(varnish, "/en/news/") == ("HIT", "news")
    assert app.fetched["/en/news/"] == 1


def test_only_the_app_servers_may_purge_on_the_purge_listener(app, varnish):
    app.serve("/en/news/", "news", "list:7")
    visit(varnish, "/en/news/")
    tags = {"xkey-purge": "list:7", "xkey-mode": "hard"}
    outsider = "127.0.0.2"  # not in the VCL's `acl purgers`
    assert cluster.ask(varnish["purge"], "/", "PURGE", tags, source=outsider)[0] == 403
    assert cluster.ask(varnish["purge"], "/", "BAN", source=outsider)[0] == 403
    assert visit(varnish, "/en/news/") == ("HIT", "news")


def test_the_purge_listener_serves_no_pages(app, varnish):
    app.serve("/en/news/", "news", "list:7")
    assert cluster.ask(varnish["purge"], "/en/news/")[0] == 405
    assert app.fetched["/en/news/"] == 0


def test_a_hard_purge_ends_exactly_the_pages_with_its_tag(app, varnish):
    app.serve("/en/news/", "news", "list:7 page:1 page:2")
    app.serve("/en/news/a/", "a", "page:1")
    app.serve("/en/news/b/", "b", "page:2")
    for path in ("/en/news/", "/en/news/a/", "/en/news/b/"):
        visit(varnish, path)
    app.serve("/en/news/", "news, a edited", "list:7 page:1 page:2")
    app.serve("/en/news/a/", "a edited", "page:1")
    status, body = purge(varnish, "page:1", "hard")
    assert status == 200 and "Purged 2" in body
    assert visit(varnish, "/en/news/") == ("MISS", "news, a edited")
    assert visit(varnish, "/en/news/a/") == ("MISS", "a edited")
    assert visit(varnish, "/en/news/b/") == ("HIT", "b")


def test_a_soft_purge_serves_the_old_page_at_once_then_the_new_one(app, varnish):
    app.serve("/en/news/a/", "a", "page:1")
    visit(varnish, "/en/news/a/")
    app.serve("/en/news/a/", "a edited", "page:1", delay=1)  # the new copy takes a second
    status, body = purge(varnish, "page:1", "soft")
    assert status == 200 and "Purged 1" in body
    asked = time.monotonic()
    assert visit(varnish, "/en/news/a/") == ("HIT", "a")  # from grace,
    assert time.monotonic() - asked < 1  # without waiting for the new copy
    while visit(varnish, "/en/news/a/")[1] != "a edited":
        assert time.monotonic() - asked < 10, "the new copy never came"
        time.sleep(0.1)
    assert app.fetched["/en/news/a/"] == 2


def test_a_ban_ends_every_page(app, varnish):
    app.serve("/en/news/", "news", "list:7")
    app.serve("/zh-hans/news/", "新闻", "list:8")
    for path in ("/en/news/", "/zh-hans/news/"):
        visit(varnish, path)
    assert cluster.ask(varnish["purge"], "/", "BAN")[0] == 200
    for path in ("/en/news/", "/zh-hans/news/"):
        assert visit(varnish, path)[0] == "MISS", path


def test_a_purge_without_its_tags_or_mode_is_refused_and_ends_nothing(app, varnish):
    app.serve("/en/news/", "news", "list:7")
    visit(varnish, "/en/news/")
    for headers in (
        {"xkey-mode": "hard"},
        {"xkey-purge": "list:7"},
        {"xkey-purge": "list:7", "xkey-mode": "everything"},
    ):
        assert cluster.ask(varnish["purge"], "/", "PURGE", headers)[0] == 400, headers
    assert visit(varnish, "/en/news/")[0] == "HIT"


def test_a_sitemap_page_with_16_kb_of_tags_is_kept_and_purged_by_any_of_them(app, varnish):
    assert len(SITEMAP_TAGS) >= 16 * 1024
    app.serve("/sitemap.xml", "<urlset/>", SITEMAP_TAGS)
    assert visit(varnish, "/sitemap.xml") == ("MISS", "<urlset/>")
    assert visit(varnish, "/sitemap.xml") == ("HIT", "<urlset/>")
    status, body = purge(varnish, "page:11499", "hard")
    assert status == 200 and "Purged 1" in body
    assert visit(varnish, "/sitemap.xml")[0] == "MISS"


def test_only_public_pages_without_cookies_are_kept(app, varnish):
    app.serve("/en/private/", "private", "page:1", headers={"Cache-Control": "private"})
    app.serve("/en/cookie/", "cookie", "page:2", headers={"Set-Cookie": "seen=1"})
    for path in ("/en/private/", "/en/cookie/"):
        assert [visit(varnish, path)[0] for _ in range(2)] == ["MISS", "MISS"], path


def test_a_page_as_old_as_its_s_maxage_is_not_kept(app, varnish):
    app.serve("/en/news/", "news", "list:7", headers={"Age": "300"})  # s-maxage=300
    app.serve("/en/events/", "events", "list:8", headers={"Age": "200"})
    assert [visit(varnish, "/en/news/")[0] for _ in range(2)] == ["MISS", "MISS"]
    assert [visit(varnish, "/en/events/")[0] for _ in range(2)] == ["MISS", "HIT"]


def test_nginx_refuses_purges_and_bans_from_outside(app, varnish, tmp_path):
    app.serve("/en/news/", "news", "list:7")
    with visitor_through_nginx(tmp_path / "nginx", varnish["http"]) as visitor:
        assert visitor.get("/en/news/")[0] == 200
        tags = {"xkey-purge": "list:7", "xkey-mode": "hard"}
        for method, headers in (("PURGE", tags), ("BAN", {}), ("PROPFIND", {})):
            assert visitor.request(method, "/en/news/", headers=headers)[0] == 405, method
        status, headers, body = visitor.get("/en/news/")
    assert (status, headers["X-Cache"], body) == (200, "HIT", "news")
    assert app.fetched["/en/news/"] == 1


def test_nginx_alone_in_front_of_the_app_passes_a_sitemap_page_on_without_its_tags(app, tmp_path):
    app.serve("/sitemap.xml", "<urlset/>", SITEMAP_TAGS)
    with visitor_through_nginx(tmp_path / "nginx", app.server_port) as visitor:
        status, headers, body = visitor.get("/sitemap.xml")
    assert (status, body) == (200, "<urlset/>")
    assert "xkey" not in {name.lower() for name in headers}
