"""The admin's "Forgot password?" with limits, so a script cannot use it to mail-bomb an editor
or the office's SMTP account: at most PASSWORD_RESET_PER_EMAIL requests for one e-mail address
an hour (the ones over it answer as if sent, so the page still tells no one whether an account
exists, and send nothing) and PASSWORD_RESET_PER_CLIENT requests from one visitor address
(news/visitor.py) a minute (over it: the form again, 429, saying to wait a minute). Counted in
news/limits.py. Routed in place of Wagtail's view at the same address (bitnews/urls.py)."""

import logging

from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils.translation import gettext as _
from wagtail.admin.views.account import PasswordResetView

from .. import limits
from ..visitor import client_ip

logger = logging.getLogger(__name__)


class LimitedPasswordResetView(PasswordResetView):
    def post(self, request, *args, **kwargs):
        address = client_ip(request)
        if limits.exceeded("reset-client", address, settings.PASSWORD_RESET_PER_CLIENT, 60):
            logger.warning("password reset refused: too many requests from %s", address)
            form = self.get_form()
            form.is_valid()  # its own errors shown too
            form.add_error(
                None,
                _(
                    "Too many password reset requests from your network. Wait a minute and try again."
                ),
            )
            response = self.render_to_response(self.get_context_data(form=form), status=429)
            response["Retry-After"] = "60"
            return response
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        email = form.cleaned_data["email"].strip().lower()
        if limits.exceeded("reset-email", email, settings.PASSWORD_RESET_PER_EMAIL, 3600):
            logger.warning("password reset mail not sent: too many requests for one address")
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)
