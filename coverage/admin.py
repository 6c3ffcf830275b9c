"""The admin's "In the media": the clips as a snippet, filtered by language and date, searched
by outlet and headline; Editors, Moderators and chief editors add, change and delete them
(Wagtail's model permissions, given by migration 0002_clip_permissions)."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import WEB_ADDRESS_MESSAGE, CoverageClip, web_address


class CoverageClipForm(WagtailAdminModelForm):
    """The link is a web address (http or https), refused with one clear message otherwise:
    Django's URL field would take ftp:// and word its refusals for developers."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "url" in self.fields:
            field = self.fields["url"]
            field.validators = [web_address]
            field.error_messages["invalid"] = WEB_ADDRESS_MESSAGE


class CoverageClipFilterSet(WagtailFilterSet):
    published = django_filters.DateFromToRangeFilter(
        label=_("Date published"), widget=DateRangePickerWidget
    )

    class Meta:
        model = CoverageClip
        fields = ["language", "published"]


class CoverageClipViewSet(SnippetViewSet):
    model = CoverageClip
    icon = "openquote"
    menu_label = _("In the media")
    menu_name = "coverage"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["headline", "outlet", "published", "language"]
    list_export = ["outlet", "headline", "published", "url", "language", "quote"]
    filterset_class = CoverageClipFilterSet
    search_fields = ["outlet", "headline"]
    search_backend_name = None  # hundreds of rows: searched in the database
    ordering = ["-published", "-pk"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("outlet"), FieldPanel("published")]),
            FieldPanel("headline"),
            FieldPanel("url", widget=forms.URLInput(attrs={"inputmode": "url"})),
            FieldPanel("language"),
            FieldPanel("quote"),
        ],
        base_form_class=CoverageClipForm,
    )
