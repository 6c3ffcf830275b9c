"""The admin page "Copy for WeChat" (`/admin/wechat-copy/<page id>/?lang=<code>`) and its
button in the header of an article's admin pages.

Whoever may edit the article may copy it (Wagtail's page permissions: Translators too);
others get Wagtail's answer to PermissionDenied in its admin (back to the dashboard with
"Sorry, you do not have permission"), a page that is not an article or event a 404. The language is `?lang=`, by
default the editor's interface language when the article is public in it, else its first
public language. A language the article is not public in can still be copied, under a
warning: its link leads readers to the public version.

The copy is shown in a sandboxed frame (`srcdoc`, no scripts; same origin so that the page's
script can select it for the fallback copy): the admin's style sheets do not reach it, so it
looks as it will in WeChat, and its inline styles are allowed by the admin's CSP
(`'unsafe-inline'` for styles, bitnews/csp.py). Its HTML source is in a read-only text area.
`static/js/admin/wechat_copy.js` copies it as HTML with one click.
"""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe
from wagtail.admin.widgets.button import Button

from news import languages
from news.models import ArticlePage

from . import content, markup

URL_NAME = "news_wechat_copy"
LABEL = gettext_lazy("Copy for WeChat")


def may_copy(user, page):
    return page.permissions_for_user(user).can_edit()


def default_language(page):
    """The interface's language when the article is public in it, else its first public one."""
    active = languages.active()
    if page.is_public_in(active.code):
        return active
    return languages.get(page.public_languages()[0])


def warnings_for(page, language):
    """What the editor should know before pasting the copy of `page` in `language`."""
    found = []
    if not page.live:
        found.append(
            _(
                "This article is not published: the link at the end of the copy leads nowhere until it is."
            )
        )
    elif page.has_unpublished_changes:
        found.append(
            _("This copy is the published version: changes saved as a draft since are not in it.")
        )
    if not page.is_public_in(language.code):
        shown = languages.get(page.public_languages()[0])
        found.append(
            _(
                "This article is not public in %(language)s: readers who follow the link at the "
                "end see the %(shown)s version."
            )
            % {"language": language.adjective, "shown": shown.adjective}
        )
    with translation.override(language.code):
        missing = page.fallback_fields()
    if missing & {"title", "summary", "body"}:
        found.append(
            _(
                "Parts of this article are not translated into %(language)s yet: the copy shows "
                "the %(original)s text for them."
            )
            % {"language": language.adjective, "original": languages.DEFAULT.adjective}
        )
    return found


@require_safe
def wechat_copy(request, page_id):
    page = get_object_or_404(ArticlePage, pk=page_id).specific
    if not may_copy(request.user, page):
        raise PermissionDenied
    code = request.GET.get("lang")
    if code is not None and code not in languages.CODES:
        return HttpResponseBadRequest(
            _("This site has no language “%(code)s”.") % {"code": code[:20]},
            content_type="text/plain; charset=utf-8",
        )
    language = languages.get(code) if code else default_language(page)
    copy = content.copy_html(page, language, request)
    url = reverse(URL_NAME, args=[page.pk])
    return TemplateResponse(
        request,
        "newsroom/wechat_copy.html",
        {
            "page": page,
            "header_title": LABEL,
            "language": language,
            "choices": [
                (choice, f"{url}?{urlencode({'lang': choice.code})}", choice == language)
                for choice in languages.LANGUAGES
            ],
            "warnings": warnings_for(page, language),
            "copy": copy,
            "preview": markup.preview_document(copy, language.tag),
            "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        },
    )


def header_button(page, user, view_name=None, next_url=None):
    """ "Copy for WeChat" among the header buttons of an article's admin pages (edit, listing)."""
    if issubclass(page.specific_class or type(page), ArticlePage) and may_copy(user, page):
        yield Button(LABEL, reverse(URL_NAME, args=[page.pk]), icon_name="copy", priority=68)
