"""Every "check against the book" row of the mlp, fitting, weight_decay and dropout topics is asserted
(``test_row[<id>]``), and shown able to fail (``test_row_broken[<id>]``): the row's own function, with
its own acceptance, run on a broken ingredient (no training, decay off, masks off, ...), must say no.

The rows run on the real data through the one cached path, so they share results with the pages'
tests (same settings, same keys). Broken runs go to a private store: a monkeypatched ingredient
must never leave a result under an honest key.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import numpy as np
import pytest
import torch

from mlp_lab import reproduce, store
from mlp_lab.checks import _REGISTRY
from mlp_lab.experiments import dropout, fitting, mlp
from mlp_lab.experiments import weight_decay as wd
from mlp_lab.models import dropout_layer

TOPICS = ("mlp.", "fitting.", "weight_decay.", "dropout.")
ROWS = [c.id for c in reproduce.all_checks() if c.id.startswith(TOPICS) and c.kind != "claim"]  # claims: test_claims_*
FMNIST_ROWS = {"mlp.scratch.test_acc", "mlp.concise.test_acc", "mlp.scratch_equals_concise"}


def _params(ids: list[str]) -> list:
    return [pytest.param(i, marks=pytest.mark.fmnist) if i in FMNIST_ROWS else i for i in ids]


def _needs_data(request: pytest.FixtureRequest, row_id: str) -> None:
    if row_id in FMNIST_ROWS:
        request.getfixturevalue("fmnist")  # skips only when the data set is absent


@pytest.mark.parametrize("row_id", _params(ROWS))
def test_row(row_id: str, request: pytest.FixtureRequest) -> None:
    _needs_data(request, row_id)
    row = reproduce.row(row_id)
    assert not reproduce.row_failed_to_run(row), row.ours
    assert row.ok, f"{row_id}: ours {row.ours}, accepted {row.tolerance}"


# --- broken ingredients: each returns the arguments for the row's own function, after patching ---------


def _epochs(config: object, epochs: int) -> tuple:
    return (replace(config, epochs=epochs),)


def _no_copy(monkeypatch: pytest.MonkeyPatch) -> tuple:
    """Concise left at its own initialisation instead of the scratch model's parameters."""
    monkeypatch.setattr(mlp, "copy_scratch_to_concise", lambda scratch, concise: None)
    return (mlp.EquivalenceConfig(steps=5),)


def _masks_off(monkeypatch: pytest.MonkeyPatch) -> tuple:
    """Every variant of the batched sweep sees all 20 features: it is no longer the k-feature model."""
    monkeypatch.setattr(fitting, "degree_masks", lambda: np.ones((fitting.MAX_DEGREE, fitting.MAX_DEGREE), np.float32))
    return _epochs(fitting.BOOK, 20)


def _decay_off(config: wd.WDConfig) -> Callable[[pytest.MonkeyPatch], tuple]:
    def breaker(monkeypatch: pytest.MonkeyPatch) -> tuple:
        monkeypatch.setattr(wd, "BOOK_LAMBDAS", (0.0, 0.0))
        return (config,)

    return breaker


def _unscaled(monkeypatch: pytest.MonkeyPatch) -> tuple:
    """Dropout that forgets to divide the survivors by 1 - p."""
    monkeypatch.setattr(dropout, "dropout_layer", lambda X, p, generator=None: dropout_layer(X, p, generator) * (1 - p))
    return ()


def _no_p1_branch(monkeypatch: pytest.MonkeyPatch) -> tuple:
    """``mask * X / (1 - p)`` without the p = 1 case: 0 / 0 there."""

    def layer(X: torch.Tensor, p: float, generator: torch.Generator | None = None) -> torch.Tensor:
        mask = (torch.rand(X.shape, generator=generator) > p).to(X.dtype)
        return mask * X / (1.0 - p)

    monkeypatch.setattr(dropout, "dropout_layer", layer)
    return ()


BROKEN: dict[str, Callable[[pytest.MonkeyPatch], tuple]] = {
    "mlp.scratch.test_acc": lambda mp: _epochs(mlp.BOOK_SCRATCH, 1),
    "mlp.concise.test_acc": lambda mp: _epochs(mlp.BOOK_CONCISE, 1),
    "mlp.scratch_equals_concise": _no_copy,
    "fitting.poly_normal_weights": lambda mp: _epochs(fitting.BOOK, 10),
    "fitting.degree_sweep": _masks_off,
    "weight_decay.scratch_norm_lambda0": lambda mp: _epochs(wd.SCRATCH_SPREAD, 1),
    "weight_decay.scratch_norm_lambda3": _decay_off(wd.SCRATCH_SPREAD),
    "weight_decay.concise_matches_scratch": lambda mp: (wd.CONCISE_AT_3, True),  # scratch keeps d2l's 1/2
    "dropout.layer_unbiased": _unscaled,
    "dropout.layer_p1_zeros": _no_p1_branch,
}


def test_every_row_has_a_broken_twin() -> None:
    assert sorted(BROKEN) == sorted(ROWS)


@pytest.mark.parametrize("row_id", _params(ROWS))
def test_row_broken(row_id: str, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    _needs_data(request, row_id)
    monkeypatch.setattr(store, "_shared", store.ResultStore())  # private: nothing broken is kept
    args = BROKEN[row_id](monkeypatch)
    ours, ok = _REGISTRY[row_id].fn(*args)  # the row's own code and acceptance
    assert not ok, f"{row_id} still passes with its ingredient broken: {ours}"
