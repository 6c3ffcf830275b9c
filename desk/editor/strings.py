"""The desk's words in the editor, translated here (the script has no catalogue)."""

from django.utils.translation import gettext as _
from django.utils.translation import pgettext


def editor():
    return {
        "heading": _("Translator's desk"),
        "direction": pgettext("translator's desk", "Translate"),
        "segments": _("Source segments"),
        "suggestions": _("Suggestions"),
        "none": _("No earlier translation close enough."),
        "insert": _("Insert"),
        "inserted": _("Inserted."),
        "copied": _("Copied: paste it into the translation where it belongs."),
        "from": pgettext("translator's desk", "from"),
        "exact": _("Same text translated before"),
        "term": pgettext("glossary", "Approved:"),
        "problems": _("Glossary problems"),
        "no_problems": _("No glossary problem."),
        "changes": _("What changed since the last translation"),
        "claimed_by": _("Claimed by"),
        "you": _("you"),
        "claim": _("Claim"),
        "queue": _("Translation queue"),
        "loading": _("Loading…"),
        "failed": _("The desk could not be loaded."),
        "field_title": _("title"),
        "field_summary": _("summary"),
        "field_intro": _("introduction"),
        "field_body": _("body"),
        "forbidden": _("forbidden variant"),
        "expected": pgettext("translator's desk", "use"),
    }
