"""The command's options and guarantees on small inputs: dry run, drafts and --publish,
--column, updates of a changed export, nothing half-written when a story fails, an old
address someone else redirected, a story only in Chinese, and the page cache."""

import contextlib
import io
import json
import shutil
import tempfile
from pathlib import Path
from unittest import mock

from django.core.management.base import CommandError
from django.test import TestCase, override_settings
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Revision

from importer.models import ImportedSource
from news.factories import StandardPageFactory
from news.models import ArticlePage, ArticleTranslationState
from news.tests.utils import build_site, research_column

from .utils import EVERYTHING, FIXTURES, import_news, snapshot

SPORTS = FIXTURES / "text" / "sports-day.txt"
SPORTS_OLD_PATH = "/newsevents/focus/2023/0520/c4411a91.htm"
LIBRARY = FIXTURES / "text"  # the English and the GBK Chinese export with their images


class ImportOptionsTests(TestCase):
    def setUp(self):
        self.home, self.index, _ = build_site(articles=0)
        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        self.folder = Path(folder.name)

    def copy(self, source, name=None):
        target = self.folder / (name or source.name)
        shutil.copy(source, target)
        return target

    def test_a_dry_run_writes_nothing_and_reports_what_a_run_would_do(self):
        before = snapshot()
        images_before = get_image_model().objects.count()
        dry_output, dry_rows = import_news(*EVERYTHING, dry_run=True)
        self.assertEqual(snapshot(), before)
        self.assertEqual(get_image_model().objects.count(), images_before)
        self.assertIn("11 created, 0 updated, 0 skipped, 7 failed (dry run", dry_output)
        output, rows = import_news(*EVERYTHING)
        self.assertIn("11 created, 0 updated, 0 skipped, 7 failed", output)
        strip = [{k: v for k, v in row.items() if k not in ("page_id", "address")} for row in rows]
        dry = [
            {k: v for k, v in row.items() if k not in ("page_id", "address")} for row in dry_rows
        ]
        self.assertEqual(dry, strip)

    def test_articles_are_drafts_unless_published(self):
        import_news(SPORTS)
        sports = ArticlePage.objects.get(title_en__startswith="Three thousand runners")
        self.assertFalse(sports.live)
        # no redirect yet: the old address would send readers to a 404
        self.assertEqual(self.client.get(SPORTS_OLD_PATH).status_code, 404)
        self.assertEqual(self.client.get(f"/en/news/{sports.slug_en}/").status_code, 404)
        output, rows = import_news(SPORTS, publish=True)
        self.assertEqual((rows[0]["status"], rows[0]["reason"]), ("updated", "published"))
        sports.refresh_from_db()
        self.assertTrue(sports.live)
        self.assertEqual(self.client.get(f"/en/news/{sports.slug_en}/").status_code, 200)
        old = self.client.get(SPORTS_OLD_PATH)
        self.assertEqual((old.status_code, old["Location"]), (301, f"/en/news/{sports.slug_en}/"))

    def test_a_draft_published_in_the_admin_gets_its_redirect_then(self):
        import_news(SPORTS)
        self.assertEqual(Redirect.objects.count(), 0)
        sports = ArticlePage.objects.get()
        sports.get_latest_revision().publish()
        old = self.client.get(SPORTS_OLD_PATH)
        self.assertEqual((old.status_code, old["Location"]), (301, f"/en/news/{sports.slug_en}/"))
        self.assertEqual(ImportedSource.objects.get().redirect, Redirect.objects.get())

    def test_no_redirect_is_made_from_an_address_of_this_site(self):
        StandardPageFactory(parent=self.home, slug_en="contact", slug_zh_hans="lianxi")
        export = self.folder / "own.jsonl"
        lines = []
        for n, path in enumerate(
            ["/en/contact", "/en/news/focus", "/en/search/", "/zh-hans/lianxi"]
        ):
            record = {
                "source_url": f"https://news.example.edu.cn{path}",
                "language": "en",
                "title": f"A story filed under an address of ours {n}",
                "date": "2024-01-05",
                "body_html": "<p>A paragraph long enough to be the body of a story.</p>",
            }
            lines.append(json.dumps(record))
        export.write_text("\n".join(lines) + "\n", encoding="utf-8")
        output, rows = import_news(export, publish=True, mapping=None)
        self.assertEqual([row["status"] for row in rows], ["created"] * 4)
        self.assertEqual(Redirect.objects.count(), 0)
        self.assertIn("/en/contact is an address of this site: no redirect made", output)
        self.assertEqual(self.client.get("/en/contact/").status_code, 200)
        self.assertEqual(self.client.get("/en/contact").status_code, 301)  # the slash added
        self.assertEqual(self.client.get("/en/contact")["Location"], "/en/contact/")

    def test_a_story_file_linked_from_outside_the_folder_is_not_read(self):
        outside = tempfile.TemporaryDirectory()
        self.addCleanup(outside.cleanup)
        secret = Path(outside.name) / "secret.txt"
        shutil.copy(SPORTS, secret)
        (self.folder / "linked.txt").symlink_to(secret)
        output, rows = import_news(self.folder)
        self.assertEqual(rows[0]["status"], "failed")
        self.assertIn("a link to a file outside the folder given", rows[0]["reason"])
        self.assertEqual(ArticlePage.objects.count(), 0)

    def test_a_file_over_the_size_limit_is_refused_before_it_is_read(self):
        big = self.folder / "big.txt"
        with open(big, "wb") as file:
            file.truncate(2 * 1024 * 1024 + 1)  # sparse: nothing to read in it anyway
        with (
            override_settings(IMPORT_MAX_FILE_MB=2),
            mock.patch("importer.sources.text.read", side_effect=AssertionError("read")),
        ):
            output, rows = import_news(big, mapping=None)
        self.assertEqual(rows[0]["status"], "failed")
        self.assertIn("over the 2 MB a story file may have", rows[0]["reason"])
        self.assertIn("1 failed", output)

    def test_a_progress_bar_is_shown_when_asked(self):
        stderr = io.StringIO()
        with contextlib.redirect_stderr(stderr):
            import_news(SPORTS, progress="on")
        self.assertIn("Importing: 100%", stderr.getvalue())
        self.assertIn("1/1", stderr.getvalue())

    def test_column_files_the_articles_and_an_unknown_one_is_refused(self):
        column = research_column()
        import_news(SPORTS, column="keyan")  # the Chinese slug works as well as the name
        self.assertEqual(ArticlePage.objects.get().column, column)
        with self.assertRaisesMessage(CommandError, "Unknown column 'nope'"):
            import_news(SPORTS, column="nope")

    def test_a_changed_export_updates_its_article_with_a_new_revision(self):
        export = self.copy(SPORTS)
        import_news(export, publish=True)
        page = ArticlePage.objects.get()
        revisions = Revision.objects.count()
        export.write_text(export.read_text().replace("forty events", "forty-two events"))
        output, rows = import_news(export, publish=True)
        self.assertEqual(rows[0]["status"], "updated")
        self.assertEqual(ArticlePage.objects.count(), 1)
        self.assertEqual(Revision.objects.count(), revisions + 1)
        page.refresh_from_db()
        self.assertIn("forty-two events", page.body_en.raw_data[0]["value"])
        self.assertEqual(Redirect.objects.count(), 1)

    def test_a_story_failing_half_way_leaves_nothing_behind(self):
        images = get_image_model().objects.count()
        with mock.patch(
            "importer.redirects.Redirect.objects.create", side_effect=RuntimeError("disk full")
        ):
            output, rows = import_news(LIBRARY, mapping=None, publish=True)
        failed = [row for row in rows if row["status"] == "failed"]
        self.assertEqual(len(failed), 3)  # the pair (two rows) and the sports story
        self.assertEqual(failed[0]["reason"], "RuntimeError: disk full")
        self.assertEqual(ArticlePage.objects.count(), 0)
        self.assertEqual(Redirect.objects.count(), 0)
        self.assertEqual(ImportedSource.objects.count(), 0)
        self.assertEqual(get_image_model().objects.count(), images)
        self.assertEqual(ArticleTranslationState.objects.count(), 0)

    def test_an_old_address_redirected_elsewhere_is_left_alone_and_said(self):
        Redirect.objects.create(old_path=SPORTS_OLD_PATH, redirect_link="/en/about/")
        output, rows = import_news(SPORTS, publish=True)
        self.assertEqual(rows[0]["status"], "created")
        self.assertIn(f"{SPORTS_OLD_PATH} already redirects to /en/about/: left alone", output)
        self.assertEqual(Redirect.objects.get().redirect_link, "/en/about/")
        import_news(SPORTS, publish=True)  # and again on a re-run: still not ours
        self.assertEqual(Redirect.objects.count(), 1)

    def test_a_story_only_in_chinese_is_hidden_in_english_and_redirects_to_chinese(self):
        export = self.folder / "zh.jsonl"
        record = {
            "source_url": "https://news.old.example.edu.cn/xww/tzgg/2024/0105/c5525a170.htm",
            "language": "zh-CN",
            "title": "寒假期间校园班车时刻调整",
            "date": "2024-01-05",
            "body_html": "<p>寒假期间，校园班车每天上午和下午各发一班，具体时刻见校园网通知。</p>",
        }
        export.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
        import_news(export, publish=True)
        page = ArticlePage.objects.get()
        self.assertEqual(page.title_zh_hans, "寒假期间校园班车时刻调整")
        self.assertFalse(page.public_en)
        self.assertTrue(page.public_zh_hans)
        response = self.client.get("/xww/tzgg/2024/0105/c5525a170.htm?a=b")
        self.assertEqual(response.status_code, 301)
        self.assertTrue(response["Location"].startswith("/zh-hans/xinwen/"))
        self.assertContains(self.client.get(response["Location"]), "寒假期间校园班车时刻调整")

    def test_the_page_cache_keeps_no_404_for_an_old_address(self):
        self.assertEqual(self.client.get(SPORTS_OLD_PATH).status_code, 404)
        import_news(SPORTS, publish=True)
        self.assertEqual(self.client.get(SPORTS_OLD_PATH).status_code, 301)

    def test_a_text_export_without_a_date_fails_with_its_reason(self):
        export = self.folder / "undated.txt"
        export.write_text("News&Events\nA headline\n\nA paragraph long enough to be a story.\n")
        output, rows = import_news(export, mapping=None)
        self.assertEqual(rows[0]["status"], "failed")
        self.assertIn("no date", rows[0]["reason"])
        self.assertEqual(rows[0]["source_url"], "file:undated.txt")
