"""Absolute addresses for what the newsletter mails: links and images must work in a mail
client, far from any request. The site's public address is `WAGTAILADMIN_BASE_URL`
(production requires it, docs/deployment.md); without it, the default Site's root URL."""

from urllib.parse import urljoin

from django.conf import settings
from wagtail.models import Site


def base_url():
    """The site's public address, without a trailing slash: "https://news.example.edu"."""
    if settings.WAGTAILADMIN_BASE_URL:
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url.rstrip("/") if site else "http://localhost"


def absolute(path):
    """`path` ("/en/newsletter/", "/media/images/x.jpg") as an address a mail client can open;
    an address that is already absolute is returned as it is."""
    return urljoin(base_url() + "/", path)
