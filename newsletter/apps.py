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

    def ready(self):
        from wagtail.signals import published

        from news.cache import invalidation, tags

        from .models import NewsletterIssue
        from .sending.tasks import issue_published

        published.connect(issue_published, sender=NewsletterIssue, dispatch_uid="newsletter.send")
        # The archive (newsletter/archive/) shows published issues: reading one records its
        # tag, a listing the list's; writing one (a publish, a correction) invalidates both.
        tags.shown(NewsletterIssue, lambda issue: (f"newsletter:{issue.pk}",))
        written = lambda issue: (f"newsletter:{issue.pk}", "list:newsletter")  # noqa: E731
        invalidation.watch(
            NewsletterIssue,
            written,
            removes=lambda old, new: old.live and not new.live,  # unpublished: gone at once
            tags_was=written,
        )
