""" "Copy English body to Chinese": a starting point for the translator.

An item of the edit view's action menu. Like "Save draft" it submits the whole form, so the
edit view saves every unsaved change as a new revision first; then (the `after_edit_page`
hook) the Chinese body of that revision becomes a copy of its English body, saved as one more
revision and logged in the page history (`news.copy_english_body`). A Chinese body that is
not empty is only replaced after the confirmation page (`confirm`), and its text stays in
the revision before the copy. The translation status counts the copied body as outdated
until the translator edits it (or marks the Chinese version reviewed).

Paragraphs translated before: functions registered for the Wagtail hook
`translate_copied_paragraph` (the translators' desk's memory) are called with the source and
target language codes and the plain text of every text element of the copied rich text
blocks, and answer {text: translation} for those they know exactly. A rich text block made of
paragraphs only (`<p>`), every one of them known, is copied as those translations (each an
escaped `<p>`); any other block stays as it was in English.
"""

import json
import re

from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.fields import StreamField
from wagtail.log_actions import log
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail_modeltranslation.wagtail_hooks import (
    return_translation_target_field_rendered_html as copy_stream_field,
)

from news import languages, paragraphs
from news.models import ArticlePage

from .translation_status import mark_copied

ACTION = "news.copy_english_body"
BUTTON = "action-copy-english-body"


class CopyEnglishBodyMenuItem(ActionMenuItem):
    name = BUTTON
    label = gettext_lazy("Save draft and copy English body to Chinese")
    icon_name = "copy"
    order = 15  # just after "Save draft"

    def is_shown(self, context):
        return (
            context["view"] == "edit"
            and isinstance(context["page"], ArticlePage)
            and not context["locked_for_user"]
        )


def may_copy(user, page):
    """Anyone who may edit the article and is not locked out of it (translators included)."""
    if not page.permissions_for_user(user).can_edit():
        return False
    lock = page.get_lock()
    return not (lock and lock.for_user(user))


# The body is copied from the original language into the one being translated.
SOURCE, TARGET = languages.DEFAULT, languages.other(languages.DEFAULT.code)
SOURCE_BODY, TARGET_BODY = SOURCE.field("body"), TARGET.field("body")


COPY_HOOK = "translate_copied_paragraph"
# Elements other than <p> that a rich text block may hold: such a block is never rebuilt.
NOT_A_PARAGRAPH = re.compile(r"<(?:h[1-6]|li|ul|ol|blockquote|pre|div|table|embed)\b", re.I)


def _paragraph_texts(block):
    """The text elements of a rich text block made of <p> only, else None."""
    if block.block_type != "paragraph" or not isinstance(block.value, RichText):
        return None
    source = block.value.source or ""
    if NOT_A_PARAGRAPH.search(source):
        return None
    return paragraphs.rich_text(source) or None


def translated_copy(blocks):
    """[(type, value)] of the copied body: each block as it is, or its known translation
    (the hook `translate_copied_paragraph`, see the module)."""
    texts = {id(block): _paragraph_texts(block) for block in blocks}
    wanted = sorted({text for found in texts.values() if found for text in found})
    known = {}
    if wanted:
        for fn in hooks.get_hooks(COPY_HOOK):
            for text, translation in (fn(SOURCE.code, TARGET.code, wanted) or {}).items():
                known.setdefault(text, translation)
    copied = []
    for block in blocks:
        found = texts[id(block)]
        if found and all(known.get(text) for text in found):
            value = format_html_join("", "<p>{}</p>", ((known[text],) for text in found))
            copied.append((block.block_type, RichText(value)))
        else:
            copied.append((block.block_type, block.value))
    return copied


def copy_english_body(page, user):
    """Save the latest draft of `page` with body_zh_hans = body_en (paragraphs translated
    before in their translation) as a new revision."""
    draft = page.get_latest_revision_as_object()
    # New StreamValue from (type, value) pairs: the copy gets block ids of its own.
    source = getattr(draft, SOURCE_BODY)
    setattr(draft, TARGET_BODY, translated_copy(list(source)))
    revision = draft.save_revision(user=user, log_action=False, clean=False)
    log(instance=draft, action=ACTION, user=user, revision=revision)
    mark_copied(draft, TARGET.code, "body")  # English text is not a translation yet
    return revision


def after_edit(request, page):
    """The `after_edit_page` hook: the edit view has saved the form as a draft."""
    if BUTTON not in request.POST or not isinstance(page, ArticlePage):
        return None
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    draft = page.get_latest_revision_as_object()
    if not getattr(draft, SOURCE_BODY):
        messages.warning(request, _("The English body is empty: there is nothing to copy."))
        return redirect(edit_url)
    if getattr(draft, TARGET_BODY):
        return redirect("news_copy_english_body", page_id=page.pk)
    copy_english_body(page, request.user)
    messages.success(request, _("The English body was copied into the Chinese body."))
    return redirect(edit_url)


def confirm(request, page_id):
    """GET: ask before replacing a Chinese body that is not empty. POST: replace it."""
    page = get_object_or_404(ArticlePage, pk=page_id)
    if not may_copy(request.user, page):
        raise PermissionDenied
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if request.method == "POST":
        if not getattr(page.get_latest_revision_as_object(), SOURCE_BODY):
            messages.warning(request, _("The English body is empty: there is nothing to copy."))
        else:
            copy_english_body(page, request.user)
            messages.success(
                request,
                _(
                    "The English body replaced the Chinese body. The earlier Chinese body "
                    "is kept in the page history."
                ),
            )
        return redirect(edit_url)
    return TemplateResponse(
        request,
        "newsroom/copy_body_confirm.html",
        {
            "page": page,
            "chinese_body_is_empty": not getattr(page.get_latest_revision_as_object(), TARGET_BODY),
            "header_title": _("Replace the Chinese body?"),
            "edit_url": edit_url,
            "history_url": reverse("wagtailadmin_pages:history", args=[page.pk]),
        },
    )


# wagtail-modeltranslation's "copy this StreamField to the other language" buttons in the editor
# post to `pages/<id>/edit/copy_translation_content/`. Its view is CSRF-exempt, checks no
# permission and answers a GET or a malformed POST with a server error. `checked_stream_copy`
# is routed in front of it (wagtail_hooks.py): POST only, with the CSRF token its script sends,
# by someone who may edit the page, with well-formed fields; then the package's own view.


@require_POST
def checked_stream_copy(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    try:
        origin = json.loads(request.POST["serializedOriginField"])
        names = (request.POST["origin_field_name"], request.POST["target_field_name"])
        fields = [page._meta.get_field(name) for name in names]
        well_formed = (
            request.headers.get("X-Requested-With") == "XMLHttpRequest"
            and isinstance(origin, list)
            and all(isinstance(item, dict) and "name" in item for item in origin)
            and all(isinstance(field, StreamField) for field in fields)
        )
    except (KeyError, ValueError, FieldDoesNotExist):
        well_formed = False
    if not well_formed:
        return HttpResponseBadRequest(_("This copy request is incomplete or malformed."))
    return copy_stream_field(request, page_id)
