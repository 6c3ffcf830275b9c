"""The store of the cache by tags (news/cache/store/), on the real Redis (a database of its
own) and in local memory: what a write removes, what a render that read old data may not
keep, and what a flushed Redis does to every process's copies."""

from django.test import SimpleTestCase, override_settings

from news.cache import store

REDIS = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/10",
        "KEY_PREFIX": "bitnews",
    }
}


class StoreTests(SimpleTestCase):
    def setUp(self):
        store.reset()
        self.store = store.get()
        self.addCleanup(store.reset)
        if isinstance(self.store, store.RedisStore):
            self.store.client.flushdb()
        else:
            from django.core.cache import cache

            cache.clear()

    def kept(self, name):
        return self.store.get_many([name]).get(name)

    def test_an_invalidation_removes_exactly_the_entries_of_its_tags(self):
        clock = self.store.begin().clock
        self.store.put("a", "A", ["page:1", "list:articles"], 60, clock)
        self.store.put("b", "B", ["page:2"], 60, clock)
        self.store.invalidate(["page:1"], soft=False)
        self.assertIsNone(self.kept("a"))
        self.assertEqual(self.kept("b"), ("B", ("page:2",)))

    def test_a_render_that_began_before_an_invalidation_of_its_tags_keeps_nothing(self):
        started = self.store.begin().clock
        self.store.invalidate(["page:1"], soft=False)  # a publish while it renders
        self.assertFalse(self.store.put("a", "old", ["page:1"], 60, started))
        self.assertTrue(self.store.put("b", "other", ["page:2"], 60, started))
        self.assertTrue(self.store.put("a", "new", ["page:1"], 60, self.store.begin().clock))

    def test_a_soft_invalidation_sets_a_page_aside_and_a_hard_one_removes_it(self):
        clock = self.store.begin().clock
        for name in ("news:page:x", "news:page:y"):
            self.store.put(name, {"content": b"old"}, ["page:1"], 60, clock, page=True)
        self.store.invalidate(["page:1"], soft=True)
        self.store.invalidate(["page:1"], soft=True)  # a publish is several writes: still aside
        began = self.store.begin(["news:page:x"])
        self.assertEqual(began.entries, {})
        set_aside = self.store.stale_many(["news:page:x"])
        self.assertEqual(set_aside["news:page:x"][0], {"content": b"old"})
        self.assertTrue(self.store.claim("news:page:x"))  # one renders
        self.assertFalse(self.store.claim("news:page:x"))  # the others get the old copy
        self.store.invalidate(["page:1"], soft=False)  # no entry left to remove
        self.store.put("news:page:y", {"content": b"old"}, ["page:1"], 60, began.clock, page=True)
        self.store.invalidate(["page:1"], soft=False)
        self.assertEqual(self.store.stale_many(["news:page:y"]), {})

    def test_everything_removes_every_entry(self):
        clock = self.store.begin().clock
        self.store.put("a", "A", ["page:1"], 60, clock)
        self.store.everything()
        self.assertIsNone(self.kept("a"))
        self.assertFalse(self.store.put("b", "B", ["page:2"], 60, clock))  # began before

    def test_the_log_says_what_changed_since_a_clock(self):
        clock = self.store.begin().clock
        self.store.invalidate(["page:1", "list:articles"], soft=True)
        self.assertEqual(self.store.changed_since(clock), {"page:1", "list:articles"})
        self.store.everything()
        self.assertIsNone(self.store.changed_since(clock))  # everything


@override_settings(CACHES=REDIS)
class RedisStoreTests(StoreTests):
    def test_a_flushed_redis_starts_a_later_clock_and_every_copy_is_dropped(self):
        before = self.store.begin().clock
        self.store.client.flushdb()  # a restart without persistence, an operator's flush
        after = self.store.begin().clock
        self.assertGreater(after, before)
        self.assertIsNone(self.store.changed_since(before))  # the log cannot say: all

    def test_tag_sets_forget_entries_that_expired(self):
        clock = self.store.begin().clock
        for number in range(100):
            self.store.put(f"gone{number}", "x", ["site:1"], 60, clock)
        self.store.client.delete(*[self.store.entry(f"gone{n}") for n in range(100)])
        for number in range(300):  # later renders prune a few members each, now and then
            self.store.put(f"kept{number}", "x", ["site:1"], 60, clock)
        members = self.store.client.smembers(f"{store.PREFIX}:t:site:1")
        dead = [m for m in members if m.decode().split(":e:")[1].startswith("gone")]
        self.assertLess(len(dead), 60)
