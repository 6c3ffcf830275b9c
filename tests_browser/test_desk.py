"""The translator's desk in the article editor: glossary terms marked in the English source
with their approved Chinese, and translations from the memory inserted with a click into the
Chinese title and into a Chinese paragraph of the body."""

from playwright.sync_api import expect

from demo.content import SEED_ARTICLE
from tests_browser.admin import log_in, seed_page_id


def test_translator_inserts_translations_from_the_memory(site, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    errors = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    log_in(site, page)
    page.goto(f"{site.url}/admin/pages/{seed_page_id(site)}/edit/")
    page.locator(".desk-panel__summary").click()

    university = page.locator(".desk__source").filter(has_text="Beijing Institute of Technology")
    expect(university.first.locator(".desk__term").first).to_be_visible()
    expect(university.first).to_contain_text("北京理工大学")

    title = page.locator('[name="title_zh_hans"]')
    title.fill("")
    segment = page.locator(".desk__segment").first
    segment.locator("summary").click()
    page.wait_for_load_state("networkidle")
    expect(segment.locator(".desk__score").first).to_have_text("100 %")
    segment.get_by_role("button", name="Insert").first.click()
    expect(title).to_have_value(SEED_ARTICLE["title_zh_hans"])

    editor = (
        page.locator("input[name='body_zh_hans-0-value']")
        .locator("xpath=ancestor::div[contains(@class, 'w-field__input')][1]")
        .locator("[contenteditable=true]")
    )
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    expect(editor).to_have_text("")
    paragraph = page.locator(".desk__segment").filter(
        has=page.locator(".desk__source", has_text="On April 13th, the preparatory meeting")
    )
    paragraph.locator("summary").click()
    page.wait_for_load_state("networkidle")
    paragraph.get_by_role("button", name="Insert").first.click()
    expect(editor).to_have_text(SEED_ARTICLE["body_zh_hans"][0])
    assert errors == []
    context.close()
