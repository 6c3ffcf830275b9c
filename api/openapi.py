"""The OpenAPI 3.1 description of the API, served at /api/v2/openapi.json: written from the
parameters the views read (api/parameters.py) and the schemas their answers are tested
against (api/schema.py), so it says what the views do."""

from news import languages

from . import parameters, schema

PREFIX = "/api/v2/"
ID_MAX = 2**31 - 1  # a page id is a 32-bit integer; a larger one is no page (404)

ERROR_RESPONSE = {
    "description": 'What was wrong, in English: `{"message": "..."}`.',
    "content": {"application/json": {"schema": schema.ERROR}},
}
ITEMS = {
    "articles": (schema.ARTICLE, schema.ARTICLE_DETAIL),
    "events": (schema.EVENT, schema.EVENT_DETAIL),
    "columns": (schema.COLUMN, None),
}


def query_parameter(parameter):
    described = {
        "name": parameter.name,
        "in": "query",
        "required": False,
        "description": parameter.description,
        "schema": parameter.schema,
    }
    if parameter.example is not None:
        described["example"] = parameter.example
    return described


def answer(description, body_schema):
    return {"description": description, "content": {"application/json": {"schema": body_schema}}}


def operations(endpoint):
    item, detail = ITEMS[endpoint.name]
    listing = schema.COLUMN_LISTING if endpoint.name == "columns" else schema.listing(item)
    paths = {
        f"{PREFIX}{endpoint.name}/": {
            "get": {
                "operationId": f"list_{endpoint.name}",
                "summary": f"The {endpoint.name} the site lists in the requested language.",
                "parameters": [query_parameter(p) for p in endpoint.listing],
                "responses": {"200": answer("A page of items.", listing), "400": ERROR_RESPONSE},
            }
        }
    }
    if detail is not None:
        paths[f"{PREFIX}{endpoint.name}/{{id}}/"] = {
            "get": {
                "operationId": f"get_{endpoint.item}",
                "summary": f"One {endpoint.item}, with its body.",
                "parameters": [
                    {
                        "name": "id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "integer", "minimum": 1, "maximum": ID_MAX},
                    },
                    *[query_parameter(p) for p in endpoint.detail],
                ],
                "responses": {
                    "200": answer(f"The {endpoint.item}.", detail),
                    "400": ERROR_RESPONSE,
                    "404": {
                        "description": f"No such {endpoint.item} public in that language "
                        "(a draft, a private page, a hidden language version or no page).",
                        "content": {"application/json": {"schema": schema.ERROR}},
                    },
                },
            }
        }
    return paths


def document():
    paths = {}
    for endpoint in parameters.ENDPOINTS:
        paths.update(operations(endpoint))
    paths[f"{PREFIX}openapi.json"] = {
        "get": {
            "operationId": "openapi",
            "summary": "This description.",
            "responses": {
                "200": answer("OpenAPI 3.1.", {"type": "object"}),
                "400": ERROR_RESPONSE,
            },
        }
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "BIT News API",
            "version": "2.0",
            "description": (
                "The news of the site as data, read-only: what the site shows, in "
                f"{' or '.join(languages.CODES)} (`lang`; English by default, and where a "
                "text is not translated yet). Drafts, private pages and hidden language "
                "versions are never in it. Unknown parameters and bad values are a 400 with "
                "an English message. Answers are public and cacheable (Cache-Control), and "
                "readable from any origin (CORS, no credentials)."
            ),
        },
        "servers": [{"url": "/"}],
        "paths": paths,
    }
