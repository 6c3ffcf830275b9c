"""Where kept entries live and how a tag reaches them: Redis (production, several processes
and servers) or Django's cache without Redis: files shared by `make run`'s processes, or local
memory (the tests without REDIS_URL).

The layout, the same in both:
- an entry (a page or a fragment) is kept under its name with the tags it was made from;
- each tag names the set of entries made from it, so invalidating a tag finds and removes
  exactly those (a soft invalidation moves a page entry aside as stale for GRACE seconds
  instead: served while one request renders the new one);
- a clock counts invalidations, and a log says when each tag was last invalidated. An entry
  is stored only if none of its tags was invalidated after the clock its request started
  with (a page rendered from data read before a publish never outlives the publish), and
  each process drops its in-memory copies of what the log says changed.

Redis keeps this atomic with two scripts; eviction must spare the sets, the clock and the log
(they have no TTL: `maxmemory-policy volatile-lru`, docs/deployment.md)."""

import contextlib
import fcntl
import logging
import pickle
import random
import threading
import time
from pathlib import Path

from django.core.cache import cache
from redis.exceptions import RedisError

from . import breaker

logger = logging.getLogger(__name__)

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


# KEYS: entry, log, then keys to delete once stored (a page's stale copy and its renderer's
# claim). ARGV: value, ttl, the clock the request started with, the tag sets' prefix, how many
# members of each set to check for entries that expired (PRUNE, on some calls), then the tags.
PUT = """
local started = tonumber(ARGV[3])
local whole = redis.call('ZSCORE', KEYS[2], '*')
if whole and tonumber(whole) > started then return 0 end
for i = 6, #ARGV do
  local at = redis.call('ZSCORE', KEYS[2], ARGV[i])
  if at and tonumber(at) > started then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
local prune = tonumber(ARGV[5])
for i = 6, #ARGV do
  local set = ARGV[4] .. ARGV[i]
  if prune > 0 then
    for _, member in ipairs(redis.call('SRANDMEMBER', set, prune)) do
      if redis.call('EXISTS', member) == 0 then redis.call('SREM', set, member) end
    end
  end
  redis.call('SADD', set, KEYS[1])
end
for i = 3, #KEYS do redis.call('DEL', KEYS[i]) end
return 1
"""

# Entries expire (TTL, eviction) without leaving their tags' sets: one PUT in PRUNE_EVERY
# checks PRUNE random members of each of its sets and removes those whose entry is gone, so a
# set holds about as many names as there are entries made from its tag.
PRUNE_EVERY = 20
PRUNE = 20

# KEYS: clock, log. ARGV: soft (1/0), tag sets' prefix, page entries' prefix, stale prefix,
# grace, a fresh clock (used only when the clock is missing: see RESTART_CLOCK), then the tags. The entries go first: DEL works when Redis is full, INCR and ZADD do
# not, and the caller then deletes the clock (see RedisStore.invalidate).
INVALIDATE = """
local soft = ARGV[1] == '1'
local pages, stale = ARGV[3], ARGV[4]
for i = 7, #ARGV do
  local set = ARGV[2] .. ARGV[i]
  local aside = {}
  for _, key in ipairs(redis.call('SMEMBERS', set)) do
    if soft and string.sub(key, 1, #pages) == pages then
      if redis.call('EXISTS', key) == 1 then
        local copy = stale .. string.sub(key, #pages + 1)
        redis.call('RENAME', key, copy)
        redis.call('EXPIRE', copy, ARGV[5])
        table.insert(aside, copy)
      end
    elseif soft and string.sub(key, 1, #stale) == stale then
      table.insert(aside, key)  -- set aside by an earlier edit: still the old copy to serve
    else
      redis.call('DEL', key)
    end
  end
  redis.call('DEL', set)
  -- a copy set aside stays named by the tag: a removal right after deletes it too
  for _, copy in ipairs(aside) do redis.call('SADD', set, copy) end
end
if redis.call('EXISTS', KEYS[1]) == 0 then
  local last = redis.call('ZREVRANGE', KEYS[2], 0, 0, 'WITHSCORES')
  local from = tonumber(ARGV[6])
  if last[2] and tonumber(last[2]) >= from then from = tonumber(last[2]) + 1 end
  redis.call('SET', KEYS[1], from)
  redis.call('SET', KEYS[3], from)
end
local clock = redis.call('INCR', KEYS[1])
for i = 7, #ARGV do redis.call('ZADD', KEYS[2], clock, ARGV[i]) end
return clock
"""

# A clock lost (a new Redis, a flush, or deleted after an invalidation could not be counted):
# start it again above every invalidation the log remembers and above any clock a process may
# still hold copies for (ARGV[1]: the time in microseconds), so no entry or copy made before
# passes.
RESTART_CLOCK = """
local last = redis.call('ZREVRANGE', KEYS[2], 0, 0, 'WITHSCORES')
local from = tonumber(ARGV[1])
if last[2] and tonumber(last[2]) >= from then from = tonumber(last[2]) + 1 end
if redis.call('SET', KEYS[1], from, 'NX') then redis.call('SET', KEYS[3], from) end
return redis.call('GET', KEYS[1])
"""


def fresh_clock():
    """A clock to start from: the time in microseconds, beyond any clock of before."""
    return time.time_ns() // 1000


class RedisStore:
    """The store in Redis, through django-redis's connection pool (and its breaker)."""

    def __init__(self):
        from django_redis import get_redis_connection

        self.client = get_redis_connection("default")
        self.clock_key = f"{PREFIX}:clock"
        self.log_key = f"{PREFIX}:log"
        self.writable_key = f"{PREFIX}:writable"
        self.since_key = f"{PREFIX}:since"  # the clock the log starts at
        self.put_script = self.client.register_script(PUT)
        self.invalidate_script = self.client.register_script(INVALIDATE)
        self.restart_script = self.client.register_script(RESTART_CLOCK)

    @staticmethod
    def entry(name):
        return f"{PREFIX}:e:{name}"

    @staticmethod
    def stale(name):
        return f"{PREFIX}:s:{name}"

    def begin(self, pages=()):
        """The clock, whether Redis takes writes (a tiny SET in the same round trip: a full,
        read-only or misconfigured Redis refuses it), and the entries of `pages`."""
        try:
            pipe = self.client.pipeline(transaction=False)
            pipe.get(self.clock_key)
            pipe.set(self.writable_key, b"1", ex=60)
            if pages:
                pipe.mget([self.entry(name) for name in pages])
            replies = pipe.execute(raise_on_error=False)
        except RedisError as error:
            raise Unavailable(str(error)) from error
        clock, written = replies[0], replies[1]
        if isinstance(clock, Exception):
            raise Unavailable(str(clock))
        writable = not isinstance(written, Exception)
        if writable and clock is None:
            try:
                clock = self.restart_script(
                    keys=[self.clock_key, self.log_key, self.since_key], args=[fresh_clock()]
                )
            except RedisError as error:
                raise Unavailable(str(error)) from error
        entries = {}
        if pages:
            for name, raw in zip(pages, replies[2], strict=True):
                if raw is not None:
                    entries[name] = loads(raw)
        return Begin(None if clock is None else int(clock), writable, entries)

    def stale_many(self, names):
        """{name: (entry, tags)} of the pages set aside by an edit (asked only on a miss)."""
        try:
            raws = self.client.mget([self.stale(name) for name in names])
        except RedisError:
            return {}
        return {name: loads(raw) for name, raw in zip(names, raws, strict=True) if raw is not None}

    def get_many(self, names):
        try:
            raws = self.client.mget([self.entry(name) for name in names])
        except RedisError as error:
            raise Unavailable(str(error)) from error
        return {name: loads(raw) for name, raw in zip(names, raws, strict=True) if raw is not None}

    def put(self, name, value, tags, ttl, started, page=False):
        """Keep `value` (with `tags`) unless one of its tags was invalidated after `started`;
        True when kept."""
        keys = [self.entry(name), self.log_key]
        if page:
            keys += [self.stale(name), f"{PREFIX}:l:{name}"]
        prune = PRUNE if random.randrange(PRUNE_EVERY) == 0 else 0  # noqa: S311 - not a secret
        args = [dumps((value, tuple(tags))), max(1, int(ttl)), started, f"{PREFIX}:t:", prune]
        args += list(tags)
        try:
            return bool(self.put_script(keys=keys, args=args))
        except RedisError as error:
            raise Unavailable(str(error)) from error

    def invalidate(self, tags, soft):
        """Remove (or, soft, set aside) every entry made from `tags`; the new clock. When Redis
        refuses to count it (full: INCR refused, but the entries were deleted), the clock is
        deleted, which tells every process to drop its in-memory copies and keep nothing until
        Redis takes writes again; when even that is refused, Unavailable."""
        args = [
            "1" if soft else "0",
            f"{PREFIX}:t:",
            f"{PREFIX}:e:news:page:",
            f"{PREFIX}:s:news:page:",
            GRACE,
            fresh_clock(),
            *tags,
        ]
        try:
            return int(
                self.invalidate_script(
                    keys=[self.clock_key, self.log_key, self.since_key], args=args
                )
            )
        except RedisError as error:
            if isinstance(error, breaker.BreakerOpen):
                raise Unavailable(str(error)) from error
            try:
                self.client.delete(self.clock_key)
            except RedisError as second:
                raise Unavailable(f"{error}; then {second}") from error
            raise Unavailable(
                f"{error} (the clock was deleted: nothing kept is trusted)"
            ) from error

    def everything(self):
        """Every entry may have changed: the log says so, and the entries are deleted."""
        try:
            self.invalidate_script(
                keys=[self.clock_key, self.log_key, self.since_key],
                args=["0", f"{PREFIX}:t:", "-", "-", GRACE, fresh_clock(), EVERYTHING],
            )
            for pattern in (f"{PREFIX}:e:*", f"{PREFIX}:s:*", f"{PREFIX}:t:*"):
                batch = []
                for key in self.client.scan_iter(match=pattern, count=1000):
                    batch.append(key)
                    if len(batch) >= 1000:
                        self.client.unlink(*batch)
                        batch = []
                if batch:
                    self.client.unlink(*batch)
        except RedisError as error:
            raise Unavailable(str(error)) from error

    def changed_since(self, clock):
        """The tags invalidated after `clock`, or None when everything may have changed."""
        try:
            since, changed = (
                self.client.pipeline(transaction=False)
                .get(self.since_key)
                .zrangebyscore(self.log_key, f"({clock}", "+inf")
                .execute()
            )
        except RedisError as error:
            raise Unavailable(str(error)) from error
        if since is None or int(since) > clock:
            return None  # the log does not reach back that far (a flushed or new Redis)
        tags = {tag.decode() for tag in changed}
        return None if EVERYTHING in tags else tags

    def claim(self, name):
        """Whether this request is the one to render `name` (others get its stale copy)."""
        try:
            return bool(self.client.set(f"{PREFIX}:l:{name}", b"1", nx=True, ex=RENDERING))
        except RedisError:
            return True

    def release(self, name):
        """The request that claimed `name` is done (it kept the page, or could not)."""
        with contextlib.suppress(RedisError):  # the claim ends by itself
            self.client.delete(f"{PREFIX}:l:{name}")


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


_store = None
_store_lock = threading.Lock()


def get():
    """This process's store (made on first use: after the settings are read)."""
    global _store  # noqa: PLW0603 - one per process
    if _store is None:
        with _store_lock:
            if _store is None:
                _store = RedisStore() if uses_redis() else LocalStore()
    return _store


def reset():
    """Forget the store (tests that change CACHES)."""
    global _store  # noqa: PLW0603
    _store = None


def uses_redis():
    from django.conf import settings

    return settings.CACHES["default"]["BACKEND"].startswith("django_redis")


_warned = {}
WARN_EVERY = 60


def warn(what, error):
    """Log `what` failed, at most once a minute per kind of failure and process."""
    moment = time.monotonic()
    if moment - _warned.get(what, -WARN_EVERY) >= WARN_EVERY:
        _warned[what] = moment
        logger.error("The page cache %s: %s", what, error)
