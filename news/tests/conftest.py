import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Wagtail caches site root paths; each test starts from the database it sees."""
    cache.clear()
    yield
    cache.clear()
