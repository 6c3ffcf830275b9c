"""A moderator's path: hide an article's Chinese version in the admin, then see it as a visitor.

It publishes a change, so it runs on a demo server of its own: the shared one stays as
`load_demo` made it for the other browser tests.
"""

import pytest

from demo.content import SEED_ARTICLE
from tests_browser.admin import log_in
from tests_browser.server import MAP_KEY, demo_server
from tests_browser.test_security import refusals

NOTICE_ZH = "本文未发布中文版，以下显示英文版。"


@pytest.fixture(scope="module")
def own_site(tmp_path_factory):
    with demo_server(tmp_path_factory.mktemp("visibility"), BAIDU_MAP_AK=MAP_KEY) as server:
        yield server


def test_hidden_chinese_version_leaves_the_chinese_site_and_its_address_shows_english(
    own_site, page
):
    site = own_site
    messages = refusals(page)
    log_in(site, page)

    chinese_url = f"{site.url}/zh-hans/xinwen/{SEED_ARTICLE['slug_zh_hans']}/"
    english_url = f"{site.url}/en/news/{SEED_ARTICLE['slug_en']}/"
    chinese_search = site.url + "/zh-hans/search/?q=筹建会"
    page.goto(chinese_search)
    assert page.get_by_role("link", name=SEED_ARTICLE["title_zh_hans"]).count() == 1

    page.goto(chinese_url)
    edit_link = page.evaluate(
        "document.querySelector('[data-view-count-url]').dataset.viewCountUrl"
    )
    page_id = edit_link.rstrip("/").rsplit("/", 1)[1]

    page.goto(f"{site.url}/admin/pages/{page_id}/edit/")
    page.get_by_role("tab", name="Settings").click()
    box = page.get_by_label("public in Chinese")
    assert box.is_checked()  # on by default: a moderator who saves without looking hides nothing
    assert page.get_by_label("public in English").is_checked()
    box.uncheck()
    publish = page.locator('button[name="action-publish"]')
    if not publish.is_visible():  # behind the footer's "More actions" toggle
        page.locator(".w-dropdown-button").get_by_role("button", name="More actions").click()
    publish.click()
    page.wait_for_load_state("networkidle")

    page.goto(chinese_search)
    assert page.get_by_role("link", name=SEED_ARTICLE["title_zh_hans"]).count() == 0
    page.goto(site.url + "/en/search/?q=preparatory")
    assert page.get_by_role("link", name=SEED_ARTICLE["title_en"]).count() == 1

    page.goto(chinese_url)
    assert page.get_by_role("note").inner_text() == NOTICE_ZH
    heading = page.get_by_role("heading", level=1)
    assert heading.get_attribute("lang") == "en"
    assert heading.inner_text() == SEED_ARTICLE["title_en"]
    assert page.locator('link[rel="canonical"]').get_attribute("href") == english_url
    assert page.locator('link[hreflang="zh-hans"]').count() == 0

    page.locator(".language-switcher").get_by_role("link", name="English").click()
    page.wait_for_url(english_url)
    assert page.get_by_role("heading", level=1).inner_text() == SEED_ARTICLE["title_en"]
    assert messages == []
