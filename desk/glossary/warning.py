"""The glossary's warning to the publisher, never a silent pass: on opening a page's edit view
(the latest revision, what would be published) and after publishing it, a warning message
lists each problem of each language (checks.py), terms and text escaped."""

from django.contrib import messages
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from news import languages

from . import matching
from .checks import FIELDS, check


def describe(problem, code):
    """One problem as a sentence: "Glossary: “…” should be translated “…” (title, English)"."""
    where = {"field": FIELDS[problem["field"]], "language": languages.get(code).name}
    if "found" in problem:
        text = _(
            "Glossary: “%(found)s” is a forbidden variant of “%(expected)s” "
            "(%(field)s, %(language)s)"
        )
    else:
        text = _(
            "Glossary: “%(term)s” should be translated “%(expected)s” (%(field)s, %(language)s)"
        )
    return text % {**problem, **where}


def problems_of(page):
    """(problem, language code) for every language of `page` (one query for the glossary)."""
    terms = matching.load_terms()
    return [(problem, code) for code in languages.CODES for problem in check(page, code, terms)]


def warn(request, page):
    """Add one warning message listing `page`'s glossary problems, if it has any."""
    found = problems_of(page)
    if not found:
        return
    lines = format_html_join("", "<li>{}</li>", ((describe(p, code),) for p, code in found))
    messages.warning(request, format_html("<ul>{}</ul>", lines))


def before_edit(request, page):
    """Hook `before_edit_page`: the warning on opening the edit view (a GET; a POST redirects,
    and `after_publish` speaks for it). `page` is the edit view's: the latest revision."""
    if request.method == "GET":
        warn(request, page)


def after_publish(request, page):
    """Hook `after_publish_page`: what was just published, with its problems."""
    warn(request, page)
