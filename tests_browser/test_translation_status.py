"""A translator's path: an English edit shows up on the dashboard, and a review clears it."""

from tests_browser.admin import log_in, seed_page_id
from tests_browser.test_security import refusals


def test_english_draft_makes_chinese_outdated_until_reviewed(site, page):
    messages = refusals(page)
    log_in(site, page)
    assert page.locator("#translation-status-heading").is_visible()

    page_id = seed_page_id(site)
    page.goto(f"{site.url}/admin/pages/{page_id}/edit/")
    page.locator('textarea[name="summary_en"]').fill("A summary rewritten in the browser.")
    page.get_by_role("button", name="Save draft").first.click()
    page.wait_for_load_state("networkidle")

    page.goto(site.url + "/admin/translation-status/?status=outdated&language=zh-hans")
    row = page.locator(
        "tr.translation-status__row", has=page.locator(f'a[href="/admin/pages/{page_id}/edit/"]')
    )
    assert row.count() == 1
    assert "summary" in row.inner_text()
    row.get_by_role("button", name="Mark reviewed").click()
    page.wait_for_load_state("networkidle")
    assert (
        page.locator(f'tr.translation-status__row a[href="/admin/pages/{page_id}/edit/"]').count()
        == 0
    )
    assert messages == []
