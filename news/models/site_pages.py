"""The site's own pages (About, Accessibility statement, Privacy, Media contacts: `StandardPage`),
the contact form (`ContactPage`, wagtail.contrib.forms) and the menus built from them.

Menus: Wagtail's own "Show in menus" is the one mechanism. The main navigation lists the live,
public pages directly under Home that have it ticked, in the tree's order (an editor reorders
them with Wagtail's "Sort menu order"); the footer has one link group per such page, listing
its own children that have it ticked (articles and events are stories, not menu entries: their
box is hidden and they are left out). Titles and addresses are the pages' own, so both languages
follow the page; a page unpublished, deleted or restricted leaves the menus by itself. Both are
made once until a write of what it shows, language and host (`site_menu`).

The contact form: the fields are the editor's (Wagtail's form builder), each label and help text
in both languages (news/translation.py); submissions land in Wagtail's Forms admin and are
e-mailed to the office (`to_address`). Spam is refused without a third-party service: a field
people do not see (`HONEYPOT`: filled → refused, nothing stored or sent) and at most
`CONTACT_FORM_RATE` posts a minute from one address (429 past it): news/spam.py.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.fields import StreamField
from wagtail.models import Page

from .. import spam
from ..blocks import BodyBlock
from ..cache import control, fragments
from ..cache import tags as cache_tags
from .article import SETTINGS_PERMISSION, ArticlePage
from .base import TranslatedPageMixin, language, public_q
from .searchable import SearchableText

SITE_PAGE_PARENTS = ["news.HomePage", "news.StandardPage"]


class SitePage(SearchableText):
    """A page of the site itself, found by the site search as a "Page" (models/searchable.py).
    A search records `list:pages` (search/ranking.py) and every write of such a page
    invalidates it, so a kept search shows a page published after it (news/cache/)."""

    search_kind = pgettext_lazy("kind of search result", "Page")
    search_summary_field = "intro"
    cache_list_tags = ("list:pages",)

    def cache_tags_written(self):
        return [*super().cache_tags_written(), *self.cache_list_tags]

    def cache_tags_was(self):
        return [*super().cache_tags_was(), *self.cache_list_tags]


class StandardPage(SitePage, TranslatedPageMixin, Page):
    """A page of the site itself, not a story: About, Accessibility statement, Privacy, Media
    contacts. Tick "Show in menus" to list it in the navigation (under Home) or in its parent's
    footer link group (under another page)."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    indexed_text_fields = ("intro", "body")

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    parent_page_types = SITE_PAGE_PARENTS
    subpage_types = ["news.StandardPage", "news.ContactPage"]

    cache_kind = control.ARTICLE
    translated_display_fields = ("title", "intro", "body")

    class Meta:
        verbose_name = _("standard page")


HONEYPOT = spam.HONEYPOT  # a field people do not see, which robots fill (news/spam.py)


class ContactFormField(AbstractFormField):
    """One field of the contact form, its label and help text in both languages."""

    page = ParentalKey("news.ContactPage", on_delete=models.CASCADE, related_name="form_fields")


def single_line(value):
    """A one-line field (a name, a subject) holds no line break: in the mail to the office one
    would start a line of the visitor's making."""
    if "\r" in value or "\n" in value:
        raise ValidationError(_("Write this on one line."), code="line_break")


def bound_fields(fields):
    """Each text field of the contact form bounded: a multi-line one to
    CONTACT_MESSAGE_MAX_LENGTH characters, a one-line one to one line (and Wagtail's 255)."""
    for field in fields.values():
        if not isinstance(field, forms.CharField):
            continue
        if isinstance(field.widget, forms.Textarea):
            field.max_length = settings.CONTACT_MESSAGE_MAX_LENGTH
            field.validators.append(MaxLengthValidator(field.max_length))
            field.widget.attrs["maxlength"] = str(field.max_length)
        else:
            field.validators.append(single_line)


def rate_exceeded(request):
    """Whether this address has posted more than CONTACT_FORM_RATE forms in a minute (this
    post counted)."""
    return spam.posting_too_fast(request, "contact", settings.CONTACT_FORM_RATE)


class ContactPage(SitePage, TranslatedPageMixin, AbstractEmailForm):
    """The contact form: the office's e-mail address receives each message, and every message
    is kept under Forms in the admin."""

    intro = models.TextField(_("introduction"), blank=True)
    thank_you_text = models.TextField(
        _("thank-you text"), blank=True, help_text=_("Shown after a message is sent.")
    )

    indexed_text_fields = ("intro",)  # not the mail settings

    content_panels = AbstractEmailForm.content_panels + [
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                # Where visitors' messages go is a setting: a translator cannot redirect them.
                FieldRowPanel(
                    [
                        FieldPanel("from_address", permission=SETTINGS_PERMISSION),
                        FieldPanel("to_address", permission=SETTINGS_PERMISSION),
                    ]
                ),
                FieldPanel("subject"),
            ],
            heading=_("E-mail to the office"),
        ),
    ]

    parent_page_types = SITE_PAGE_PARENTS
    subpage_types = []

    # The one page type whose address takes a POST (bitnews/middleware.py asks the page).
    accepts_posts = True
    translated_display_fields = ("title", "intro")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["honeypot"] = HONEYPOT
        return context

    def get_form_class(self):
        """The editor's fields, bounded (`bound_fields`), and the honeypot, which is never
        stored or e-mailed."""
        built = super().get_form_class()

        def init(form, *args, **kwargs):
            built.__init__(form, *args, **kwargs)
            bound_fields(form.fields)

        def clean(form):
            cleaned = built.clean(form)
            cleaned.pop(HONEYPOT, None)
            return cleaned

        members = {HONEYPOT: spam.honeypot_field(), "__init__": init, "clean": clean}
        return type(built.__name__, (built,), members)

    def refuse(self, request, message, status):
        """The form again, as sent, with `message` above it; nothing stored or e-mailed."""
        context = self.get_context(request)
        context["form"] = self.get_form(request.POST, page=self, user=request.user)
        context["refusal"] = message
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def serve(self, request, *args, **kwargs):
        """Wagtail's form view behind the spam checks. Never kept by the page cache or a
        shared cache: the form holds this visitor's CSRF token."""
        if request.method == "POST":
            if rate_exceeded(request):
                message = _(
                    "Too many messages from your address. Please wait a minute and try again."
                )
                response = self.refuse(request, message, 429)
                response["Retry-After"] = str(spam.RETRY_AFTER)
            elif request.POST.get(HONEYPOT):
                message = _(
                    "Your message was not sent: a field meant to stay empty, which stops spam robots, "
                    "was filled in. Please send it again without filling in forms automatically."
                )
                response = self.refuse(request, message, 400)
            else:
                response = AbstractEmailForm.serve(self, request, *args, **kwargs)
        else:
            response = AbstractEmailForm.serve(self, request, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    class Meta:
        verbose_name = _("contact page")


def site_menu(request, home):
    """The navigation and footer link groups of the site whose home page is `home`:
    [{"pk", "title", "url", "children": [{"pk", "title", "url"}]}], the pages under Home with
    "Show in menus" ticked and theirs (stories left out), live and public, in tree order; made
    once until a write of what it shows, language and host. Two queries when made."""

    def build():
        shown = Page.objects.live().filter(public_q(), show_in_menus=True).order_by("path")
        top = list(shown.child_of(home))
        if not top:
            return []
        below = shown.filter(depth=home.depth + 2, path__startswith=home.path).not_type(ArticlePage)
        entries = {}
        for page in top:
            url = page.get_url(request)
            routes = getattr(page.specific_class, "menu_routes", ())
            entries[page.path] = {
                "pk": page.pk,
                "title": page.title,
                "url": url,
                "routes": [(str(title), url + route, route) for title, route in routes],
                "children": [],
            }
        for page in below:
            parent = entries.get(page.path[: -Page.steplen])
            if parent is not None:
                item = {"pk": page.pk, "title": page.title, "url": page.get_url(request)}
                parent["children"].append(item)
        return list(entries.values())

    def tagged():
        cache_tags.record_shown(home)
        return build()

    host = request.get_host() if request is not None else "-"
    return fragments.config(request, ("site-menu", host, home.pk, language()), tagged)
