"""`python -m bench.compare OLD.json NEW.json`: two `make bench` runs side by side, per page (and
from nothing, in process, bench/nothing.py, when both runs measured it)."""

import json
import sys
from pathlib import Path

FIGURES = (("req/s", "rps"), ("CPU ms", "cpu_ms"), ("p50 ms", "p50_ms"))
NOTHING = (
    ("CPU ms", "nothing_cpu_ms"),
    ("queries", "nothing_queries"),
    ("SQL ms", "nothing_sql_ms"),
)


def load(path):
    data = json.loads(Path(path).read_text())
    return data["meta"], data["pages"]


def main(old_path, new_path):
    (old_meta, old), (new_meta, new) = load(old_path), load(new_path)
    for label, meta in (("old", old_meta), ("new", new_meta)):
        print(f"{label}: {meta['articles']} articles on {meta['db']}, commit {meta['commit']}")
    head = f"{'page':<16}" + "".join(f" {label:>17}" for label, _key in FIGURES)
    print(head + f" {'queries':>11} {'SQL ms':>17}")
    for name in new:
        if name not in old:
            continue
        cells = [
            f"{old[name]['bitnews'][key]:>7.1f} → {new[name]['bitnews'][key]:>7.1f}"
            for _label, key in FIGURES
        ]
        queries = f"{old[name]['queries']:>4.0f} → {new[name]['queries']:>4.0f}"
        sql = f"{old[name]['sql_ms']:>7.1f} → {new[name]['sql_ms']:>7.1f}"
        print(f"{name:<16} " + " ".join(cells) + f" {queries:>11} {sql:>17}")
    shared = [name for name in new if "nothing_queries" in new[name] and name in old]
    shared = [name for name in shared if "nothing_queries" in old[name]]
    if shared:  # both runs measured pages from nothing (issue 24)
        print(f"\nfrom nothing\n{'page':<16}" + "".join(f" {label:>17}" for label, _ in NOTHING))
        for name in shared:
            cells = [f"{old[name][key]:>7.1f} → {new[name][key]:>7.1f}" for _label, key in NOTHING]
            print(f"{name:<16} " + " ".join(cells))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    main(*sys.argv[1:])
