"""`make run` serves the demo as visitors see it: DEBUG off, the site's own error pages."""

import datetime
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


SCHEDULE = """
import datetime
from django.utils import timezone
from news.models import ArticlePage, NewsIndexPage

index = NewsIndexPage.objects.get()
article = index.add_child(instance=ArticlePage(
    title="Rowing club wins the spring regatta", slug="rowing-club-wins-the-spring-regatta",
    title_zh_hans="赛艇队赢得春季赛艇会", slug_zh_hans="saitingdui-ying-de-chunji-saitinghui",
    news_date=timezone.localdate(), live=False,
))
revision = article.save_revision()
revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
revision.save(update_fields=["approved_go_live_at"])
"""


def test_a_scheduled_publish_from_the_command_line_shows_on_the_running_site(make_run_site):
    listing = make_run_site.url + "/en/news/"
    for _ in range(2):  # read twice: kept by the server's page cache
        status, body = fetch(listing)
        assert status == 200 and "Rowing club wins the spring regatta" not in body
    scheduled = make_run_site.manage("shell", "-c", SCHEDULE)
    assert scheduled.returncode == 0, scheduled.stderr
    assert "Rowing club wins the spring regatta" not in fetch(listing)[1]  # a draft until due

    published = make_run_site.manage("publish_scheduled")

    assert published.returncode == 0, published.stderr
    assert "Rowing club wins the spring regatta" in fetch(listing)[1]
    assert "赛艇队赢得春季赛艇会" in fetch(make_run_site.url + "/zh-hans/xinwen/")[1]


def test_an_import_with_publish_shows_on_the_running_site(make_run_site, tmp_path):
    home = make_run_site.url + "/en/"
    assert "Choir sings at the opening of the new library" not in fetch(home)[1]
    assert "Choir sings at the opening of the new library" not in fetch(home)[1]
    story = tmp_path / "choir.txt"
    story.write_text(
        "Source: https://english.old.example.edu.cn/newsevents/2026/choir.htm\n"
        f"Date: {datetime.date.today():%B %d, %Y}\n"
        "News&Events\n"
        "Choir sings at the opening of the new library\n"
        "The university choir sang at the opening of the new library on Friday.\n"
    )

    imported = make_run_site.manage("import_news", str(story), "--publish")

    assert imported.returncode == 0, imported.stdout + imported.stderr
    assert "Choir sings at the opening of the new library" in fetch(home)[1]
