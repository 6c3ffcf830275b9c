"""Sign-in lockouts (django-axes, settings: AXES_*): the page a locked-out sign-in gets, and the
admin page where a moderator lifts a lockout before its cool-off ends (hooks: wagtail_hooks.py).

Who may lift them: holders of `axes.delete_accessattempt` (Moderators, migration 0015) and
superusers. Lifting one removes that user name and address's failed attempts (`axes.utils.reset`).
"""

from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Max
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

LIFT_PERMISSION = "axes.delete_accessattempt"


def locked_out(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: 429, in both languages (who is signing in is not known yet)."""
    minutes = locked_minutes()
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "minutes": minutes}
    response = render(request, "locked_out.html", context, status=429)
    response["Retry-After"] = str(minutes * 60)
    return response


def may_lift(user):
    return user.is_active and (user.is_superuser or user.has_perm(LIFT_PERMISSION))


def current_lockouts():
    """(user name, address, failures, last attempt) of each pair locked out now."""
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    return (
        AccessAttempt.objects.filter(attempt_time__gte=since)
        .values("username", "ip_address")
        .annotate(last=Max("attempt_time"), failures=Max("failures_since_start"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
        .order_by("-last")
    )


def lockouts(request):
    if not may_lift(request.user):
        raise PermissionDenied
    if request.method == "POST":
        username, address = request.POST.get("username", ""), request.POST.get("ip_address", "")
        if not (username and address):  # axes resets every pause matching what is given
            return HttpResponseBadRequest(_("Say which user name and address to lift."))
        if reset(ip=address, username=username):
            messages.success(
                request,
                _("%(username)s may sign in again from %(address)s.")
                % {"username": username, "address": address},
            )
        return redirect(reverse("news_lockouts"))
    context = {
        "lockouts": list(current_lockouts()),
        "minutes": locked_minutes(),
        "failure_limit": settings.AXES_FAILURE_LIMIT,
    }
    return TemplateResponse(request, "newsroom/lockouts.html", context)


def locked_minutes():
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
