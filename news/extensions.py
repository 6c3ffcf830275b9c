"""Places in the public pages where other apps add what they offer, so that news names none
of them: an app that is switched off simply adds nothing.

An app registers a Wagtail hook under one of these names (in its `wagtail_hooks.py`); the
function receives the template context and returns HTML, or "" to add nothing there.
Templates mark the place with `{% extension_point "<name>" %}` (news_tags).
"""

from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from wagtail import hooks

SITE_HEADER = "news_site_header"  # in the header, between the site's name and the language menu
ARTICLE_HEAD = "news_article_head"  # in an article's <head>: scripts, links
ARTICLE_META = "news_article_meta"  # in an article's line of date and reading time
# at the top of an article, before its title: notices about the story as shown (an embargo)
ARTICLE_NOTICE = "news_article_notice"
HOME_SECTIONS = "news_home_sections"  # on the home page, after the latest news
SITE_FOOTER = "news_site_footer"  # at the foot of the footer, under the legal line
# the footer's list of what the newsroom offers beside the pages (Newsletter, Press room, ...):
# each hook gives <li> items, a link each, in the visitor's language
FOOTER_LINKS = "news_footer_links"

NAMES = (
    SITE_HEADER,
    ARTICLE_HEAD,
    ARTICLE_META,
    ARTICLE_NOTICE,
    HOME_SECTIONS,
    SITE_FOOTER,
    FOOTER_LINKS,
)


def render(name, context):
    """The HTML every app registered for `name` gives for this context, joined."""
    if name not in NAMES:
        raise ValueError(f"No extension point is called {name!r}; see news/extensions.py.")
    parts = (hook(context) for hook in hooks.get_hooks(name))
    return mark_safe("".join(conditional_escape(part) for part in parts if part))  # noqa: S308
