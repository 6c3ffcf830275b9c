"""Sign-in lockouts (django-axes, settings: AXES_*): the page a locked-out sign-in gets, the
handler that adds a pause per address, and the admin page where a moderator lifts a lockout
before its cool-off ends (hooks: wagtail_hooks.py).

Two pauses, each for LOGIN_COOLOFF_MINUTES after the last failure:
- a user name from an address, after AXES_FAILURE_LIMIT (5) wrong passwords (axes's own);
- an address, after SIGN_IN_ADDRESS_LIMIT (20) wrong passwords over all user names
  (`NewsroomLockouts`), so trying 25 names 4 times each from one address is stopped too. A
  user who has signed in from that address before (axes's access log) is not held by it: an
  editor behind the same campus network as the attacker still signs in (with their own
  five-failure limit); any other is let in by a moderator lifting the address's pause.

Who may lift them: holders of `axes.delete_accessattempt` (Moderators, migration 0015) and
superusers. Lifting one removes the failed attempts of that user name and address, or of every
user name from that address (`axes.utils.reset`).
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt, AccessLog
from axes.utils import reset
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Max, Sum
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

LIFT_PERMISSION = "axes.delete_accessattempt"


def recent_attempts():
    return AccessAttempt.objects.filter(
        attempt_time__gte=timezone.now() - settings.AXES_COOLOFF_TIME
    )


def address_failures(address):
    """Wrong passwords from `address` over every user name within the cool-off."""
    found = recent_attempts().filter(ip_address=address).aggregate(sum=Sum("failures_since_start"))
    return found["sum"] or 0


def signed_in_before(username, address):
    return (
        bool(username) and AccessLog.objects.filter(username=username, ip_address=address).exists()
    )


def address_paused(request, credentials):
    """Whether the address of `request` is paused for the user name in `credentials`."""
    address = getattr(request, "axes_ip_address", None)
    if address is None or address_failures(address) < settings.SIGN_IN_ADDRESS_LIMIT:
        return False
    username = (credentials or {}).get("username") or request.POST.get("username")
    return not signed_in_before(username, address)


class NewsroomLockouts(AxesDatabaseHandler):
    """AXES_HANDLER: axes's own (user name and address), and the pause of an address: checked
    before a password is (`is_locked`), and said with the lockout page (429) once a failure
    reaches it, as axes does for its own (`user_login_failed`)."""

    def is_locked(self, request, credentials=None):
        return super().is_locked(request, credentials) or address_paused(request, credentials)

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request, **kwargs)
        paused = request is not None and not request.axes_locked_out
        if paused and address_paused(request, credentials):
            request.axes_locked_out = True
            request.axes_credentials = credentials


def locked_out(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: 429, in both languages (who is signing in is not known yet)."""
    minutes = locked_minutes()
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "address_limit": settings.SIGN_IN_ADDRESS_LIMIT,
        "minutes": minutes,
    }
    response = render(request, "locked_out.html", context, status=429)
    response["Retry-After"] = str(minutes * 60)
    return response


def may_lift(user):
    return user.is_active and (user.is_superuser or user.has_perm(LIFT_PERMISSION))


def current_lockouts():
    """(user name, address, failures, last attempt) of each pair locked out now."""
    return (
        recent_attempts()
        .values("username", "ip_address")
        .annotate(last=Max("attempt_time"), failures=Max("failures_since_start"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
        .order_by("-last")
    )


def paused_addresses():
    """(address, failures, last attempt) of each address paused now over all user names."""
    return (
        recent_attempts()
        .values("ip_address")
        .annotate(last=Max("attempt_time"), failures=Sum("failures_since_start"))
        .filter(failures__gte=settings.SIGN_IN_ADDRESS_LIMIT)
        .order_by("-last")
    )


def lockouts(request):
    if not may_lift(request.user):
        raise PermissionDenied
    if request.method == "POST":
        username, address = request.POST.get("username", ""), request.POST.get("ip_address", "")
        whole_address = request.POST.get("whole_address") == "1"
        if not address or not (username or whole_address):  # axes resets all that matches
            return HttpResponseBadRequest(_("Say which user name and address to lift."))
        if whole_address and reset(ip=address):
            messages.success(
                request, _("Anyone may sign in again from %(address)s.") % {"address": address}
            )
        elif not whole_address and reset(ip=address, username=username):
            messages.success(
                request,
                _("%(username)s may sign in again from %(address)s.")
                % {"username": username, "address": address},
            )
        return redirect(reverse("news_lockouts"))
    context = {
        "lockouts": list(current_lockouts()),
        "addresses": list(paused_addresses()),
        "address_limit": settings.SIGN_IN_ADDRESS_LIMIT,
        "minutes": locked_minutes(),
        "failure_limit": settings.AXES_FAILURE_LIMIT,
    }
    return TemplateResponse(request, "newsroom/lockouts.html", context)


def locked_minutes():
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
