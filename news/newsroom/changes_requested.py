"""What a moderator asked for, shown at the top of the edit view: when a workflow task was
rejected ("Request changes"), whoever opens the page to edit it reads who asked and their
comment without opening the status side panel or the workflow history."""

from django.contrib import messages
from django.utils.translation import gettext as _
from wagtail.models import TaskState, WorkflowState


def show(request, page):
    """Add the request for changes on `page`, if its workflow waits for them, to the messages
    of this request's edit view (a GET: a POST redirects, and the message would follow it)."""
    if request.method != "GET":
        return
    state = (
        WorkflowState.objects.for_instance(page)
        .filter(status=WorkflowState.STATUS_NEEDS_CHANGES)
        .select_related("current_task_state__finished_by")
        .first()
    )
    task_state = state.current_task_state if state else None
    if task_state is None or task_state.status != TaskState.STATUS_REJECTED:
        return
    moderator = task_state.finished_by
    who = (moderator.get_full_name() or moderator.get_username()) if moderator else _("a moderator")
    if task_state.comment:
        text = _("Changes requested by %(who)s: “%(comment)s”") % {
            "who": who,
            "comment": task_state.comment,
        }
    else:
        text = _("Changes requested by %(who)s (no comment).") % {"who": who}
    messages.warning(request, text)
