"""The glossary check before publishing: field by field (title, summary or introduction,
body), each term named in the other language's text whose approved form is missing from
this language's text, and each forbidden variant this language's text uses.

A field empty in the checked language is not a glossary problem but a missing translation
(the translation status's job): it is skipped.
"""

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from news import languages, paragraphs

from . import matching

FIELDS = {
    "title": gettext_lazy("title"),
    "summary": gettext_lazy("summary"),
    "intro": gettext_lazy("introduction"),
    "body": gettext_lazy("body"),
}


def field_text(page, field, code):
    """The field's text in language `code`, its paragraphs one per line."""
    return "\n".join(paragraph.text for paragraph in paragraphs.of_field(page, field, code))


def check(page, lang, terms=None):
    """The glossary problems of `page`'s `lang` text, as dicts {"term", "expected", "field"}
    (and "found": the forbidden variant used). `term` is the term as the source (the other
    language) writes it, `expected` its approved form in `lang`."""
    terms = matching.load_terms() if terms is None else terms
    source = languages.other(lang).code
    problems = []
    for field in FIELDS:
        target = field_text(page, field, lang)
        if not target:
            continue
        missing = {}
        for match in matching.find_terms(field_text(page, field, source), source, terms):
            if not matching.contains(target, match.expected, lang):
                missing.setdefault(match.term.pk, (match.found, match.expected))
        problems += [
            {"term": term, "expected": expected, "field": field}
            for term, expected in missing.values()
        ]
        seen = set()
        for match in matching.forbidden_in(target, lang, terms):
            if (match.term.pk, match.found.casefold()) in seen:
                continue
            seen.add((match.term.pk, match.found.casefold()))
            problems.append(
                {
                    "term": matching.form(match.term, source) or match.expected,
                    "expected": match.expected,
                    "field": field,
                    "found": match.found,
                }
            )
    return problems


def may_see(user, page):
    """Whether `user` may edit `page`, or see it in the admin's page explorer."""
    if page.permissions_for_user(user).can_edit():
        return True
    return PagePermissionPolicy().explorable_instances(user).filter(pk=page.pk).exists()


def check_view(request, page_id):
    """GET /admin/glossary/check/<page_id>/?lang=<code>: the problems of the page's latest
    revision (what is about to be published) as JSON, {"problems": [...]}."""
    code = request.GET.get("lang", "")
    if code not in languages.CODES:
        message = _("Give the language to check as ?lang=, one of: %(codes)s.") % {
            "codes": ", ".join(languages.CODES)
        }
        return JsonResponse({"error": message}, status=400)
    page = get_object_or_404(Page, pk=page_id).specific
    if not may_see(request.user, page):
        return JsonResponse({"error": _("You may not see this page.")}, status=403)
    return JsonResponse({"problems": check(page.get_latest_revision_as_object(), code)})
