from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content for trying the site and for the browser tests: `manage.py load_demo`.
    No models; installed by the dev and test settings only, never in production."""

    name = "demo"
    verbose_name = "Demo content"
