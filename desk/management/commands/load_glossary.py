"""`manage.py load_glossary`: the glossary's starter set (desk/glossary/starter.toml).

Adds the terms missing by their default-language form (case-insensitive); a term already
there, edited or not, is left exactly as it is. Safe to run on every `load_demo`.
"""

import tomllib
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import transaction

from news import languages

from ...models import GlossaryTerm

STARTER = Path(__file__).resolve().parents[2] / "glossary" / "starter.toml"


def starter_terms(path=STARTER):
    with open(path, "rb") as file:
        return tomllib.load(file)["term"]


def fields_of(entry):
    fields = {
        "note": entry.get("note", ""),
        "do_not_translate": entry.get("do_not_translate", False),
    }
    for language in languages.LANGUAGES:  # the file's keys are the columns: term_<suffix>
        fields[language.field("term")] = entry.get(language.field("term"), "")
        fields[language.field("forbidden")] = "\n".join(entry.get(language.field("forbidden"), []))
    return fields


class Command(BaseCommand):
    help = "Add the glossary's starter terms that are missing; never change an existing one."

    def handle(self, *args, **options):
        default = languages.DEFAULT.field("term")
        added = kept = 0
        with transaction.atomic():
            for entry in starter_terms():
                fields = fields_of(entry)
                if GlossaryTerm.objects.filter(**{f"{default}__iexact": fields[default]}).exists():
                    kept += 1
                    continue
                GlossaryTerm.objects.create(**fields)
                added += 1
        self.stdout.write(f"Glossary: {added} added, {kept} already there.")
