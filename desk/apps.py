from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeskConfig(AppConfig):
    """The translators' desk: a translation memory aligned from the site's published bilingual
    pages, the newsroom's approved glossary checked before publishing, and a translator's
    queue with claims. It imports news, which imports none of it (docs/architecture.md,
    Translators' desk); switched off, the editor and the translation status work as before."""

    name = "desk"
    label = "desk"
    verbose_name = _("Translators' desk")

    def ready(self):
        from news.newsroom.translation_status import recorded

        from .memory import signals
        from .queue.receivers import recount_recorded

        signals.connect()
        recorded.connect(recount_recorded, dispatch_uid="desk_queue_recount")
