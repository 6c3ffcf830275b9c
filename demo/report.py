"""What a `load_demo` run did, in a line (its last words on the console)."""


def summary(created):
    """What a run did, in a line: "created 15 articles, ...; filed 3 existing articles"."""
    if not created:
        return "already loaded, nothing changed"
    counted = {
        "article": "articles",
        "event": "events",
        "column": "columns",
        "tag": "tags",
        "coverage clip": "coverage clips",
        "media contact": "media contacts",
    }
    notes = {
        "filed": "filed {} existing articles under their columns and tags",
        "replaced": "replaced {} untouched pages of the old demo",
    }
    others = [name for name in dict.fromkeys(created) if name not in counted and name not in notes]
    totals = [
        f"{created.count(kind)} {plural}" for kind, plural in counted.items() if kind in created
    ]
    line = "created " + ", ".join([*others, *totals]) if others or totals else "nothing new"
    for kind, note in notes.items():
        if kind in created:
            line += "; " + note.format(created.count(kind))
    return line
