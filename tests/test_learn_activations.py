"""3.1's predictions and challenge, through the page: the revealed answers and the verdict come from
the page's own computations at its current settings (change the range, the depth or the fit: they follow)."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from mlp_lab.activities import activations as act
from mlp_lab.experiments import activations as exp
from mlp_lab.learn import CHALLENGES, PREDICTIONS, verdict_of
from mlp_lab.store import cached
from tests.learn_helpers import challenge_verdict, guess_and_reveal, knots, overlay, texts
from tests.test_app import run_app

PAGE = "pages/activations.py"
LIGHT = {"act_units": "1"}  # one rung of fits instead of four: the page's other sections load in a fraction


def sigmoid_top(**changes) -> float:
    config = exp.CurveConfig(names=("sigmoid",), **changes)
    return float(exp.curves(config)[0].grad.max())


def test_sigmoid_prediction_reveals_the_autograd_peak_and_follows_the_range() -> None:
    at = run_app("en", page=PAGE, **LIGHT)
    assert not at.exception
    assert not any("Your guess 0.50" in c.proto.alt for c in at.get("vega_lite_chart"))  # nothing before the commit
    guess_and_reveal(at, "act.sigmoid_grad_max", 0.5)
    expected = sigmoid_top()
    assert expected == pytest.approx(0.25, abs=1e-12)
    alt, rows = overlay(at, "Your guess 0.50")
    assert f"the run's result {expected:.2f}" in alt
    curve = rows[rows["x"].notna()]  # the derivative the guess is drawn over (the guess's line has no x)
    assert curve["y"].max() == pytest.approx(expected, abs=1e-12) and len(curve) > 100
    assert f"off by {0.5 - expected:.2f}" in texts(at) and "shrinks at least 4-fold" in texts(at)
    at.slider(key="act_range").set_value((1.0, 8.0)).run()  # 0 off the range: the peak moves to the edge
    edge = sigmoid_top(span=(1.0, 8.0))
    assert edge < 0.2
    alt, rows = overlay(at, "Your guess 0.50")
    assert f"the run's result {edge:.2f}" in alt and rows[rows["x"].notna()]["y"].max() == pytest.approx(
        edge, abs=1e-12
    )
    assert "the end nearest 0, x = 1" in texts(at)


def tent_pieces(depth: int) -> int:
    """The deep net's pieces counted on the page's grid, without the shallow fit the demo adds."""
    x = torch.linspace(0, 1, exp.DepthConfig().points + 1, dtype=torch.float64).unsqueeze(1)
    with torch.no_grad():
        y = exp.tent_network(depth).double()(x)
    return exp.count_pieces(x.squeeze(1).numpy(), y.squeeze(1).numpy())


def test_deep_pieces_prediction_counts_the_deep_nets_pieces_in_chinese() -> None:
    at = run_app("zh", page=PAGE, **LIGHT)
    guess_and_reveal(at, "act.deep_pieces", 9, "zh")
    pieces = tent_pieces(4)
    assert pieces == 16
    alt, rows = overlay(at, "你的猜测 9")
    assert f"运行结果 {pieces}" in alt
    curve = rows[rows["x"].notna()]
    assert curve.set_index("x")["y"].to_dict()[4] == pieces  # the deep net's pieces over every depth
    assert "单隐藏层最多只能画出 9 段" in texts(at)
    at.slider(key="act_depth").set_value(2).run()  # 2 layers: 4 pieces, within one layer's 5
    two = tent_pieces(2)
    assert two == 4
    assert f"运行结果 {two}" in overlay(at, "你的猜测 9")[0] and "仍不超过" in texts(at)


def test_few_units_challenge_passes_with_five_tanh_units_and_fails_with_relu_or_the_defaults() -> None:
    default = verdict_of(CHALLENGES["act.few_units"], exp.ApproxConfig())  # the page's defaults: 16 ReLU units
    assert not default.passed and default.sentence == "fewer"
    at = run_app("en", page=PAGE, act_units="5", act_uat_fn="tanh")
    passed, text = challenge_verdict(at, "act.few_units")
    tanh5 = exp.fit_one_hidden_layer(exp.ApproxConfig(units=5, activation="tanh"))
    assert tanh5.max_error < act.FEW_ERROR
    assert passed and f"largest error of {tanh5.max_error:.3f}" in text
    at.selectbox(key="act_uat_fn").set_value("relu").run()
    passed, text = challenge_verdict(at, "act.few_units")
    relu5 = exp.fit_one_hidden_layer(exp.ApproxConfig(units=5))
    assert relu5.max_error >= act.FEW_ERROR
    assert not passed and f"largest error of {relu5.max_error:.3f}" in text and "must be below" in text
    other = verdict_of(CHALLENGES["act.few_units"], exp.ApproxConfig(units=5, activation="tanh", target="abs"))
    assert not other.passed and other.sentence == "rule"  # the goal is sin


def test_answers_and_verdict_break_with_their_ingredients(monkeypatch) -> None:
    """A hard sigmoid (slope 1/6) changes the revealed peak; a stricter bound fails the passing fit."""
    config = exp.CurveConfig()
    assert act._sigmoid_grad_max(exp.curves(replace_names(config)), config).value == pytest.approx(0.25)
    monkeypatch.setitem(exp.FUNCTIONS, "sigmoid", lambda x, a: torch.clamp(x / 6 + 0.5, 0, 1))
    assert act._sigmoid_grad_max(exp.curves(replace_names(config)), config).value == pytest.approx(1 / 6)
    fit = exp.ApproxConfig(units=5, activation="tanh")
    result = cached(exp.fit_one_hidden_layer, fit)  # the run the challenge test checked
    assert act._check_few_units(result, fit).passed
    monkeypatch.setattr(act, "FEW_ERROR", result.max_error / 2)
    assert not act._check_few_units(result, fit).passed


def replace_names(config: exp.CurveConfig) -> exp.CurveConfig:
    fn, planned = act._sigmoid_plan(config)
    assert fn is exp.curves
    return planned


def tanh_grad(x: np.ndarray) -> np.ndarray:
    """tanh′ by its formula, not by the page's autograd."""
    return 1 - np.tanh(x) ** 2


def test_tanh_sketch_is_compared_with_the_autograd_curve_and_follows_the_range() -> None:
    at = run_app("en", page=PAGE, **LIGHT)
    assert knots(at, "act.tanh_sketch") == [f"x = {v:g}" for v in np.linspace(-8, 8, 9)]  # the plotted range
    assert not any("Your sketch (dashed)" in c.proto.alt for c in at.get("vega_lite_chart"))  # nothing before
    xs = np.linspace(-8, 8, 9)
    good = np.round(tanh_grad(xs) / 0.05) * 0.05  # the true curve, on the sliders' 0.05 grid
    guess_and_reveal(at, "act.tanh_sketch", good)
    alt, rows = overlay(at, "Your sketch (dashed)")
    run = rows[rows["who"] == "the run"]
    assert len(run) == 161 and run["y"].to_numpy() == pytest.approx(tanh_grad(run["x"].to_numpy()), abs=1e-12)
    off = np.abs(good - tanh_grad(xs)).mean()
    assert off < PREDICTIONS["act.tanh_sketch"].tol
    assert f"Your sketch follows the run: off by {off:.2f} on average" in texts(at)
    assert "4 times the 0.25 sigmoid′ peaks at" in texts(at)
    at.button(key="learn_again_act.tanh_sketch").click().run()
    flat = [0.5] * 9  # a flat line: off by 1/2 at the peak, nearly as much where tanh saturates
    guess_and_reveal(at, "act.tanh_sketch", flat)
    off = np.abs(0.5 - tanh_grad(xs)).mean()
    assert f"Your sketch is off by {off:.2f} on average; the largest gap is 0.50, at x = 0" in texts(at)
    # a narrower range: the run's curve is the new range's, compared where both exist (-4 to 4)
    at.slider(key="act_range").set_value((-4.0, 4.0)).run()
    inner = xs[np.abs(xs) <= 4]
    alt, rows = overlay(at, "Your sketch (dashed)")
    run = rows[rows["who"] == "the run"]
    assert run["x"].min() == -4 and run["x"].max() == 4
    assert f"off by {np.abs(0.5 - tanh_grad(inner)).mean():.2f} on average" in alt
    assert knots(at, "act.tanh_sketch") == []  # the committed sketch stands until Predict again
    at.button(key="learn_again_act.tanh_sketch").click().run()
    assert knots(at, "act.tanh_sketch") == [f"x = {v:g}" for v in np.linspace(-4, 4, 9)]
