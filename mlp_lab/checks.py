"""The registry of checks of the book's numbers: each experiment module registers its rows here.

Core, imported by the experiments (``@register``); ``mlp_lab.reproduce`` runs the rows. The words
of a row live in the i18n catalogue (``mlp_lab/ui/i18n/checks.py``), so that a translation edit
does not change the code version of the results cache. Two kinds: "book" rows compare a number
with what the chapter says; "identity" rows check that two computations of the same thing agree
(scratch == concise, hand-derived == autograd).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

CheckFn = Callable[[], tuple[float | str, bool]]
IDENTITIES = {  # rows that compare two computations of one thing, not a number printed in a source
    "activations.tanh_sigmoid_identity",
    "activations.affine_collapse",
    "backprop.hand_vs_autograd",
    "backprop.hand_vs_finite_diff",
    "dropout.layer_p1_zeros",
    "fitting.degree_sweep",
    "mlp.scratch_equals_concise",
    "weight_decay.concise_matches_scratch",
}


@dataclass(frozen=True)
class Check:
    id: str
    section: str
    fn: CheckFn
    kind: str = "book"

    @property
    def topic(self) -> str:
        return self.id.split(".")[0]


_REGISTRY: dict[str, Check] = {}


def register(id: str, *, section: str) -> Callable[[CheckFn], CheckFn]:
    """Decorator: ``fn()`` returns (our value, within tolerance); its words go in i18n/checks.py."""

    def wrap(fn: CheckFn) -> CheckFn:
        _REGISTRY[id] = Check(id, section, fn, "identity" if id in IDENTITIES else "book")
        return fn

    return wrap
