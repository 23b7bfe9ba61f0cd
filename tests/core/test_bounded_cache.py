"""The page cache's memory is bounded in bytes, whatever the number of distinct addresses."""

import gc
import os
import tracemalloc

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache

from leitstand.core import bounded_cache
from leitstand.core import page_cache as page_cache_module


@pytest.fixture
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_the_configured_cache_holds_no_more_than_its_bound(empty_cache):
    bound = django_settings.CACHES["default"]["OPTIONS"]["MAX_BYTES"]
    page = 256 * 1024
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for i in range(bound * 3 // 2 // page):  # one and a half times the bound, all distinct
            cache.set(f"page:{i}", (({"Content-Type": "text/html"}), os.urandom(page)), 300)
        gc.collect()
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert held <= bound, f"{held:,} bytes held, bound {bound:,}"
    assert cache.get("page:0") is None  # the oldest went first
    last = bound * 3 // 2 // page - 1
    assert cache.get(f"page:{last}") is not None


def test_distinct_addresses_keep_the_page_cache_within_its_bytes(client, db, settings,
                                                                 monkeypatch):
    settings.LEITSTAND_PAGE_CACHE_SECONDS = 300
    page_cache_module.forget_version()
    small = bounded_cache.ByteBoundedCache("pages", {"OPTIONS": {"MAX_BYTES": 50_000}})
    monkeypatch.setattr(page_cache_module, "cache", small)
    sizes = []
    for i in range(40):
        response = client.get(f"/methodik/?q=suche{i}")
        assert response.status_code == 200
        sizes.append(len(response.content))
    assert sum(sizes) > 2 * 50_000  # the walk asked for far more than the bound
    kept = sum(len(blob) for blob, _timeout, _size in small._data.values())
    assert 0 < kept <= small.size_in_bytes <= 50_000
    # the recent addresses are still served from the cache, the first one was dropped
    assert client.get("/methodik/?q=suche39")["X-Page-Cache"] == "hit"
    assert "X-Page-Cache" not in client.get("/methodik/?q=suche0")


def test_a_page_larger_than_the_bound_is_not_kept_and_an_older_copy_goes():
    small = bounded_cache.ByteBoundedCache("pages", {"OPTIONS": {"MAX_BYTES": 10_000}})
    small.set("k", b"x" * 100)
    small.set("k", b"x" * 20_000)
    assert small.get("k") is None and small.size_in_bytes == 0
    assert small.add("k", b"small") and not small.add("k", b"other")
    assert small.get("k") == b"small"
