"""Every admin address Wagtail registers, walked as each role: what a GET answers and whether a
POST changes the database, against the reviewed table in `admin_access.txt`.

The addresses come from Django's URL resolver (every pattern under `admin/`, and every bulk
action Wagtail's registry holds), not from a hand-written list, so an address a new Wagtail
or a new hook adds shows up here as a row missing from the table. Each address's parameters
are filled with real objects of a small newsroom (an article, its revision, an image, a
document, a column, a tag, a user, a group, a workflow...).

- GET: `200`, a redirect (`>login` to the login page, `>home` Wagtail's "permission denied",
  `>other` elsewhere), or the status (403, 404, 405, 400).
- POST (empty, as a forged or replayed request would be), inside a savepoint rolled back
  afterwards: `w` when any row of the content, media, user or permission tables changed, `-`
  when none did. A role whose row says `-` cannot change anything through that address,
  whatever it sends with the request; `w` is reviewed: the role may do it.

`ADMIN_ACCESS_WRITE=1 pytest news/tests/test_admin_access.py` rewrites the table from what it
observed, to review the difference in git.
"""

import datetime
import hashlib
import os
import re
from pathlib import Path

from django.apps import apps
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.test import TestCase
from django.urls import URLResolver, get_resolver
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, Task, Workflow

from news.factories import ArticlePageFactory
from news.models import ArticleTag, Column
from news.newsroom.roles import CHIEF_EDITORS, EDITORS, MODERATORS, REVIEW_WORKFLOW, TRANSLATORS
from news.tests.utils import build_site, member

TABLE = Path(__file__).with_name("admin_access.txt")
ROLES = ("anonymous", "Editors", "Moderators", "Translators", "Chief editors")
GROUPS = dict(zip(ROLES[1:], (EDITORS, MODERATORS, TRANSLATORS, CHIEF_EDITORS), strict=True))
# Tables every visit may write to, whoever makes it: sessions, the user's admin profile and
# last login, who is editing what, dismissed hints, uploads in progress.
VOLATILE = {
    "sessions.session",
    "wagtailusers.userprofile",
    "wagtailadmin.editingsession",
    "wagtailadmin.admin",
    "wagtailcore.uploadedfile",
}
WATCHED_APPS = {
    "auth",
    "otp_static",
    "otp_totp",
    "news",
    "stats",
    "taggit",
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "wagtailredirects",
    "wagtailusers",
    "wagtailadmin",
    "desk",  # the glossary, claims (the translators' desk, while installed)
    "coverage",  # "In the media"'s clips (while installed)
    "newsletter",  # its subscribers (while installed)
    "press",  # media contacts, preview links (the press room, while installed)
}


def admin_patterns(patterns=None, prefix=""):
    """(route, name) of every URL pattern under `admin/`."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from admin_patterns(pattern.url_patterns, route)
        elif route.startswith("admin/"):
            yield route, pattern.name


def fingerprint():
    """A digest of every row of the watched tables (content, media, users, permissions)."""
    digests = {}
    for model in apps.get_models():
        label = model._meta.label_lower
        if model._meta.app_label not in WATCHED_APPS or label in VOLATILE:
            continue
        table = connection.ops.quote_name(model._meta.db_table)
        with connection.cursor() as cursor:  # the stored values, as the database holds them
            cursor.execute(f"SELECT * FROM {table} ORDER BY 1")  # noqa: S608 - a model's table
            digests[label] = hashlib.sha256(repr(cursor.fetchall()).encode()).hexdigest()
    return digests


class AdminAccessTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, (cls.article,) = build_site(articles=1)
        cls.draft = ArticlePageFactory(parent=cls.index, live=False)
        for page in (cls.article, cls.draft, cls.home):
            page.save_revision()  # a draft over the live version: revisions to compare
        # Each address about one page is walked with each of these.
        cls.targets = {"article": cls.article, "draft": cls.draft, "home": cls.home}
        cls.users = {
            role: member(GROUPS[role], role.lower().replace(" ", "-")) for role in ROLES[1:]
        }
        cls.other_user = member(EDITORS, "colleague")  # with two-step verification on
        TOTPDevice.objects.create(user=cls.other_user, name="phone", confirmed=True)
        StaticDevice.objects.create(user=cls.other_user, name="codes").token_set.create(
            token="recover1"
        )
        cls.image = Image.objects.create(title="lab", file=get_test_image_file())
        cls.document = Document.objects.create(
            title="report", file=ContentFile(b"%PDF-1.4 report", name="report.pdf")
        )
        cls.collection = Collection.get_first_root_node().add_child(name="Events")
        cls.column = Column.objects.first() or Column.objects.create(
            name_en="Campus", slug_en="campus", name_zh_hans="校园", slug_zh_hans="xiaoyuan"
        )
        cls.tag = ArticleTag.objects.create(name="robots", slug="robots")
        cls.workflow = Workflow.objects.get(name=REVIEW_WORKFLOW)
        cls.task = Task.objects.filter(active=True).first()
        # The translators' desk's glossary, when installed (news imports no app above it).
        cls.term = (
            apps.get_model("desk", "GlossaryTerm").objects.create(term="BIT")
            if apps.is_installed("desk")
            else None
        )
        # "In the media"'s clips, when installed.
        cls.clip = (
            apps.get_model("coverage", "CoverageClip").objects.create(
                outlet="China Daily",
                headline="Rover",
                published="2024-05-03",
                url="https://example.com/rover",
            )
            if apps.is_installed("coverage")
            else None
        )
        # A newsletter subscriber, when the newsletter is installed.
        cls.subscriber = (
            apps.get_model("newsletter", "Subscriber").objects.create(email="reader@example.org")
            if apps.is_installed("newsletter")
            else None
        )
        # The press room's, when installed: the live article is a press release with a preview
        # link, and a media contact.
        cls.press_link = cls.contact = None
        if apps.is_installed("press"):
            type(cls.article).objects.filter(pk=cls.article.pk).update(press_release=True)
            cls.press_link = apps.get_model("press", "PreviewLink").objects.create(
                page_id=cls.article.pk,
                name="Xinhua",
                token_hash="0" * 64,
                expires_at=datetime.datetime(2099, 1, 1, tzinfo=datetime.UTC),
            )
            cls.contact = apps.get_model("press", "MediaContact").objects.create(
                name_en="Zhang Min", name_zh_hans="张敏", role_en="Press", role_zh_hans="新闻"
            )
        # The newsletter's issues (a snippet with drafts and revisions), when installed.
        cls.issue = None
        if apps.is_installed("newsletter"):
            cls.issue = apps.get_model("newsletter", "NewsletterIssue").objects.create(
                subject="Week", live=False
            )
            cls.issue.save_revision()
            cls.issue.save_revision()

    def fill(self, route, article):
        """The route with its parameters filled by this newsroom's objects; `article` is the
        page an address about one page is about."""
        article = type(article).objects.get(pk=article.pk)
        index = self.index
        section = route.split("/")[1]
        pk = {
            "collections": self.collection.pk,
            "workflows": self.workflow.pk,
            "users": self.other_user.pk,
            "groups": Group.objects.get(name=EDITORS).pk,
            "sites": index.get_site().pk,
            # a site setting's edit view takes the site's key, not the setting row's (which
            # named another site, or none, as the tests before it had used the sequences)
            "settings": index.get_site().pk,
            "glossary": self.term.pk if self.term else None,
            "press": self.press_link.pk if self.press_link else None,
        }.get(section)
        if "/tasks/" in route or "task_chooser" in route:
            pk = self.task.pk
        if "/subscribers/" in route:
            pk = self.subscriber.pk
        issue_route = "/newsletterissue/" in route or "newsletter/issues/" in route
        if section == "snippets":
            pk = self.column.pk if "/column/" in route else self.tag.pk
            if "/coverageclip/" in route:
                pk = self.clip.pk
            if "/mediacontact/" in route:
                pk = self.contact.pk
            if issue_route:
                pk = self.issue.pk
        if section == "api":
            pk = {"pages": article.pk, "documents": self.document.pk, "images": self.image.pk}[
                route.split("/")[3].lstrip("^")
            ]
        if section in ("images", "documents") and "chooser" in route:
            pk = self.image.pk if section == "images" else self.document.pk
        values = {
            "pk": pk,
            "page_id": article.pk,
            "page_pk": article.pk,
            "page_to_move_id": article.pk,
            "parent_page_id": index.pk,
            "destination_id": index.pk,
            "revision_id": article.latest_revision_id,
            "image_id": self.image.pk,
            "document_id": self.document.pk,
            "doc_id": self.document.pk,
            "collection_id": self.collection.pk,
            "workflow_pk": self.workflow.pk,
            "task_id": self.task.pk,
            "uploaded_file_id": 999999,
            "task_state_id": 999999,
            "workflow_state_id": 999999,
            "session_id": 999999,
            "redirect_id": 999999,
            "user_id": self.other_user.pk,
            "content_type_app_name": "news",
            "content_type_model_name": "articlepage",
            "app_label": "wagtailcore" if "tasks" in route else "news",
            "model_name": "groupapprovaltask" if "tasks" in route else "articlepage",
            "app_name": "news",
            "object_id": article.pk,
            "action_name": "approve",
            "filter_spec": "max-100x100",
            "language": "zh-hans",
            "uidb64": "MQ",
            "token": "not-a-token",
        }
        if issue_route:
            revisions = list(self.issue.revisions.order_by("pk").values_list("pk", flat=True))
            values.update(
                issue_id=self.issue.pk,
                revision_id=revisions[-1],
                revision_id_a=revisions[0],
                revision_id_b=revisions[-1],
            )
        if section in ("settings", "tag-autocomplete"):
            values["model_name"] = "sitesettings" if section == "settings" else "articletag"
        if "editing-sessions" in route:
            values.update(app_label="wagtailcore", model_name="page")
        route = re.sub(r"\(\?P<page_id>[^)]*\)", str(article.pk), route)
        route = route.replace(
            r"^(\d+)/revisions/compare/(live|earliest|\d+)\.\.\.(live|latest|\d+)/$",
            f"{article.pk}/revisions/compare/earliest...latest/",
        )
        route = route.replace("^.*/$", "no-such-admin-page/").replace("^", "").replace("$", "")

        def value(match):
            return str(values[match.group(1).split(":")[-1]])

        return "/" + re.sub(r"<([^>]+)>", value, route)

    def bulk_addresses(self):
        """One row per bulk action in Wagtail's registry (pages: one per target page)."""
        bulk_action_registry._scan_for_bulk_actions()
        objects = {
            ("news", "column"): {"": self.column},
            ("news", "articletag"): {"": self.tag},
            ("coverage", "coverageclip"): {"": self.clip},
            ("wagtailimages", "image"): {"": self.image},
            ("wagtaildocs", "document"): {"": self.document},
            ("wagtailcore", "page"): {f" [{name}]": page for name, page in self.targets.items()},
        }
        if self.contact is not None:
            objects[("press", "mediacontact")] = {"": self.contact}
        rows = []
        for app_label, models in sorted(bulk_action_registry.actions.items()):
            for model_name, actions in sorted(models.items()):
                targets = objects.get((app_label, model_name), {"": self.other_user})
                for action in sorted(actions):
                    route = f"admin/bulk/{app_label}/{model_name}/{action}/"
                    for suffix, target in targets.items():
                        rows.append((route + suffix, f"/{route}?id={target.pk}"))
        return rows

    def addresses(self):
        """(row name, URL) for every admin pattern, and one row per registered bulk action."""
        rows = []
        for route, _name in admin_patterns():
            if route.startswith("admin/bulk/"):
                rows.extend(self.bulk_addresses())
                continue
            if "api/main/^pages/<int:pk>/action/" in route:
                for action in sorted(PagesAdminAPIViewSet.actions):
                    for target, page in self.targets.items():
                        url = self.fill(route.replace("<str:action_name>", action), page)
                        rows.append(
                            (f"{route.replace('<str:action_name>', action)} [{target}]", url)
                        )
            elif re.search(
                r"page_id|page_to_move_id|page_pk|\(\\d\+\)|api/main/\^pages/<int:pk>", route
            ):
                for target, page in self.targets.items():
                    rows.append((f"{route} [{target}]", self.fill(route, page)))
            else:
                rows.append((route, self.fill(route, self.article)))
        return rows

    def log_in(self, role):
        self.client.raise_request_exception = False  # a 500 is a row of the table, to fix
        self.client.logout()
        if role != "anonymous":
            self.client.force_login(self.users[role])  # (writes the user's last login)

    def visit(self, role, url, method):
        self.log_in(role)
        return self.request(url, method)

    def request(self, url, method):
        response = getattr(self.client, method)(url, secure=True)
        if response.status_code in (301, 302):
            location = response["Location"]
            if "/admin/login/" in location:
                return ">login"
            if location.rstrip("/") == "/admin" or location.startswith("/admin/?"):
                return ">home"
            return ">other"
        return str(response.status_code)

    def posted(self, role, url):
        self.log_in(role)
        before = fingerprint()
        with transaction.atomic():
            self.request(url, "post")
            changed = fingerprint() != before
            transaction.set_rollback(True)
        return "w" if changed else "-"

    def observe(self):
        table = {}
        for name, url in self.addresses():
            row = []
            for role in ROLES:
                row.append(f"{self.visit(role, url, 'get')}/{self.posted(role, url)}")
            table[name] = row
        return table

    def test_each_role_reaches_exactly_the_reviewed_admin_addresses(self):
        observed = self.observe()
        lines = [f"{name}  {'  '.join(row)}" for name, row in sorted(observed.items())]
        if os.environ.get("ADMIN_ACCESS_WRITE"):
            header = "# route  " + "  ".join(role.replace(" ", "-") for role in ROLES)
            TABLE.write_text(header + "\n" + "\n".join(lines) + "\n")
        expected = [line for line in TABLE.read_text().splitlines() if not line.startswith("#")]
        self.assertEqual(lines, expected)
