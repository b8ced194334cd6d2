"""The book's exercises 3.4.1 - 3.4.4 on the 3.4 page: the normal equations' checks (and a wrong
formula failing them), the losses against degree and data, the feature-scaling toggle, and the noise
floor, each read from the run at the page's (or the task's own) current settings."""

from __future__ import annotations

import numpy as np
import pytest

import mlp_lab.activities.fitting  # noqa: F401 (declares the 3.4 tasks)
from mlp_lab import learn
from mlp_lab.experiments import fitting as exp
from tests.learn_helpers import finding_chart, reveal_answer, run_exercise
from tests.test_app import run_app

PAGE = "pages/fitting.py"


@pytest.mark.parametrize(("k", "n"), [(4, 100), (20, 100), (20, 10)])
def test_the_normal_equations_checks_hold(k: int, n: int) -> None:
    results = learn.checks_of(learn.EXERCISE_TASKS["3.4.1"], exp.FitSettings(features=k, n_train=n))
    assert [r.name for r in results] == ["gradient", "lstsq"]
    assert all(r.passed for r in results), results


def test_a_wrong_normal_equation_fails_both_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    # forgetting the Gram matrix: w = X^T y / n is not where the gradient vanishes
    monkeypatch.setattr(exp, "normal_equations", lambda x, y: x.T @ y / len(y))
    results = learn.checks_of(learn.EXERCISE_TASKS["3.4.1"], exp.FitSettings())
    assert not any(r.passed for r in results)
    assert min(r.gap for r in results) > 1e-3


def test_the_normal_equations_answer_reveals_with_its_checks() -> None:
    at = run_app("en", page=PAGE, fit_features=20, fit_n=10)
    text, checks = reveal_answer(at, "3.4.1")
    assert "normal equations" in text
    assert len(checks) == 2 and all(ok for ok, _ in checks)
    assert "k = 20, n = 10" in checks[0][1]


def test_losses_against_degree_and_data_come_from_the_run() -> None:
    at = run_app("en", page=PAGE, fit_n=10)
    few = run_exercise(at, "3.4.2")
    direct = learn.finding_of(learn.EXERCISE_TASKS["3.4.2"], exp.FitSettings(n_train=10))
    assert direct.says == "finding_zero" and f"from k = {direct.numbers['zero_k']} features on" in few
    assert f"at n = {direct.numbers['n0']}" in few and f"{direct.numbers['test_n1']:.3g}" in few
    chart = finding_chart(at, "3.4.2")
    sent = chart[chart["series"] == "train loss (SGD)"]["y"].to_numpy(dtype=float)
    assert np.allclose(sent, direct.series["train"], equal_nan=True)
    at.slider(key="fit_n").set_value(100).run()
    many = run_exercise(at, "3.4.2")
    assert "no k ≤ 20 reaches zero training loss" in many and many != few


def test_the_scaling_toggle_changes_what_the_run_says() -> None:
    at = run_app("en", page=PAGE, x34_k=20)
    raw = run_exercise(at, "3.4.3")
    direct = exp.scaling_sweep(exp.ScalingSettings(scaling="x^i", features=20).config())
    assert "diverges" in raw and f"{direct.largest[19]:.3g}" in raw
    assert f"k ≤ {int(np.flatnonzero(direct.trains())[-1]) + 1} train" in raw
    seg = next(w for w in at.get("button_group") if w.key == "x34_scaling")
    seg.set_value("z-score").run()
    standard = run_exercise(at, "3.4.3")
    z = exp.scaling_sweep(exp.ScalingSettings(scaling="z-score", features=20).config())
    assert "trains" in standard and f"test loss {z.test_loss[19]:.3g}" in standard
    assert f"{int(z.trains().sum())} of the 20 models" in standard


def test_the_noise_floor_is_computed_and_vanishes_without_noise() -> None:
    at = run_app("en", page=PAGE)
    noisy = run_exercise(at, "3.4.4")
    assert f"test loss {exp.noise_floor(exp.FitSettings().degrees()):.3g} on this test set" in noisy
    at.slider(key="fit_noise").set_value(0.0).run()
    clean = run_exercise(at, "3.4.4")
    assert "without label noise" in clean and "zero up to rounding" in clean


def test_the_discussion_reveals_in_chinese() -> None:
    at = run_app("zh", page=PAGE)
    text, checks = reveal_answer(at, "3.4.4")
    assert "贝叶斯误差" in text and not checks
