"""Unsubscribing, with no sign-in and no password: `/<lang>/newsletter/unsubscribe/<token>/`,
the token signed with the subscriber's id (newsletter/tokens.py).

GET shows one button and changes nothing (mail scanners follow links); POST unsubscribes at
once: the button's, and RFC 8058's one-click POST that mail clients send to the address in
`List-Unsubscribe` (body `List-Unsubscribe=One-Click`, no CSRF token: the view is exempt, and
all it can do is what the link's holder may do anyway). A forged token is a 404 that says
nothing of any subscriber. Every answer is `private, no-store`."""

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from .models import Subscriber
from .tokens import subscriber_of


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    subscriber_id = subscriber_of(token)
    subscriber = (
        Subscriber.objects.filter(pk=subscriber_id).first() if subscriber_id is not None else None
    )
    if subscriber is None:
        raise Http404
    done = False
    if request.method == "POST":
        if subscriber.status != Subscriber.Status.UNSUBSCRIBED:
            subscriber.status = Subscriber.Status.UNSUBSCRIBED
            subscriber.unsubscribed_at = timezone.now()
            subscriber.save(update_fields=["status", "unsubscribed_at"])
        done = True
    response = TemplateResponse(
        request,
        "newsletter/unsubscribe.html",
        {
            "done": done or subscriber.status == Subscriber.Status.UNSUBSCRIBED,
            "email": subscriber.email,
        },
    )
    add_never_cache_headers(response)
    return response


unsubscribe.accepts_posts = True  # bitnews.middleware.PublicMethodsMiddleware
