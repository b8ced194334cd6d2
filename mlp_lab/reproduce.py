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
    id: str, *, section: str, quantity: str, quantity_zh: str, book: str, tolerance: str
) -> Callable[[CheckFn], CheckFn]:
    """Decorator: ``fn()`` returns (our value, within tolerance)."""

    def wrap(fn: CheckFn) -> CheckFn:
        _REGISTRY[id] = Check(id, section, quantity, quantity_zh, book, tolerance, fn)
        return fn

    return wrap


def all_checks() -> list[Check]:
    for name in CHECK_MODULES:
        importlib.import_module(name)
    return list(_REGISTRY.values())


def select(prefix: str = "") -> list[Check]:
    return [c for c in all_checks() if c.id.startswith(prefix)]


def run_check(check: Check) -> Row:
    """Run one check; an exception becomes a failed row that says what went wrong."""
    start = time.perf_counter()
    try:
        ours, ok = check.fn()
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
