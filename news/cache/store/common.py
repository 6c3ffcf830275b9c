"""What both stores share: the names of keys, the rules' durations, what `begin` returns, and the
error that tells a request to go without the store."""

import pickle
import time

GRACE = 10  # seconds a soft-invalidated page is served stale while its new copy is rendered
RENDERING = 5  # seconds one request has to render a page before another may try
EVERYTHING = "*"  # the log's name for "every entry" (a restore, a bulk import)

PREFIX = "bitnews:news"


class Unavailable(Exception):
    """The store cannot be used for this request: Redis down, hanging or refusing writes."""


class Begin:
    """What a request reads first, in one round trip: the clock, whether the store takes
    writes, and any page entries it asked for."""

    def __init__(self, clock, writable, entries):
        self.clock = clock
        self.writable = writable
        self.entries = entries


def loads(raw):
    return None if raw is None else pickle.loads(raw)  # noqa: S301 - written by our processes


def dumps(value):
    return pickle.dumps(value, pickle.HIGHEST_PROTOCOL)


def fresh_clock():
    """A clock to start from: the time in microseconds, beyond any clock of before."""
    return time.time_ns() // 1000
