"""The desk beside the page editor: one JSON answer with what a translator of this page needs
(its source segments with exact memory matches and glossary terms marked, the glossary's
problems, what changed since the last translation, the claim), read by
desk/static/desk/js/desk.js, which asks the memory for fuzzy matches segment by segment."""

from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Page

from news import languages
from news.models import ArticlePage, ArticleTranslationState
from news.models.translation_state import Status
from news.newsroom import translation_changes

from ..glossary import checks, matching
from ..memory import align, lookup
from ..queue import claims
from . import strings


def default_target(page):
    """The language a translator most likely works on: one left to translate or revise, else
    the first translation."""
    pending = (
        ArticleTranslationState.objects.filter(page_id=page.pk)
        .exclude(status=Status.CURRENT)
        .order_by("language")
        .values_list("language", flat=True)
    )
    for code in pending:
        if code != languages.DEFAULT.code:
            return code
    return next(iter(pending), languages.translations()[0].code)


def _terms(text, code, terms):
    return [
        {
            "start": match.start,
            "end": match.end,
            "found": match.found,
            "expected": match.expected,
            "note": match.term.note,
        }
        for match in matching.find_terms(text, code, terms)
    ]


def _changes(page, target):
    if not isinstance(page, ArticlePage):
        return ""
    found = translation_changes.changes(page, target, now=page)
    if not found:
        return ""
    return render_to_string("newsroom/includes/translation_changes.html", {"changes": found})


def desk(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    target = request.GET.get("target") or default_target(page)
    if target not in languages.CODES:
        return JsonResponse({"error": _("Unknown language.")}, status=400)
    source = languages.other(target).code
    latest = page.get_latest_revision_as_object()
    segments = align.source_segments(latest, source)
    exact = lookup.exact_many([segment.text for segment in segments], source, target)
    terms = matching.load_terms()
    claim = claims.holder(page.pk, target)
    return JsonResponse(
        {
            "source": {"code": source, "name": str(languages.get(source).name)},
            "target": {"code": target, "name": str(languages.get(target).name)},
            "languages": [
                {"code": item.code, "name": str(item.name)} for item in languages.LANGUAGES
            ],
            "segments": [
                {
                    "field": segment.field,
                    "position": segment.position,
                    "text": segment.text,
                    # A plain field's input takes the text; the body's blocks do not.
                    "input": (
                        None
                        if segment.field == align.BODY
                        else "id_" + languages.get(target).field(segment.field)
                    ),
                    "exact": exact.get(segment.text),
                    "terms": _terms(segment.text, source, terms),
                }
                for segment in segments
            ],
            "body_input": languages.get(target).field("body") + "-",
            "problems": checks.check(latest, target, terms),
            "changes": _changes(latest, target),
            "claim": (
                {
                    "name": claim.user.get_full_name() or claim.user.get_username(),
                    "mine": claim.user_id == request.user.pk,
                }
                if claim
                else None
            ),
            "urls": {
                "suggest": reverse("desk_memory_suggest"),
                "queue": reverse("desk_translation_queue"),
                "claim": reverse("desk_translation_claim", args=[page.pk, target]),
            },
            "strings": strings.editor(),
        }
    )
