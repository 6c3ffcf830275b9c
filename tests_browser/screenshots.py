"""`make screenshots`: home, Focus, the seed article and an event, in both languages, on a phone and a desktop;
the translation status dashboard and the side-by-side article editor in the admin.

Writes docs/screenshots/<page>-<language>-<width>.png and admin-<view>-1280.png from the demo
site (what fits in the window).
"""

from playwright.sync_api import sync_playwright

from tests_browser.admin import log_in, seed_page_id
from tests_browser.pages import PAGES
from tests_browser.server import CHROMIUM, CHROMIUM_ARGS, ROOT, demo_server

OUT = ROOT / "docs" / "screenshots"
WINDOWS = {390: 844, 1280: 800}


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    with demo_server() as site, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name in ("home", "focus", "article", "event"):
            for language, path in zip(("en", "zh-hans"), PAGES[name], strict=True):
                for width, height in WINDOWS.items():
                    context = browser.new_context(viewport={"width": width, "height": height})
                    page = context.new_page()
                    page.goto(site.url + path, timeout=120_000)
                    page.wait_for_load_state("networkidle")
                    file = OUT / f"{name}-{language}-{width}.png"
                    page.screenshot(path=file)
                    context.close()
                    print(file.relative_to(ROOT))
        admin_screenshots(browser, site)
        browser.close()


def admin_screenshots(browser, site):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    log_in(site, page)
    page_id = seed_page_id(site)
    for name, path, show in (
        ("translation-status", "/admin/translation-status/", None),
        ("side-by-side", f"/admin/pages/{page_id}/edit/", '[data-contentpath="summary_en"]'),
    ):
        page.goto(site.url + path)
        page.wait_for_load_state("networkidle")
        if show:
            page.locator(show).scroll_into_view_if_needed()
        file = OUT / f"admin-{name}-1280.png"
        page.screenshot(path=file)
        print(file.relative_to(ROOT))
    # The translator's desk above the editor, a segment opened with the memory's suggestions.
    page.goto(f"{site.url}/admin/pages/{page_id}/edit/")
    page.locator(".desk-panel__summary").click()
    page.locator(".desk__segment summary").nth(1).click()
    page.wait_for_load_state("networkidle")
    file = OUT / "admin-translator-desk-1280.png"
    page.screenshot(path=file)
    print(file.relative_to(ROOT))
    context.close()


if __name__ == "__main__":
    main()
