"""Newsletter › Subscribers in the admin: the addresses listed, filtered (status, language,
column, sign-up date), searched by address, exported (Wagtail's CSV and Excel export; cells
never formulas, news/newsroom/exports.py), edited and deleted ("delete my data": the row and
everything linked to it). Wagtail's model permissions decide (migration
0003_subscriber_permissions): moderators and chief editors view, change and delete; editors and
translators do not reach the list.

Double opt-in holds here too: the edit form changes an address's language and columns, and
may unsubscribe it, never make it subscribed; a row added by hand (superusers only: no group
holds "add") waits for a confirmation nobody has asked for, so it is sent nothing."""

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from news import languages
from news.models import Column

from ..models import Subscriber


class SubscriberFilterSet(WagtailFilterSet):
    columns = django_filters.ModelChoiceFilter(
        label=_("Column"), queryset=Column.objects.all(), empty_label=_("All")
    )
    created_at = django_filters.DateFromToRangeFilter(
        label=Subscriber._meta.get_field("created_at").verbose_name,
        widget=DateRangePickerWidget,
    )

    class Meta:
        model = Subscriber
        fields = ["status", "language", "columns", "created_at"]


class SubscriberForm(WagtailAdminModelForm):
    """Language and columns; the status only kept or set to "Unsubscribed"; the address fixed
    once saved (another address would be subscribed without its owner's confirmation)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["email"].disabled = True
        status = self.fields.get("status")
        if status is not None:
            current = self.instance.status if self.instance.pk else Subscriber.Status.PENDING
            status.choices = [
                (value, label)
                for value, label in Subscriber.Status.choices
                if value in (current, Subscriber.Status.UNSUBSCRIBED)
            ]
        self.fields["language"].choices = [
            (language.code, language.self_name) for language in languages.LANGUAGES
        ]
        self.fields["columns"].widget = forms.CheckboxSelectMultiple()
        self.fields["columns"].queryset = Column.objects.all()

    def save(self, commit=True):
        subscriber = super().save(commit=False)
        if not subscriber.pk:  # never subscribed without the owner's confirmation
            subscriber.status = Subscriber.Status.PENDING
        elif subscriber.status == Subscriber.Status.UNSUBSCRIBED:
            was = Subscriber.objects.filter(pk=subscriber.pk).values_list("status", flat=True)
            if was.first() != Subscriber.Status.UNSUBSCRIBED:
                subscriber.unsubscribed_at = timezone.now()
        if commit:
            subscriber.save()
            self.save_m2m()
        return subscriber


class SubscriberIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("columns")


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    index_view_class = SubscriberIndexView
    name = "newsletter_subscribers"
    url_prefix = "newsletter/subscribers"
    icon = "user"
    menu_label = _("Subscribers")
    copy_view_enabled = False  # one row per address
    list_display = ["email", "status", "language", "created_at", "confirmed_at"]
    filterset_class = SubscriberFilterSet
    search_fields = ["email"]
    search_backend_name = None  # searched in the database
    ordering = ["-created_at"]
    list_export = [
        "email",
        "status",
        "language",
        "column_names",
        "created_at",
        "confirmed_at",
        "unsubscribed_at",
    ]
    export_headings = {"column_names": _("columns")}
    export_filename = "newsletter-subscribers"

    edit_handler = ObjectList(
        [FieldPanel("email"), FieldPanel("language"), FieldPanel("columns"), FieldPanel("status")],
        base_form_class=SubscriberForm,
    )


class NewsletterGroup(ViewSetGroup):
    """The admin's "Newsletter" menu (the issues join it)."""

    menu_label = _("Newsletter")
    menu_icon = "mail"
    menu_order = 260
    items = (SubscriberViewSet,)
