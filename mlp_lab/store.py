"""A bounded, thread-safe store of finished results with one lock per key.

The UI keeps one instance per server process (``st.cache_resource``). A session that misses
takes the key's lock, looks again, computes, and stores; sessions asking for the same key
meanwhile wait on the lock and then read the result, so N users cause one training.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Any

from mlp_lab.cache import DiskCache


class ResultStore:
    """Memory first, then the disk cache (if any); ``put`` writes through to both."""

    def __init__(self, max_entries: int = 128, disk: DiskCache | None = None) -> None:
        self.max_entries = max_entries
        self.disk = disk
        self._results: OrderedDict[Hashable, Any] = OrderedDict()
        self._locks: dict[Hashable, threading.Lock] = {}
        self._guard = threading.Lock()
        self.computations = 0  # how many times a miss led to computing (for tests and load checks)

    def get(self, key: Hashable) -> Any | None:
        with self._guard:
            if key in self._results:
                self._results.move_to_end(key)
                return self._results[key]
        value = self.disk.load(key) if self.disk is not None else None
        if value is not None:
            self._remember(key, value)
        return value

    def put(self, key: Hashable, value: Any) -> None:
        self._remember(key, value)
        if self.disk is not None:
            self.disk.save(key, value)

    def _remember(self, key: Hashable, value: Any) -> None:
        with self._guard:
            self._results[key] = value
            self._results.move_to_end(key)
            while len(self._results) > self.max_entries:
                self._results.popitem(last=False)

    def lock(self, key: Hashable) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(key, threading.Lock())

    def __contains__(self, key: Hashable) -> bool:
        with self._guard:
            return key in self._results

    def __len__(self) -> int:
        with self._guard:
            return len(self._results)
