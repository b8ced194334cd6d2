"""Claim rows of the 3.4 page (``mlp_lab.experiments.fitting``): each passes at the page's defaults and
fails with a broken ingredient; and the page's sentences follow the run on screen (AppTest): the
effect's sentence where the run shows it, the honest one (with a seed that does) where it does not,
and chart descriptions that change with the run."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import replace

import numpy as np
import pytest

from mlp_lab import checks, reproduce, store
from mlp_lab.experiments import fitting as exp
from mlp_lab.experiments import weight_decay as wd
from mlp_lab.store import cached
from tests.test_app import run_app

CLAIMS = [
    "fitting.poly_normal",
    "fitting.poly_underfit",
    "fitting.poly_overfit",
    "fitting.validation_pick",
    "fitting.kfold",
    "fitting.d200_overfit",
]
PAGE = "pages/fitting.py"


def test_every_claim_of_the_page_is_listed_here() -> None:
    assert sorted(CLAIMS) == sorted(c.id for c in reproduce.for_topic("fitting") if c.kind == "claim")


@pytest.mark.parametrize("row_id", CLAIMS)
def test_claim_holds(row_id: str) -> None:
    row = reproduce.row(row_id)
    assert row.kind == "claim" and not reproduce.row_failed_to_run(row), row.ours
    assert row.ok, f"{row_id}: {row.ours} of seeds"


# --- broken ingredients: the row's own function must then say no -----------------------------------


def _settings(name: str, **changes: object) -> Callable[[pytest.MonkeyPatch], None]:
    def breaker(monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(exp, name, replace(getattr(exp, name), **changes))

    return breaker


def _masks_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every "k-feature" model sees all 20 features: the 2-feature model is no longer a straight line."""
    monkeypatch.setattr(exp, "degree_masks", lambda: np.ones((exp.MAX_DEGREE, exp.MAX_DEGREE), np.float32))


def _d200_untrained(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wd, "WDConfig", functools.partial(wd.WDConfig, epochs=1))


BROKEN: dict[str, Callable[[pytest.MonkeyPatch], None]] = {
    "fitting.poly_normal": _settings("NORMAL", epochs=10),  # stopped long before the noise floor
    "fitting.poly_underfit": _masks_off,
    "fitting.poly_overfit": _settings("OVERFIT", n_train=100),  # the book's 100 examples: weak, draw-dependent
    "fitting.validation_pick": _settings("NORMAL", epochs=1),  # untrained models: the pick is luck
    "fitting.kfold": _settings("NORMAL", epochs=1),
    "fitting.d200_overfit": _d200_untrained,
}


def test_every_claim_has_a_broken_twin() -> None:
    assert sorted(BROKEN) == sorted(CLAIMS)


@pytest.mark.parametrize("row_id", CLAIMS)
def test_claim_fails_with_a_broken_ingredient(row_id: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store, "_shared", store.ResultStore())  # private: nothing broken is kept
    BROKEN[row_id](monkeypatch)
    share, ok = checks._REGISTRY[row_id].fn()
    assert not ok, f"{row_id} still holds with its ingredient broken: {share}"


# --- the verdicts behind the sentences -------------------------------------------------------------


def test_judge_follows_the_books_definitions() -> None:
    train, test = np.full(exp.MAX_DEGREE, 0.01), np.full(exp.MAX_DEGREE, 0.015)
    assert exp.judge(train, test, 4, 0.1).shows  # at the floor, no gap: fits well
    assert not exp.judge(train, test, 20, 0.1).shows  # 1.5x is no overfitting ...
    test[19] = 0.02
    assert exp.judge(train, test, 20, 0.1).shows  # ... 2x is
    train[1], test[1] = 0.5, 0.3  # 50x the 4-feature model's training loss, 20x its test loss
    assert exp.judge(train, test, 2, 0.1).shows
    test[1] = 0.1  # the test loss only 6.7x the 4-feature model's: not clearly underfitting
    assert not exp.judge(train, test, 2, 0.1).shows
    train[3] = 0.05  # the 4-feature model above 1.5 sigma^2 + 0.001
    assert not exp.judge(train, test, 4, 0.1).shows
    assert [exp.pick_case(k) for k in (3, 4, 6, 7)] == ["too_few", "exact", "close", "many"]


def test_the_spread_is_the_sweep_seed_by_seed() -> None:
    """One batch of seeds gives each seed exactly the run the page shows at that seed."""
    config = exp.PolyConfig(n_train=30, epochs=40, seed=5)
    spread = exp.degree_spread(exp.SpreadConfig(config, count=3))
    assert spread.seeds == (5, 6, 7)
    for i, seed in enumerate(spread.seeds):
        sweep = exp.degree_sweep(replace(config, seed=seed))
        np.testing.assert_array_equal(spread.train_loss[i], sweep.train_loss[-1])
        np.testing.assert_array_equal(spread.test_loss[i], sweep.test_loss[-1])
        np.testing.assert_array_equal(spread.val_loss[i], sweep.val_loss[-1])
        assert spread.picked_by_validation(seed) == sweep.picked_by_validation


def test_validation_loss_and_early_stopping() -> None:
    sweep = exp.degree_sweep(exp.PolyConfig(epochs=30))
    x_val = sweep.data.val_features().astype(np.float64)
    by_hand = ((x_val @ sweep.weights.T.astype(np.float64) - sweep.data.y_val[:, None]) ** 2).mean(axis=0)
    np.testing.assert_allclose(sweep.val_loss[-1], by_hand, rtol=1e-4)  # scored after the last epoch
    assert sweep.picked_by_validation == int(np.argmin(sweep.val_loss[-1])) + 1
    stop = sweep.early_stop(20)
    assert stop.epoch == int(np.argmin(sweep.val_loss[:, 19])) + 1
    assert (stop.test, stop.test_end) == (sweep.test_loss[stop.epoch - 1, 19], sweep.test_loss[-1, 19])


def test_the_books_overfitting_case_does_not_overfit_at_seed_0() -> None:
    """What the overfitting preset's help says about the book's 100 examples, at seed 0."""
    train, test = exp.degree_sweep(replace(exp.OVERFIT, n_train=100).degrees()).final()
    assert test[19] < train[19] and not exp.judge(train, test, 20, 0.1).shows


# --- the page: sentences chosen from the run, honest where the run does not show the effect ---------


def info(at) -> str:
    return at.info[0].value


def test_defaults_say_what_the_run_shows() -> None:
    at = run_app("en", page=PAGE, timeout=120)
    assert not at.exception and not at.error
    v = cached(exp.degree_sweep, exp.FitSettings().degrees()).verdict(4)
    assert v.shows and info(at).startswith("**Neither underfitting nor overfitting.**")
    assert f"comes down to {v.train:.3g}" in info(at) and f"test loss {v.test:.3g}" in info(at)
    assert any("fits well at 8 of 8" in c.value for c in at.caption)  # the spread over seeds 0-7
    assert any("picks **k = 4**" in m.value and "exactly the cubic" in m.value for m in at.markdown)


def test_a_seed_that_does_not_show_it_gets_the_honest_sentence() -> None:
    # Seed 26 (found by computing over seeds 0-55: 26, 41 and 50 miss) stops short of the noise floor.
    settings = exp.FitSettings(seed=26)
    assert not cached(exp.degree_sweep, settings.degrees()).verdict(4).shows
    helper = next(s for s in cached(exp.degree_spread, settings.spread()).showing(4) if s != 26)
    at = run_app("en", page=PAGE, timeout=120, seed="26")
    assert info(at).startswith("With k = 4 features the model family contains the cubic, but this run has not")
    assert f"try seed {helper}" in info(at)


def test_the_overfitting_preset_at_a_seed_that_does_not_overfit() -> None:
    # The preset overfits at 23 of seeds 0-23; seed 8 is the one that does not.
    at = run_app("en", page=PAGE, timeout=120, seed="8", fit_features="20", fit_n="10", fit_epochs="1500")
    assert info(at).startswith("k = 20 features are more than the cubic needs, but this draw did not overfit")
    assert "try seed 9" in info(at)
    zh = run_app("zh", page=PAGE, timeout=120, seed="9", fit_features="20", fit_n="10", fit_epochs="1500")
    assert info(zh).startswith("**过拟合。** k = 20 时")


def test_validation_kfold_and_d200_sentences_follow_the_run() -> None:
    # Seed 2's validation set picks 13 features; seed 4's K-fold picks 8.
    assert cached(exp.degree_spread, exp.FitSettings().spread()).picked_by_validation(2) == 13
    at = run_app("en", page=PAGE, timeout=120, seed="2")
    assert any("picks **k = 13**" in m.value and "the simplest model that fits did not win" in m.value
               for m in at.markdown)  # fmt: skip
    at = run_app("en", page=PAGE, timeout=120, seed="4")
    at.session_state["fit_tab"] = "K-fold cross-validation"
    at.run()
    assert any("K-fold picks **k = 8**" in m.value and "did not win" in m.value for m in at.markdown)
    at.session_state["fit_tab"] = "d = 200, few examples"
    at.run()
    assert any(m.value.startswith("n = 20: **overfitting**") for m in at.markdown)
    at.select_slider(key="fit_d200_n").set_value(1000).run()
    assert any(m.value.startswith("n = 1000: no overfitting") for m in at.markdown)


def test_chart_descriptions_follow_the_run() -> None:
    at = run_app("en", page=PAGE, timeout=120)
    before = [c.value for c in at.caption if c.value.startswith("k = 4: loss during training")]
    sweep = cached(exp.degree_sweep, exp.FitSettings().degrees())
    assert before == [f"k = 4: loss during training: over 400 epochs the training loss goes from "
                      f"{sweep.train_loss[0, 3]:.3g} to {sweep.train_loss[-1, 3]:.3g} and the test loss from "
                      f"{sweep.test_loss[0, 3]:.3g} to {sweep.test_loss[-1, 3]:.3g} (log scale)."]  # fmt: skip
    at.slider(key="fit_features").set_value(2).run()
    after = [c.value for c in at.caption if "loss during training" in c.value]
    assert after and after[0].startswith("k = 2:") and f"to {sweep.train_loss[-1, 1]:.3g}" in after[0]
    zh = run_app("zh", page=PAGE, timeout=120)
    assert any(c.value.startswith("k = 4：训练过程中的损失：400 个迭代周期中") for c in zh.caption)
