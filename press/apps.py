from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PressConfig(AppConfig):
    """The press room: press releases under embargo, the embargoed preview links given to
    journalists, media contacts and each release's press kit. It imports news, which imports
    none of it (docs/architecture.md, Press room)."""

    name = "press"
    label = "press"
    verbose_name = _("Press room")

    def ready(self):
        # The press page lists the media contacts: a contact written ends it (news/cache/,
        # whose writes any app may register; the list records its tag when it is run).
        from news.cache import invalidation

        from .models import CONTACTS_LIST, MediaContact

        invalidation.watch(MediaContact, lambda _contact: (CONTACTS_LIST,))
