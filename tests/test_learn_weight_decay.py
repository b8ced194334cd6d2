"""3.5's predictions and challenge, through the page: the revealed answer and the verdict come from
the run at the page's current settings (change lambda or the penalty: they follow)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from mlp_lab.activities import weight_decay as act
from mlp_lab.experiments.weight_decay import WDSettings
from mlp_lab.learn import PREDICTIONS, answer_of
from tests.learn_helpers import challenge_verdict, guess_and_reveal, overlay, texts
from tests.test_app import run_app

PAGE = "pages/weight-decay.py"


def runs_at(**changes) -> object:
    s = replace(WDSettings(), **changes)
    return act.slider_lambdas(replace(s.sweep(), implementation="scratch"))


def test_norm_prediction_reveals_the_run_over_the_guess_and_follows_lambda() -> None:
    at = run_app("en", page=PAGE)
    assert not at.exception
    assert not any("Your guess 5.00" in c.proto.alt for c in at.get("vega_lite_chart"))  # nothing before the commit
    guess_and_reveal(at, "wd.norm", 5.0)
    expected = float(runs_at().norms[0, 0])  # lambda 0: the page's default
    alt, rows = overlay(at, "Your guess 5.00")
    assert f"{expected:.2f}" in alt
    assert rows["y"].max() == pytest.approx(expected, rel=1e-6)  # the curve starts at lambda 0 with the answer
    assert f"off by {abs(expected - 5.0):.2f}" in texts(at)
    at.slider(key="wd_lambda").set_value(3.0).run()  # the guess stays committed, the answer follows
    at3 = float(runs_at(lambd=3.0).norms[0, act.SLIDER_LAMBDAS.index(3.0)])
    assert at3 < expected / 2
    alt3, _ = overlay(at, "Your guess 5.00")
    assert f"{at3:.2f}" in alt3 and f"{expected:.2f}" not in alt3


def test_test_effect_choice_is_computed_and_changes_with_the_penalty() -> None:
    p = PREDICTIONS["wd.test_effect"]
    l2 = answer_of(p, WDSettings())
    assert l2.value == "falls" and l2.numbers["t3"] < l2.numbers["t0"]
    at = run_app("zh", page=PAGE)
    guess_and_reveal(at, "wd.test_effect", "rises", "zh")
    assert "你选了 上升；运行结果是 下降" in texts(at)
    l1 = answer_of(p, WDSettings(penalty="L1"))
    assert l1.numbers["t3"] != pytest.approx(l2.numbers["t3"])  # another computation, not a constant
    at.button_group(key="wd_penalty").set_value("L1").run()
    assert f"{l1.numbers['t3']:.3g}" in texts(at)


def test_smallest_lambda_challenge_passes_only_at_the_smallest_lambda_within_ten_percent() -> None:
    best, answer = act.smallest_within(runs_at())
    assert 0 < answer < 10
    at = run_app("en", page=PAGE)
    passed, text = challenge_verdict(at, "wd.smallest_within")
    assert not passed and "times the best" in text  # lambda 0: far above
    above = round(answer + 1.0, 1)
    at.slider(key="wd_lambda").set_value(above).run()
    passed, text = challenge_verdict(at, "wd.smallest_within")
    assert not passed and "go lower" in text
    at.slider(key="wd_lambda").set_value(answer).run()
    passed, text = challenge_verdict(at, "wd.smallest_within")
    assert passed and f"{best:.4g}" in text
    below = round(answer - 0.1, 1)
    at.slider(key="wd_lambda").set_value(below).run()
    assert not challenge_verdict(at, "wd.smallest_within")[0]


def test_the_challenge_check_breaks_when_its_threshold_is_ignored(monkeypatch) -> None:
    """A check that accepted any lambda would pass lambda 0: the verdict must depend on the run."""
    runs = runs_at()
    assert not act._check_smallest(runs, WDSettings()).passed
    monkeypatch.setattr(act, "WITHIN", 1e9)  # every lambda "within": the smallest is 0
    assert act._check_smallest(runs, WDSettings()).passed
