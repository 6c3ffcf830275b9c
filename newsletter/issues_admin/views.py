"""The issue's admin views: the list's "compose" buttons, the create view pre-filled with the
week's stories, and the test mail."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.permissions import get_permission_name
from wagtail.snippets.views.snippets import CreateView, EditView, IndexView

from news import languages

from ..models import NewsletterIssue
from ..sending.tasks import send_test
from .compose import composed


def language_asked(request):
    code = request.GET.get("language", "")
    return code if code in languages.CODES else None


class IssueIndexView(IndexView):
    @cached_property
    def header_buttons(self):
        if not self.add_url:
            return []
        return [
            HeaderButton(
                _("Compose this week's %(language)s issue") % {"language": language.adjective},
                url=f"{self.add_url}?language={language.code}",
                icon_name="plus",
            )
            for language in languages.LANGUAGES
        ]


class IssueCreateView(CreateView):
    """A new issue: with `?language=`, the week's stories of that language already in it."""

    def get_initial_form_instance(self):
        if self.request.method == "GET":
            return composed(language_asked(self.request) or languages.active().code)
        return super().get_initial_form_instance()


class IssueEditView(EditView):
    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.object.pk:
            buttons.append(
                HeaderButton(
                    _("Send a test"),
                    url=reverse("newsletter_issue_test", args=[self.object.pk]),
                    icon_name="mail",
                )
            )
        return buttons


class TestSendForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Send the test to"))


def test_send(request, issue_id):
    """A form with one address (the editor's own by default); its POST asks the worker to send
    the issue as it is being edited to that address alone."""
    issue = get_object_or_404(NewsletterIssue, pk=issue_id)
    if not request.user.has_perm(get_permission_name("change", NewsletterIssue)):
        raise PermissionDenied
    edit_url = reverse("wagtailsnippets_newsletter_newsletterissue:edit", args=[issue.pk])
    if request.method == "POST":
        form = TestSendForm(request.POST)
        if form.is_valid():
            send_test.enqueue(issue.pk, form.cleaned_data["email"])
            messages.success(
                request,
                _("The test mail to %(email)s is on its way.")
                % {"email": form.cleaned_data["email"]},
            )
            return redirect(edit_url)
    else:
        form = TestSendForm(initial={"email": request.user.email})
    return TemplateResponse(
        request,
        "newsletter/admin/test_send.html",
        {"form": form, "issue": issue, "edit_url": edit_url},
    )
