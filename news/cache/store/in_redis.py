"""The store in Redis (production: every process and server shares it), atomic by two Lua
scripts."""

import contextlib
import random

from redis.exceptions import RedisError

from .. import breaker
from .common import (
    EVERYTHING,
    GRACE,
    PREFIX,
    RENDERING,
    Begin,
    Unavailable,
    dumps,
    fresh_clock,
    loads,
)

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
