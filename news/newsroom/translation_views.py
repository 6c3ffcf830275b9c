"""The translators' dashboard, the review action and the admin home panel (hooks: wagtail_hooks.py)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.ui.components import Component
from wagtail.log_actions import log

from news import languages
from news.models import ArticlePage, ArticleTranslationState
from news.models.translation_state import Status

from .translation_changes import changes as field_changes
from .translation_status import (
    REVIEW_ACTION,
    alt_text_counts,
    counts,
    ensure_states,
    needing_alt_text,
    record,
)

PER_PAGE = 50


def count_table(all_counts, alt_counts):
    """Rows of (language code, name, [(status, label, number)], number needing alt text) for
    the templates."""
    return [
        (
            language.code,
            language.name,
            [(s.value, s.label, all_counts[language.code][s.value]) for s in Status],
            alt_counts[language.code],
        )
        for language in languages.LANGUAGES
    ]


def dashboard(request):
    ensure_states()
    status = request.GET.get("status", "")
    language = request.GET.get("language", "")
    states = ArticleTranslationState.objects.select_related("page").order_by("since", "pk")
    if status in Status.values:
        states = states.filter(status=status)
    else:
        status = ""
    if language in languages.CODES:
        states = states.filter(language=language)
    else:
        language = ""
    alt = request.GET.get("alt") == "missing"
    if alt:
        states = needing_alt_text(states)
    page_obj = Paginator(states, PER_PAGE).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "newsroom/translation_status.html",
        {
            "page_obj": page_obj,
            "count_table": count_table(counts(), alt_text_counts()),
            "statuses": list(Status),
            "languages": [(language.code, language.name) for language in languages.LANGUAGES],
            "status": status,
            "language": language,
            "alt": alt,
            "header_title": _("Translation status"),
        },
    )


@require_POST
def review(request, page_id, language):
    if language not in languages.CODES:
        raise Http404
    page = get_object_or_404(ArticlePage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    # Every field of `language` now translates the latest revision's text: record that revision.
    latest = page.get_latest_revision_as_object()
    record(latest, reviewed_language=language, revision_id=page.latest_revision_id)
    log(instance=page, action=REVIEW_ACTION, user=request.user, data={"language": language})
    messages.success(
        request,
        _("The %(language)s version of “%(title)s” is marked reviewed.")
        % {"language": languages.get(language).name, "title": page.get_admin_display_title()},
    )
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = reverse("news_translation_status")
    return redirect(target)


def changes(request, page_id, language):
    """What changed in the other language's text since this version was last marked current."""
    if language not in languages.CODES:
        raise Http404
    page = get_object_or_404(ArticlePage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    state = ArticleTranslationState.objects.filter(page_id=page.pk, language=language).first()
    version = languages.get(language)
    return TemplateResponse(
        request,
        "newsroom/translation_changes.html",
        {
            "page": page,
            "state": state,
            "language": version,
            "changes": field_changes(page, language, state),
            "header_title": _("What changed: %(language)s version of “%(title)s”")
            % {"language": version.name, "title": page.get_admin_display_title()},
        },
    )


class TranslationStatusPanel(Component):
    name = "translation_status"
    order = 150
    template_name = "newsroom/translation_status_panel.html"

    def get_context_data(self, parent_context):
        return {
            "count_table": count_table(counts(), alt_text_counts()),
            "dashboard_url": reverse("news_translation_status"),
        }
