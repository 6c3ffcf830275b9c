"""The Content-Security-Policy blocks nothing the site itself needs."""

import pytest

from demo.content import SEED_ARTICLE
from tests_browser.admin import log_in, seed_page_id
from tests_browser.pages import ALL


def refusals(page):
    messages = []
    page.on(
        "console",
        lambda message: (
            messages.append(message.text)
            if "Content Security Policy" in message.text or "Refused to" in message.text
            else None
        ),
    )
    return messages


@pytest.mark.parametrize(("name", "path"), ALL, ids=[name for name, _ in ALL])
def test_public_pages_break_no_rule_of_their_policy(site, page, name, path):
    messages = refusals(page)
    response = page.goto(site.url + path)
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_load_state("networkidle")
    assert messages == []


def test_editor_works_in_the_admin_under_its_policy(site, page):
    messages = refusals(page)
    log_in(site, page)
    page_id = seed_page_id(site)
    page.goto(f"{site.url}/admin/pages/{page_id}/edit/")
    page.wait_for_load_state("networkidle")
    assert (
        page.locator('input[name="title_zh_hans"]').input_value() == SEED_ARTICLE["title_zh_hans"]
    )
    assert "unsafe-inline" not in policy_of(page, "script-src")
    # what Wagtail's inline initialisers set up works: the date pickers exist (each is made by
    # one), and a related story added to the inline panel gets its page chooser (a script run
    # from a template's copy)
    assert page.locator(".xdsoft_datetimepicker").count() >= 3
    page.locator("#id_related_links-ADD").click()
    page.locator("#id_related_links-0-article-chooser .chooser__choose-button").wait_for()
    page.locator("#id_related_links-0-article-chooser .chooser__choose-button").click()
    page.locator(".modal-dialog").wait_for(state="visible")
    assert messages == []


def policy_of(page, directive):
    policy = page.evaluate(
        "async () => (await fetch(location.href)).headers.get('content-security-policy')"
    )
    return next(part for part in policy.split(";") if part.strip().startswith(directive))
