"""Checks against the sources and of our pages' claims: each topic registers rows;
``python -m mlp_lab reproduce`` runs them.

A row says which section, what quantity, what the source says, what we measured, the tolerance,
and whether we are within it. Checks are registered beside the experiment they check
(``mlp_lab.checks``); this module depends on the experiments, never the other way round.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass

from mlp_lab import topics
from mlp_lab.checks import _REGISTRY, Check
from mlp_lab.controls import control


@dataclass
class Row:
    """One row's result. Its words (quantity, what the source says, tolerance) are the i18n
    catalogue's, looked up by whoever shows the row (the book page, the command line)."""

    id: str
    section: str
    kind: str
    ours: float | str
    ok: bool
    seconds: float
    seeds: int = 0  # claim rows: how many seeds the share in ``ours`` is taken over

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class BookView:
    """The book page's one control: which topic's rows to list."""

    topic: str = control("all", key="book_topic", label="book.topic", choices=("all", *topics.NAMES), cli=False)


def all_checks() -> list[Check]:
    return sorted(_REGISTRY.values(), key=lambda c: topics.NAMES.index(c.topic))  # chapter order, stable


def select(prefix: str = "") -> list[Check]:
    return [c for c in all_checks() if c.id.startswith(prefix)]


def for_topic(topic: str) -> list[Check]:
    """The rows a topic page shows in its book box."""
    return [c for c in all_checks() if c.topic == topic]


def run_check(check: Check, reraise: tuple[type[Exception], ...] = ()) -> Row:
    """Run one check; an exception becomes a failed row that says what went wrong, unless it is one
    of ``reraise`` (the app explains data problems itself, in the learner's language)."""
    start = time.perf_counter()
    try:
        ours, ok = check.fn()
    except reraise:
        raise
    except Exception as exc:  # a broken check must not hide the other rows
        ours, ok = f"error: {type(exc).__name__}: {exc}", False
    if isinstance(ours, float):
        ours = float(f"{ours:.6g}")
    seconds = round(time.perf_counter() - start, 3)
    return Row(check.id, check.section, check.kind, ours, bool(ok), seconds, len(check.seeds))


def row(check_id: str) -> Row:
    """One row by id, for the one path to a cached result (``store.cached(row, id)``): a data
    problem raises (the page explains it); any other exception becomes a row that says so."""
    from mlp_lab.data import DataError

    return run_check(_REGISTRY[check_id], reraise=(DataError,))


def row_failed_to_run(row: Row) -> bool:
    """An exception, not a miss: such a row is shown but never kept, so the next run tries again."""
    return isinstance(row.ours, str) and row.ours.startswith("error:")
