"""Claim rows of the dropout page (3.6): each passes over its seeds, and its own function says no when
an ingredient is broken. Broken runs use a private store, so nothing broken is ever kept under an
honest key."""

from __future__ import annotations

import numpy as np
import pytest

from mlp_lab import reproduce, store
from mlp_lab.checks import _REGISTRY
from mlp_lab.experiments import dropout as exp
from mlp_lab.models import dropout_layer


@pytest.mark.parametrize("claim_id", ["dropout.unbiased", "dropout.noise_is_ridge"])
def test_cheap_claim_rows_pass(claim_id: str) -> None:
    row = reproduce.row(claim_id)
    assert not reproduce.row_failed_to_run(row), row.ours
    assert (row.kind, row.seeds, row.ours, row.ok) == ("claim", 8, 1.0, True)


def test_unbiased_fails_when_survivors_are_not_scaled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store, "_shared", store.ResultStore())
    monkeypatch.setattr(exp, "dropout_layer", lambda X, p, generator=None: dropout_layer(X, p, generator) * (1 - p))
    share, ok = _REGISTRY["dropout.unbiased"].fn()
    assert (share, ok) == (0.0, False)


def test_unbiased_fails_when_the_mean_is_off_by_a_little(monkeypatch: pytest.MonkeyPatch) -> None:
    """The predicate is sharp: scaling by 1/(1 - 0.99 p) instead of 1/(1 - p) (a 1 % bias) is caught."""
    monkeypatch.setattr(store, "_shared", store.ResultStore())
    monkeypatch.setattr(exp, "dropout_layer", lambda X, p, generator=None: dropout_layer(X, p, generator) * 0.99)
    share, ok = _REGISTRY["dropout.unbiased"].fn()
    assert not ok, share


def test_noise_is_ridge_fails_when_no_noise_is_added(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store, "_shared", store.ResultStore())
    monkeypatch.setattr(exp, "noisy_copies", lambda X, sigma, copies, rng: np.concatenate([X] * copies))
    share, ok = _REGISTRY["dropout.noise_is_ridge"].fn()
    assert (share, ok) == (0.0, False)


def test_noise_is_ridge_fails_when_sigma_is_taken_for_the_variance(monkeypatch: pytest.MonkeyPatch) -> None:
    """Noise of std σ² instead of σ: the noisy fit no longer lands on ridge with λ = σ²."""
    monkeypatch.setattr(store, "_shared", store.ResultStore())
    original = exp.noisy_copies
    monkeypatch.setattr(exp, "noisy_copies", lambda X, sigma, copies, rng: original(X, sigma**2, copies, rng))
    share, ok = _REGISTRY["dropout.noise_is_ridge"].fn()
    assert not ok, share
