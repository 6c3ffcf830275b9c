"""Querysets the ORM builds and compiles once per process, then run with other values.

Building a queryset over the page table and compiling it to SQL costs far more CPU than the
database takes to answer it: an article's newer/older query cost ~5 ms to build and compile and
0.3 ms to run. A query every request of a kind asks in the same shape (the article routed
by its slug, its neighbours, its related stories) is built here once with marker values in
place of the request's (`Param`), compiled, and the positions of the markers in its parameters
noted; each run puts the request's values there (prepared for the database as the field would
prepare them), executes the SQL and makes the model instances as Django's own iterable does
(select_related and annotations included), so `post_init` records their cache tags as usual
(news/cache/tags.py), and the list tags the queryset would record are recorded too.

What the shape holds besides the markers (a section's tree path, the language, the view
restrictions) is part of the key it is kept under, in this process's configuration copies
(`fragments.config`), so a write of what it was built from drops it. Only for lookups whose
value the database gets as it is (exact, lt, gt, lte, gte): a LIKE pattern is made from its
value and must be in the key instead."""

import datetime
import itertools

from django.db import connections
from django.db.models.query import get_related_populators

from .cache import fragments
from .cache import tags as cache_tags

_numbers = itertools.count(1)
MOMENT_MARKERS = datetime.datetime(1, 1, 2, tzinfo=datetime.UTC)


class Param:
    """A value a prepared query takes at each run, for `field` (a model field)."""

    def __init__(self, name, field):
        self.name = name
        self.field = field
        number = next(_numbers)
        internal = field.get_internal_type()
        if internal == "DateField":
            self.marker = datetime.date(1, 1, 1) + datetime.timedelta(days=number)
        elif internal == "DateTimeField":  # "now", in a condition such as "in Focus"
            self.marker = MOMENT_MARKERS + datetime.timedelta(seconds=number)
        elif internal in ("CharField", "SlugField", "TextField"):
            self.marker = f"~prepared-marker-{number}~"
        else:  # integers and keys: a negative number no row has
            self.marker = -1_000_000_000 - number

    def db_value(self, value, connection):
        return self.field.get_db_prep_value(
            self.field.get_prep_value(value), connection, prepared=True
        )


class Prepared:
    """`queryset` (built with the markers of `params`) compiled once; `run(**values)` (a
    value the query did not use is ignored)."""

    def __init__(self, queryset, params):
        self.db = queryset.db
        connection = connections[self.db]
        self.compiler = queryset.query.get_compiler(using=self.db)
        self.sql, compiled = self.compiler.as_sql()
        markers = {repr(param.db_value(param.marker, connection)): param for param in params}
        self.params = list(compiled)
        self.slots = [
            (position, markers[repr(value)])
            for position, value in enumerate(compiled)
            if repr(value) in markers
        ]
        compiler = self.compiler
        self.klass_info = compiler.klass_info
        select_fields = self.klass_info["select_fields"]
        self.start, self.end = select_fields[0], select_fields[-1] + 1
        self.init_list = [
            column[0].target.attname for column in compiler.select[self.start : self.end]
        ]
        self.populators = get_related_populators(self.klass_info, compiler.select, self.db)
        self.annotations = dict(compiler.annotation_col_map or {})
        self.model = self.klass_info["model"]
        self.list_tags = list_tags(queryset)

    def run(self, **values):
        """The model instances the query finds with `values` in place of its markers."""
        connection = connections[self.db]
        params = list(self.params)
        for position, param in self.slots:
            params[position] = param.db_value(values[param.name], connection)
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        if self.list_tags:
            cache_tags.record(*self.list_tags)
        found = []
        for row in self.compiler.results_iter([rows]):
            instance = self.model.from_db(self.db, self.init_list, row[self.start : self.end])
            for populator in self.populators:
                populator.populate(row, instance)
            for name, position in self.annotations.items():
                setattr(instance, name, row[position])
            found.append(instance)
        return found


def list_tags(queryset):
    """The list tags running `queryset` records (news/cache/tags.py ListedMixin), or ()."""
    if not hasattr(queryset, "_by_key") or queryset._by_key():
        return ()
    marked = queryset._listed_as
    return tuple(queryset.model.cache_list_tags if marked is None else marked)


def prepared(key, build, **fields):
    """The query `build(**markers)` makes, prepared once per process and `key` (what the shape
    is made of besides the markers): `fields` name each value it takes and its model field."""

    def make():
        params = [Param(name, field) for name, field in fields.items()]
        # what building it reads (the view restrictions) is recorded with it: a write of that
        # drops it
        queryset = build(**{param.name: param.marker for param in params})
        return Prepared(queryset, params)

    return fragments.config(None, ("prepared", *key), make)
