"""The public pages: the sign-up form (`/<lang>/newsletter/`), "Check your inbox", and the
confirmation link's page (GET shows a "Confirm" button, POST confirms).

Each holds a form with the visitor's CSRF token, or says something about one address: all are
`private, no-store`, never kept by the page cache or a shared cache. POSTs reach them through
bitnews.middleware.PublicMethodsMiddleware (`accepts_posts`). Refusals are in the page's
language: 400 for an invalid address or a filled honeypot, 429 with Retry-After past
NEWSLETTER_SIGNUP_RATE posts a minute from one visitor address (news/spam.py, as the contact
form), 400 for a link forged, altered, expired or whose address was deleted since."""

from django.conf import settings
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from news import spam

from ..models import Subscriber
from . import signup as signing_up
from . import tokens
from .forms import SignupForm

RATE_ACTION = "newsletter-signup"
TOO_FAST = _("Too many sign-ups from your address. Please wait a minute and try again.")
HONEYPOT_FILLED = _(
    "You were not signed up: a field meant to stay empty, which stops spam robots, was filled "
    "in. Please sign up again without filling in forms automatically."
)


def past_issues_url():
    """The archive of past issues, while the newsletter's archive is routed."""
    try:
        return reverse("newsletter_issues")
    except NoReverseMatch:
        return None


def page(request, template, context=None, status=200):
    """A newsletter page in the site's design, never kept by any cache."""
    context = {
        "view_name": "newsletter",  # the switcher and hreflang lead to the sign-up form
        "past_issues_url": past_issues_url(),
        "honeypot": spam.HONEYPOT,
        "valid_days": tokens.VALID_FOR.days,
        **(context or {}),
    }
    response = TemplateResponse(request, template, context, status=status)
    add_never_cache_headers(response)
    return response


def form_page(request, form, status=200, refusal=None):
    context = {"form": form, "refusal": refusal}
    return page(request, "newsletter/signup.html", context, status)


@require_http_methods(["GET", "HEAD", "POST"])
def signup(request):
    """The form; a valid POST always answers "Check your inbox", whatever the address's
    state (signup.py decides whether a mail goes)."""
    if request.method != "POST":
        return form_page(request, SignupForm())
    form = SignupForm(request.POST)
    if spam.posting_too_fast(request, RATE_ACTION, settings.NEWSLETTER_SIGNUP_RATE):
        response = form_page(request, form, 429, TOO_FAST)
        response["Retry-After"] = str(spam.RETRY_AFTER)
        return response
    if request.POST.get(spam.HONEYPOT):
        return form_page(request, form, 400, HONEYPOT_FILLED)
    if not form.is_valid():
        return form_page(request, form, 400)
    data = form.cleaned_data
    signing_up.sign_up(data["email"], data["language"], data["columns"])
    return page(request, "newsletter/check_inbox.html")


signup.accepts_posts = True  # bitnews.middleware.PublicMethodsMiddleware


def invalid_link(request):
    return page(request, "newsletter/invalid_link.html", status=400)


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    """GET: what the link confirms, and the button; POST: subscribed."""
    choice = tokens.read(token)
    if choice is None or not Subscriber.objects.filter(email__iexact=choice["email"]).exists():
        return invalid_link(request)
    if request.method != "POST":
        return page(request, "newsletter/confirm.html", {"token": token})
    if signing_up.confirm(choice) is None:
        return invalid_link(request)
    return page(request, "newsletter/confirmed.html")


confirm.accepts_posts = True
