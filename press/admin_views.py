"""A release's embargoed preview links in the admin: listed with their openings, made, revoked.

Reached from the release's edit view ("Preview links" in its header's menu: wagtail_hooks.py),
only for users who may publish the release (Wagtail's page permission policy, with the
newsroom's rules: news/models/base.py); anyone else gets 403. A link's token is shown once,
on the page that confirms it was made.
"""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.widgets import AdminDateTimeInput

from news import languages
from news.models import ArticlePage

from . import links as preview_links
from .models import PreviewLink
from .releases import what_goes_live

LONGEST = datetime.timedelta(days=90)


class PreviewLinkForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("For"),
        max_length=200,
        help_text=gettext_lazy("The journalist or outlet this link is given to."),
    )
    expires_at = forms.DateTimeField(
        label=gettext_lazy("Expires"),
        widget=AdminDateTimeInput,
        help_text=gettext_lazy("The link stops working at this time (at most 90 days ahead)."),
    )

    def clean_expires_at(self):
        moment = self.cleaned_data["expires_at"]
        now = timezone.now()
        if moment <= now:
            raise forms.ValidationError(_("Choose a time in the future."))
        if moment > now + LONGEST:
            raise forms.ValidationError(_("A link may last 90 days at most."))
        return moment


def may_manage(user, page):
    """Whether `user` makes and revokes preview links of `page`: those who may publish it."""
    return page.permissions_for_user(user).can_publish()


def release_for(request, page_id):
    """The press release `page_id` if `request.user` may manage its links: 404 for a page that
    is no release, 403 for a user who may not publish it."""
    page = get_object_or_404(ArticlePage, pk=page_id, press_release=True)
    if not may_manage(request.user, page):
        raise PermissionDenied
    return page


def preview_urls(request, token):
    """The link in each language, absolute: (language name, URL)."""
    urls = []
    for language in languages.LANGUAGES:
        with translation.override(language.code):
            path = reverse("press_preview", kwargs={"token": token})
        urls.append((language.name, request.build_absolute_uri(path)))
    return urls


def links_view(request, page_id):
    page = release_for(request, page_id)
    form = PreviewLinkForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        link, token = preview_links.make(
            page, form.cleaned_data["name"], form.cleaned_data["expires_at"], request.user
        )
        context = {
            "page": page,
            "link": link,
            "urls": preview_urls(request, token),
            "header_title": _("Preview link made"),
        }
        response = TemplateResponse(request, "press/admin/link_made.html", context)
        response["Cache-Control"] = "private, no-store"
        return response
    rows = (
        PreviewLink.objects.filter(page=page)
        .select_related("created_by")
        .prefetch_related("openings")
        .annotate(opened=Count("openings"), last_opened=Max("openings__opened_at"))
    )
    shown = what_goes_live(page)
    context = {
        "page": page,
        "form": form,
        "rows": rows,
        "now": timezone.now(),
        "embargo": shown[1] if shown else None,
        "live_only": shown is None,
        "header_title": _("Preview links"),
        "media": form.media,
    }
    return TemplateResponse(request, "press/admin/links.html", context)


@require_POST
def revoke_view(request, pk):
    link = get_object_or_404(PreviewLink, pk=pk)
    page = release_for(request, link.page_id)
    preview_links.revoke(link)
    messages.success(request, _("The link for “%(name)s” no longer opens.") % {"name": link.name})
    return redirect("press_preview_links", page_id=page.pk)
