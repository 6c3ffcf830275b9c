"""A translator's path through the side-by-side editor: from the dashboard to an English-only
article, both titles on one row (stacked on a narrow window), a Chinese title typed, the
English body copied into the Chinese one (outdated on the dashboard), then translated (up to
date)."""

import secrets
import sqlite3
import subprocess
import sys

from playwright.sync_api import expect

from demo.content import SEED_ARTICLE
from tests_browser.admin import log_in, seed_page_id
from tests_browser.pages import UNTRANSLATED
from tests_browser.server import ROOT
from tests_browser.test_security import refusals

UNTRANSLATED_SLUG = UNTRANSLATED["slug_en"]
TITLE = "国际学生：报名结对中文语伴"
PASSWORD = secrets.token_urlsafe(12)  # a fresh one for each run


def make_translator(site):
    """A member of Translators in the demo server's database (as an admin would add one)."""
    code = (
        "from django.contrib.auth.models import Group, User;"
        "user, _ = User.objects.get_or_create(username='translator');"
        f"user.set_password({PASSWORD!r}); user.save();"
        "user.groups.set([Group.objects.get(name='Translators / 译者')])"
    )
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "shell", "-c", code],
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "bitnews.settings.test",
            "DATABASE_URL": f"sqlite:///{site.database}",
        },
        check=True,
        capture_output=True,
    )


def log_in_as_translator(site, page):
    log_in(site, page, "translator", PASSWORD)


def box(page, name):
    return page.locator(f'[name="{name}"]').bounding_box()


def test_translator_translates_an_article_side_by_side(site, browser):
    make_translator(site)
    with sqlite3.connect(site.database) as db:
        (page_id,) = db.execute(
            "SELECT id FROM wagtailcore_page WHERE slug_en = ?", (UNTRANSLATED_SLUG,)
        ).fetchone()
    edit_link = f'a[href="/admin/pages/{page_id}/edit/"]'
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    messages = refusals(page)

    log_in_as_translator(site, page)

    page.goto(site.url + "/admin/translation-status/?status=missing&language=zh-hans")
    row = page.locator("tr.translation-status__row", has=page.locator(edit_link))
    assert row.count() == 1
    row.locator(edit_link).first.click()
    page.wait_for_url(f"{site.url}/admin/pages/{page_id}/edit/")
    page.wait_for_load_state("networkidle")

    # Side by side on a wide window, English on the left; stacked, English first, when narrow.
    english, chinese = box(page, "title_en"), box(page, "title_zh_hans")
    assert abs(english["y"] - chinese["y"]) < 1
    assert english["x"] + english["width"] <= chinese["x"]
    page.set_viewport_size({"width": 800, "height": 900})
    english, chinese = box(page, "title_en"), box(page, "title_zh_hans")
    assert english["y"] + english["height"] <= chinese["y"]
    assert abs(english["x"] - chinese["x"]) < 1
    page.set_viewport_size({"width": 1280, "height": 900})

    # Translators see the text fields only.
    assert page.locator('[name="news_date"]').count() == 0
    assert page.locator('[name="focus"]').count() == 0

    page.locator('input[name="title_zh_hans"]').fill(TITLE)
    page.locator('textarea[name="summary_zh_hans"]').fill(
        "国际学生中心为报名的国际学生结对中文语伴。"
    )
    page.locator("footer .w-dropdown__toggle").click()
    page.get_by_role("button", name="Save draft and copy English body to Chinese").click()
    page.wait_for_url(f"{site.url}/admin/pages/{page_id}/edit/")
    page.wait_for_load_state("networkidle")
    assert page.get_by_text("The English body was copied into the Chinese body.").is_visible()
    assert page.locator('input[name="title_zh_hans"]').input_value() == TITLE
    english_blocks = page.locator('[data-contentpath="body_en"] [data-contentpath]').count()
    chinese_blocks = page.locator('[data-contentpath="body_zh_hans"] [data-contentpath]').count()
    assert english_blocks > 0
    assert chinese_blocks == english_blocks

    page.goto(site.url + "/admin/translation-status/?status=missing&language=zh-hans")
    assert page.locator(f"tr.translation-status__row {edit_link}").count() == 0
    # The copied body is English text: outdated until the translator works on it.
    page.goto(site.url + "/admin/translation-status/?status=outdated&language=zh-hans")
    row = page.locator("tr.translation-status__row", has=page.locator(edit_link))
    assert row.count() == 1
    assert "body" in row.inner_text()

    row.locator(edit_link).first.click()
    page.wait_for_url(f"{site.url}/admin/pages/{page_id}/edit/")
    page.wait_for_load_state("networkidle")
    chinese_text = page.locator(
        '[data-contentpath="body_zh_hans"] .public-DraftEditor-content'
    ).first
    chinese_text.click()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text("国际学生中心为每位报名的国际学生结对一名中国学生语伴。")
    assert (
        chinese_text.inner_text().strip()
        == "国际学生中心为每位报名的国际学生结对一名中国学生语伴。"
    )
    # Draftail writes its hidden input a moment after the last keystroke.
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-contentpath=body_zh_hans] input')]"
        ".some(input => input.value.includes('中国学生语伴'))"
    )
    page.get_by_role("button", name="Save draft").first.click()
    page.wait_for_load_state("networkidle")
    page.goto(site.url + "/admin/translation-status/?status=current&language=zh-hans")
    assert page.locator(f"tr.translation-status__row {edit_link}").count() == 1

    history = f"{site.url}/admin/pages/{page_id}/history/"
    page.goto(history)
    assert page.get_by_text("Copied the English body into the Chinese body").first.is_visible()
    assert messages == []
    context.close()


def test_preview_panel_shows_the_article_in_english_or_chinese(site, browser):
    make_translator(site)
    page_id = seed_page_id(site)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    messages = refusals(page)
    log_in_as_translator(site, page)
    page.goto(f"{site.url}/admin/pages/{page_id}/edit/")
    page.wait_for_load_state("networkidle")
    page.locator('[data-side-panel-toggle="preview"]').click()
    # Wagtail swaps in a new iframe on every refresh: look at the newest.
    preview = page.locator("iframe.w-preview__iframe").last.content_frame
    expect(preview.locator("html")).to_have_attribute("lang", "en")
    expect(preview.locator("h1").first).to_have_text(SEED_ARTICLE["title_en"])

    # Wagtail drops a mode change made while a preview refresh is under way (its
    # setPreviewData returns the pending update): choose the mode once the panel is idle.
    page.wait_for_load_state("networkidle")
    with page.expect_response(lambda response: "mode=zh-hans" in response.url):
        page.get_by_label("Preview mode").select_option(label="中文")
    preview = page.locator("iframe.w-preview__iframe").last.content_frame
    expect(preview.locator("html")).to_have_attribute("lang", "zh-hans")
    expect(preview.locator("h1").first).to_have_text(SEED_ARTICLE["title_zh_hans"])
    assert messages == []
    context.close()
