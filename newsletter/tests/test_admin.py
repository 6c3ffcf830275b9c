"""Newsletter › Subscribers: moderators and chief editors list, filter, search, export (cells
never formulas, even for an address the sign-up form accepted) and delete subscribers;
editors and translators reach neither the list nor its export; the edit form never makes an
address subscribed without its owner's confirmation."""

import csv
import datetime
import io
import re

import openpyxl
from django.core.cache import cache
from django.test import TestCase
from django.utils import timezone

from news.newsroom.roles import CHIEF_EDITORS, EDITORS, MODERATORS, TRANSLATORS
from news.tests.utils import build_site, make_column, member, research_column
from newsletter.models import Subscriber

LIST = "/admin/newsletter/subscribers/"
RESULTS = LIST + "results/"
FORMULAS = ["=1+1@example.org", "=cmd|'/Ccalc'!A0@example.org", "-2+3@example.org"]


def subscriber(email, status=Subscriber.Status.ACTIVE, language="en", columns=(), **fields):
    row = Subscriber.objects.create(email=email, status=status, language=language, **fields)
    row.columns.set(columns)
    return row


def listed(response):
    """The addresses a list page shows."""
    html = re.sub(r">\s+", ">", re.sub(r"\s+<", "<", response.content.decode()))
    return {row.email for row in Subscriber.objects.all() if f">{row.email}<" in html}


class SubscriberAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_site()
        cls.research = research_column()
        cls.campus = make_column("Campus", "校园", "campus", "xiaoyuan")
        cls.moderator = member(MODERATORS, "moderator")
        cls.chief = member(CHIEF_EDITORS, "chief")
        cls.editor = member(EDITORS, "editor")
        cls.translator = member(TRANSLATORS, "translator")
        cls.ann = subscriber("ann@example.org", columns=[cls.research])
        cls.bo = subscriber("bo@example.cn", Subscriber.Status.PENDING, "zh-hans")
        cls.cy = subscriber("cy@example.org", Subscriber.Status.UNSUBSCRIBED, columns=[cls.campus])
        Subscriber.objects.filter(pk=cls.cy.pk).update(
            created_at=timezone.now() - datetime.timedelta(days=40)
        )

    def test_moderators_and_chief_editors_list_every_subscriber(self):
        for user in (self.moderator, self.chief):
            self.client.force_login(user)
            response = self.client.get(LIST)
            self.assertEqual(response.status_code, 200)
            self.assertEqual(
                listed(response), {"ann@example.org", "bo@example.cn", "cy@example.org"}
            )

    def test_the_list_filters_by_status_language_column_and_date_and_searches(self):
        self.client.force_login(self.moderator)
        since = (timezone.now() - datetime.timedelta(days=7)).date().isoformat()
        cases = {
            "status=active": {"ann@example.org"},
            "language=zh-hans": {"bo@example.cn"},
            f"columns={self.campus.pk}": {"cy@example.org"},
            f"created_at_from={since}": {"ann@example.org", "bo@example.cn"},
            "q=example.cn": {"bo@example.cn"},
        }
        for query, expected in cases.items():
            with self.subTest(query=query):
                self.assertEqual(listed(self.client.get(f"{RESULTS}?{query}")), expected)

    def test_editors_and_translators_reach_neither_the_list_nor_the_export(self):
        for user in (self.editor, self.translator):
            self.client.force_login(user)
            for url in (LIST, RESULTS, LIST + "?export=csv", LIST + "?export=xlsx"):
                with self.subTest(user=user.username, url=url):
                    response = self.client.get(url)
                    self.assertNotEqual(response.status_code, 200)
                    self.assertNotIn(b"ann@example.org", response.content)
            home = self.client.get("/admin/")
            self.assertNotContains(home, LIST)

    def test_deleting_a_subscriber_removes_their_data(self):
        self.client.force_login(self.moderator)
        response = self.client.post(f"{LIST}delete/{self.ann.pk}/")
        self.assertEqual(response.status_code, 302)
        self.assertFalse(Subscriber.objects.filter(email="ann@example.org").exists())
        links = Subscriber.columns.through.objects.filter(subscriber_id=self.ann.pk)
        self.assertFalse(links.exists())

    def test_editing_changes_the_choices_but_never_subscribes_or_moves_an_address(self):
        self.client.force_login(self.moderator)
        url = f"{LIST}edit/{self.bo.pk}/"
        form = {"email": "someone-else@example.org", "language": "en", "status": "active"}
        response = self.client.post(url, {**form, "columns": [self.research.pk]})
        self.assertEqual(response.status_code, 200)  # "active" is not a choice
        self.bo.refresh_from_db()
        self.assertEqual(self.bo.status, Subscriber.Status.PENDING)
        response = self.client.post(
            url, {**form, "status": "unsubscribed", "columns": [self.research.pk]}
        )
        self.assertEqual(response.status_code, 302)
        self.bo.refresh_from_db()
        self.assertEqual(self.bo.email, "bo@example.cn")
        self.assertEqual((self.bo.status, self.bo.language), ("unsubscribed", "en"))
        self.assertIsNotNone(self.bo.unsubscribed_at)
        self.assertEqual(list(self.bo.columns.all()), [self.research])


class ExportTests(TestCase):
    """Addresses that begin like a formula get in through the sign-up form (EmailValidator
    accepts them): the export writes them as text."""

    @classmethod
    def setUpTestData(cls):
        build_site()
        cls.research = research_column()
        cls.moderator = member(MODERATORS, "moderator")

    def setUp(self):
        cache.clear()
        for n, address in enumerate(FORMULAS):
            data = {"email": address, "language": "en", "columns": [self.research.pk]}
            response = self.client.post("/en/newsletter/", data, REMOTE_ADDR=f"192.0.2.{n}")
            self.assertEqual(response.status_code, 200, address)
        self.assertEqual(Subscriber.objects.count(), len(FORMULAS))
        self.client.force_login(self.moderator)

    def test_the_csv_export_writes_formula_like_addresses_as_text(self):
        response = self.client.get(LIST + "?export=csv")
        self.assertEqual(response.status_code, 200)
        content = b"".join(response.streaming_content).decode()
        rows = list(csv.reader(io.StringIO(content)))
        emails = {row[0] for row in rows[1:]}
        self.assertEqual(emails, {"'" + address for address in FORMULAS})
        self.assertIn("Research", {row[3] for row in rows[1:]})
        for row in rows:
            for cell in row:
                self.assertFalse(cell.startswith(("=", "+", "-", "@")), cell)

    def test_the_excel_export_keeps_formula_like_addresses_as_text(self):
        response = self.client.get(LIST + "?export=xlsx")
        self.assertEqual(response.status_code, 200)
        book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
        cells = [row[0] for row in book.active.iter_rows(min_row=2)]
        self.assertEqual({cell.value.lstrip("'") for cell in cells}, set(FORMULAS))
        self.assertTrue(all(cell.data_type == "s" for cell in cells))
