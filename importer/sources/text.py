"""Plain-text exports in the shape of the seed (demo/seed/joint-guidance-center.txt):

    [Source: https://old.example.edu.cn/news/1.htm]   optional header lines ("Key: value")
    [Date: 2023-04-13]                                Source, Date, Language, Pair,
    News&Events                                       Writer, Photographer, Editor,
    Focus                                             Translator, Credit
    The headline
    1.png                                             an image file name alone on a line
    A paragraph per line…
    Baidu                                             footer noise, dropped
    map

Section lines come first (SECTIONS); "Focus" (聚焦, 要闻) makes the story a Focus story. An
image name is looked up beside the file; its alt text is the name (all the export says).
Without a Source line, the story's identity is `file:<name>` (its path below the folder
given to the command) and it gets no redirect; without a Date line, the mapping file may
give one (importer/mapping.py), else the story fails with "no date".
"""

import re

from ..items import (
    CJK,
    Failure,
    ImageRef,
    Item,
    decode,
    guess_language,
    normal_language,
    parse_date,
)
from ..sanitise import is_noise, paragraph

SECTIONS = {
    "news&events": False,
    "news & events": False,
    "news": False,
    "新闻": False,
    "新闻动态": False,
    "新闻与活动": False,
    "focus": True,
    "聚焦": True,
    "要闻": True,
}
HEADER = re.compile(
    r"^(source|date|language|pair|writer|photographer|editor|translator|credit)\s*[:：]\s*(.*)$",
    re.IGNORECASE,
)
IMAGE_NAME = re.compile(r"^[\w\-. ]+\.(?:png|jpe?g|gif|webp)$", re.IGNORECASE)


def read(path, context):
    try:
        text = decode(path.read_bytes())
    except (OSError, ValueError) as error:
        yield Failure(context.origin(path), str(error))
        return
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    header = {}
    while lines and (match := HEADER.match(lines[0])):
        header[match.group(1).lower()] = match.group(2).strip()
        lines.pop(0)
    focus = False
    while lines and lines[0].lower() in SECTIONS:
        focus = focus or SECTIONS[lines.pop(0).lower()]
    while lines and is_noise(lines[-1]):
        lines.pop()
    origin = context.origin(path)
    if not lines:
        yield Failure(origin, "no headline: the file has no story in it")
        return
    title = lines.pop(0)
    parts = []
    for line in lines:
        if IMAGE_NAME.match(line) and not CJK.search(line):
            parts.append(ImageRef(src=line, alt=line, path=context.find_image(path, line)))
        elif not is_noise(line) and (html := paragraph(line)):
            parts.append(("html", html))
    mapped = context.file_entry(path)
    source_url = header.get("source") or mapped.get("source_url") or context.file_identity(path)
    date_text = header.get("date") or str(mapped.get("date") or "")
    credits = {
        name: header[name]
        for name in ("writer", "photographer", "editor", "translator")
        if header.get(name)
    }
    if header.get("credit"):
        credits["source"] = header["credit"]
    yield Item(
        source_url=source_url,
        language=normal_language(header.get("language") or mapped.get("language"))
        or guess_language(title),
        title=title,
        date=parse_date(date_text),
        date_text=date_text,
        origin=origin,
        parts=parts,
        focus=focus or bool(mapped.get("focus")),
        credits=credits,
        pair_key=header.get("pair") or mapped.get("pair_key") or "",
    )
