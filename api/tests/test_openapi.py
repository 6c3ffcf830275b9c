"""The OpenAPI description says what the API does: every documented parameter is taken,
anything else refused, every endpoint is documented, and real answers validate against the
documented schemas (jsonschema-rs, as schemathesis checks them in `make api-check`)."""

import jsonschema_rs
from django.test import TestCase
from django.urls import reverse

from api.urls import router
from news.factories import EventIndexPageFactory, EventPageFactory, UntranslatedArticlePageFactory
from news.tests.utils import build_site, research_column, tag


def validator(schema):
    return jsonschema_rs.Draft202012Validator(schema, validate_formats=True)


class OpenAPITests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, cls.articles = build_site(articles=2, focus_every=2)
        cls.articles[0].column = research_column()
        cls.articles[0].save_revision().publish()
        tag(cls.articles[0], "robotics")
        UntranslatedArticlePageFactory(parent=cls.index)
        events = EventIndexPageFactory(parent=cls.index)
        EventPageFactory(
            parent=events,
            registration_url="https://example.edu.cn/r",
            online_url="https://example.edu.cn/live",
        )

    def setUp(self):
        response = self.client.get("/api/v2/openapi.json")
        self.assertEqual(response.status_code, 200)
        self.document = response.json()

    def operations(self):
        for path, methods in self.document["paths"].items():
            yield path, methods["get"]

    def concrete(self, path):
        """`path` with a real id for `{id}` (the first item of its listing)."""
        if "{id}" not in path:
            return path
        listing = self.client.get(path.split("{id}")[0]).json()
        return path.replace("{id}", str(listing["items"][0]["id"]))

    def test_it_is_served_at_a_stable_address_cacheable_and_openapi_3_1(self):
        response = self.client.get("/api/v2/openapi.json")
        self.assertEqual(reverse("api_openapi"), "/api/v2/openapi.json")
        self.assertIn("public", response["Cache-Control"])
        self.assertEqual(self.document["openapi"], "3.1.0")
        self.assertEqual(self.client.get("/api/v2/openapi.json?x=1").status_code, 400)

    def test_every_endpoint_of_the_router_is_documented(self):
        documented = {path.split("/")[3] for path in self.document["paths"]}
        self.assertEqual(documented - {"openapi.json"}, set(router._endpoints))

    def test_every_documented_parameter_is_taken_with_its_example(self):
        for path, operation in self.operations():
            for parameter in operation.get("parameters", []):
                if parameter["in"] != "query":
                    continue
                with self.subTest(path=path, parameter=parameter["name"]):
                    url = self.concrete(path)
                    value = parameter["example"]
                    response = self.client.get(url, {parameter["name"]: value})
                    self.assertEqual(response.status_code, 200, response.content)

    def test_an_undocumented_parameter_is_refused(self):
        for path, operation in self.operations():
            with self.subTest(path=path):
                response = self.client.get(self.concrete(path), {"undocumented": "1"})
                self.assertEqual(response.status_code, 400)
                error = operation["responses"]["400"]["content"]["application/json"]["schema"]
                validator(error).validate(response.json())

    def test_real_answers_validate_against_the_documented_schemas(self):
        for path, operation in self.operations():
            schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
            for lang in ("en", "zh-hans"):
                params = {"lang": lang} if path != "/api/v2/openapi.json" else {}
                with self.subTest(path=path, lang=lang):
                    data = self.client.get(self.concrete(path), params).json()
                    validator(schema).validate(data)
                    if "items" in data:
                        self.assertTrue(data["items"], "an empty list would check nothing")

    def test_a_field_the_schema_does_not_declare_fails_validation(self):
        path = "/api/v2/articles/{id}/"
        schema = self.document["paths"][path]["get"]["responses"]["200"]["content"][
            "application/json"
        ]["schema"]
        item = self.client.get(self.concrete(path)).json()
        self.assertTrue(validator(schema).is_valid(item))
        self.assertFalse(validator(schema).is_valid({**item, "undeclared": 1}))
        self.assertFalse(
            validator(schema).is_valid({k: v for k, v in item.items() if k != "title"})
        )
