"""The command's two optional files, both TOML, and what the readers ask of them.

The **mapping file** (`--mapping`): what an export does not say.

    [files."joint-guidance-center.txt"]   # a text export or saved page, by its name below
    source_url = "https://…/focus/1.htm"  #   the folder given (or its file name): its
    date = 2023-04-13                     #   identity and old address, date, language,
    language = "en"                       #   pair key, Focus
    pair_key = "guidance-center"
    focus = true

    [[pairs]]                             # one article of two sources, by their addresses
    en = "https://…/english/news/12.htm"
    zh-hans = "https://…/xinwen/34.htm"

    [[redirects]]                         # more old addresses: `old` (a path, its query
    old = "/english/focus.htm?id=12"      #   ignored) to the article of an imported source
    to = "https://…/english/news/12.htm"  #   (in that source's language) or a path here

The **selectors file** (`--selectors`): CSS selectors for saved HTML pages, per host (the
host of the page's canonical address), on top of `[default]`:

    [default]
    caption = ".img-caption"

    [hosts."news.example.edu.cn"]
    title = "h1.article-title"            # title, date, body, caption, credit, writer,
    date = ".article-meta .date"          # photographer, editor, translator, source:
    body = ".article-content"             # selectors; language = "zh-hans"; focus = true
    language = "zh-hans"
"""

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

SELECTOR_KEYS = {
    "title",
    "date",
    "body",
    "caption",
    "credit",
    "writer",
    "photographer",
    "editor",
    "translator",
    "source",
    "language",
    "focus",
}


class ConfigError(ValueError):
    pass


def load_toml(path):
    try:
        with open(path, "rb") as file:
            return tomllib.load(file)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: {error}") from error


@dataclass
class Mapping:
    files: dict = field(default_factory=dict)
    pairs: list = field(default_factory=list)  # [{language: source_url}]
    redirects: list = field(default_factory=list)  # [(old path, target)]

    @classmethod
    def load(cls, path):
        if path is None:
            return cls()
        data = load_toml(path)
        files = data.get("files", {})
        pairs = data.get("pairs", [])
        redirects = data.get("redirects", [])
        if not isinstance(files, dict) or not isinstance(pairs, list):
            raise ConfigError(f"{path}: [files.…] tables and [[pairs]] expected")
        for entry in redirects:
            if not isinstance(entry, dict) or not entry.get("old") or not entry.get("to"):
                raise ConfigError(f"{path}: each [[redirects]] needs `old` and `to`")
        return cls(
            files=files,
            pairs=[pair for pair in pairs if isinstance(pair, dict)],
            redirects=[(str(entry["old"]), str(entry["to"])) for entry in redirects],
        )

    def pair_keys(self):
        """{source_url: pair key} of the [[pairs]]."""
        keys = {}
        for number, pair in enumerate(self.pairs, start=1):
            for source_url in pair.values():
                keys[str(source_url)] = f"mapping-pair-{number}"
        return keys


def load_selectors(path):
    """{"default": {…}, "hosts": {host: {…}}} from the selectors file."""
    if path is None:
        return {"default": {}, "hosts": {}}
    data = load_toml(path)
    tables = [data.get("default", {}), *data.get("hosts", {}).values()]
    for table in tables:
        unknown = set(table) - SELECTOR_KEYS
        if unknown:
            raise ConfigError(f"{path}: unknown selector key(s) {', '.join(sorted(unknown))}")
    return {"default": data.get("default", {}), "hosts": data.get("hosts", {})}


@dataclass
class ReadContext:
    """What a reader may ask while reading one file: its name in the report, its identity
    without an address, the mapping's entry for it, the selectors of a host, and an image's
    file (looked up below the file's folder only)."""

    root: Path  # the folder given to the command, or the file's folder for a file given
    mapping: Mapping = field(default_factory=Mapping)
    selectors: dict = field(default_factory=lambda: {"default": {}, "hosts": {}})

    def name(self, path):
        return path.relative_to(self.root).as_posix()

    def origin(self, path):
        return self.name(path)

    def file_identity(self, path):
        return f"file:{self.name(path)}"

    def file_entry(self, path):
        return self.mapping.files.get(self.name(path)) or self.mapping.files.get(path.name) or {}

    def selectors_for(self, host):
        return {**self.selectors["default"], **self.selectors["hosts"].get(host, {})}

    def find_image(self, path, src):
        """The file of an image named `src` (a name, a relative path or an address) beside
        `path`, or None. Never a file outside the folder of `path`."""
        folder = path.parent.resolve()
        name_path = unquote(urlsplit(src).path).lstrip("/")
        name = Path(name_path).name
        if not name:
            return None
        for candidate in (
            folder / name_path,
            folder / name,
            folder / f"{path.stem}_files" / name,
            folder / "images" / name,
        ):
            candidate = candidate.resolve()
            if candidate.is_file() and candidate.is_relative_to(folder):
                return candidate
        return None
