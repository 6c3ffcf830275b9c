"""The translator's queue page and the claim / release actions (URLs: desk/wagtail_hooks.py)."""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import CharField, Exists, F, OuterRef, Subquery
from django.db.models.functions import Cast
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page, Revision

from news import languages
from news.models import ArticlePage, ArticleTranslationState, in_focus_q
from news.models.translation_state import Status

from ..models import TranslationClaim, TranslationWork
from . import claims

PER_PAGE = 50


def queued_states(language=""):
    """The languages of articles left to translate or revise, in the order to take them:
    Focus first, then the soonest scheduled to publish, then the longest waiting."""
    page_type = ContentType.objects.get_for_model(Page)
    scheduled = (
        Revision.objects.filter(
            base_content_type=page_type,
            object_id=Cast(OuterRef("page_id"), CharField()),
            approved_go_live_at__isnull=False,
        )
        .order_by("approved_go_live_at")
        .values("approved_go_live_at")[:1]
    )
    states = (
        ArticleTranslationState.objects.exclude(status=Status.CURRENT)
        .select_related("page")
        .annotate(
            in_focus=Exists(ArticlePage.objects.filter(in_focus_q(), pk=OuterRef("page_id"))),
            scheduled=Subquery(scheduled),
        )
        .order_by(F("in_focus").desc(), F("scheduled").asc(nulls_last=True), "since", "pk")
    )
    if language in languages.CODES:
        states = states.filter(language=language)
    return states


def queue(request):
    language = request.GET.get("language", "")
    if language not in languages.CODES:
        language = ""
    page_obj = Paginator(queued_states(language), PER_PAGE).get_page(request.GET.get("p"))
    rows = list(page_obj.object_list)
    page_ids = [state.page_id for state in rows]
    work = {
        (w.page_id, w.language): w for w in TranslationWork.objects.filter(page_id__in=page_ids)
    }
    held = claims.claims_of(page_ids)
    for state in rows:
        state.work = work.get((state.page_id, state.language))
        state.claim = held.get((state.page_id, state.language))
        state.mine = state.claim is not None and state.claim.user_id == request.user.pk
    return TemplateResponse(
        request,
        "desk/queue.html",
        {
            "page_obj": page_obj,
            "rows": rows,
            "language": language,
            "languages": [(item.code, item.name) for item in languages.LANGUAGES],
            "header_title": _("Translation queue"),
        },
    )


def _page_and_language(request, page_id, language):
    if language not in languages.CODES:
        raise Http404
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page


def _back(request):
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = reverse("desk_translation_queue")
    return redirect(target)


def _names(page, language):
    return {"language": languages.get(language).name, "title": page.get_admin_display_title()}


@require_POST
def claim(request, page_id, language):
    page = _page_and_language(request, page_id, language)
    held = claims.holder(page.pk, language)
    if held is None:
        TranslationClaim.objects.get_or_create(
            page_id=page.pk, language=language, defaults={"user": request.user}
        )
        held = claims.holder(page.pk, language)
    if held.user_id == request.user.pk:
        messages.success(
            request, _("You have the %(language)s version of “%(title)s”.") % _names(page, language)
        )
    else:
        messages.error(
            request,
            _("The %(language)s version of “%(title)s” is already claimed by %(name)s.")
            % {
                **_names(page, language),
                "name": held.user.get_full_name() or held.user.get_username(),
            },
        )
    return _back(request)


@require_POST
def release(request, page_id, language):
    page = _page_and_language(request, page_id, language)
    held = claims.holder(page.pk, language)
    if held is not None:
        if not claims.may_release(request.user, held, page):
            raise PermissionDenied
        held.delete()
        messages.success(
            request,
            _("The %(language)s version of “%(title)s” is free again.") % _names(page, language),
        )
    return _back(request)
