"""Claim rows of the MLP page (3.2): each passes over its seeds, and its own function says no when an
ingredient is broken. The rows train the page's default run for seeds 0-4 through the shared store
(seeds 0 and 1 are the trainings tests/test_mlp_page.py makes too). Broken runs use a private store
that holds only the honest trainings, so nothing broken is ever kept under an honest key."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from mlp_lab import reproduce, store
from mlp_lab.checks import _REGISTRY
from mlp_lab.experiments import mlp

CLAIMS = ["mlp.tops_hardest", "mlp.acc_near_write_up"]


@pytest.mark.parametrize("claim_id", CLAIMS)
def test_claim_row_passes(claim_id: str, fmnist) -> None:
    row = reproduce.row(claim_id)
    assert not reproduce.row_failed_to_run(row), row.ours
    assert (row.kind, row.seeds) == ("claim", 5)
    assert row.ok, f"{claim_id}: {row.ours} of seeds 0-4"


def private_store_with_the_honest_trainings(monkeypatch: pytest.MonkeyPatch) -> store.ResultStore:
    honest = store.shared_store()
    for seed in mlp.CLAIM_SEEDS:
        mlp.default_run(seed)  # trained once, honestly, in the shared store
    private = store.ResultStore()
    for key in list(honest._results):
        if key[0] == "mlp_lab.training.train":
            private.put(key, honest.get(key))
    monkeypatch.setattr(store, "_shared", private)
    return private


def test_tops_hardest_fails_when_predictions_meet_other_images_labels(fmnist, monkeypatch) -> None:
    """A plausible bug: the predictions compared with the labels of other images (test set shuffled)."""
    private = private_store_with_the_honest_trainings(monkeypatch)
    labels = mlp.fmnist_test_labels()
    monkeypatch.setattr(mlp, "fmnist_test_labels", lambda: np.roll(labels, 1))
    share, ok = _REGISTRY["mlp.tops_hardest"].fn()
    assert not ok, share
    assert private.computations == 0  # the broken part is downstream of the trainings: none retrained


def test_acc_near_write_up_fails_after_one_epoch(fmnist, monkeypatch) -> None:
    monkeypatch.setattr(store, "_shared", store.ResultStore())
    monkeypatch.setattr(mlp, "CLAIM_SETTINGS", replace(mlp.CLAIM_SETTINGS, epochs=1))
    share, ok = _REGISTRY["mlp.acc_near_write_up"].fn()
    assert not ok and share == 0.0, share


def test_the_predicates_read_the_run() -> None:
    """Pure checks on hand-made confusion matrices (no data set)."""
    eye = np.eye(10, dtype=np.int64) * 90
    eye[6, 6], eye[6, 0] = 40, 50  # shirt, mostly taken for t-shirt
    report = mlp.class_report(eye + 1)
    assert (report.hardest, report.confused_with) == (6, 0) and mlp.tops_are_hardest(report)
    eye[6, 6], eye[7, 7], eye[7, 5] = 90, 30, 60  # now sneakers are hardest, taken for sandals
    report = mlp.class_report(eye + 1)
    assert report.hardest == 7 and not mlp.tops_are_hardest(report)
    assert mlp.near_write_up(0.8462) and not mlp.near_write_up(0.797)
