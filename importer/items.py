"""What the readers yield: plain data, nothing written. One `Item` per story in one language, or a
`Failure` for a file or line that could not be read; decoding and dates shared by the readers."""

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

from charset_normalizer import from_bytes

from news import languages
from news.models import ArticlePage

CREDIT_FIELDS = ArticlePage.credit_fields
CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass
class ImageRef:
    """An image of a story: its name or address in the source, resolved to a file beside it."""

    src: str
    alt: str = ""
    caption: str = ""
    credit: str = ""
    path: Path | None = None  # the file found for `src` (None: missing)


@dataclass
class Item:
    """One story in one language, as read (body parts not yet sanitised)."""

    source_url: str  # the identity: the old address, or `file:<name>` for a text export
    language: str  # a code of news/languages.py
    title: str
    date: datetime.date | None
    origin: str  # where it was read: "news.jsonl:3", "focus.txt"
    # ("html", fragment) for text, or an ImageRef, in reading order
    parts: list = field(default_factory=list)
    summary: str = ""
    focus: bool = False
    credits: dict = field(default_factory=dict)
    pair_key: str = ""
    date_text: str = ""  # what the source said, when it could not be read as a date

    @property
    def is_web_address(self):
        return self.source_url.startswith(("http://", "https://"))

    @property
    def images(self):
        return [part for part in self.parts if isinstance(part, ImageRef)]


@dataclass
class Failure:
    """A file, line or page that gave no story, and why."""

    origin: str
    reason: str
    source_url: str = ""
    language: str = ""


class UndecodableError(ValueError):
    pass


def decode(data):
    """Text of a file: UTF-8 (with or without its mark), else the encoding charset-normalizer
    finds (GBK / GB18030 exports of the old Chinese site). UndecodableError when neither reads."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise UndecodableError("unknown encoding: neither UTF-8 nor a detectable one")
    encoding = best.encoding
    if encoding in ("gbk", "gb2312"):
        encoding = "gb18030"  # GBK's superset: decodes every GBK file and a few more characters
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as error:
        raise UndecodableError(f"unknown encoding ({encoding} guessed): {error}") from error


MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
NUMERIC_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
MONTH_FIRST = re.compile(r"([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
DAY_FIRST = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})")


def parse_date(text):
    """A date written as the old sites write them (2023-04-13, 2023/4/13, 2023年4月13日,
    April 13, 2023, 13 April 2023; a time after it is ignored), or None."""
    text = (text or "").strip()
    if not text:
        return None
    candidates = []
    if match := NUMERIC_DATE.search(text):
        candidates.append(tuple(int(n) for n in match.groups()))
    if match := MONTH_FIRST.search(text):
        month = MONTHS.get(match.group(1).lower())
        if month:
            candidates.append((int(match.group(3)), month, int(match.group(2))))
    if match := DAY_FIRST.search(text):
        month = MONTHS.get(match.group(2).lower())
        if month:
            candidates.append((int(match.group(3)), month, int(match.group(1))))
    for year, month, day in candidates:
        try:
            return datetime.date(year, month, day)
        except ValueError:
            continue
    return None


# The site's language written in Chinese characters (news/languages.py: the segmented one).
CHINESE = next(language for language in languages.LANGUAGES if language.segmented)


def guess_language(*texts):
    """Chinese's code when the text has Chinese characters, else the default language's."""
    if any(CJK.search(text or "") for text in texts):
        return CHINESE.code
    return languages.DEFAULT.code


def normal_language(value):
    """A language as sources write it ("zh", "zh-CN", "zh_Hans", "EN") as ours (the site's
    language of the same primary subtag), or None."""
    primary = (value or "").strip().lower().replace("_", "-").split("-")[0]
    for language in languages.LANGUAGES:
        if primary and language.code.split("-")[0] == primary:
            return language.code
    return None
