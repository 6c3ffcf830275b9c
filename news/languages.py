"""The site's languages, each described once: every per-language fact is read from here.

Settings (`LANGUAGES`, `MODELTRANSLATION_*`) are derived from this table, so this module
imports nothing that needs configured settings. To add a language, add a row, then
`makemigrations` (modeltranslation adds a column per translated field) and the catalogue.
"""

from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


@dataclass(frozen=True)
class Language:
    code: str  # Django's language code and URL prefix: "zh-hans"
    name: object  # in the admin's language menus and the dashboard: "Simplified Chinese"
    adjective: object  # in running text: "public in Chinese", "the Chinese version"
    self_name: str  # how the language names itself, in the switcher and preview modes: "中文"
    og_locale: str  # OpenGraph: "zh_CN"
    tag: str  # BCP 47, for schema.org's inLanguage: "zh-Hans"
    # Search: text is cut into words by jieba, and its words are indexed with this prefix so
    # that a search in one language never matches another's text (news/chinese.py).
    segmented: bool = False
    index_prefix: str = ""

    @property
    def field_suffix(self):
        """modeltranslation's column suffix: `title_zh_hans`."""
        return self.code.replace("-", "_")

    def field(self, name):
        """The name of `name`'s column in this language: field("title") → "title_zh_hans"."""
        return f"{name}_{self.field_suffix}"


LANGUAGES = (
    Language(
        code="en",
        name=_("English"),
        adjective=pgettext_lazy("language adjective", "English"),
        self_name="English",
        og_locale="en_US",
        tag="en",
    ),
    Language(
        code="zh-hans",
        name=_("Simplified Chinese"),
        adjective=pgettext_lazy("language adjective", "Chinese"),
        self_name="中文",
        og_locale="zh_CN",
        tag="zh-Hans",
        segmented=True,
        index_prefix="zhhans",
    ),
)
DEFAULT = LANGUAGES[0]  # the original of every page, and the fallback of untranslated fields
CODES = tuple(language.code for language in LANGUAGES)
_BY_CODE = {language.code: language for language in LANGUAGES}


def get(code):
    """The Language of `code`; KeyError for a code the site does not have."""
    return _BY_CODE[code]


def active():
    """The active language (the default one outside a request, or for a code not listed)."""
    return _BY_CODE.get(translation.get_language(), DEFAULT)


def other(code):
    """The other language of a two-language site (the twin of a page, the other search)."""
    return next(language for language in LANGUAGES if language.code != code)


def translations():
    """Every language but the default one: those a translator works on."""
    return LANGUAGES[1:]
