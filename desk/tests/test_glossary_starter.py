"""The glossary's starter set (desk/glossary/starter.toml), loaded by `load_glossary` and by
the demo's `load_demo`: once, never over a term the newsroom has edited."""

import io
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.test import TestCase

from desk.glossary.matching import find_terms
from desk.management.commands.load_glossary import starter_terms
from desk.models import GlossaryTerm


def load_glossary():
    out = io.StringIO()
    call_command("load_glossary", stdout=out)
    return out.getvalue()


class LoadGlossaryTests(TestCase):
    def test_the_starter_set_names_the_university_in_both_languages(self):
        self.assertIn("18 added, 0 already there", load_glossary())
        university = GlossaryTerm.objects.get(term_en="Beijing Institute of Technology")
        self.assertEqual(university.term_zh_hans, "北京理工大学")
        self.assertEqual(university.forbidden_en, "Beijing University of Technology")
        self.assertEqual(
            [(m.found, m.expected) for m in find_terms("北理工宇航学院", "zh-hans")],
            [("北理工", "BIT"), ("宇航学院", "School of Aerospace Engineering")],
        )

    def test_running_it_twice_adds_nothing_and_keeps_an_edited_term(self):
        load_glossary()
        count = GlossaryTerm.objects.count()
        GlossaryTerm.objects.filter(term_en="BIT").update(term_zh_hans="北理", note="Edited.")
        GlossaryTerm.objects.filter(term_en="Barley Club").update(term_en="barley club")
        self.assertIn("0 added, 18 already there", load_glossary())
        self.assertEqual(GlossaryTerm.objects.count(), count)
        bit = GlossaryTerm.objects.get(term_en="BIT")
        self.assertEqual((bit.term_zh_hans, bit.note), ("北理", "Edited."))

    def test_a_deleted_term_comes_back(self):
        load_glossary()
        GlossaryTerm.objects.filter(term_en="BIT").delete()
        self.assertIn("1 added, 17 already there", load_glossary())
        self.assertTrue(GlossaryTerm.objects.filter(term_en="BIT").exists())

    def test_every_starter_term_has_both_languages_and_is_unique(self):
        terms = starter_terms()
        self.assertTrue(10 <= len(terms) <= 25)
        for language in ("term_en", "term_zh_hans"):
            forms = [entry[language].casefold() for entry in terms]
            self.assertEqual(len(forms), len(set(forms)), language)
            self.assertTrue(all(forms), language)


class LoadDemoTests(TestCase):
    def test_load_demo_twice_gives_the_glossary_once_without_overwriting_an_edit(self):
        password_file = Path(settings.MEDIA_ROOT) / "demo-admin-password-glossary"
        password_file.parent.mkdir(parents=True, exist_ok=True)
        options = {"password_file": password_file, "enqueue_pictures": True}
        call_command("load_demo", stdout=io.StringIO(), **options)
        count = GlossaryTerm.objects.count()
        self.assertEqual(count, len(starter_terms()))
        GlossaryTerm.objects.filter(term_en="BIT").update(note="Our own note.")
        out = io.StringIO()
        call_command("load_demo", stdout=out, **options)
        self.assertIn(f"Glossary: 0 added, {count} already there", out.getvalue())
        self.assertEqual(GlossaryTerm.objects.count(), count)
        self.assertEqual(GlossaryTerm.objects.get(term_en="BIT").note, "Our own note.")
        password_file.unlink(missing_ok=True)
