"""Browser tests: Debian's Chromium, driven by Playwright, against a real server.

The session starts `manage.py runserver` with its own SQLite database, migrated
and filled by `load_demo`, exactly as `make run` does (tests_browser/server.py).
"""

import os

import pytest
from playwright.sync_api import sync_playwright

from tests_browser.server import CHROMIUM, CHROMIUM_ARGS, MAP_KEY, demo_server


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    with demo_server(tmp_path_factory.mktemp("site"), BAIDU_MAP_AK=MAP_KEY) as server:
        yield server


@pytest.fixture(scope="session")
def browser():
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: `make test-browser` installs Debian's chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    yield page
    context.close()
