"""The admin runs without a script error: the account page (its time zone choices, each
labelled by the browser) and the pages an editor opens first log nothing in the console."""

import pytest

from tests_browser.admin import log_in, seed_page_id


@pytest.fixture
def errors(page):
    """The console errors and uncaught exceptions of the page, as they come."""
    seen = []
    page.on(
        "console",
        lambda message: seen.append(message.text) if message.type == "error" else None,
    )
    page.on("pageerror", lambda error: seen.append(str(error)))
    return seen


def test_the_account_page_logs_no_error_and_labels_every_time_zone(site, page, errors):
    log_in(site, page)
    page.goto(site.url + "/admin/account/")
    page.wait_for_load_state("networkidle")
    options = page.locator("select[name='locale-current_time_zone'] option")
    assert options.count() > 1
    assert errors == []
    # Wagtail's script adds the browser's name of each zone: "Asia/Shanghai: GMT+8 (...)"
    assert "GMT+8" in page.locator("option[value='Asia/Shanghai']").text_content()


def test_the_dashboard_and_the_article_editor_log_no_error(site, page, errors):
    log_in(site, page)
    for path in ("/admin/", f"/admin/pages/{seed_page_id(site)}/edit/", "/admin/images/"):
        page.goto(site.url + path)
        page.wait_for_load_state("networkidle")
        assert errors == [], path
