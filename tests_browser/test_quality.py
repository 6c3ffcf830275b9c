"""Accessibility and small screens, checked in Chromium on every page in both languages."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests_browser.pages import ALL

axe = Axe()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("name", "path"), ALL, ids=[name for name, _ in ALL])
def test_axe_finds_no_accessibility_violation(site, browser, name, path, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site.url + path)
    results = axe.run(page)
    context.close()
    violations = [
        (v["id"], v["impact"], [node["target"] for node in v["nodes"]][:3])
        for v in results.response["violations"]
    ]
    assert violations == []


@pytest.mark.parametrize(("name", "path"), ALL, ids=[name for name, _ in ALL])
def test_no_horizontal_scrolling_at_320px_and_tap_targets_are_44px(site, browser, name, path):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(site.url + path)
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    small_targets = page.evaluate(
        """() => [...document.querySelectorAll(
              'header a, nav a, footer a, button, .pagination a, .section__more')]
            .filter(el => el.offsetParent !== null)
            .map(el => [el.textContent.trim().slice(0, 30), el.getBoundingClientRect().height])
            .filter(([, height]) => height < 44)"""
    )
    context.close()
    assert widths[0] <= widths[1]
    assert small_targets == []
