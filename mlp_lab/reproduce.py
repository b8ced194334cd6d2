"""Checks of the book's numbers: each topic registers rows; ``python -m mlp_lab reproduce`` runs them.

A row says which section, what quantity, what the book printed, what we measured, the tolerance,
and whether we are within it. Checks live beside the experiment they check (``mlp_lab.experiments``).
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass

# Modules that register checks when imported; each topic adds its own.
CHECK_MODULES = (
    "mlp_lab.experiments.activations",
    "mlp_lab.experiments.mlp",
    "mlp_lab.experiments.fitting",
    "mlp_lab.experiments.weight_decay",
    "mlp_lab.experiments.dropout",
    "mlp_lab.experiments.backprop",
    "mlp_lab.experiments.stability",
    "mlp_lab.experiments.shift",
)

CheckFn = Callable[[], tuple[float | str, bool]]


@dataclass(frozen=True)
class Check:
    id: str
    section: str
    quantity: str
    quantity_zh: str
    book: str
    tolerance: str
    fn: CheckFn
    book_zh: str = ""  # empty where the English is only numbers and symbols
    tolerance_zh: str = ""

    def text(self, field: str, lang: str) -> str:
        """``quantity``, ``book`` or ``tolerance`` in ``lang``, falling back to the English."""
        return (lang == "zh" and getattr(self, f"{field}_zh")) or getattr(self, field)


@dataclass
class Row:
    id: str
    section: str
    quantity: str
    book: str
    ours: float | str
    tolerance: str
    ok: bool
    seconds: float

    def to_dict(self) -> dict:
        return asdict(self)


_REGISTRY: dict[str, Check] = {}


def register(
    id: str,
    *,
    section: str,
    quantity: str,
    quantity_zh: str,
    book: str,
    tolerance: str,
    book_zh: str = "",
    tolerance_zh: str = "",
) -> Callable[[CheckFn], CheckFn]:
    """Decorator: ``fn()`` returns (our value, within tolerance). Give ``book_zh`` and
    ``tolerance_zh`` wherever the English has words."""

    def wrap(fn: CheckFn) -> CheckFn:
        _REGISTRY[id] = Check(id, section, quantity, quantity_zh, book, tolerance, fn, book_zh, tolerance_zh)
        return fn

    return wrap


def all_checks() -> list[Check]:
    for name in CHECK_MODULES:
        importlib.import_module(name)
    return list(_REGISTRY.values())


def select(prefix: str = "") -> list[Check]:
    return [c for c in all_checks() if c.id.startswith(prefix)]


def row_key(check: Check) -> tuple:
    """Where a row's result lives in the result store (the book page and ``warm`` share it); the
    disk cache adds the code version."""
    return ("reproduce", check.id)


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
    return Row(
        check.id,
        check.section,
        check.quantity,
        check.book,
        ours,
        check.tolerance,
        bool(ok),
        round(time.perf_counter() - start, 3),
    )


def row_failed_to_run(row: Row) -> bool:
    """An exception, not a miss: such a row is shown but never kept, so the next run tries again."""
    return isinstance(row.ours, str) and row.ours.startswith("error:")
