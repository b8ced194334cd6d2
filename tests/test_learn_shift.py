"""3.9's predictions and challenge, through the page: the revealed answers and the verdict come from
the covariate study and the label-shift classifier at the page's current settings."""

from __future__ import annotations

from dataclasses import replace

import pytest

from mlp_lab.activities import shift as act
from mlp_lab.experiments import shift as exp
from mlp_lab.learn import CHALLENGES, verdict_of
from tests.learn_helpers import challenge_verdict, guess_and_reveal, overlay, texts
from tests.test_app import run_app

PAGE = "pages/shift.py"
SMALL = {"shift_train_size": 5000, "shift_epochs": 1}  # a quick classifier for the label-shift study


def plain_line(**changes) -> float:
    return exp.covariate_shift(exp.CovariateConfig(**changes)).fits[("linear", False)].target_acc


def test_plain_line_prediction_reveals_the_run_and_follows_the_target() -> None:
    at = run_app("en", page=PAGE)
    assert not at.exception
    guess_and_reveal(at, "shift.plain_line", 80.0)
    expected = plain_line()
    alt, rows = overlay(at, "Your guess 80.0%")
    assert f"{100 * expected:.1f}%" in alt
    assert rows.iloc[:, 1].min() == pytest.approx(100 * plain_line(target_x1=3.0))  # the sweep is real
    assert f"{expected:.1%}" in texts(at)
    at.slider(key="shift_x1").set_value(0.0).run()
    near = plain_line(target_x1=0.0)
    assert near > expected + 0.1  # a target near the source: the plain line does well
    assert f"{100 * near:.1f}%" in overlay(at, "Your guess 80.0%")[0]


def test_label_plain_prediction_uses_the_trained_classifier_and_follows_the_preset() -> None:
    at = run_app("en", page=PAGE, **SMALL)
    if any(b.key == "shift_train__go" for b in at.button):  # unless another test has trained it already
        at.button(key="shift_train__go").click().run()
    guess_and_reveal(at, "shift.label_plain", 50.0)
    config = exp.CorrectionConfig(classifier=exp.LabelClassifierConfig(train_size=5000, epochs=1))
    direct = act.target_accuracies(replace(config, target=exp.TargetSettings().target()))
    shirts = direct.plain_acc[direct.names.index("shirts")]
    assert shirts < direct.val_acc  # shirts: the classes it confuses most
    alt, _ = overlay(at, "Your guess 50.0%")
    assert f"{100 * shirts:.1f}%" in alt
    at.button_group(key="shift_preset").set_value("shoes").run()
    shoes = direct.plain_acc[direct.names.index("shoes")]
    assert shoes != pytest.approx(shirts)
    assert f"{100 * shoes:.1f}%" in overlay(at, "Your guess 50.0%")[0]


def test_support_challenge_fails_at_the_defaults_and_passes_with_the_target_inside_the_source() -> None:
    at = run_app("en", page=PAGE)
    passed, text = challenge_verdict(at, "shift.support")
    assert not passed and "points below" in text
    at = run_app("en", page=PAGE, shift_x1=0.0)
    passed, text = challenge_verdict(at, "shift.support")
    pair = act.support_pair(exp.CovariateConfig(target_x1=0.0))
    assert passed and f"{pair.cut.fits[('linear', True)].target_acc:.1%}" in text


def test_breaking_the_cut_changes_the_verdict(monkeypatch) -> None:
    """A source cut far to the right covers the page's default target: the check must read the runs."""
    c = CHALLENGES["shift.support"]
    direct = lambda fn, config: fn(config)  # noqa: E731
    assert not verdict_of(c, exp.CovariateConfig(), compute=direct).passed
    monkeypatch.setattr(act, "CUT", 4.0)
    assert verdict_of(c, exp.CovariateConfig(), compute=direct).passed
