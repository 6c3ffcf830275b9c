"""What each part of the audit hands back: its figures, as lines to print, and the targets it
missed (none: passed)."""

import dataclasses


@dataclasses.dataclass
class Part:
    title: str
    lines: list
    misses: list

    def __str__(self):
        verdict = "every target met" if not self.misses else f"{len(self.misses)} target(s) missed"
        return "\n".join(
            [f"== {self.title}: {verdict}", *self.lines, *map("  MISSED: {}".format, self.misses)]
        )


def table(head, rows, numbers=True):
    """Columns padded to their widest cell; numbers right-aligned (unless `numbers` is False)."""
    rows = [[str(cell) for cell in row] for row in [head, *rows]]
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]

    def line(row):
        cells = [
            cell.rjust(width)
            if numbers and cell.lstrip("+-").replace(".", "").replace(",", "").isdigit()
            else cell.ljust(width)
            for cell, width in zip(row, widths, strict=True)
        ]
        return "  ".join(cells).rstrip()

    return [line(rows[0]), "  ".join("-" * width for width in widths), *map(line, rows[1:])]
