"""The store in Django's cache when there is no Redis: files shared by `make run`'s processes
(bitnews/settings/dev.py), or local memory in the tests."""

import fcntl
import threading
from pathlib import Path

from django.core.cache import cache

from .common import EVERYTHING, GRACE, PREFIX, RENDERING, Begin, fresh_clock


class Guard:
    """One writer of the local store at a time: the threads of this process, and, when
    Django's cache is in files that other processes share (`make run`'s server, its worker and
    any `manage.py` command: bitnews/settings/dev.py), those processes too, by a lock on a file
    in the cache's folder."""

    def __init__(self):
        from django.conf import settings

        self.threads = threading.RLock()
        self.depth = 0
        self.path = None
        config = settings.CACHES["default"]
        if config["BACKEND"].endswith("FileBasedCache"):
            folder = Path(config["LOCATION"])
            folder.mkdir(parents=True, exist_ok=True)
            self.path = folder / "store.lock"
        self.file = None

    def __enter__(self):
        self.threads.acquire()
        self.depth += 1
        if self.path is not None and self.depth == 1:
            self.file = open(self.path, "a")  # noqa: SIM115 - closed in __exit__
            fcntl.flock(self.file, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc):
        self.depth -= 1
        if self.file is not None and self.depth == 0:
            self.file.close()  # releases the flock
            self.file = None
        self.threads.release()


class LocalStore:
    """The same in Django's cache when it is not Redis: files shared by the processes of
    `make run` (a publish from a `manage.py` command reaches the server), or this process's
    memory (the test suite's cache.clear() empties it). Each read-modify-write holds `Guard`."""

    def __init__(self):
        self.lock = Guard()

    def begin(self, pages=()):
        with self.lock:
            clock = cache.get(f"{PREFIX}:clock")
            if clock is None:
                log = cache.get(f"{PREFIX}:log") or {}
                clock = max(fresh_clock(), max(log.values(), default=0) + 1)
                cache.set(f"{PREFIX}:clock", clock, None)
                cache.set(f"{PREFIX}:since", clock, None)
            found = cache.get_many([f"{PREFIX}:e:{name}" for name in pages])
        entries = {
            name: found[f"{PREFIX}:e:{name}"] for name in pages if f"{PREFIX}:e:{name}" in found
        }
        return Begin(clock, True, entries)

    def stale_many(self, names):
        found = cache.get_many([f"{PREFIX}:s:{name}" for name in names])
        return {
            name: found[f"{PREFIX}:s:{name}"] for name in names if f"{PREFIX}:s:{name}" in found
        }

    def get_many(self, names):
        found = cache.get_many([f"{PREFIX}:e:{name}" for name in names])
        return {
            name: found[f"{PREFIX}:e:{name}"] for name in names if f"{PREFIX}:e:{name}" in found
        }

    def put(self, name, value, tags, ttl, started, page=False):
        with self.lock:
            log = cache.get(f"{PREFIX}:log") or {}
            if any(log.get(tag, 0) > started for tag in (*tags, EVERYTHING)):
                return False
            cache.set(f"{PREFIX}:e:{name}", (value, tuple(tags)), max(1, int(ttl)))
            for tag in tags:
                members = cache.get(f"{PREFIX}:t:{tag}") or set()
                members.add(name)
                cache.set(f"{PREFIX}:t:{tag}", members, None)
            self.written(f"{PREFIX}:e:{name}", *(f"{PREFIX}:t:{tag}" for tag in tags))
            if page:
                cache.delete_many([f"{PREFIX}:s:{name}", f"{PREFIX}:l:{name}"])
            return True

    def invalidate(self, tags, soft):
        with self.lock:
            for tag in tags:
                aside = set()
                for name in cache.get(f"{PREFIX}:t:{tag}") or ():
                    if name.startswith("stale:"):  # set aside by an edit: a removal ends it
                        if soft:
                            aside.add(name)
                        else:
                            cache.delete(f"{PREFIX}:s:{name[6:]}")
                        continue
                    kept = cache.get(f"{PREFIX}:e:{name}")
                    cache.delete(f"{PREFIX}:e:{name}")
                    if soft and kept is not None and name.startswith("news:page:"):
                        cache.set(f"{PREFIX}:s:{name}", kept, GRACE)
                        self.written(f"{PREFIX}:s:{name}")
                        aside.add(f"stale:{name}")
                if aside:
                    cache.set(f"{PREFIX}:t:{tag}", aside, None)
                else:
                    cache.delete(f"{PREFIX}:t:{tag}")
            clock = self.begin().clock + 1
            cache.set(f"{PREFIX}:clock", clock, None)
            log = cache.get(f"{PREFIX}:log") or {}
            log.update(dict.fromkeys(tags, clock))
            cache.set(f"{PREFIX}:log", log, None)
            return clock

    def everything(self):
        with self.lock:
            clock = self.begin().clock + 1
            log = cache.get(f"{PREFIX}:log") or {}
            cache.delete_many(list(cache.get(f"{PREFIX}:all") or ()))
            cache.delete(f"{PREFIX}:all")
            log[EVERYTHING] = clock
            cache.set(f"{PREFIX}:log", log, None)
            cache.set(f"{PREFIX}:clock", clock, None)

    @staticmethod
    def written(*keys):
        """Note keys this store wrote, for `everything` (local memory cannot be scanned)."""
        every = cache.get(f"{PREFIX}:all") or set()
        every.update(keys)
        cache.set(f"{PREFIX}:all", every, None)

    def changed_since(self, clock):
        since = cache.get(f"{PREFIX}:since")
        if since is None or since > clock:
            return None  # the log does not reach back that far (the cache was cleared)
        log = cache.get(f"{PREFIX}:log") or {}
        tags = {tag for tag, at in log.items() if at > clock}
        return None if EVERYTHING in tags else tags

    def claim(self, name):
        return cache.add(f"{PREFIX}:l:{name}", 1, RENDERING)

    def release(self, name):
        cache.delete(f"{PREFIX}:l:{name}")
