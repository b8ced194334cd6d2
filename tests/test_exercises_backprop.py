"""Exercises 3.7.1-3.7.5 on the backpropagation page: the derive tasks' checks hold at the page's
(or the task's) settings and fail when their formula is wrong; the second-derivative run reads the
run at its controls; the discussions reveal."""

from __future__ import annotations

import pytest

from mlp_lab import learn
from mlp_lab.activities import backprop as bp
from mlp_lab.experiments import backprop as exp
from tests.learn_helpers import exercise_box, finding_chart, reveal_answer, run_exercise
from tests.test_app import run_app

PAGE = "pages/backprop.py"
CASES = [exp.GraphConfig(), exp.GraphConfig(activation="sigmoid", lam=0.0, hidden=7),
         exp.GraphConfig(activation="tanh", bias=True, inputs=2, outputs=5, seed=3)]  # fmt: skip


def _checks(id: str, settings: object) -> dict[str, learn.CheckResult]:
    return {r.name: r for r in learn.checks_of(learn.EXERCISE_TASKS[id], settings)}


# --- 3.7.1 -------------------------------------------------------------------------------------------
def test_gradient_shape_check_holds_and_a_transposed_answer_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    s = exp.ShapeExercise(rows=2, cols=6)
    ok = _checks("3.7.1", s)["shape"]
    assert ok.passed and ok.numbers["measured"] == "2 × 6" and ok.numbers["entries"] == 12
    monkeypatch.setattr(bp, "grad_shape", lambda n, m: (m, n))
    assert not _checks("3.7.1", s)["shape"].passed
    assert _checks("3.7.1", exp.ShapeExercise(rows=4, cols=4))["shape"].passed  # square: no one can tell


def test_gradient_shape_answer_reads_the_chosen_sizes() -> None:
    at = run_app("en", page=PAGE, x37_n="2", x37_m="7")
    text, checks = reveal_answer(at, "3.7.1")
    assert "n \\times m" in text
    assert len(checks) == 1 and checks[0][0] and "an X of 2 × 7 has shape 2 × 7 (14 entries)" in checks[0][1]
    at.slider(key="x37_m").set_value(3).run()
    box = exercise_box(at, "3.7.1")
    assert "has shape 2 × 3 (6 entries)" in box.success[0].value


# --- 3.7.2 -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("config", CASES)
def test_hidden_bias_equations_match_autograd(config: exp.GraphConfig) -> None:
    checks = _checks("3.7.2", config)
    assert checks["forward"].passed and checks["backward"].passed
    assert checks["backward"].numbers["b1"] < 1e-12


def test_hidden_bias_checks_fail_on_wrong_equations(monkeypatch: pytest.MonkeyPatch) -> None:
    s = exp.GraphConfig(activation="sigmoid")
    monkeypatch.setattr(bp, "bias_gradient", lambda dJ_dh, dphi: dJ_dh)  # forgets phi'(z)
    assert not _checks("3.7.2", s)["backward"].passed
    monkeypatch.undo()
    monkeypatch.setattr(bp, "hidden_pre_activation", lambda W1, x, b1: W1 @ x)  # forgets b1
    bad = _checks("3.7.2", s)
    assert not bad["forward"].passed and not bad["backward"].passed


# --- 3.7.3 -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("config", CASES)
def test_memory_counts_match_what_autograd_keeps(config: exp.GraphConfig) -> None:
    checks = _checks("3.7.3", config)
    assert all(c.passed for c in checks.values()), checks
    assert checks["kept"].numbers["measured"] == config.inputs + config.hidden + config.outputs + 2


def test_memory_checks_fail_on_wrong_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    s = exp.GraphConfig(bias=True)
    monkeypatch.setattr(bp, "kept_values", lambda d, h, q: d + 2 * h + 2 * q)  # keeps every node
    monkeypatch.setattr(bp, "param_count", lambda d, h, q, bias: h * d + q * h)  # forgets the biases
    monkeypatch.setattr(bp, "kept_for_prediction", lambda d, h, q: d + h + q + 2)  # as much as training
    bad = _checks("3.7.3", s)
    assert not any(c.passed for c in bad.values())
    assert bad["kept"].gap == s.hidden + s.outputs - 2 and bad["params"].gap == s.hidden + s.outputs


def test_memory_answer_follows_the_page_sizes() -> None:
    at = run_app("en", page=PAGE, bp_h="7", bp_d="3")
    text, checks = reveal_answer(at, "3.7.3")
    assert "d + h + q + 2" in text
    assert len(checks) == 3 and all(ok for ok, _ in checks)
    assert "d + h + q + 2 = 15" in checks[0][1] and "(d = 3, h = 7, q = 3)" in checks[0][1]


# --- 3.7.4 -------------------------------------------------------------------------------------------
def test_second_derivative_run_reads_its_controls() -> None:
    at = run_app("en", page=PAGE, x37_width="64", x37_batch="16")
    text = run_exercise(at, "3.7.4")
    point = exp.second_order_point(64, 16, 1, 0)
    assert point.nodes_hvp > 2 * point.nodes_loss  # the gradient's graph holds the forward one and more
    assert f"With 64 hidden units and a batch of 16 ({point.params:,} parameters)" in text
    assert f"has {point.nodes_loss} operations" in text and f"has {point.nodes_hvp}." in text
    assert f"needs {point.params:,} such products" in text
    rows = finding_chart(at, "3.7.4")
    assert len(rows) == 2 * 2  # widths 32 and 64, gradient and Hessian-vector product
    at.select_slider(key="x37_width").set_value(128).run()
    wider = run_exercise(at, "3.7.4")
    assert f"({exp.second_order_point(128, 16, 1, 0).params:,} parameters)" in wider and wider != text


# --- 3.7.5 and a discussion in Chinese ---------------------------------------------------------------
@pytest.mark.parametrize("id", ["3.7.4", "3.7.5"])
def test_discussions_reveal_in_chinese(id: str) -> None:
    at = run_app("zh", page=PAGE)
    text, checks = reveal_answer(at, id)
    assert ("流水线" if id == "3.7.5" else "Hessian") in text and not checks
