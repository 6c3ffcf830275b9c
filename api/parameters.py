"""The query parameters of each endpoint, declared once: the views read and check them from
here, and the OpenAPI description (api/openapi.py) is written from the same declarations, so
the two cannot drift apart.

A parameter the endpoint does not declare, a value that does not parse, a limit above
LIMIT_MAX or an offset outside 0..OFFSET_MAX is a 400 with `{"message": "..."}` (English: the
API's errors are for programmers, not visitors).
"""

import datetime
import re
from dataclasses import dataclass, field

from news import languages

LIMIT_DEFAULT = 20
LIMIT_MAX = 100
# Deeper than this, narrow the question with date_from / date_to instead: a bound keeps the
# database's OFFSET small and every value a number the database takes.
OFFSET_MAX = 10_000
TEXT_MAX = 100  # a slug


class Invalid(ValueError):
    """A parameter's value the endpoint cannot take (its message says why)."""


@dataclass(frozen=True)
class Parameter:
    name: str
    description: str
    schema: dict
    parse: object  # str -> value, raising Invalid
    example: object = None

    def read(self, query):
        """The parsed value of this parameter in `query` (a QueryDict: the last of a
        repeated one, as the page cache keys it), or None when absent."""
        value = query.get(self.name)
        if value is None:
            return None
        try:
            return self.parse(value)
        except Invalid as error:
            raise Invalid(f"{self.name}: {error}") from None


DIGITS = re.compile(r"[0-9]{1,9}", re.ASCII)
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
SLUG = re.compile(r"[-a-zA-Z0-9_]+")  # Django's slugs (columns' and tags' are ASCII)


def whole_number(minimum, maximum):
    def parse(value):
        if not DIGITS.fullmatch(value) or not minimum <= int(value) <= maximum:
            raise Invalid(f"must be a whole number from {minimum} to {maximum}")
        return int(value)

    return parse


def choice(*values):
    def parse(value):
        if value not in values:
            raise Invalid(f"must be one of {', '.join(values)}")
        return value

    return parse


def boolean(value):
    if value not in ("true", "false"):
        raise Invalid("must be true or false")
    return value == "true"


def date(value):
    if not DATE.fullmatch(value):
        raise Invalid("not a date written YYYY-MM-DD")
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise Invalid("not a date in the calendar") from None


def slug(value):
    if len(value) > TEXT_MAX or not SLUG.fullmatch(value):
        raise Invalid("not a slug")
    return value


SLUG_SCHEMA = {
    "type": "string",
    "pattern": "^[-a-zA-Z0-9_]+$",
    "minLength": 1,
    "maxLength": TEXT_MAX,
}

LANG = Parameter(
    "lang",
    "The language of the text fields: the site's fallback applies (a field not translated yet "
    "is the English text, named in `fallback_fields`), and an item whose version in this "
    "language is hidden is left out (its detail is a 404).",
    {"type": "string", "enum": list(languages.CODES), "default": languages.DEFAULT.code},
    choice(*languages.CODES),
    languages.translations()[0].code,
)
LIMIT = Parameter(
    "limit",
    f"How many items, 1 to {LIMIT_MAX}.",
    {"type": "integer", "minimum": 1, "maximum": LIMIT_MAX, "default": LIMIT_DEFAULT},
    whole_number(1, LIMIT_MAX),
    10,
)
OFFSET = Parameter(
    "offset",
    f"How many items to skip, 0 to {OFFSET_MAX}.",
    {"type": "integer", "minimum": 0, "maximum": OFFSET_MAX, "default": 0},
    whole_number(0, OFFSET_MAX),
    0,
)
FOCUS = Parameter(
    "focus",
    "true: only the stories in Focus now; false: only the others.",
    {"type": "string", "enum": ["true", "false"]},
    boolean,
    "true",
)
COLUMN = Parameter(
    "column",
    "Only the items of this column, by its slug in either language (`/api/v2/columns/`).",
    SLUG_SCHEMA,
    slug,
    "research",
)
TAG = Parameter("tag", "Only the items with this tag, by its slug.", SLUG_SCHEMA, slug, "robotics")
DATE_FROM = Parameter(
    "date_from",
    "Only the items dated this day or later (an event's date is the day it starts, in "
    "Beijing time).",
    {"type": "string", "format": "date"},
    date,
    "2023-01-01",
)
DATE_TO = Parameter(
    "date_to",
    "Only the items dated this day or earlier.",
    {"type": "string", "format": "date"},
    date,
    "2023-12-31",
)
WHEN = Parameter(
    "when",
    "upcoming: the events not over yet; past: those that are over.",
    {"type": "string", "enum": ["upcoming", "past"]},
    choice("upcoming", "past"),
    "upcoming",
)


def order(*names, default):
    return Parameter(
        "order",
        f"The order of the items (a leading `-`: descending); by default `{default}`.",
        {"type": "string", "enum": list(names), "default": default},
        choice(*names),
        names[0],
    )


ARTICLE_ORDER = order("-date", "date", "title", "-title", default="-date")
EVENT_ORDER = order("date", "-date", "title", "-title", default="date")


@dataclass(frozen=True)
class Endpoint:
    """What one endpoint takes: its listing's parameters and its detail's (none: no detail)."""

    name: str  # its address below /api/v2/
    item: str  # what one item is, in messages
    listing: tuple
    detail: tuple = field(default=(LANG,))

    @property
    def default_order(self):
        return next(p.schema["default"] for p in self.listing if p.name == "order")


ARTICLES = Endpoint(
    "articles",
    "article",
    (LANG, FOCUS, COLUMN, TAG, DATE_FROM, DATE_TO, ARTICLE_ORDER, LIMIT, OFFSET),
)
EVENTS = Endpoint(
    "events",
    "event",
    (LANG, WHEN, FOCUS, COLUMN, TAG, DATE_FROM, DATE_TO, EVENT_ORDER, LIMIT, OFFSET),
)
COLUMNS = Endpoint("columns", "column", (LANG,), detail=())
ENDPOINTS = (ARTICLES, EVENTS, COLUMNS)


def read_all(parameters, query):
    """{name: parsed value} of `parameters` in `query`; Invalid for a parameter not among
    them or a value that does not parse."""
    known = {parameter.name: parameter for parameter in parameters}
    unknown = sorted(set(query) - set(known))
    if unknown:
        allowed = ", ".join(known) or "none"
        raise Invalid(
            f"unknown query parameter: {', '.join(unknown)} (this address takes: {allowed})"
        )
    return {name: parameter.read(query) for name, parameter in known.items()}
