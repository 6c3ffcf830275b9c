"""Each process's copies of entries it fetched or made last, in front of the store: a hit on
one costs no round trip for the entry itself. A copy is valid at the store clock it was taken
at; when a request sees a newer clock, the copies of what was invalidated since are dropped
(all of them when the store cannot say, or is not usable)."""

import threading
from collections import OrderedDict


class Copies:
    """At most `budget` units (`size(value)` each) of copies, least recently used dropped."""

    def __init__(self, budget, size=lambda value: 1):
        self.budget = budget
        self.size = size
        self.used = 0
        self.entries = OrderedDict()  # name -> (value, tags)

    def get(self, name):
        found = self.entries.get(name)
        if found is not None:
            self.entries.move_to_end(name)
        return found

    def put(self, name, value, tags):
        old = self.entries.pop(name, None)
        if old is not None:
            self.used -= self.size(old[0])
        self.entries[name] = (value, tags)
        self.used += self.size(value)
        while self.used > self.budget and self.entries:
            _name, (dropped, _tags) = self.entries.popitem(last=False)
            self.used -= self.size(dropped)

    def drop(self, changed):
        """Drop the copies made from any of `changed` (a set of tags), or all with None."""
        if changed is None:
            self.entries.clear()
            self.used = 0
            return
        for name in [
            name for name, (_v, tags) in self.entries.items() if changed.intersection(tags)
        ]:
            value, _tags = self.entries.pop(name)
            self.used -= self.size(value)


lock = threading.Lock()
clock = None  # the store clock every copy is valid at
_all = []


def register(copies):
    _all.append(copies)
    return copies


def registered():
    return list(_all)


def sync(new_clock, changed_since):
    """Make the copies valid at `new_clock` (None: the store is not usable: drop them all).
    `changed_since(old_clock)` gives the tags invalidated since, or None for everything."""
    global clock  # noqa: PLW0603 - this process's copies
    with lock:
        if new_clock == clock:
            return
        changed = None
        if new_clock is not None and clock is not None and new_clock > clock:
            try:
                changed = changed_since(clock)
            except Exception:  # noqa: BLE001 - cannot say: drop everything
                changed = None
        for copies in _all:
            copies.drop(changed)
        clock = new_clock


def drop(changed):
    """Drop this process's copies made from `changed` (tags; None: all) at once: a write here
    must not be read back from them within the same request."""
    with lock:
        for copies in _all:
            copies.drop(changed)


def remember(copies, started, name, value, tags):
    """Keep a copy taken by a request that started at `started`, only if the copies are still
    valid at that clock (a newer invalidation may already have passed this process by)."""
    with lock:
        if started is not None and started == clock:
            copies.put(name, value, tags)


def look(copies, name):
    with lock:
        return copies.get(name)
