"""What a visitor does with a real browser."""

import re

import pytest

from demo.content import SEED_ARTICLE
from tests_browser.admin import log_in
from tests_browser.pages import ALL
from tests_browser.server import MAP_KEY

SEED_EN = f"/en/news/{SEED_ARTICLE['slug_en']}/"
SEED_ZH = f"/zh-hans/xinwen/{SEED_ARTICLE['slug_zh_hans']}/"


def test_visitor_goes_from_home_through_focus_to_the_seed_article_and_switches_to_chinese(
    site, page
):
    page.goto(site.url + "/")
    assert page.url == site.url + "/en/"
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Focus").click()
    assert page.url == site.url + "/en/news/focus/"
    crumbs = page.get_by_role("navigation", name="Breadcrumb").get_by_role("listitem")
    assert [text.strip() for text in crumbs.all_inner_texts()] == ["Home", "News&Events", "Focus"]
    page.get_by_role("link", name=SEED_ARTICLE["title_en"]).first.click()
    assert page.url == site.url + SEED_EN
    assert page.get_by_role("heading", level=1).inner_text() == SEED_ARTICLE["title_en"]
    page.get_by_role("link", name="中文").click()
    assert page.url == site.url + SEED_ZH
    assert page.get_by_role("heading", level=1).inner_text() == SEED_ARTICLE["title_zh_hans"]
    assert page.locator("html").get_attribute("lang") == "zh-hans"


@pytest.mark.parametrize(("name", "path"), ALL, ids=[name for name, _ in ALL])
def test_every_request_goes_to_the_sites_own_origin(site, page, name, path):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site.url + path)
    page.wait_for_load_state("networkidle")
    assert [url for url in requested if not url.startswith(site.url + "/")] == []
    if name.rsplit("-", 1)[0] in ("home", "article", "news", "news-page-2"):  # pages with photos
        assert any(url.endswith(".avif") for url in requested)  # the images did load


def test_reading_an_article_counts_one_view(site, page):
    page.goto(site.url + SEED_ZH)
    with page.expect_response(re.compile(r"/views/\d+/$")) as beacon:
        page.goto(site.url + SEED_EN)
    assert beacon.value.status == 204
    page.wait_for_timeout(200)
    # A visitor's copy of the page is kept with the count it was made with (view counts are
    # not a write that refreshes pages, news/cache/); an editor's page is made for them.
    log_in(site, page)
    page.goto(site.url + SEED_EN)
    assert re.search(r"\d+ views?", page.locator(".article__meta").inner_text())


def test_campus_map_loads_nothing_from_baidu_until_the_visitor_asks(site, page):
    baidu = []

    def block_baidu(route):
        baidu.append(route.request.url)
        route.abort()

    page.route(re.compile(r"^https?://[^/]*baidu\.com/"), block_baidu)
    page.goto(site.url + "/en/")
    page.wait_for_load_state("networkidle")
    assert baidu == []
    button = page.get_by_role("button", name="Show the map here")
    button.click()
    page.wait_for_timeout(500)
    assert len(baidu) == 1
    assert baidu[0].startswith(f"https://api.map.baidu.com/api?v=3.0&ak={MAP_KEY}&")
    # Blocked here (no network): the visitor is told, and the map link is still there.
    assert "could not be loaded" in page.locator(".campus-map__canvas").inner_text()


def test_navigation_and_language_switch_work_without_javascript(site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site.url + "/zh-hans/")
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="新闻动态").click()
    assert page.url == site.url + "/zh-hans/xinwen/"
    page.get_by_role("link", name="下一页").click()
    assert page.url == site.url + "/zh-hans/xinwen/?page=2"
    page.get_by_role("link", name="English").click()
    assert page.url == site.url + "/en/news/?page=2"
    assert not page.get_by_role("button", name="Show the map here").is_visible()
    page.get_by_role("searchbox").first.fill("cooperation")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/en/search/\?q=cooperation"))
    assert page.get_by_role("link", name=SEED_ARTICLE["title_en"]).count() == 1
    page.get_by_role("link", name="中文").click()
    assert "/zh-hans/search/?q=cooperation" in page.url
    context.close()
