"""The page models' admin forms (`base_form_class`); they import no model.

- ArticlePageForm: inline formsets some roles may not change are left out for them, and a
  Focus end date typed in the past is refused.
- HomePageForm: a story appears once in the home page's Focus order, and only while it is in
  Focus.
"""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


def _to_minute(moment):
    """The admin's date-time widget shows minutes only: compare at that precision."""
    return moment.replace(second=0, microsecond=0) if moment else moment


class ArticlePageForm(WagtailAdminPageForm):
    """Drops the formsets named in `formset_permissions` (set by
    `news.panels.PermissionedInlinePanel`) for users without that permission, as Wagtail's
    `field_permissions` drops fields: the panel is not shown and a POST of it is ignored.

    A Focus end date typed in the past is refused (most likely a slip of the year); one that
    has passed since it was set is kept, so an expired Focus story can still be corrected and
    saved.
    """

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is None:
            return
        for name, permission in getattr(self.Meta, "formset_permissions", {}).items():
            if name in self.formsets and not for_user.has_perm(permission):
                del self.formsets[name]

    def clean(self):
        cleaned_data = super().clean()
        until = cleaned_data.get("focus_until")
        if (
            until
            and until <= timezone.now()
            and _to_minute(until) != _to_minute(self.initial.get("focus_until"))
        ):
            self.add_error(
                "focus_until",
                _(
                    "This date has already passed, so the story would not be in Focus. "
                    "Pick a later date, or leave it empty."
                ),
            )
        return cleaned_data


class HomePageForm(WagtailAdminPageForm):
    """The home page's admin form: a story appears once in the Focus order, and only while it
    is in Focus (the box ticked, its end date not passed: `ArticlePage.in_focus`, read from the
    story as the home page reads it). A story that leaves Focus after the order was saved is
    skipped on the home page; saving the order again asks for its row to be removed."""

    def clean(self):
        cleaned_data = super().clean()
        stories = self.formsets.get("focus_stories")
        if stories is not None and stories.is_valid():
            seen = set()
            for form in stories.forms:
                article = form.cleaned_data.get("article")
                if article is None or form.cleaned_data.get("DELETE"):
                    continue
                if article.pk in seen:
                    form.add_error("article", _("This story is already in the list."))
                elif problem := not_in_focus(article):
                    form.add_error("article", problem)
                seen.add(article.pk)
        return cleaned_data


def not_in_focus(article):
    """Why `article` cannot be in the home page's Focus order (named by its title in the
    editor's language), or None while it is in Focus."""
    if article.in_focus:
        return None
    if not article.focus:
        message = _(
            "“%(title)s” is not a Focus story: tick Focus on the story, or remove it from "
            "this list."
        )
        return message % {"title": article.title}
    message = _(
        "“%(title)s” left Focus on %(date)s: give the story a later “Focus until”, or "
        "remove it from this list."
    )
    ended = date_format(timezone.localtime(article.focus_until))
    return message % {"title": article.title, "date": ended}
