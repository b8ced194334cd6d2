"""The book's exercises 3.5.2 - 3.5.6 on the 3.5 page: the validation set's pick of lambda, the L1
update (checked against autograd and the page's trainer), the Frobenius norm, other remedies, and the
Gaussian prior; every check fails for a wrong formula, every finding follows the current settings."""

from __future__ import annotations

import numpy as np
import pytest
import torch

import mlp_lab.activities.weight_decay  # noqa: F401 (declares the 3.5 tasks)
from mlp_lab import learn
from mlp_lab.experiments import weight_decay as exp
from tests.learn_helpers import finding_chart, reveal_answer, run_exercise
from tests.test_app import run_app

PAGE = "pages/weight-decay.py"


def _checks(id: str, settings: object = None) -> list[learn.CheckResult]:
    return learn.checks_of(learn.EXERCISE_TASKS[id], settings)


def test_the_validation_pick_comes_from_the_run() -> None:
    at = run_app("en", page=PAGE)
    l2 = run_exercise(at, "3.5.2")
    direct = learn.finding_of(learn.EXERCISE_TASKS["3.5.2"], exp.WDSettings())
    n = direct.numbers
    assert f"picks λ = {n['val']:g}" in l2 and f"{n['same']} of {n['seeds']}" in l2
    sent = finding_chart(at, "3.5.2")
    assert np.allclose(sent[sent["series"] == "validation loss"]["y"].to_numpy(dtype=float), direct.series["val"])
    seg = next(w for w in at.get("button_group") if w.key == "wd_penalty")
    seg.set_value("L1").run()
    l1 = run_exercise(at, "3.5.2")
    assert "with L1" in l1 and l1 != l2


def test_the_l1_checks_hold_and_a_wrong_subgradient_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    assert all(r.passed for r in _checks("3.5.3"))
    monkeypatch.setattr(exp, "l1_subgradient", lambda w, lambd: lambd * w)  # L2's gradient, not sign(w)
    assert not any(r.passed for r in _checks("3.5.3"))


def test_l1_zeroes_weights_at_the_sliders_lambda() -> None:
    at = run_app("en", page=PAGE, wd_lambda=3.0)
    strong = run_exercise(at, "3.5.3")
    r = exp.penalty_sweeps(exp.WDSettings(lambd=3.0).sweep())
    i = r.l1.runs.lambdas.index(3.0)
    assert f"at λ = 3, L1 sets {int(r.l1.runs.zeros[0, i])} of the 200" in strong
    assert f"L2 sets {int(r.l2.runs.zeros[0, i])} " in strong
    at.slider(key="wd_lambda").set_value(0.0).run()
    none = run_exercise(at, "3.5.3")
    assert "at λ = 0, L1 sets 0 of the 200" in none


@pytest.mark.parametrize(
    ("name", "wrong"),
    [("frobenius_trace", lambda w: torch.trace(w.T @ w) / 2), ("frobenius_grad", lambda w: w)],
)
def test_the_frobenius_checks_fail_for_a_wrong_formula(monkeypatch: pytest.MonkeyPatch, name: str, wrong) -> None:
    assert all(r.passed for r in _checks("3.5.4"))
    monkeypatch.setattr(exp, name, wrong)
    failed = [r.name for r in _checks("3.5.4") if not r.passed]
    assert failed == ["identity" if name == "frobenius_trace" else "gradient"]


def test_the_prior_checks_hold_for_any_lambda_and_fail_without_n(monkeypatch: pytest.MonkeyPatch) -> None:
    for lambd in (0.1, 3.0, 10.0):
        assert all(r.passed for r in _checks("3.5.6", exp.PriorSettings(lambd=lambd)))
    monkeypatch.setattr(exp, "matching_sigma", lambda lambd, n, noise: noise / np.sqrt(lambd))  # forgot n
    assert not any(r.passed for r in _checks("3.5.6", exp.PriorSettings()))


def test_the_prior_answer_reveals_in_chinese_with_the_tasks_lambda() -> None:
    at = run_app("zh", page=PAGE, x35_prior_lambda=1.0)
    text, checks = reveal_answer(at, "3.5.6")
    assert "最大后验" in text
    assert len(checks) == 2 and all(ok for ok, _ in checks) and "λ = 1，" in checks[0][1]


def test_the_remedies_follow_the_input_noise() -> None:
    at = run_app("en", page=PAGE, x35_noise=2.0)
    loud = run_exercise(at, "3.5.5")
    direct = exp.remedies(exp.RemedySettings(noise=2.0).config())
    assert f"brings the test loss to {direct.noisy_test_loss[-1]:.3g}" in loud
    assert f"picks epoch {direct.stop_epoch} of 100" in loud
    at.slider(key="x35_noise").set_value(0.0).run()
    quiet = run_exercise(at, "3.5.5")
    assert "does not bring it down" in quiet
    text, _ = reveal_answer(at, "3.5.5")
    assert "Early stopping" in text and "Dropout" in text
