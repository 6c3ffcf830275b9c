import pytest
from django.core.cache import cache
from django.utils import translation


@pytest.fixture(autouse=True)
def _fresh_state():
    """Each test starts in English with an empty cache.

    A request through LocaleMiddleware leaves its language active in the thread,
    and Wagtail caches site root paths: neither may leak from one test to the next.
    """
    cache.clear()
    translation.activate("en")
    yield
    cache.clear()
    translation.activate("en")
