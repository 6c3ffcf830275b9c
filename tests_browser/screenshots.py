"""`make screenshots`: home, Focus and the seed article, in both languages, on a phone and a desktop.

Writes docs/screenshots/<page>-<language>-<width>.png from the demo site (what fits in the window).
"""

from playwright.sync_api import sync_playwright

from tests_browser.pages import PAGES
from tests_browser.server import CHROMIUM, CHROMIUM_ARGS, ROOT, demo_server

OUT = ROOT / "docs" / "screenshots"
WINDOWS = {390: 844, 1280: 800}


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    with demo_server() as site, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name in ("home", "focus", "article"):
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
        browser.close()


if __name__ == "__main__":
    main()
