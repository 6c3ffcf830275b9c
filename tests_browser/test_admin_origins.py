"""Nothing in the admin loads from another origin, for a user with an e-mail address (whom
Wagtail would show a Gravatar): every request of the dashboard, the article editor and the
image library goes to the site itself."""

import sqlite3

import pytest

from tests_browser.admin import log_in, seed_page_id

EMAIL = "admin@example.edu.cn"


@pytest.fixture
def admin_with_email(site):
    """The demo admin, given an e-mail address for the test."""
    with sqlite3.connect(site.database) as db:
        db.execute("UPDATE auth_user SET email = ? WHERE username = 'admin'", (EMAIL,))
    yield
    with sqlite3.connect(site.database) as db:
        db.execute("UPDATE auth_user SET email = '' WHERE username = 'admin'")


def elsewhere(site, requested):
    """The requests that left the site's origin (data: and blob: URLs are no request)."""
    return [url for url in requested if not url.startswith((site.url + "/", "data:", "blob:"))]


def test_admin_pages_load_nothing_from_another_origin(site, page, admin_with_email):
    requested, refused = [], []
    page.on("request", lambda request: requested.append(request.url))
    # a request the admin's CSP blocks never reaches the network: count its refusal too
    page.on(
        "console",
        lambda message: refused.append(message.text) if "Refused to" in message.text else None,
    )
    log_in(site, page)
    for path in ("/admin/", f"/admin/pages/{seed_page_id(site)}/edit/", "/admin/images/"):
        page.goto(site.url + path)
        page.wait_for_load_state("networkidle")
        assert page.locator("img.avatar, .avatar img").count() >= 1, path  # the avatar is there
        assert elsewhere(site, requested) == [], path
        assert refused == [], path
    assert any("/admin/images/" in url for url in requested)
