"""Two app servers behind nginx, as deployed (docs/deployment.md): gunicorn twice with the
production settings, on one PostgreSQL and one Redis, behind deploy/nginx/bitnews.conf (TLS and
load balancing). A publish through one server shows through the other at the next request;
a server killed under load costs no request beyond those it was answering; sessions and view
counts live in the shared stores. `make test-integration` installs nginx and runs these; they
need PostgreSQL (DATABASE_URL), which both servers share with the tests."""

import contextlib
import threading
import time

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Sum

from bitnews.settings.base import redis_cache
from news.models import ArticlePage
from news.tests.utils import build_site, url_in
from stats import counting
from stats.models import PageViewCount

from .cluster import (
    HOST,
    Browser,
    Node,
    certificate,
    log_in_with_code,
    nginx,
    production_env,
)

REDIS_URL = "redis://127.0.0.1:6379/3"  # this test's own database, emptied at start

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="two app servers share one PostgreSQL"
    ),
]


@pytest.fixture(scope="module")
def cluster(tmp_path_factory, django_db_setup, django_db_blocker):
    """Two nodes and nginx in front of them: {"a": Node, "b": Node, "nginx": https port}."""
    with django_db_blocker.unblock():
        database = connection.settings_dict
    work = tmp_path_factory.mktemp("cluster")
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    env = production_env(database, work, REDIS_URL)
    # what has started stops, whatever fails after it
    with contextlib.ExitStack() as stack:
        log = stack.enter_context((work / "nodes.log").open("w"))
        nodes = {}
        for name in ("a", "b"):
            nodes[name] = Node(env, log)
            stack.callback(nodes[name].stop)
        cert, key = certificate(work)
        ports = stack.enter_context(nginx(work, [nodes["a"].port, nodes["b"].port], cert, key))
        yield {**nodes, "nginx": ports["https"], "media": work / "media"}


@pytest.fixture
def shared(settings):
    """The tests' writes invalidate what the two servers keep (in the same Redis), and the
    passwords they set are in the servers' hashing."""
    settings.CACHES = redis_cache(REDIS_URL)
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]


def test_a_publish_through_one_server_shows_through_the_other(cluster, shared):
    _home, _index, (article, *_) = build_site(articles=3)
    url = url_in(article)
    b = Browser(cluster["b"].port)
    for _ in range(2):
        assert b.get(url)[0] == 200
    assert "Telescope unveiled" not in b.get(url)[2]  # kept, by node B
    chief = get_user_model().objects.create_superuser("chief", "", "s3cret-pass")
    draft = ArticlePage.objects.get(pk=article.pk)
    draft.title_en = "Telescope unveiled"
    draft.save_revision()  # a draft: nothing visitors see changes
    assert "Telescope unveiled" not in b.get(url)[2]
    editor = Browser(cluster["a"].port)
    log_in_with_code(editor, chief, "s3cret-pass")
    status, _headers, _body = editor.post_form(
        f"/admin/bulk/wagtailcore/page/publish/?id={article.pk}&next=/admin/", {}
    )
    assert status == 302, "the bulk publish was refused"
    status, _headers, body = b.get(url)
    assert status == 200 and "Telescope unveiled" in body
    assert "Telescope unveiled" in b.get("/en/news/")[2]
    assert "Telescope unveiled" in b.get("/en/")[2]


def test_sessions_and_view_counts_are_shared_by_the_servers(cluster, shared):
    _home, _index, (article, *_) = build_site(articles=1)
    chief = get_user_model().objects.create_superuser("chief", "", "s3cret-pass")
    through_nginx = Browser(cluster["nginx"], tls=True)
    log_in_with_code(through_nginx, chief, "s3cret-pass")  # on one server
    # nginx shares the requests out: six in a row reach both servers, all still logged in, with
    # the second step taken
    for _ in range(6):
        status, headers, _body = through_nginx.get("/admin/")
        assert status == 200, headers.get("Location")
    # three visitors (three browsers), each through a different server, and one of them again:
    # the servers share who was counted today and the counters (Redis)
    for node, browser in (("a", "Firefox"), ("b", "WeChat"), ("a", "Safari"), ("b", "Firefox")):
        visitor = Browser(cluster[node].port)
        headers = {"Origin": f"https://{HOST}", "User-Agent": browser}
        assert visitor.request("POST", f"/en/views/{article.pk}/", headers=headers)[0] == 204
    counting.flush()  # what the next beacon after 30 s, or `manage.py flush_view_counts`, does
    views = PageViewCount.objects.filter(page_id=article.pk).aggregate(total=Sum("views"))
    assert views["total"] == 3


def test_media_through_nginx_is_never_sniffed_or_run(cluster):
    # an upload that is not what its name says: a script in an SVG
    folder = cluster["media"] / "documents"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    )
    status, headers, _body = Browser(cluster["nginx"], tls=True).get("/media/documents/logo.svg")
    assert status == 200
    assert headers["X-Content-Type-Options"] == "nosniff"
    policy = headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "sandbox" in policy
    missing = Browser(cluster["nginx"], tls=True).get("/media/documents/gone.svg")
    assert missing[0] == 404 and missing[1]["X-Content-Type-Options"] == "nosniff"


def test_a_server_killed_under_load_costs_no_request_beyond_those_in_flight(cluster, shared):
    _home, _index, (article, *_) = build_site(articles=5)
    paths = ["/en/", "/en/news/", url_in(article), url_in(article, "zh-hans")]
    results, in_flight, lock = [], [0], threading.Lock()
    at_kill = []
    stop = threading.Event()

    def visitor(number):
        browser = Browser(cluster["nginx"], tls=True)
        count = 0
        while not stop.is_set():
            # a search for new words is rendered each time: requests last long enough to be
            # caught in flight
            path = paths[count % len(paths)] if count % 2 else f"/en/search/?q=t{number}x{count}"
            count += 1
            with lock:
                in_flight[0] += 1
            try:
                status = browser.get(path)[0]
            except OSError as error:
                status = repr(error)
            with lock:
                in_flight[0] -= 1
                results.append(status)

    threads = [threading.Thread(target=visitor, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    time.sleep(2)
    with lock:
        at_kill.append(in_flight[0])
    cluster["b"].kill()
    time.sleep(3)
    stop.set()
    for thread in threads:
        thread.join(timeout=60)
    failed = [status for status in results if status != 200]
    assert len(results) > 50, "too little load to tell"
    assert len(failed) <= at_kill[0], failed
    # and node A alone answers everything
    assert Browser(cluster["nginx"], tls=True).get("/en/news/")[0] == 200
