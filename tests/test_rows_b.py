"""Every "check against the book" row of activations, backprop, stability and shift: asserted, and
shown able to fail.

``test_row[<id>]`` runs the row as the book page does and asserts it passes. ``test_row_broken[<id>]``
breaks the one ingredient the row is about (a wrong activation, a forgotten term of the chain rule,
the wrong scale or initialisation, an unweighted loss, a transposed confusion matrix, ...) and runs
the row's own check function, whose acceptance must now say no. The ranges, with the values measured
over seeds, are the constants beside each row in ``mlp_lab/experiments/<topic>.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
import torch
from torch.nn import functional as F

from mlp_lab import reproduce, store
from mlp_lab.checks import _REGISTRY
from mlp_lab.experiments import activations, backprop, shift, stability

TOPICS = ("activations", "backprop", "stability", "shift")
ROWS = [c.id for c in reproduce.all_checks() if c.topic in TOPICS and c.kind != "claim"]  # claims: test_claims_*
USES_DATA = {"stability.symmetry_constant_init", "shift.label_shift_estimate"}

Breaker = Callable[[pytest.MonkeyPatch], dict[str, Any]]  # sets the break up, returns the row's arguments


def _private_store(mp: pytest.MonkeyPatch) -> None:
    """A break that patches a function computes under the row's usual keys: in an empty store of its
    own, so that it neither reads the good result nor leaves its broken one behind. (A break that
    passes another config has a key of its own and shares the store.)"""
    mp.setattr(store, "_shared", store.ResultStore())


def _hard_sigmoid(mp: pytest.MonkeyPatch) -> dict[str, Any]:
    _private_store(mp)
    mp.setitem(activations.FUNCTIONS, "sigmoid", lambda x, a: F.hardsigmoid(x))  # slope 1/6 at 0
    return {}


def _half_slope_tanh(mp: pytest.MonkeyPatch) -> dict[str, Any]:
    _private_store(mp)
    mp.setitem(activations.FUNCTIONS, "tanh", lambda x, a: 2 * torch.sigmoid(x) - 1)  # tanh(x/2): slope 1/2
    return {}


def _sigmoid_of_x_not_2x(mp: pytest.MonkeyPatch) -> dict[str, Any]:
    _private_store(mp)
    original = activations.tanh_sigmoid_identity_error
    mp.setattr(activations, "tanh_sigmoid_identity_error", lambda: original(inner=1.0))
    return {}


def _relu_between_layers(mp: pytest.MonkeyPatch) -> dict[str, Any]:
    _private_store(mp)
    original = activations.affine_collapse_error
    mp.setattr(activations, "affine_collapse_error", lambda seed: original(seed, between="relu"))
    return {}


def _chain_rule_without_phi_prime(mp: pytest.MonkeyPatch) -> dict[str, Any]:
    _private_store(mp)
    mp.setattr(backprop, "phi_prime", lambda name, z: torch.ones_like(z))
    return {}


def _w1_without_the_penalty(mp: pytest.MonkeyPatch) -> dict[str, Any]:
    _private_store(mp)
    original = backprop.forward_backward

    def forgetful(ex: backprop.Example, config: backprop.GraphConfig) -> backprop.Pass:
        values = original(ex, config)
        return replace(values, dJ_dW1=values.dJ_dW1 - config.lam * ex.W1)

    mp.setattr(backprop, "forward_backward", forgetful)
    return {}


def _prediction_without_no_grad(mp: pytest.MonkeyPatch) -> dict[str, Any]:
    _private_store(mp)
    mp.setattr(backprop, "predicting_bytes", backprop.saved_for_backward)  # prediction keeps what training does
    return {}


def _source_and_target_swapped(mp: pytest.MonkeyPatch) -> dict[str, Any]:
    _private_store(mp)
    original = shift.logistic_regression  # z = 1 for the source: exp(h) estimates q/p, the ratio upside down
    mp.setattr(shift, "logistic_regression", lambda X, y, weights=None, **kw: original(X, 1 - y, weights, **kw))
    return {}


# The label-shift rows read the page's trained classifier from the shared store (it is not what is
# broken); their breaks come after it, in steps that are never cached.
def _confusion_untransposed(mp: pytest.MonkeyPatch) -> dict[str, Any]:
    original = shift.solve_label_shift  # solves C^T p = mu; given C^T it solves the book's C p = mu with our C
    mp.setattr(shift, "solve_label_shift", lambda confusion, mu: original(confusion.T, mu))
    return {}


BREAK: dict[str, Breaker] = {
    "activations.sigmoid_grad_at_0": _hard_sigmoid,
    "activations.tanh_grad_at_0": _half_slope_tanh,
    "activations.tanh_sigmoid_identity": _sigmoid_of_x_not_2x,
    "activations.affine_collapse": _relu_between_layers,
    "backprop.hand_vs_autograd": _chain_rule_without_phi_prime,
    "backprop.hand_vs_finite_diff": _w1_without_the_penalty,
    "backprop.memory_as_the_book_says": _prediction_without_no_grad,
    # sigma 0.5 (below the stable ~0.57 for 4x4) in place of N(0, 1): the product vanishes instead
    "stability.matrix_product_explodes": lambda mp: {"config": stability.MatrixProductConfig(sigma=0.5)},
    # Kaiming's 2 / n_in (for ReLU) on linear layers: the variance doubles at every layer
    "stability.xavier_preserves_variance": lambda mp: {"preserving": ("kaiming",)},
    # a random start: the units differ from the first step, dropout or not
    "stability.symmetry_constant_init": lambda mp: {"config": stability.SymmetryConfig(init="normal")},
    "shift.covariate_density_ratio": _source_and_target_swapped,
    "shift.label_shift_estimate": _confusion_untransposed,
}


def _params() -> list[Any]:
    return [pytest.param(i, marks=pytest.mark.fmnist) if i in USES_DATA else i for i in ROWS]


def _needs_data(row_id: str, request: pytest.FixtureRequest) -> None:
    if row_id in USES_DATA:
        request.getfixturevalue("fmnist")  # skips only when the data set is absent


def test_every_row_of_these_topics_has_a_break() -> None:
    assert len(ROWS) == 12 and set(BREAK) == set(ROWS)


@pytest.mark.parametrize("row_id", _params())
def test_row(row_id: str, request: pytest.FixtureRequest) -> None:
    _needs_data(row_id, request)
    row = reproduce.row(row_id)
    assert row.ok, row


@pytest.mark.parametrize("row_id", _params())
def test_row_broken(row_id: str, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    _needs_data(row_id, request)
    kwargs = BREAK[row_id](monkeypatch)
    value, ok = _REGISTRY[row_id].fn(**kwargs)
    assert not ok, f"{row_id} still passes with its ingredient broken: {value}"
