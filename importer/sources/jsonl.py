"""JSON Lines: one story per line, an object with `source_url`, `language`, `title`, `date`,
`body_html`, `images` (a list of {src, alt, caption, credit}, after the body's own), `credits`
({writer, photographer, editor, translator, source}), optional `summary`, `focus` and
`pair_key` (the same key on the English and the Chinese line makes them one article). A
line that is not such an object is a failure of that line; the others import."""

import json

from django.utils.html import strip_tags

from ..items import CREDIT_FIELDS, Failure, ImageRef, Item, decode, normal_language, parse_date
from ..sanitise import body_parts, clean_text


def plain(value):
    """A text field of the line (title, caption…) as plain text: tags and artefacts out."""
    return clean_text(strip_tags(str(value or "")))


def read(path, context):
    try:
        text = decode(path.read_bytes())
    except (OSError, ValueError) as error:
        yield Failure(context.origin(path), str(error))
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        origin = f"{context.origin(path)}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield Failure(origin, f"malformed JSON: {error.msg} (column {error.colno})")
            continue
        yield item_from(record, origin, path, context)


def item_from(record, origin, path, context):
    if not isinstance(record, dict):
        return Failure(origin, "malformed line: not a JSON object")
    source_url = str(record.get("source_url") or "").strip()
    if not source_url:
        return Failure(origin, "no source_url")
    language = normal_language(str(record.get("language") or ""))
    if language is None:
        return Failure(origin, f"unknown language {record.get('language')!r}", source_url)
    title = plain(record.get("title"))
    if not title:
        return Failure(origin, "no title", source_url, language)
    parts = body_parts(str(record.get("body_html") or ""))
    for image in record.get("images") or []:
        if isinstance(image, dict) and image.get("src"):
            parts.append(
                ImageRef(
                    src=str(image["src"]),
                    alt=plain(image.get("alt")),
                    caption=plain(image.get("caption")),
                    credit=plain(image.get("credit")),
                )
            )
    for part in parts:
        if isinstance(part, ImageRef):
            part.path = context.find_image(path, part.src)
    credits = record.get("credits") or {}
    credits = {
        name: plain(credits[name])
        for name in CREDIT_FIELDS
        if isinstance(credits, dict) and credits.get(name)
    }
    date_text = str(record.get("date") or "")
    return Item(
        source_url=source_url,
        language=language,
        title=title,
        date=parse_date(date_text),
        date_text=date_text,
        origin=origin,
        parts=parts,
        summary=plain(record.get("summary")),
        focus=bool(record.get("focus")),
        credits=credits,
        pair_key=str(record.get("pair_key") or ""),
    )
