"""What the admin browser tests share: signing in and finding the seed article's page id."""

import sqlite3

from demo.content import SEED_ARTICLE


def log_in(site, page, username="admin", password=None):
    """Sign in on the demo server's admin login form (the demo admin by default)."""
    page.goto(site.url + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password or site.password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(site.url + "/admin/")


def seed_page_id(site):
    """The seed article's page id in the demo server's database."""
    with sqlite3.connect(site.database) as db:
        (page_id,) = db.execute(
            "SELECT id FROM wagtailcore_page WHERE slug_en = ?", (SEED_ARTICLE["slug_en"],)
        ).fetchone()
    return page_id
