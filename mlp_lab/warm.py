"""Every page's default computations, so ``python -m mlp_lab warm`` can fill the cache before class.

Each topic registers a function that lists (key, compute) pairs: the same keys its page asks the
result store for when opened with default settings (global seed 0). The rows of the book page
follow, under the keys that page reads.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from mlp_lab.reproduce import CHECK_MODULES, all_checks, row_key, run_check
from mlp_lab.store import ResultStore

Job = tuple[Hashable, Callable[[], Any]]
_PROVIDERS: dict[str, Callable[[], list[Job]]] = {}


def defaults(topic: str) -> Callable[[Callable[[], list[Job]]], Callable[[], list[Job]]]:
    """Decorator for a topic's function returning its page's default (key, compute) pairs."""

    def wrap(fn: Callable[[], list[Job]]) -> Callable[[], list[Job]]:
        _PROVIDERS[topic] = fn
        return fn

    return wrap


@dataclass
class WarmRow:
    topic: str
    key: str
    status: str  # "stored", "cached" (already there) or "error: ..."
    seconds: float


def jobs(book: bool = True) -> Iterator[tuple[str, Hashable, Callable[[], Any]]]:
    """Every page's defaults, then (with ``book``) every row of the "check against the book" page."""
    for name in CHECK_MODULES:  # the experiment modules also register their defaults
        importlib.import_module(name)
    for topic, provider in _PROVIDERS.items():
        for key, compute in provider():
            yield topic, key, compute
    if book:
        for check in all_checks():
            # A check that raises is reported and nothing is kept: the book page will try again.
            yield "book", row_key(check), partial(run_check, check, reraise=(Exception,))


def warm(store: ResultStore, book: bool = True, on_row: Callable[[WarmRow], None] | None = None) -> list[WarmRow]:
    """Compute and store every default not already in ``store`` (its disk cache included);
    ``on_row`` hears about each one as it finishes (warming takes minutes on a CPU)."""
    rows = []
    for topic, key, compute in jobs(book):
        start = time.perf_counter()
        if store.get(key) is not None:
            row = WarmRow(topic, repr(key)[:90], "cached", 0.0)
        else:
            try:
                store.put(key, compute())
                status = "stored"
            except Exception as exc:  # one failing topic must not stop the others
                status = f"error: {type(exc).__name__}: {exc}"
            row = WarmRow(topic, repr(key)[:90], status, round(time.perf_counter() - start, 2))
        rows.append(row)
        if on_row is not None:
            on_row(row)
    return rows
