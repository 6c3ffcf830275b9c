"""The house rules a newcomer would otherwise trip over, checked on the source itself: no module
past 400 lines (split it into a package instead), and no language code or per-language field
name spelled out where the language table (news/languages.py) should be read."""

import io
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 400
# Tests, migrations and demo content may be long; tools and installed packages are not ours.
NOT_OURS = {".venv", ".tools", "node_modules", "migrations", "tests", ".bench"}
LONG_ALLOWED = {"demo/content.py"}
# Where languages are spelled out on purpose: the table itself, and test data.
SPELLED_ALLOWED = {"news/languages.py", "news/factories.py"}
# The site and its tooling; demo/ (content and its loader) and the test packages spell
# languages as data.
CHECKED = (
    "api",
    "audit",
    "bench",
    "bitnews",
    "coverage",
    "desk",
    "importer",
    "news",
    "newsletter",
    "press",
    "search",
    "stats",
)
CODES = {"en", "zh-hans", "zh_hans"}


def our_modules(folders=None):
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT)
        if NOT_OURS & set(relative.parts) or path.name.startswith("test_"):
            continue
        if folders is None or relative.parts[0] in folders:
            yield relative


def spelled_languages(relative):
    """(line, token) of each language code in a string or per-language name in code."""
    source = (ROOT / relative).read_text()
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        code = token.type == tokenize.STRING and token.string.strip("\"'") in CODES
        field = token.type == tokenize.NAME and token.string.endswith(("_en", "_zh_hans"))
        if code or field:
            yield token.start[0], token.string


def test_no_module_of_ours_is_over_400_lines():
    long = {
        str(relative): count
        for relative in our_modules()
        if str(relative) not in LONG_ALLOWED
        and (count := len((ROOT / relative).read_text().splitlines())) > LIMIT
    }
    assert long == {}, f"split these into packages: {long}"


def test_language_codes_come_from_the_language_table():
    spelled = {
        f"{relative}:{line}": token
        for relative in our_modules(CHECKED)
        if str(relative) not in SPELLED_ALLOWED
        for line, token in spelled_languages(relative)
    }
    assert spelled == {}, f"read these from news/languages.py: {spelled}"
