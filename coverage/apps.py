from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoverageConfig(AppConfig):
    """ "In the media": the record of where the university was covered (outlet, headline,
    date, link, language, quote), listed per language with a feed. It imports news, which
    imports none of it (docs/architecture.md, In the media)."""

    name = "coverage"
    label = "coverage"
    verbose_name = _("In the media")

    def ready(self):
        # The cache (news/cache/): the page and feed record "list:coverage" when they list
        # clips (the model's queryset); a clip saved or deleted invalidates it.
        from news.cache import invalidation

        from .models import CoverageClip

        invalidation.watch(CoverageClip, lambda clip: CoverageClip.cache_list_tags)
