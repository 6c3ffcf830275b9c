"""The issues' snippet viewset."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet

from ..models import NewsletterIssue
from .views import IssueCreateView, IssueEditView, IssueIndexView


class DeliveriesColumn(Column):
    """ "sent / recipients" of an issue (nothing before it is sent)."""

    def get_value(self, instance):
        counts = instance.delivery_counts()
        if not counts["total"]:
            return "—"
        return _("%(sent)s of %(total)s sent, %(failed)s failed") % counts


class IssueViewSet(SnippetViewSet):
    model = NewsletterIssue
    icon = "mail"
    menu_label = _("Newsletter issues")
    menu_name = "newsletter-issues"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["subject", "language", DeliveriesColumn("deliveries", label=_("Deliveries"))]
    list_filter = ["language", "live"]
    index_view_class = IssueIndexView
    add_view_class = IssueCreateView
    edit_view_class = IssueEditView
