"""3.8's exercises as guided tasks on the stability page: each finding comes from the run at the
task's current settings (recomputed here on the same small data set and compared), a changed
control changes it, and the bounds' numerical checks pass as derived and fail for a wrong formula."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest
import torch

from mlp_lab import learn
from mlp_lab.activities import stability as act
from mlp_lab.data import FashionMNIST
from mlp_lab.experiments import stability as exp
from tests.conftest import private_world, striped_data
from tests.learn_helpers import exercise_box, finding_chart, reveal_answer, run_exercise
from tests.test_app import run_app

PAGE = "pages/stability.py"
# The page's own studies kept small (they run on every page load; the exercises are asked for).
SMALL = {"stability_steps": 10, "stability_vdepth": 5, "stability_width": 16, "stability_depth": 5}


@pytest.fixture(scope="module")
def small() -> Iterator[FashionMNIST]:
    """A learnable stand-in for Fashion-MNIST behind the page, and one result store for the module
    (the page's studies are computed once)."""
    data = striped_data(n_train=1024, n_test=256)
    with private_world(data):
        yield data


def test_symmetries_run_keeps_every_layer_symmetric_and_follows_its_controls(small: FashionMNIST) -> None:
    at = run_app("en", page=PAGE, x381_units=3, x381_steps=10, **SMALL)
    text = run_exercise(at, "3.8.1")
    r = exp.symmetries(exp.SymmetriesConfig(units=3, steps=10), data=small)
    const, zero, rand = (r.runs[k] for k in exp.SYMMETRY_STARTS)
    assert max(const.spread) == 0.0 and zero.moved == 0.0  # float64: equal units stay equal, w = 0 never moves
    assert rand.spread[0] > 0.01
    assert "the 3 hidden units" in text and f"{rand.spread[0]:.2f} and {rand.spread[1]:.2f}" in text
    assert f"{rand.test_acc:.1%}" in text and f"{zero.test_acc:.1%}" in text
    rows = finding_chart(at, "3.8.1")
    assert len(rows) == 3 * 10 and rows["y"].iloc[0] == pytest.approx(const.loss[0])  # a loss per step and start
    at.slider(key="x381_steps").set_value(20).run()
    longer = run_exercise(at, "3.8.1")
    assert "after 20 steps" in longer and longer != text
    answer, checks = reveal_answer(at, "3.8.1")
    assert "Sign symmetry" in answer and not checks


def test_product_bounds_hold_and_a_wrong_bound_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    ex = learn.EXERCISE_TASKS["3.8.3"]
    page = exp.MatrixProductConfig(count=60, size=8, sigma=0.5)
    results = {r.name: r for r in learn.checks_of(ex, page)}
    assert all(r.passed and r.gap == 0.0 for r in results.values())
    assert results["page"].numbers["count"] == 61 and results["page"].numbers["slack"] > 1  # a loose bound
    # the spectral radius is no bound: a product of non-normal matrices gets far above it
    radius = lambda mats: float(np.prod([exp.spectral_radius(M) for M in mats]))  # noqa: E731
    monkeypatch.setattr(exp, "norm_bound", radius)
    bad = {r.name: r for r in learn.checks_of(ex, page)}
    assert not bad["upper"].passed and not bad["page"].passed and bad["lower"].passed
    monkeypatch.undo()
    frob = lambda mats: float(np.prod([torch.linalg.matrix_norm(M).item() for M in mats]))  # noqa: E731
    monkeypatch.setattr(exp, "floor_bound", frob)  # the Frobenius norms bound from above, not below
    (lower,) = [r for r in learn.checks_of(ex, page) if r.name == "lower"]
    assert not lower.passed and lower.gap > 0.1


def test_product_bounds_read_the_page_product_and_reveal_in_chinese(small: FashionMNIST) -> None:
    at = run_app("zh", page=PAGE, stability_count=50, **SMALL)
    text = run_exercise(at, "3.8.3")
    r = exp.product_bounds(exp.MatrixProductConfig(count=50))
    assert "51 个 4×4 矩阵" in text and f"{r.log10_norm[-1]:.1f}" in text and f"{r.log10_upper[-1]:.1f}" in text
    at.select_slider(key="stability_size").set_value(16).run()
    wider = run_exercise(at, "3.8.3")
    r16 = exp.product_bounds(exp.MatrixProductConfig(count=50, size=16))
    assert "16×16" in wider and f"{r16.log10_norm[-1]:.1f}" in wider
    answer, checks = reveal_answer(at, "3.8.3")
    assert "奇异值" in answer and len(checks) == 3 and all(ok for ok, _ in checks)
    assert any("16×16" in sentence for _, sentence in checks)  # the page check reads the page's product


def test_constant_start_and_the_divergence_fixes_read_their_runs(small: FashionMNIST) -> None:
    """3.8.2 and 3.8.4 in one session (each page run costs seconds)."""
    at = run_app("en", page=PAGE, x382_epochs=1, x384_epochs=1, **SMALL)
    text = run_exercise(at, "3.8.2")
    r = exp.constant_init(exp.ConstantInitConfig(epochs=1), data=small)
    acc = {k: v[-1] for k, v in r.test_acc.items()}
    assert "every weight = 0.01" in text
    for key in (("softmax", "constant"), ("softmax", "random"), ("mlp", "constant"), ("mlp", "random")):
        assert f"{acc[key]:.1%}" in text
    at.select_slider(key="x382_c").set_value(0.0).run()
    zero = run_exercise(at, "3.8.2")
    assert "every weight = 0 " in zero and zero != text
    r0 = exp.constant_init(exp.ConstantInitConfig(constant=0.0, epochs=1), data=small)
    # every weight c adds the same number to every logit: softmax regression learns the same for every c
    assert r0.test_acc[("softmax", "constant")][-1] == pytest.approx(acc[("softmax", "constant")], abs=0.01)
    assert f"{r0.test_acc[('mlp', 'constant')][-1]:.1%}" in zero

    fixes = run_exercise(at, "3.8.4")
    r4 = exp.divergence_fixes(exp.DivergenceFixConfig(epochs=1), data=small)
    for run in r4.runs.values():
        assert act._outcome(run)["en"] in fixes
    assert ("plain SGD diverges" in fixes) == (r4.runs["plain"].diverged_step is not None)
    at.select_slider(key="x384_lr").set_value(0.1).run()
    slow = run_exercise(at, "3.8.4")
    assert "at learning rate 0.1," in slow and slow != fixes
    assert exercise_box(at, "3.8.4").get("vega_lite_chart")
