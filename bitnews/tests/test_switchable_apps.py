"""search, stats, api, desk, newsletter, press and coverage are apps of their own: with any
removed from INSTALLED_APPS the site still works, and only what that app adds is gone (news
names none; news/extensions.py)."""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent

SCRIPT = textwrap.dedent(
    """
    import json, os, django
    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from django.utils import translation
    call_command("migrate", interactive=False, verbosity=0)
    call_command("check", fail_level="WARNING")
    from news.tests.utils import build_site
    _, _, (article,) = build_site(articles=1)
    client = Client()
    pages = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            url, title = article.get_url(), article.title
        response = client.get(url)
        pages[language] = {"status": response.status_code, "title": title,
                           "html": response.content.decode()}
    from django.contrib.auth import get_user_model
    client.force_login(get_user_model().objects.create_superuser("boss", "", "pw"))
    editor = client.get(f"/admin/pages/{article.pk}/edit/")
    dashboard = client.get("/admin/translation-status/")
    print(json.dumps({
        "editor": editor.status_code,
        "desk": "desk/js/desk.js" in editor.content.decode(),
        "dashboard": dashboard.status_code,
        "queue": "/admin/translation-queue/" in dashboard.content.decode(),
        "pages": pages,
        "search": client.get("/en/search/?q=article").status_code,
        "beacon": client.post(f"/en/views/{article.pk}/", HTTP_ORIGIN="http://testserver").status_code,
        "api": client.get("/api/v2/articles/").status_code,
        "coverage": client.get("/en/in-the-media/").status_code,
        "newsletter": client.get("/en/newsletter/").status_code,
        "press": client.get("/en/press/").status_code,
    }))
    """
)


def site_without(app, tmp_path):
    """The article in each language and the status of the search and the beacon, from a
    process whose settings leave `app` out."""
    (tmp_path / "settings_without.py").write_text(
        "from bitnews.settings.test import *  # noqa\n"
        f"INSTALLED_APPS = [name for name in INSTALLED_APPS if name != {app!r}]\n"
        f"MEDIA_ROOT = {str(tmp_path / 'media')!r}\n"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "settings_without",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)]),
    }
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("app", ["stats", "search", "api"])
def test_the_site_works_without_the_app_and_shows_nothing_of_it(app, tmp_path):
    site = site_without(app, tmp_path)
    for language, page in site["pages"].items():
        html = page["html"]
        assert page["status"] == 200, language
        assert f'<h1 class="page-title">{page["title"]}</h1>' in html, language
        # What the removed app adds is gone; what the other one adds is still there.
        stats_shown = "data-view-count-url" in html and "views.js" in html
        search_shown = 'class="site-search"' in html
        assert (stats_shown, search_shown) == (app != "stats", app != "search"), language
    assert site["api"] == (404 if app == "api" else 200)
    if app == "stats":
        assert site["beacon"] == 405  # a page address, which takes no POST
        assert site["search"] == 200
    elif app == "search":
        assert site["search"] == 404
        assert site["beacon"] == 204


def test_the_editor_and_translation_status_work_without_the_translators_desk(tmp_path):
    site = site_without("desk", tmp_path)
    assert (site["editor"], site["dashboard"]) == (200, 200)
    assert (site["desk"], site["queue"]) == (False, False)
    for page in site["pages"].values():
        assert page["status"] == 200


def test_the_site_works_without_the_press_room_and_links_it_nowhere(tmp_path):
    site = site_without("press", tmp_path)
    for language, page in site["pages"].items():
        assert page["status"] == 200, language
        assert "/press/" not in page["html"], language
    assert site["press"] == 404
    assert site["editor"] == 200  # the article editor, whose release flag stays (a news field)


def test_with_the_desk_the_editor_has_it_and_the_dashboard_leads_to_its_queue(tmp_path):
    site = site_without("no-such-app", tmp_path)
    assert (site["desk"], site["queue"]) == (True, True)
    # and, with "In the media" installed, every page links it
    assert site["coverage"] == 200
    for page in site["pages"].values():
        assert "/in-the-media/" in page["html"]
    # and with the newsletter, its form and its footer link in each language
    assert site["newsletter"] == 200
    for language, page in site["pages"].items():
        assert f'<a href="/{language}/newsletter/">' in page["html"], language
    # and with the press room, every page's footer links it in its language
    assert site["press"] == 200
    for language, page in site["pages"].items():
        assert f'<a href="/{language}/press/">' in page["html"], language


def test_the_site_works_without_in_the_media_and_links_it_nowhere(tmp_path):
    site = site_without("coverage", tmp_path)
    assert site["coverage"] == 404
    for language, page in site["pages"].items():
        assert page["status"] == 200, language
        assert "/in-the-media/" not in page["html"], language
        # news's own footer links stay
        assert "site-footer__corrections" in page["html"], language


def test_the_site_works_without_the_newsletter_and_links_to_no_form(tmp_path):
    site = site_without("newsletter", tmp_path)
    assert site["newsletter"] == 404
    for language, page in site["pages"].items():
        assert page["status"] == 200, language
        assert f'<h1 class="page-title">{page["title"]}</h1>' in page["html"], language
        assert "/newsletter/" not in page["html"], language
