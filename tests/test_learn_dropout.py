"""3.6's predictions and challenge, through the page: the mean of a dropped-out activation comes from
the page's unbiasedness measurement, the network questions from the page's own two trainings. The
trainings run on small learnable data (``striped_data``), shared by this module's tests, so the
whole file trains five small networks."""

from __future__ import annotations

import math
from collections.abc import Iterator

import pytest

from mlp_lab.activities import dropout as act
from mlp_lab.experiments import dropout as exp
from mlp_lab.learn import CHALLENGES, PREDICTIONS, answer_of, verdict_of
from tests.conftest import private_world, striped_data
from tests.learn_helpers import challenge_verdict, guess_and_reveal, overlay, texts
from tests.test_app import run_app

PAGE = "pages/dropout.py"


@pytest.fixture(scope="module")
def world() -> Iterator[None]:
    """Small learnable data behind every loader and an empty store, shared by this module's tests."""
    with private_world(striped_data()):
        yield


def open_page(lang: str = "en", **params: str):
    return run_app(lang, page=PAGE, timeout=300, **params)


def test_mean_of_a_dropped_out_activation_is_the_measured_mean_and_follows_p(world) -> None:
    at = open_page()
    assert not at.exception
    guess_and_reveal(at, "dropout.mean_h", 7.5)  # the tempting guess: half of 15 survives
    res = exp.unbiasedness(exp.UnbiasConfig(p=0.5))
    mean = float(res.mean[act.ELEMENT])
    assert mean == pytest.approx(15, abs=0.2) and mean != 15  # unbiased, and measured (not written in)
    alt, rows = overlay(at, "Your guess 7.50")
    assert f"result {mean:.2f}" in alt
    assert rows["y"].iloc[:16].tolist() == pytest.approx(res.mean.tolist())  # the curve: every element's mean
    assert "15/(1 − p) = 30" in texts(at)
    at.slider(key="dropout_p").set_value(1.0).run()  # the guess stays committed; the answer follows p
    alt, _ = overlay(at, "Your guess 7.50")
    assert "result 0.00" in alt and "every unit is dropped" in texts(at)


def test_dropout_against_its_twin_is_the_pages_pair_and_follows_p(world) -> None:
    at = open_page()
    guess_and_reveal(at, "dropout.vs_plain", "same")  # committing trains both networks
    assert not at.exception
    pair = act.dropout_pair(exp.DropoutSettings())  # the store's: what the page computed
    effect = act.effect_of(pair.gap())
    assert f"the run says {effect_label(effect)}" in texts(at)
    _, rows = overlay(at, "Your guess about the same")
    diffs = [100 * (a - b) for a, b in zip(pair.with_dropout.test_acc, pair.without.test_acc, strict=True)]
    assert rows["y"].tolist() == pytest.approx(diffs)
    assert f"{pair.with_dropout.test_acc[-1]:.2%}" in texts(at)
    at.slider(key="dropout_p1").set_value(0.9)
    at.slider(key="dropout_p2").set_value(0.9).run()  # one run: both at once
    heavy = answer_of(PREDICTIONS["dropout.vs_plain"], exp.DropoutSettings(p1=0.9, p2=0.9))
    assert heavy.value == "lower" and heavy.numbers["with"] < pair.with_dropout.test_acc[-1]
    assert f"the run says {effect_label('lower')}" in texts(at)
    assert f"{heavy.numbers['with']:.2%}" in texts(at)


def effect_label(effect: str) -> str:
    from mlp_lab.ui.i18n import lookup

    return lookup(f"learn.dropout.vs_plain.c.{effect}", "en")


def train_if_asked(at) -> None:
    if any(b.key == "dropout_go__go" for b in at.button):
        at.button(key="dropout_go__go").click().run()


def test_heavy_dropout_challenge_on_the_learners_runs(world) -> None:
    at = open_page(dropout_p1="0.9", dropout_p2="0.9")  # trained by the test above (else: trains here)
    train_if_asked(at)
    passed, text = challenge_verdict(at, "dropout.heavy")
    gap = act.dropout_pair(exp.DropoutSettings(p1=0.9, p2=0.9)).gap()
    assert not passed and f"{-gap:.1f} points below" in text
    at.slider(key="dropout_p1").set_value(0.2)
    at.slider(key="dropout_p2").set_value(0.5).run()
    passed, text = challenge_verdict(at, "dropout.heavy")
    assert not passed and "both must be at least 0.5" in text  # the page's defaults: light dropout
    at.slider(key="dropout_p1").set_value(0.5)
    at.select_slider(key="dropout_epochs").set_value(20).run()
    train_if_asked(at)  # new settings: the page asks before two trainings
    passed, text = challenge_verdict(at, "dropout.heavy")
    gap = act.dropout_pair(exp.DropoutSettings(p1=0.5, p2=0.5, epochs=20)).gap()
    assert passed and gap >= -act.WITHIN and f"{gap:+.1f} points" in text


def test_broken_ingredients_change_the_answers_and_the_verdict(world, monkeypatch) -> None:
    """The verdict and the answers read the runs: a threshold ignored or a layer that forgets to
    scale its survivors shows."""
    c = CHALLENGES["dropout.heavy"]
    heavy = exp.DropoutSettings(p1=0.9, p2=0.9)
    assert not verdict_of(c, heavy).passed  # cached by the tests above (else trained here)
    monkeypatch.setattr(act, "WITHIN", math.inf)
    assert verdict_of(c, heavy).passed
    assert answer_of(PREDICTIONS["dropout.vs_plain"], heavy).value == "lower"
    monkeypatch.setattr(act, "SAME", math.inf)
    assert answer_of(PREDICTIONS["dropout.vs_plain"], heavy).value == "same"
    p = PREDICTIONS["dropout.mean_h"]
    config = exp.UnbiasConfig(p=0.5, draws=1_000, seed=3)
    assert answer_of(p, config, compute=lambda fn, c: fn(c)).value == pytest.approx(15, abs=2)
    monkeypatch.setattr(exp, "dropout_layer", lambda x, p, gen: x * (torch_mask(x, p, gen)))  # no 1/(1-p)
    assert answer_of(p, config, compute=lambda fn, c: fn(c)).value == pytest.approx(7.5, abs=1)


def torch_mask(x, p, gen):
    import torch

    return (torch.rand(x.shape, generator=gen, dtype=x.dtype) > p).to(x.dtype)
