"""3.8's predictions and challenge, through the page: the revealed answers and the verdict come from
the studies at the page's current settings (change the depth, sigma or the initialisation: they follow)."""

from __future__ import annotations

import pytest

from mlp_lab.activities import stability as act
from mlp_lab.experiments import stability as exp
from mlp_lab.learn import CHALLENGES, PREDICTIONS, answer_of, verdict_of
from tests.learn_helpers import challenge_verdict, guess_and_reveal, overlay, texts
from tests.test_app import run_app

PAGE = "pages/stability.py"


def first_layer(**changes) -> float:
    return float(act.log_ratio(act.layer_gradients(exp.VanishingConfig(**changes)))[0])


def test_first_layer_prediction_reveals_the_run_and_follows_the_depth() -> None:
    at = run_app("en", page=PAGE)
    assert not at.exception
    assert not any("Your guess -5" in c.proto.alt for c in at.get("vega_lite_chart"))  # nothing before the commit
    guess_and_reveal(at, "stability.first_layer", -5.0)
    expected = first_layer()  # 30 layers: the page's default
    assert expected < -10  # layer 1 gets a vanishing share of the top layer's gradient
    alt, rows = overlay(at, "Your guess -5")
    assert f"{expected:.0f}" in alt
    assert rows.iloc[0, 1] == pytest.approx(expected)  # the curve starts at layer 1 with the answer
    assert f"10^{expected:.1f}" in texts(at)
    at.slider(key="stability_vdepth").set_value(10).run()  # the guess stays committed, the answer follows
    shallow = first_layer(max_depth=10)
    assert shallow > expected + 5
    assert f"10^{shallow:.1f}" in texts(at)
    # the product of 100 Gaussian matrices, in the same session
    guess_and_reveal(at, "stability.product", 0.0)
    product = exp.matrix_product(exp.MatrixProductConfig())
    alt, _ = overlay(at, "Your guess 0")
    assert f"{product.log10_norm[-1]:.0f}" in alt and product.log10_norm[-1] > 15
    at.select_slider(key="stability_sigma").set_value(0.5).run()
    halved = exp.matrix_product(exp.MatrixProductConfig(sigma=0.5)).log10_norm[-1]
    assert halved < 0 and f"10^{halved:.1f}" in texts(at)


def test_xavier_variance_prediction_in_chinese_and_another_init() -> None:
    at = run_app("zh", page=PAGE, stability_init="normal")
    guess_and_reveal(at, "stability.variance", 0.0, "zh")
    value = float(exp.direction_ratios(exp.layer_variances(exp.LayerVarianceConfig(init="normal")), "forward")[-1])
    assert value < 1e-20
    assert "推向" not in texts(at) and "只有输入的" in texts(at)  # why_down, from the run
    xavier = answer_of(PREDICTIONS["stability.variance"], exp.LayerVarianceConfig())
    assert abs(xavier.value) < 0.3 and xavier.why == "why_kept"


def test_relu_challenge_needs_relu_and_passes_only_with_a_relu_init() -> None:
    at = run_app("en", page=PAGE)
    passed, text = challenge_verdict(at, "stability.relu_init")
    assert not passed and "set the activation to relu" in text  # the defaults: linear
    at = run_app("en", page=PAGE, stability_act="relu")
    passed, text = challenge_verdict(at, "stability.relu_init")
    factor, _ = act.worst_factor(exp.layer_variances(exp.LayerVarianceConfig(activation="relu")))
    assert not passed and f"{factor:.3g}" in text  # Xavier halves the signal at every ReLU layer
    at = run_app("en", page=PAGE, stability_act="relu", stability_init="kaiming")
    passed, text = challenge_verdict(at, "stability.relu_init")
    assert passed and "kaiming" in text
    at = run_app("en", page=PAGE, stability_act="relu", stability_init="kaiming", stability_depth=10)
    passed, text = challenge_verdict(at, "stability.relu_init")
    assert not passed and "too shallow" in text


def test_breaking_an_ingredient_changes_the_answer_and_the_verdict(monkeypatch) -> None:
    """The answers read the computation: a stack started at N(0, 1) in place of Xavier, or a check that
    accepted any factor, must show."""
    relu_xavier = exp.LayerVarianceConfig(activation="relu")
    c = CHALLENGES["stability.relu_init"]
    assert not verdict_of(c, relu_xavier, compute=lambda fn, config: fn(config)).passed
    monkeypatch.setattr(act, "FACTOR", 1e12)
    assert verdict_of(c, relu_xavier, compute=lambda fn, config: fn(config)).passed
    honest = first_layer()
    monkeypatch.setitem(exp.MATCHING_INIT, "sigmoid", "normal")
    assert first_layer() < honest - 10  # N(0, 0.01²) weights shrink the gradient much faster
