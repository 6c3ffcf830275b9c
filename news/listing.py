"""What every listing page shares: pagination and the archive navigation.

The listings themselves are routes of NewsIndexPage (`focus/`, `column/<slug>/`, `<yyyy>/`,
`<yyyy>/<mm>/`…) and the search view; they pass querysets in, nothing here imports a model.
"""

import contextlib

from django.conf import settings
from django.core.paginator import Paginator
from django.utils.formats import date_format, localize
from django.utils.html import conditional_escape
from django.utils.translation import ngettext, pgettext


class ListingPaginator(Paginator):
    """Django's paginator, whose `get_page` already turns a page number that is not a whole
    number into the first page and one past the end into the last; 0 and negative numbers
    give the first page here too (Django gives the last)."""

    def get_page(self, number):
        with contextlib.suppress(TypeError, ValueError):  # left to Django: the first page
            number = max(int(number), 1)
        return super().get_page(number)


class MonthSkippingList:
    """A newest-first listing whose pages skip whole months by the archive's counts.

    `items` is ordered by `date_field` descending; `months` is [(first day of a month, number
    of items dated in it)] for every item. A slice starting at row 49,990 becomes "the rows
    before the month holding it, from row k of that month": the query walks at most a month
    of the date index, so page 5,000 costs what page 1 does. The counts are the archive's
    (ArchiveMonth), which every publish keeps exact.
    """

    def __init__(self, items, months, date_field):
        self.items = items
        self.months = sorted(months, reverse=True)
        self.date_field = date_field

    def count(self):
        return sum(count for month, count in self.months)

    def __getitem__(self, key):
        if not isinstance(key, slice) or key.step is not None:
            raise TypeError("MonthSkippingList takes slices only")
        start, stop = key.start or 0, key.stop
        skipped, older_than = 0, None
        for month, count in self.months:
            if skipped + count > start:
                break
            skipped += count
            older_than = month
        items = self.items
        if older_than is not None:  # every row of the skipped months comes before the rest
            items = items.filter(**{f"{self.date_field}__lt": older_than})
        return items[start - skipped : None if stop is None else stop - skipped]


class DeferredList:
    """A listing made (`make()`: a queryset, a MonthSkippingList) only when a page's rows are
    read, and counted by `total()` (the archive's rows, or a count kept until a story changes:
    NewsIndexPage.listing_total), not by counting the queryset."""

    def __init__(self, make, total):
        self.make = make
        self.total = total

    def count(self):
        return self.total()

    def __getitem__(self, key):
        return DeferredRows(lambda: list(self.make()[key]))


class DeferredRows:
    """A page's rows, read on first use."""

    def __init__(self, load):
        self.load = load
        self.rows = None

    def _rows(self):
        if self.rows is None:
            self.rows = self.load()
        return self.rows

    def __iter__(self):
        return iter(self._rows())

    def __len__(self):
        return len(self._rows())


def paginate(request, items):
    """The page of `items` asked for in `?page=`, never an error, with its elided page links."""
    paginator = ListingPaginator(items, settings.NEWS_PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    request.listing_page_shown = page.number  # the page cache keeps only what was asked for
    page.page_links = list(paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
    return page


# The archive: `<yyyy>/` and `<yyyy>/<mm>/` with a navigation of month counts.


def year_label(year):
    """A year as a title: "2023" in English, "2023年" in Chinese."""
    return pgettext("archive year", "%(year)s") % {"year": year}


def articles_count(count):
    """ "12 articles" in the active language, as `{% blocktranslate count %}` writes it."""
    text = ngettext("%(counter)s article", "%(counter)s articles", count)
    return text % {"counter": conditional_escape(localize(count))}


def month_label(month):
    """The name of the month of a date: "April" in English, "4月" in Chinese."""
    # Translators: a Django date format for a month's name in the archive list:
    # "F" gives "April"; Chinese uses "n月" (4月).
    return date_format(month, pgettext("archive month", "F"))


def year_month_label(month):
    """A month as a title: "April 2023" or "2023年4月" (Django's YEAR_MONTH_FORMAT)."""
    return date_format(month, "YEAR_MONTH_FORMAT")


def archive_years(months, current=None):
    """Years, newest first, each with its months and article counts.

    `months` is [(first day of a month, number of articles)] (ArchiveMonth rows); `current` is
    the (year, month or None) being shown: its year is open in the navigation and its link
    marked current. Without one, the newest year is open.
    """
    years = []
    labels, counted = {}, {}  # each month's name and each count's text made once (250 links)
    for month, count in sorted(months, reverse=True):
        if not years or years[-1]["year"] != month.year:
            is_current = bool(current) and current[0] == month.year
            years.append(
                {
                    "year": month.year,
                    "label": year_label(month.year),
                    "count": 0,
                    "suffix": f"{month.year:04d}/",
                    "months": [],
                    "current": is_current,
                    "open": is_current or (not current and not years),
                }
            )
        year = years[-1]
        year["count"] += count
        if month.month not in labels:
            labels[month.month] = month_label(month)
        if count not in counted:
            counted[count] = articles_count(count)
        year["months"].append(
            {
                "count": count,
                "count_text": counted[count],
                "suffix": f"{month.year:04d}/{month.month:02d}/",
                "label": labels[month.month],
                "current": current == (month.year, month.month),
            }
        )
    return years
