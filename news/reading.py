"""Reading time of an article body, counted the way each language is read.

English is counted in words, Chinese in characters (Chinese has no spaces between
words). A body may mix both (English names in Chinese text, Chinese quotes in English
text), so both are counted and their times added.

Constants:
- English: 230 words per minute. Brysbaert (2019), "How many words do we read per
  minute? A review and meta-analysis of reading rate", Journal of Memory and Language
  109, estimates adult silent reading of English non-fiction at 238 wpm (most readers
  175–300); news is full of names and figures, so we round down.
- Chinese: 300 characters per minute, the low end of the 300–400 characters a minute
  usually quoted for adults reading Chinese silently, for the same reason.
"""

import math
import re

from wagtail.rich_text import get_text_for_indexing

ENGLISH_WORDS_PER_MINUTE = 230
CHINESE_CHARACTERS_PER_MINUTE = 300

# CJK Unified Ideographs (with extension A) and the compatibility block.
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CHINESE_CHARACTER = re.compile(f"[{_HAN}]")
# A run of letters or digits that are not Chinese characters; an apostrophe or hyphen
# inside a word ("BIT's", "world-class") does not split it.
_LETTER = f"[^\\W_{_HAN}]"
WORD = re.compile(f"{_LETTER}+(?:['’-]{_LETTER}+)*")


def body_text(body):
    """The text a reader reads in a body StreamField: paragraphs, quotes, captions.

    Alt text is left out: it is read by screen readers, not by the eye.
    """
    parts = []
    for block in body:
        if block.block_type == "paragraph":
            parts.append(get_text_for_indexing(str(block.value.source)))
        elif block.block_type == "quote":
            parts.extend([block.value.get("quote", ""), block.value.get("attribution", "")])
        elif block.block_type == "image":
            parts.append(block.value.get("caption", ""))
    return "\n".join(part for part in parts if part)


def reading_minutes(text):
    """Whole minutes to read `text`: at least 1 when there is anything to read, 0 when there
    is nothing (a body of pictures or videos alone, or none): no reading time is shown."""
    chinese = len(CHINESE_CHARACTER.findall(text))
    words = len(WORD.findall(text))
    if not (chinese or words):
        return 0
    minutes = chinese / CHINESE_CHARACTERS_PER_MINUTE + words / ENGLISH_WORDS_PER_MINUTE
    return max(1, math.ceil(minutes))
