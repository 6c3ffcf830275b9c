from django.apps import AppConfig


class ImporterConfig(AppConfig):
    """Stories of the old site brought in: `manage.py import_news` (docs in README). Its one
    model remembers what each source address became, so a re-run updates instead of copying.
    Removing "importer" from INSTALLED_APPS leaves the site and its imported articles as they
    are (their redirects are Wagtail's)."""

    name = "importer"
    verbose_name = "Importer"

    def ready(self):
        from wagtail.signals import page_published

        from .redirects import made_on_publish

        page_published.connect(made_on_publish, dispatch_uid="importer-redirects")
