"""Two-step sign-in for the admin: a code from an authenticator app (TOTP) after the password,
with one-use recovery codes for a lost phone. Built on django-otp (its devices, tokens,
throttling and session record); the pages, the rule of who must use it and the middleware that
enforces it are ours (hooks: wagtail_hooks.py; templates: templates/newsroom/two_factor_*.html).

Who must: with TWO_FACTOR_REQUIRED on (production's default), superusers and members of
TWO_FACTOR_GROUPS (Moderators and Chief editors) set it up before the admin lets them do
anything else. Anyone else may turn it on; once on, every admin page asks for the code after
the password. The same holds for the public pages and documents only signed-in users may see
(`guard_restricted`, hooks before Wagtail serves them): the password alone opens none. A user who has lost both phone and codes is reset by someone who may change
users (the Users listing's "Reset two-step verification").
"""

import base64
import functools

import django_otp
import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import Resolver404, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.debug import sensitive_post_parameters
from django_otp.middleware import OTPMiddleware
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.auth import require_admin_access
from wagtail.models import BaseViewRestriction

RECOVERY_CODES = 10
APP_DEVICE = "Authenticator app"
RECOVERY_DEVICE = "Recovery codes"
RESET_PERMISSION = "auth.change_user"  # who manages users in Wagtail's Users area

# What an admin user who still owes a code may open: signing in and out, and the pages below.
OPEN_BEFORE_CODE = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "news_two_factor_verify",
}
OPEN_BEFORE_SETUP = OPEN_BEFORE_CODE | {"news_two_factor_setup"}


@functools.cache
def admin_prefix():
    """Where the admin lives ("/admin/"): looked up once, not on every request."""
    return reverse("wagtailadmin_home")


def is_required(user):
    """Whether this user may not use the admin without a second step (the setting's rule)."""
    if not settings.TWO_FACTOR_REQUIRED:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=settings.TWO_FACTOR_GROUPS).exists()


def app_devices(user, confirmed=True):
    return TOTPDevice.objects.devices_for_user(user, confirmed=confirmed)


def recovery_device(user):
    return StaticDevice.objects.devices_for_user(user, confirmed=True).first()


def recovery_codes_left(user):
    device = recovery_device(user)
    return device.token_set.count() if device else 0


class TwoFactorMiddleware(OTPMiddleware):
    """django-otp's middleware (request.user.is_verified()), and then, on admin pages: a user
    with a confirmed device who has not given a code this session is sent to give one; a user
    who must use two steps and has none yet is sent to set it up."""

    def __call__(self, request):
        self._install_lazy_accessors(request)
        detour = self.detour(request)
        return detour if detour is not None else self.get_response(request)

    def detour(self, request):
        if not request.path_info.startswith(admin_prefix()):
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        try:
            name = resolve(request.path_info).url_name
        except Resolver404:
            name = None
        if name in OPEN_BEFORE_CODE:
            return None
        if django_otp.user_has_device(user):
            return redirect_to_login(request.get_full_path(), reverse("news_two_factor_verify"))
        if name not in OPEN_BEFORE_SETUP and is_required(user):
            return redirect_to_login(request.get_full_path(), reverse("news_two_factor_setup"))
        return None


def owed_step(request):
    """The page a signed-in user must go to before anything a sign-in protects (the code, or
    setting up two steps when they must), or None when they owe nothing."""
    user = request.user
    if not user.is_authenticated or user.is_verified():
        return None
    if django_otp.user_has_device(user):
        return "news_two_factor_verify"
    if is_required(user):
        return "news_two_factor_setup"
    return None


def guard_restricted(request, restrictions):
    """Before a public page or document that only signed-in users (or some groups) may see:
    a user who gave only the password is sent for the second step first, then back here.
    Restrictions by a shared password are not about who is signed in: left to Wagtail."""
    by_sign_in = (BaseViewRestriction.LOGIN, BaseViewRestriction.GROUPS)
    if not any(restriction.restriction_type in by_sign_in for restriction in restrictions):
        return None
    step = owed_step(request)
    if step is None:
        return None
    return redirect_to_login(request.get_full_path(), reverse(step))


def next_url(request, default="wagtailadmin_home"):
    """The page the user was on their way to, when it is one of ours."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse(default)


def normalised(code):
    return "".join(code.split()).replace("-", "").lower()


class CodeForm(forms.Form):
    code = forms.CharField(
        label=pgettext_lazy("two-step sign-in", "Code"),
        max_length=32,
        help_text=gettext_lazy(
            "The six digits your authenticator app shows now, or one of your recovery codes."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}
        ),
    )

    def __init__(self, *args, user, devices, **kwargs):
        super().__init__(*args, **kwargs)
        self.user, self.devices, self.device = user, devices, None

    def clean_code(self):
        code = normalised(self.cleaned_data["code"])
        for device in self.devices:
            if not device.verify_is_allowed()[0]:
                continue
            if django_otp.verify_token(self.user, device.persistent_id, code):
                self.device = device
                return code
        raise forms.ValidationError(
            _(
                "That code is not right or has been used. Codes change every 30 seconds; after "
                "several wrong ones, wait a minute before the next try."
            )
        )


def answer(request, template, context, form=None):
    status = 400 if form is not None and form.is_bound and form.errors else 200
    return TemplateResponse(request, template, {"form": form, **context}, status=status)


@sensitive_post_parameters("code")
def verify(request):
    """The second step after the password: a code from the app or a recovery code."""
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
    devices = list(django_otp.devices_for_user(user))
    if user.is_verified() or not devices:
        return redirect(next_url(request))
    form = CodeForm(request.POST or None, user=user, devices=devices)
    if request.method == "POST" and form.is_valid():
        django_otp.login(request, form.device)
        if isinstance(form.device, StaticDevice):
            messages.warning(
                request,
                _("You signed in with a recovery code; %(left)d are left.")
                % {"left": recovery_codes_left(user)},
            )
        return redirect(next_url(request))
    return answer(request, "newsroom/two_factor_verify.html", {"next": next_url(request)}, form)


def pending_app_device(user):
    """The app device being set up: made on first sight, kept until confirmed or replaced."""
    device = app_devices(user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE, confirmed=False)
    return device


def qr_code(device):
    svg = segno.make(device.config_url, error="m").svg_inline(scale=4, light="#fff", border=4)
    return mark_safe(svg)  # noqa: S308 - segno writes the SVG from the URL's bits, nothing else


def new_recovery_codes(user):
    """Replace the user's recovery codes with RECOVERY_CODES new ones; return them to show once."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _index in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@require_admin_access
@sensitive_post_parameters("code")
def setup(request):
    """Scan the QR code (or type the key), prove it with a code, take the recovery codes."""
    user = request.user
    device = pending_app_device(user)
    form = CodeForm(request.POST or None, user=user, devices=[device])
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            app_devices(user).exclude(pk=device.pk).delete()
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            codes = new_recovery_codes(user)
        django_otp.login(request, device)
        return recovery_codes_page(request, codes)
    context = {
        "qr_code": qr_code(device),
        "key": " ".join(chunks(base64.b32encode(device.bin_key).decode(), 4)),
        "next": next_url(request),
        "replacing": app_devices(user).exists(),
    }
    return answer(request, "newsroom/two_factor_setup.html", context, form)


def chunks(text, size):
    return [text[start : start + size] for start in range(0, len(text), size)]


def recovery_codes_page(request, codes):
    context = {"codes": codes, "next": next_url(request, default="news_two_factor")}
    return TemplateResponse(request, "newsroom/two_factor_codes.html", context)


@require_admin_access
def overview(request):
    """The account's page: on or off, codes left, and what the user can do about it."""
    user = request.user
    context = {
        "enabled": app_devices(user).exists(),
        "required": is_required(user),
        "codes_left": recovery_codes_left(user),
    }
    return TemplateResponse(request, "newsroom/two_factor.html", context)


@require_admin_access
def recovery_codes(request):
    """POST: new recovery codes (the old ones stop working), shown once."""
    if request.method != "POST" or not app_devices(request.user).exists():
        return redirect("news_two_factor")
    return recovery_codes_page(request, new_recovery_codes(request.user))


class PasswordForm(forms.Form):
    password = forms.CharField(label=gettext_lazy("Your password"), widget=forms.PasswordInput)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        if not self.user.check_password(self.cleaned_data["password"]):
            raise forms.ValidationError(_("That is not your password."))
        return ""


@require_admin_access
@sensitive_post_parameters("password")
def turn_off(request):
    """Remove one's own devices, with the password; not offered to those who must use it."""
    user = request.user
    if is_required(user):
        raise PermissionDenied
    form = PasswordForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        for device in django_otp.devices_for_user(user, confirmed=None):
            device.delete()
        messages.success(request, _("Two-step verification is off for your account."))
        return redirect("news_two_factor")
    return answer(request, "newsroom/two_factor_off.html", {}, form)


def may_reset(user):
    return user.is_active and (user.is_superuser or user.has_perm(RESET_PERMISSION))


@require_admin_access
def reset(request, user_id):
    """A user manager removes another user's devices (phone and codes lost); they set it up anew."""
    if not may_reset(request.user):
        raise PermissionDenied
    account = get_object_or_404(get_user_model(), pk=user_id)
    if request.method == "POST":
        for device in django_otp.devices_for_user(account, confirmed=None):
            device.delete()
        messages.success(
            request,
            _("Two-step verification was reset for %(user)s.") % {"user": account.get_username()},
        )
        return redirect("wagtailusers_users:index")
    context = {"account": account, "enabled": app_devices(account).exists()}
    return TemplateResponse(request, "newsroom/two_factor_reset.html", context)
