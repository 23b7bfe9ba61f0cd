"""A per-process cache bounded in bytes: the store of the page cache (core.page_cache).

Django's LocMemCache bounds the number of entries (MAX_ENTRIES), so the memory it takes is that
number times whatever a page weighs – and a page weighs what the data make it (a goal list of a
large edition, a search for any `?q=`): no stated bound at all. This backend counts the bytes of
what it keeps – the pickled value, its key and a fixed allowance per entry for the bookkeeping –
and drops the least recently used entries before that sum would pass OPTIONS["MAX_BYTES"]. A
value larger than the whole bound is not kept. cachetools (TLRUCache) keeps the order, the
sizes and each entry's expiry; this module only adapts it to Django's cache interface.
"""

from __future__ import annotations

import math
import pickle
import threading
from operator import itemgetter

from cachetools import TLRUCache
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache

# What one entry costs beyond its value and key: the tuple, the bytes and str headers, the
# slots in cachetools' dictionaries and its LRU and expiry links (measured with
# tracemalloc: about 400 bytes; rounded up to leave room).
ENTRY_OVERHEAD = 1024


def _expires(_key, value, now):
    timeout = value[1]
    return math.inf if timeout is None else now + timeout


class ByteBoundedCache(BaseCache):
    pickle_protocol = pickle.HIGHEST_PROTOCOL

    def __init__(self, name, params):
        super().__init__(params)
        options = params.get("OPTIONS", {})
        self.max_bytes = int(options["MAX_BYTES"])
        # value: (pickled bytes, timeout in seconds or None, size counted against the bound)
        self._data = TLRUCache(self.max_bytes, _expires, getsizeof=itemgetter(2))
        self._lock = threading.Lock()

    @property
    def size_in_bytes(self) -> int:
        """The bytes counted against MAX_BYTES now."""
        return int(self._data.currsize)

    def _put(self, key, value, timeout) -> bool:
        seconds = self.get_backend_timeout(timeout)
        if seconds is not None and seconds <= 0:
            self._data.pop(key, None)
            return False
        blob = pickle.dumps(value, self.pickle_protocol)
        size = len(blob) + len(key) + ENTRY_OVERHEAD
        if size > self.max_bytes:
            self._data.pop(key, None)  # an older copy must not outlive the new value
            return False
        self._data[key] = (blob, seconds, size)
        return True

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            if key in self._data:
                return False
            return self._put(key, value, timeout)

    def get(self, key, default=None, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            entry = self._data.get(key)
        return default if entry is None else pickle.loads(entry[0])

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            self._put(key, value, timeout)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            entry = self._data.get(key)
            if entry is None:
                return False
            return self._put(key, pickle.loads(entry[0]), timeout)

    def delete(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            return self._data.pop(key, None) is not None

    def has_key(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            return key in self._data

    def clear(self):
        with self._lock:
            self._data.clear()
