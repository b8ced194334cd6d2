"""3.4's predictions and challenge, through the page: the revealed answers and the verdict come from
the runs at the page's current settings (the degree sweep, the K-fold tab's run, the d = 200 sweep)."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from mlp_lab.activities import fitting as act
from mlp_lab.experiments import fitting as exp
from mlp_lab.experiments.weight_decay import d200_size_sweep
from mlp_lab.learn import CHALLENGES, PREDICTIONS, answer_of, verdict_of
from tests.learn_helpers import challenge_verdict, guess_and_reveal, overlay, texts
from tests.test_app import run_app

PAGE = "pages/fitting.py"
OVERFIT = {"fit_features": "20", "fit_n": "10", "fit_epochs": "1500"}  # the page's overfitting preset


def gaps_at(**changes) -> dict[str, float]:
    return act.gaps(exp.degree_sweep(replace(exp.FitSettings(), **changes).degrees()))


def test_which_overfits_reveals_the_sweeps_ratios_and_follows_the_training_set_size() -> None:
    book = gaps_at()
    assert max(book, key=book.get) == "4" and max(book.values()) < exp.GAP  # the book's 100 examples: none overfits
    at = run_app("en", page=PAGE)
    assert not at.exception
    guess_and_reveal(at, "fit.which_overfits", "20")
    alt, rows = overlay(at, "Your guess 20 features")
    assert "the run's result 4 features" in alt
    assert sorted(rows.iloc[:, 1]) == pytest.approx(sorted(book.values()), rel=1e-6)  # the bars are the sweep's
    assert "None of them overfits here" in texts(at) and f"{book['4']:.2f}" in texts(at)
    at.slider(key="fit_n").set_value(10).run()  # the guess stays committed; 10 examples, 400 epochs
    small = gaps_at(n_train=10)
    assert max(small, key=small.get) == "20" and small["20"] >= exp.GAP
    alt, rows = overlay(at, "Your guess 20 features")
    assert "the run's result 20 features" in alt
    assert sorted(rows.iloc[:, 1]) == pytest.approx(sorted(small.values()), rel=1e-6)
    assert f"{small['20']:.1f}×" in texts(at) and "right" in texts(at)


def test_kfold_pick_is_the_tabs_run_and_changes_with_the_data() -> None:
    at = run_app("zh", page=PAGE, fit_epochs="100")
    at.session_state["fit_tab"] = "K 折交叉验证"
    at.run()
    assert not at.exception
    kf = exp.kfold(exp.FitSettings(epochs=100).kfold())
    guess_and_reveal(at, "fit.kfold_pick", "many", "zh")
    assert f"k = {kf.picked_degree}" in texts(at)
    expected = act._kfold_pick(kf, exp.FitSettings(epochs=100))
    _, rows = overlay(at, "你的猜测 7 个或更多")
    assert rows.iloc[:, 1].tolist() == pytest.approx(list(expected.y), rel=1e-6)
    small = exp.kfold(exp.FitSettings(epochs=100, n_train=10).kfold())
    assert small.picked_degree != kf.picked_degree  # another computation, not a constant
    at.slider(key="fit_n").set_value(10).run()
    assert f"k = {small.picked_degree}" in texts(at)


def test_d200_gap_follows_the_tabs_training_set_size() -> None:
    p = PREDICTIONS["fit.d200_gap"]
    at = run_app("en", page=PAGE, fit_epochs="10")  # the d = 200 sweep does not depend on the polynomial's epochs
    at.session_state["fit_tab"] = "d = 200, few examples"
    at.run()
    guess_and_reveal(at, "fit.d200_gap", 1.0)
    sweep = d200_size_sweep(exp.FitSettings().d200())
    logs = act.log_gaps(sweep)
    at20 = logs[sweep.sizes.index(20)]
    assert at20 > 3  # 20 examples for 201 parameters: test loss orders of magnitude above training loss
    alt, rows = overlay(at, "Your guess 1.0")
    assert f"result {at20:.1f}" in alt
    assert rows["y"].iloc[: len(logs)].tolist() == pytest.approx(logs, rel=1e-9)  # the curve, then the marks
    at.select_slider(key="fit_d200_n").set_value(1000).run()
    at1000 = logs[sweep.sizes.index(1000)]
    assert at1000 < 1 and answer_of(p, exp.FitSettings(d200_n=1000)).value == pytest.approx(at1000)
    alt, _ = overlay(at, "Your guess 1.0")
    assert f"result {at1000:.1f}" in alt and "close" in texts(at)


def test_big_at_floor_challenge_fails_at_the_defaults_and_passes_with_more_data() -> None:
    at = run_app("en", page=PAGE)
    passed, text = challenge_verdict(at, "fit.big_at_floor")
    assert not passed and "needs at least 12" in text  # the book's 4 features
    at.slider(key="fit_features").set_value(20).run()
    passed, text = challenge_verdict(at, "fit.big_at_floor")
    test = float(exp.degree_sweep(exp.FitSettings().degrees()).final()[1][19])
    assert not passed and f"{test:.4g}" in text and test > 1.25 * 0.01
    at.slider(key="fit_n").set_value(200).run()
    passed, text = challenge_verdict(at, "fit.big_at_floor")
    test = float(exp.degree_sweep(exp.FitSettings(n_train=200).degrees()).final()[1][19])
    assert passed and f"{test:.4g}" in text and test <= 1.25 * 0.01
    at.slider(key="fit_noise").set_value(0.5).run()  # a higher floor would hide the excess: not allowed
    passed, text = challenge_verdict(at, "fit.big_at_floor")
    assert not passed and "must stay" in text


def test_broken_ingredients_change_the_answers_and_the_verdict(monkeypatch) -> None:
    """The answers read the run: a ratio computed wrong, or a threshold ignored, shows."""
    c = CHALLENGES["fit.big_at_floor"]
    big = exp.FitSettings(features=20)
    assert not verdict_of(c, big).passed
    monkeypatch.setattr(act, "WITHIN", math.inf)
    assert verdict_of(c, big).passed
    p = PREDICTIONS["fit.which_overfits"]
    assert answer_of(p, exp.FitSettings(n_train=10)).value == "20"
    monkeypatch.setattr(act, "gaps", lambda sweep: {"2": 3.0, "4": 1.0, "20": 1.0})
    assert answer_of(p, exp.FitSettings(n_train=10)).value == "2"
