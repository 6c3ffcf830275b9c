"""What the API answers, as JSON Schema (2020-12, OpenAPI 3.1's dialect): the items of each
endpoint and the envelopes around them. The OpenAPI description (api/openapi.py) publishes
these, and the tests validate real answers against them; `additionalProperties: false`
everywhere, so a field the serialiser adds without declaring it here fails the tests.
"""

from news import languages, pictures
from news.models import ArticlePage

from .parameters import LIMIT_MAX, OFFSET_MAX

# a lead image's sizes: the picture set "api", made by the worker (news/pictures/sets.py)
RENDITIONS = pictures.SETS["api"].specs


def obj(properties, required=None):
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties if required is None else required),
        "additionalProperties": False,
    }


def nullable(schema):
    return {"anyOf": [schema, {"type": "null"}]}


STRING = {"type": "string"}
URL = {"type": "string", "format": "uri"}
DATE = {"type": "string", "format": "date"}
DATE_TIME = {"type": "string", "format": "date-time"}
LANGUAGE = {"type": "string", "enum": list(languages.CODES)}

URLS = {
    "type": "object",
    "description": "The item's address on the site in each language it is public in.",
    "properties": dict.fromkeys(languages.CODES, URL),
    "additionalProperties": False,
    "minProperties": 1,
}
COLUMN_REF = obj({"slug": STRING, "name": STRING})
TAG = obj({"slug": STRING, "name": STRING})
RENDITION = obj(
    {
        "filter": {"type": "string", "enum": list(RENDITIONS)},
        "url": URL,
        "width": {"type": "integer", "minimum": 1},
        "height": {"type": "integer", "minimum": 1},
    }
)
LEAD_IMAGE = obj(
    {
        "alt": STRING,
        "caption": STRING,
        "credit": STRING,
        "renditions": {"type": "array", "items": RENDITION},
    }
)
CREDITS = obj(dict.fromkeys(ArticlePage.credit_fields, STRING))

ARTICLE_FIELDS = {
    "id": {"type": "integer"},
    "type": {"type": "string", "enum": ["article", "event"]},
    "detail_url": URL,
    "language": LANGUAGE,
    "fallback_fields": {
        "type": "array",
        "items": STRING,
        "description": "Fields whose text is English because the requested language's is missing.",
    },
    "title": STRING,
    "summary": STRING,
    "date": DATE,
    "focus": {"type": "boolean", "description": "In Focus now."},
    "column": nullable(COLUMN_REF),
    "tags": {"type": "array", "items": TAG},
    "urls": URLS,
    "lead_image": nullable(LEAD_IMAGE),
    "credits": CREDITS,
}
EVENT_FIELDS = {
    "starts_at": DATE_TIME,
    "ends_at": nullable(DATE_TIME),
    "all_day": {"type": "boolean"},
    "venue": STRING,
    "speakers": {"type": "array", "items": STRING},
    "organiser": STRING,
    "online_url": nullable(URL),
    "registration_url": nullable(URL),
    "registration_deadline": nullable(DATE_TIME),
}
BODY = {"body": {"type": "string", "description": "The story's body as HTML (the site's own)."}}

ARTICLE = obj(ARTICLE_FIELDS)
ARTICLE_DETAIL = obj({**ARTICLE_FIELDS, **BODY})
EVENT = obj({**ARTICLE_FIELDS, **EVENT_FIELDS})
EVENT_DETAIL = obj({**ARTICLE_FIELDS, **EVENT_FIELDS, **BODY})
COLUMN = obj({"slug": STRING, "name": STRING, "description": STRING, "urls": URLS})


def listing(item):
    return obj(
        {
            "meta": obj(
                {
                    "total_count": {"type": "integer", "minimum": 0},
                    "limit": {"type": "integer", "minimum": 1, "maximum": LIMIT_MAX},
                    "offset": {"type": "integer", "minimum": 0, "maximum": OFFSET_MAX},
                    "language": LANGUAGE,
                }
            ),
            "items": {"type": "array", "items": item},
        }
    )


COLUMN_LISTING = obj(
    {
        "meta": obj({"total_count": {"type": "integer"}, "language": LANGUAGE}),
        "items": {"type": "array", "items": COLUMN},
    }
)
ERROR = obj({"message": STRING})
