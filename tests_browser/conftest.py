"""Browser tests: Debian's Chromium, driven by Playwright, against a real server.

The session starts `manage.py runserver` with its own SQLite database, migrated
and filled by `load_demo`, exactly as `make run` does (tests_browser/server.py).
Tests that need pages the demo lacks make them with the factories and use pytest-django's
`live_server` on the test database (`migrated_state`).
"""

import os

import pytest
from django.db import connections
from playwright.sync_api import sync_playwright
from wagtail.models import Page

from tests_browser.server import CHROMIUM, CHROMIUM_ARGS, MAP_KEY, demo_server

# Playwright's sync API keeps an event loop running in this thread, which makes Django refuse
# the ORM here; the tests' own writes, made before each page is loaded, run alone.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
_MIGRATED = {}  # the test database as the migrations left it, serialized once


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


@pytest.fixture
def migrated_state(browser, transactional_db):
    """For a test on `live_server` (transactional: the database is emptied after it): what the
    migrations made (Wagtail's root page, locale, groups) is put back before the next one.

    pytest-django does it from the contents serialized with the database, kept on the
    connection object; but once Playwright runs, its event loop makes asgiref give this thread
    another connection object (to the same in-memory database), without them. They are taken
    again, while the database is still as migrated, and kept on the connection now in use.
    """
    connection = connections["default"]
    if not hasattr(connection, "_test_serialized_contents"):
        if "contents" not in _MIGRATED:
            if Page.objects.count() != 2:  # the root and Wagtail's welcome page, nothing else
                pytest.fail("the test database was changed before it could be serialized")
            _MIGRATED["contents"] = connection.creation.serialize_db_to_string()
        connection._test_serialized_contents = _MIGRATED["contents"]
