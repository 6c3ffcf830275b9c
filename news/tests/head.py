"""Read what a page's <head> tells other sites: meta tags and JSON-LD blocks."""

import json
from html.parser import HTMLParser


class _HeadReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta = {}
        self.json_ld = []
        self._in_json_ld = False
        self._script = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            key = attrs.get("property") or attrs.get("name")
            self.meta.setdefault(key, []).append(attrs.get("content"))
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_json_ld = True
            self._script = []

    def handle_data(self, data):
        if self._in_json_ld:
            self._script.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._in_json_ld:
            self.json_ld.append(json.loads("".join(self._script)))
            self._in_json_ld = False


def read_head(html):
    reader = _HeadReader()
    reader.feed(html)
    reader.close()
    return reader


def meta_tags(html):
    """{property or name: content} of the page's meta tags; repeated ones as lists."""
    return {
        key: values[0] if len(values) == 1 else values
        for key, values in read_head(html).meta.items()
    }


def json_ld_graph(html):
    """Every schema.org node of the page's JSON-LD, by @type (one block expected)."""
    blocks = read_head(html).json_ld
    assert len(blocks) == 1, f"{len(blocks)} JSON-LD blocks"
    assert blocks[0]["@context"] == "https://schema.org"
    return {node["@type"]: node for node in blocks[0]["@graph"]}
