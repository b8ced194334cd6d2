"""3.2's and 3.3's exercises as guided tasks on the MLP page: every finding is read from the sweep
the learner's settings asked for (each point a real training), and follows a changed control.

Kept cheap: the page's own training at 1 epoch of 16 units, and the exercises on the first 10,000 training
images with few values (the URL sets them); every point trains once per test session (the store).
"""

from __future__ import annotations

import re

import numpy as np
import pytest

from mlp_lab import learn
from mlp_lab.activities import mlp as act
from mlp_lab.experiments import mlp as exp
from mlp_lab.store import shared_store
from tests.learn_helpers import finding_chart, reveal_answer, run_exercise
from tests.test_app import run_app

PAGE = "pages/mlp.py"
T = 600  # a shared, loaded CPU trains slowly
N = "10000"  # training images for every exercise in these tests
pytestmark = pytest.mark.usefixtures("fmnist")


def page(lang: str = "en", **params: object):
    return run_app(lang, page=PAGE, timeout=T, mlp_epochs="1", mlp_hidden="16", mlp_batch="2048", **params)


def percents(text: str) -> list[float]:
    return [float(v) for v in re.findall(r"(\d+\.\d) ?%", text)]


def fresh(run: exp.SubsetRun) -> float:
    """The test accuracy of ``run`` trained anew, outside the store (%, as the sentence rounds it)."""
    return 100 * exp.point_of(exp.train_subset(run)).test_acc


def test_hidden_units_finding_is_the_sweeps_and_follows_the_widths() -> None:
    at = page(x32_widths=["16", "64"], x32_w_n=N)
    assert not at.exception
    ids = [re.search(r"3\.[23]\.\d", e.label) for e in at.expander if re.match(r"📘 Exercise 3\.[23]\.", e.label)]
    assert [m.group(0) for m in ids] == [*learn.exercise_ids("3.2"), *learn.exercise_ids("3.3")]  # book order
    first = run_exercise(at, "3.2.1")
    s = exp.WidthSweep(widths=(16, 64), n_train=10000)
    accs = [fresh(r) for r in s.plan().runs]  # trained again, outside the store: the same numbers
    best = int(np.argmax(accs))
    assert f"{(16, 64)[best]} hidden units did best ({accs[best]:.1f} %" in first
    rows = finding_chart(at, "3.2.1")
    assert sorted(set(rows["x"])) == [16, 64]
    seg = next(w for w in at.get("button_group") if w.key == "x32_widths")
    seg.set_value([16, 32]).run()
    second = run_exercise(at, "3.2.1")
    assert second != first and "32" in second
    assert learn.finding_of(learn.EXERCISE_TASKS["3.2.1"], exp.WidthSweep(widths=(16, 32), n_train=10000)).numbers[
        "acc"
    ] == pytest.approx(max(percents(second)), abs=0.05)


@pytest.mark.parametrize(
    ("id", "params", "key", "kept"),
    [
        ("3.2.2", {"x32_depths": ["1", "2"], "x32_d_n": N}, "x32_depths", [1]),
        ("3.2.3", {"x32_lrs": ["0.1", "0.5"], "x32_l_n": N}, "x32_lrs", [0.5]),
        ("3.3.2", {"x33_acts": ["relu", "sigmoid"], "x33_a_n": N}, "x33_acts", ["sigmoid"]),
        ("3.3.3", {"x33_inits": ["normal", "kaiming"], "x33_i_n": N, "x33_i_layers": "1"}, "x33_inits", ["normal"]),
    ],
)
def test_a_one_setting_sweep_reads_its_run_and_follows_a_control(id: str, params: dict, key: str, kept: list) -> None:
    at = page(**params)
    first = run_exercise(at, id)
    ex = learn.EXERCISE_TASKS[id]
    settings = ex.settings(**_fields(ex.settings, params))
    direct = learn.finding_of(ex, settings)  # the same sweep, called directly (read from the store)
    accs = [100 * p.test_acc for p in exp.sweep(settings.plan())]
    assert direct.numbers["best"] == act._show(settings.values()[int(np.argmax(accs))])
    assert f"{max(accs):.1f} %" in first and "after 1 epoch(s) on 10,000 training images" in first
    assert str(direct.numbers["best"]) in first
    seg = next(w for w in at.get("button_group") if w.key == key)
    seg.set_value(kept).run()  # one value left: nothing to compare, and no new training
    second = run_exercise(at, id)
    assert second != first and second.startswith("Your run: with one value only")
    assert f"{accs[settings.values().index(kept[0])]:.1f} %" in second


def _fields(settings: type, params: dict) -> dict:
    """URL values -> the settings' fields (by each control's key)."""
    from mlp_lab.controls import controls_of

    out = {}
    for name, spec in controls_of(settings).items():
        if spec.key in params:
            out[name] = spec.parse(params[spec.key])
    return out


def test_the_joint_search_reports_its_best_trial_and_follows_the_budget() -> None:
    at = page(x32_budget="3", x32_s_epochs="1", x32_s_n=N)
    first = run_exercise(at, "3.2.4")
    s = exp.JointSearch(budget=3, max_epochs=1, n_train=10000)
    accs = [100 * p.test_acc for p in exp.sweep(s.plan())]  # the same trainings, called directly
    best = int(np.argmax(accs))
    c = s.trials()[best]
    assert (
        f"over 3 random trials (10,000 training images) the best was trial {best + 1}: learning rate {c.lr:g}, "
        f"{len(c.hiddens)} hidden layer(s) of {c.hiddens[0]} units" in first
    )
    assert f"{accs[best]:.1f} % test" in first
    at.slider(key="x32_budget").set_value(2).run()  # the first two trials again: nothing new to train
    second = run_exercise(at, "3.2.4")
    assert "over 2 random trials" in second and f"{max(accs[:2]):.1f} % test" in second


def test_the_concise_depth_by_rate_grid_names_its_best_cell() -> None:
    at = page(x33_depths=["1", "2"], x33_lrs=["0.1", "0.5"], x33_dl_n=N)
    first = run_exercise(at, "3.3.1")
    s = exp.ConciseDepthLr(depths=(1, 2), lrs=(0.1, 0.5), n_train=10000)
    accs = [100 * p.test_acc for p in exp.sweep(s.plan())]
    lr, layers = s.cells()[int(np.argmax(accs))]
    assert "over 4 combinations" in first
    assert f"the best is {layers} hidden layer(s) at learning rate {lr:g}: {max(accs):.1f} %" in first
    assert set(finding_chart(at, "3.3.1")["series"]) == {"1 hidden layer", "2 hidden layers"}
    seg = next(w for w in at.get("button_group") if w.key == "x33_lrs")
    seg.set_value([0.5]).run()
    second = run_exercise(at, "3.3.1")
    assert "over 2 combinations" in second and f"{max(accs[1::2]):.1f} %" in second


def test_the_grid_counts_its_product_and_reads_the_interaction_in_zh() -> None:
    at = page("zh", x32_g_lrs=["0.1", "0.5"], x32_g_depths=["1", "2"], x32_g_n=N, x32_g_k="3")
    text = run_exercise(at, "3.2.5")
    assert "2 个学习率 × 2 个深度的网格需要训练 4 次" in text and "3⁴ = 81 次训练" in text
    s = exp.GridSettings(lrs=(0.1, 0.5), depths=(1, 2), n_train=10000, per_other=3)
    f = learn.finding_of(learn.EXERCISE_TASKS["3.2.5"], s)
    accs = [100 * p.test_acc for p in exp.sweep(s.plan())]  # cells (0.1, 1) (0.5, 1) (0.1, 2) (0.5, 2)
    assert f.numbers["lr_shallow"] == ("0.1" if accs[0] > accs[1] else "0.5")
    assert f.numbers["lr_deep"] == ("0.1" if accs[2] > accs[3] else "0.5")
    assert f"{f.numbers['lr_shallow']}" in text and ("却是" in text) == (f.says == "finding")
    answer, checks = reveal_answer(at, "3.2.5")
    assert "$5^4 = 625$" in answer and "相互影响" in answer and not checks
    at.slider(key="x32_g_k").set_value(4).run()
    assert "4⁴ = 256" in run_exercise(at, "3.2.5")  # the count follows the control, nothing retrained


def test_random_against_grid_on_the_same_budget() -> None:
    at = page(x32_r_side="2", x32_r_repeats="2", x32_r_n="5000")
    text = run_exercise(at, "3.2.6")
    s = exp.GridVsRandom(side=2, repeats=2, n_train=5000)
    grid = max(fresh(r) for r in s.plan().runs[:4])  # the grid's trainings, trained anew outside the store
    rand = max(100 * p.test_acc for p in exp.sweep(s.plan())[4:8])  # the first random search
    assert "grid's best" in text and f"{grid:.1f} % test accuracy" in text and "of 2 draw(s)" in text
    assert sorted(set(finding_chart(at, "3.2.6")["x"])) == ["1", "2", "3", "4"]
    answer, _ = reveal_answer(at, "3.2.6")
    assert "Random search" in answer and "Hyperband" in answer
    at.slider(key="x32_r_repeats").set_value(1).run()  # the first search alone: nothing new to train
    one = run_exercise(at, "3.2.6")
    assert "of 1 draw(s)" in one and ("beat it in 1 of 1" in one) == (rand > grid)


# --- the reading rules, on made-up sweeps (no training) ------------------------------------------------
def pts(*accs: float) -> tuple[exp.Point, ...]:
    return tuple(exp.Point(a / 100, a / 100, 0.5, False, 1.0) for a in accs)


def test_a_one_setting_sweep_picks_its_sentence_from_the_numbers() -> None:
    s = exp.WidthSweep(widths=(16, 64, 256))
    assert act._read_widths(pts(70, 80, 75), s).says == "finding"
    assert act._read_widths(pts(70, 80, 75), s).numbers["best"] == "64"
    assert act._read_widths(pts(75.2, 75.5, 75.0), s).says == "finding_flat"
    stuck = act._read_widths(pts(10, 80, 12), s)
    assert stuck.says == "finding_stuck" and stuck.numbers["stuck"] == "16, 256"
    assert act._read_widths(pts(), exp.WidthSweep(widths=())).says == "empty"


def test_the_grid_tells_an_interaction_from_none() -> None:
    s = exp.GridSettings(lrs=(0.1, 0.5), depths=(1, 3), per_other=5)  # cells: (0.1,1) (0.5,1) (0.1,3) (0.5,3)
    moved = act._read_grid(pts(80, 75, 10, 40), s)
    assert moved.says == "finding" and (moved.numbers["lr_shallow"], moved.numbers["lr_deep"]) == ("0.1", "0.5")
    same = act._read_grid(pts(73, 78, 10, 37), s)
    assert same.says == "finding_same_lr"
    assert (same.numbers["change_lo"], same.numbers["change_hi"]) == pytest.approx((-63, -41))
    assert same.numbers["four"] == act.grid_size((5, 5, 5, 5)) == 625
    assert act._read_grid(pts(70, 75), exp.GridSettings(lrs=(0.1, 0.5), depths=(1,))).says == "small"


def test_the_race_counts_random_wins() -> None:
    s = exp.GridVsRandom(side=2, repeats=3)
    grid, win, lose = (50, 60, 55, 40), (61, 10, 10, 10), (30, 20, 59, 10)
    assert act._read_race(pts(*grid, *win, *win, *lose), s).says == "finding"
    assert act._read_race(pts(*grid, *win, *lose, *lose), s).says == "finding_grid"
    assert len({lr for lr, _ in s.random(0)}) > len({lr for lr, _ in s.grid()}) == 2


def test_a_sweep_reuses_points_trained_before() -> None:
    exp.sweep(exp.LrSweep(lrs=(0.1, 0.5), n_train=10000).plan())
    store = shared_store()
    before = store.computations
    points = exp.sweep(exp.GridSettings(lrs=(0.1, 0.5), depths=(1,), n_train=10000).plan())  # the same trainings
    assert store.computations == before and len(points) == 2
    exp.sweep(exp.GridSettings(lrs=(0.1,), depths=(1, 4), n_train=10000).plan())  # one new: 4 layers at 0.1
    assert store.computations == before + 1
