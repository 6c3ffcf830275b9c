"""Spreadsheets the admin exports, safe to open: a cell that begins with `=`, `+`, `-`, `@`, a
tab or a carriage return is written as text (a `'` before it), so a formula typed into the
contact form (`=HYPERLINK(...)`) or a page title is shown, never run, in a spreadsheet.

Every CSV and Excel export of the admin (form submissions, Reports › Article views, Wagtail's
own reports: locked pages, workflows, site history, aging pages) is made by Wagtail's
`SpreadsheetExportMixin`: `install()` makes its cells and column headings pass through
`safe_cell` (Excel cells are already kept from being formulas by Wagtail, headings were not).
The importer's report (`import_news --report`) uses `safe_cell` too."""

import functools

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """`value`, or `'value` when a spreadsheet would read it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def install():
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    if getattr(SpreadsheetExportMixin, "cells_made_safe", False):
        return
    preprocess = SpreadsheetExportMixin.preprocess_field_value
    heading = SpreadsheetExportMixin.get_heading

    @functools.wraps(preprocess)
    def safe_preprocess(self, field, value, export_format):
        value = preprocess(self, field, value, export_format)
        # Excel's cells: Wagtail writes a formula-like value as a text cell already
        return safe_cell(value) if export_format == self.FORMAT_CSV else value

    @functools.wraps(heading)
    def safe_heading(self, queryset, field):
        return safe_cell(heading(self, queryset, field))

    SpreadsheetExportMixin.preprocess_field_value = safe_preprocess
    SpreadsheetExportMixin.get_heading = safe_heading
    SpreadsheetExportMixin.cells_made_safe = True
