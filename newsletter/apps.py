from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    """The weekly e-mail digest: subscribers who confirmed their address (double opt-in), the
    issues editors compose from the week's stories, and their sending by the background
    worker, one recorded delivery per recipient. It imports news, which imports none of it
    (docs/architecture.md, Newsletter); switched off, the site works without its form."""

    name = "newsletter"
    label = "newsletter"
    verbose_name = _("Newsletter")
