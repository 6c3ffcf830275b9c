"""The demo says it is one, once on every page: a line at the foot of the footer (news's
extension point). The demo app is installed by the dev and test settings only, so a site in
production never shows it."""

from django.utils.html import format_html
from django.utils.translation import gettext
from wagtail import hooks

from news import extensions


@hooks.register(extensions.SITE_FOOTER)
def demo_notice(context):
    return format_html(
        '<p class="site-footer__demo">{}</p>',
        gettext("This is a demonstration site: the stories and events on it are examples."),
    )
