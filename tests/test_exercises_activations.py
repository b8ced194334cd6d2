"""Exercises 3.1.1, 3.1.2 and 3.1.4 on the activation-functions page: each run's finding reads the
run at the task's own controls, the numerical checks hold and fail when their formula is wrong."""

from __future__ import annotations

import pytest
import torch

from mlp_lab import learn
from mlp_lab.activities import activations as act
from mlp_lab.experiments import activations as exp
from tests.learn_helpers import exercise_box, finding_chart, reveal_answer, run_exercise
from tests.test_app import run_app

PAGE = "pages/activations.py"


def _checks(id: str, settings: object) -> dict[str, learn.CheckResult]:
    return {r.name: r for r in learn.checks_of(learn.EXERCISE_TASKS[id], settings)}


# --- 3.1.1: pReLU's derivative ---------------------------------------------------------------------
def test_prelu_derivative_follows_the_slope_control() -> None:
    at = run_app("en", page=PAGE, x31_alpha="0.4")
    text = run_exercise(at, "3.1.1")
    run = exp.prelu_autograd(exp.PReLUExercise(alpha=0.4))
    left = float(run.grad[run.x < 0][0])
    assert "α = 0.4," in text and f"is {left:g} at all {int((run.x < 0).sum())}" in text and left == 0.4
    rows = finding_chart(at, "3.1.1")
    assert len(rows) == 3 * run.x.size  # pReLU, autograd's derivative, the formula
    at.slider(key="x31_alpha").set_value(-0.5).run()
    changed = run_exercise(at, "3.1.1")
    assert "α = -0.5," in changed and "is -0.5 at all" in changed and changed != text


@pytest.mark.parametrize("alpha", [0.0, 0.25, -1.0, 1.0])
def test_prelu_check_holds_and_a_wrong_formula_fails(alpha: float, monkeypatch: pytest.MonkeyPatch) -> None:
    s = exp.PReLUExercise(alpha=alpha)
    ok = _checks("3.1.1", s)["autograd"]
    assert ok.passed and ok.gap == 0.0
    # the slope on the wrong side: alpha for x > 0 and 1 for x < 0
    monkeypatch.setattr(act, "prelu_slope", lambda x, a: torch.where(x > 0, torch.full_like(x, a), torch.ones_like(x)))
    bad = _checks("3.1.1", s)["autograd"]
    assert bad.passed == (alpha == 1.0)  # only the identity has the same slope on both sides
    if alpha != 1.0:
        assert bad.gap == pytest.approx(abs(1 - alpha))


# --- 3.1.2: piecewise linear ---------------------------------------------------------------------------
def test_pieces_are_counted_for_the_chosen_network() -> None:
    at = run_app("en", page=PAGE, x31_units="4", x31_layers="1")
    text = run_exercise(at, "3.1.2")
    run = exp.piecewise_net(exp.PiecewiseExercise(units=4, layers=1))
    assert run.pieces == 5 and f"{run.pieces} straight pieces, exactly the bound" in text
    at.slider(key="x31_layers").set_value(2).run()
    deeper = run_exercise(at, "3.1.2")
    run2 = exp.piecewise_net(exp.PiecewiseExercise(units=4, layers=2))
    assert f"{run2.pieces} straight pieces" in deeper and f"= {run2.bound}" in deeper and deeper != text
    assert run2.bound == 25


def test_piecewise_checks_hold_and_fail_on_a_curved_unit_or_a_short_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    s = exp.PiecewiseExercise(units=6, layers=2, draw=3)
    ok = _checks("3.1.2", s)
    assert ok["straight"].passed and ok["straight"].gap < 1e-8
    assert ok["bound"].passed
    monkeypatch.setattr(act, "unit", torch.tanh)  # a smooth unit: no straight pieces
    assert not _checks("3.1.2", s)["straight"].passed
    monkeypatch.undo()
    one = exp.PiecewiseExercise(units=6, layers=1)
    monkeypatch.setattr(act, "pieces_bound", lambda units, layers: units**layers)  # forgets the first piece
    bad = _checks("3.1.2", one)["bound"]
    assert not bad.passed and bad.gap == 1.0


# --- 3.1.4: a nonlinearity of the whole minibatch ------------------------------------------------------
def test_whole_batch_output_moves_with_the_other_examples() -> None:
    at = run_app("en", page=PAGE, x31_shift="1.5", x31_batch="6")
    text = run_exercise(at, "3.1.4")
    s = exp.BatchExercise(batch=6, shift=1.5)
    run = exp.whole_batch(s)
    (e0, w0), (e1, w1) = run.at_zero, run.at_shift
    assert e0 == e1 == 1.0 and abs(w1 - w0) > 0.1
    assert f"gives {w0:.3f} and {w1:.3f} (a change of {abs(w1 - w0):.3f})" in text and "among 5 others" in text
    seg = next(w for w in at.get("button_group") if w.key == "x31_whole")
    seg.set_value("softmax").run()
    soft = run_exercise(at, "3.1.4")
    softmax = exp.whole_batch(exp.BatchExercise(batch=6, shift=1.5, whole="softmax"))
    s0, s1 = softmax.at_zero[1], softmax.at_shift[1]
    assert "softmax across the batch" in soft and f"gives {s0:.3f} and {s1:.3f}" in soft and soft != text


def test_the_batch_answer_reveals_in_chinese() -> None:
    at = run_app("zh", page=PAGE)
    assert "小批量" in exercise_box(at, "3.1.4").label
    text, checks = reveal_answer(at, "3.1.4")
    assert "批量规范化" in text and not checks
