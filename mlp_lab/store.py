"""A bounded, thread-safe store of finished results with one lock per key, and the one path to a
cached result (``cached``) that every page, ``reproduce`` row and ``warm`` goes through.

One store per server process (``shared_store``). A caller that misses takes the key's lock, looks
again, computes, and stores; callers asking for the same key meanwhile wait on the lock and then
read the result, so N users cause one training. Across processes the key's lock is also a file lock
in the shared cache folder, and across machines a PostgreSQL advisory lock
(``mlp_lab.coordination``): N processes on M machines still cause one training.
"""

from __future__ import annotations

import inspect
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from mlp_lab.cache import DiskCache, cache_dir
from mlp_lab.coordination import Coordinator, FileCoordinator, holding, key_digest
from mlp_lab.queue import Report, TrainingQueue

T = TypeVar("T")
log = logging.getLogger("mlp_lab")
Progress = Callable[[float], None]  # fraction done, 0..1


class ResultStore:
    """Memory first, then the disk cache (if any); ``put`` writes through to both."""

    def __init__(
        self, max_entries: int = 128, disk: DiskCache | None = None, coordinators: tuple[Coordinator, ...] = ()
    ) -> None:
        self.max_entries = max_entries
        self.disk = disk
        self.coordinators = coordinators  # cross-process / cross-machine locks and shared results
        self._results: OrderedDict[Hashable, Any] = OrderedDict()
        self._locks: dict[Hashable, threading.Lock] = {}
        self._guard = threading.Lock()
        self.computations = 0  # how many times a miss led to computing (for tests and load checks)
        self.computed: list[Hashable] = []  # the keys of those computations, newest last (bounded)

    def get(self, key: Hashable) -> Any | None:
        with self._guard:
            if key in self._results:
                self._results.move_to_end(key)
                return self._results[key]
        value = self.disk.load(key) if self.disk is not None else None
        if value is not None:
            self._remember(key, value)
        return value

    def get_shared(self, key: Hashable) -> Any | None:
        """``get``, then the other machines' results (a coordinator's table); a shared hit is kept here."""
        value = self.get(key)
        for c in self.coordinators if value is None else ():
            value = c.load(key)
            if value is not None:
                self._remember(key, value)
                if self.disk is not None:
                    self.disk.save(key, value)
                break
        return value

    def put(self, key: Hashable, value: Any) -> None:
        self._remember(key, value)
        if self.disk is not None:
            self.disk.save(key, value)
        for c in self.coordinators:
            c.save(key, value)

    def _remember(self, key: Hashable, value: Any) -> None:
        with self._guard:
            self._results[key] = value
            self._results.move_to_end(key)
            while len(self._results) > self.max_entries:
                self._results.popitem(last=False)

    def _lock(self, key: Hashable) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(key, threading.Lock())

    def get_or_compute(
        self,
        key: Hashable,
        compute: Callable[[], T],
        should_store: Callable[[T], bool] = lambda _: True,
        waiting: Callable[[float], None] | None = None,
        queue: TrainingQueue | None = None,
        queued: Report | None = None,
    ) -> T:
        """The stored value for ``key``, else compute it once under the key's lock.

        ``waiting(seconds)`` is called about once a second while another caller computes the same
        key (the UI says so, which also lets Streamlit interrupt the wait). With ``queue`` the
        computation also waits its turn for a slot, ``queued(place, eta)`` saying where it stands;
        a result that appears meanwhile (another process or machine) is served at once."""
        hit = self.get(key)
        if hit is not None:
            return hit
        lock = self._lock(key)
        if not lock.acquire(blocking=False):
            start = time.monotonic()
            while not lock.acquire(timeout=1.0):
                if waiting is not None:
                    waiting(time.monotonic() - start)
        try:
            hit = self.get(key)
            if hit is not None:
                return hit
            # Other processes (file lock) and machines (advisory lock) computing the same key: wait
            # for them, then read what they stored.
            with holding(self.coordinators, key, waiting):
                hit = self.get_shared(key)
                if hit is not None:
                    return hit
                if queue is None:
                    return self._compute(key, compute, should_store)
                # Locks first, then the queue: a slot never goes to a caller that would only wait.
                with queue.slot(ready=lambda: self.get_shared(key) is not None, report=queued) as mine:
                    if not mine:
                        return self.get_shared(key)
                    return self._compute(key, compute, should_store)
        finally:
            lock.release()

    def _compute(self, key: Hashable, compute: Callable[[], T], should_store: Callable[[T], bool]) -> T:
        with self._guard:
            self.computations += 1
            self.computed = [*self.computed[-255:], key]
        # a miss (after `warm` a page's defaults never log this); the digest names the key whole
        log.info("computing: %.150r [%s]", key, key_digest(key))
        value = compute()
        if should_store(value):
            self.put(key, value)
        return value

    def __contains__(self, key: Hashable) -> bool:
        with self._guard:
            return key in self._results

    def __len__(self) -> int:
        with self._guard:
            return len(self._results)


_shared: ResultStore | None = None
_shared_guard = threading.Lock()


def shared_store() -> ResultStore:
    """The process's one store, over the disk cache: pages, ``reproduce`` rows and ``warm`` share it."""
    global _shared
    with _shared_guard:
        if _shared is None:
            _shared = ResultStore(disk=DiskCache(), coordinators=default_coordinators())
        return _shared


def default_coordinators() -> tuple[Coordinator, ...]:
    """A file lock per key in the cache folder (the processes of one machine share it), and, when
    ``MLP_LAB_BOARD_URL`` names the class board's PostgreSQL server, an advisory lock and a results
    table there (the machines of one deployment share it)."""
    import os

    out: list[Coordinator] = [FileCoordinator(cache_dir() / "locks")]
    url = os.environ.get("MLP_LAB_BOARD_URL", "")
    if url.startswith("postgresql"):
        out.append(postgres_coordinator(url))
    return tuple(out)


def postgres_coordinator(url: str) -> Coordinator:
    import sqlalchemy as sa

    from mlp_lab.cache import code_version
    from mlp_lab.coordination import PostgresCoordinator

    engine = sa.create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 5})
    return PostgresCoordinator(engine, version=code_version())


def key_of(fn: Callable, config: Hashable) -> tuple:
    """The one style of cache key: which computation, on which frozen settings."""
    return (f"{fn.__module__}.{fn.__qualname__}", config)


def takes_progress(fn: Callable) -> bool:
    try:
        return "progress" in inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False


def cached(
    fn: Callable[..., T],
    config: Hashable,
    *,
    progress: Progress | None = None,
    should_store: Callable[[T], bool] = lambda _: True,
    waiting: Callable[[float], None] | None = None,
    store: ResultStore | None = None,
    queue: TrainingQueue | None = None,
    queued: Report | None = None,
) -> T:
    """``fn(config)``, computed once per server (and code version) and shared: THE path to a result.

    ``fn`` is a named module-level function of one frozen settings object (its name and the
    settings are the key); if it takes ``progress``, it reports the fraction done through it.
    """
    if not takes_progress(fn):
        queue = None  # only long computations (those that report progress) wait for a training slot
    if queue is not None:  # the queue's estimates follow this run's own pace
        shown = progress

        def progress(done: Any) -> bool:
            queue.progress(done)
            return bool(shown(done)) if shown is not None else False

    kwargs = {"progress": progress} if progress is not None and takes_progress(fn) else {}
    store = store if store is not None else shared_store()
    return store.get_or_compute(
        key_of(fn, config), lambda: fn(config, **kwargs), should_store, waiting, queue=queue, queued=queued
    )
