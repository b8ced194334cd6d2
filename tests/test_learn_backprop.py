"""3.7's predictions and challenge, through the page: the revealed answers and the verdict come from
the page's own pass and memory sweep at its current settings (change h, lambda or the model: they follow)."""

from __future__ import annotations

from dataclasses import replace

import pytest
import torch

from mlp_lab.activities import backprop as act
from mlp_lab.experiments import backprop as exp
from tests.learn_helpers import challenge_verdict, guess_and_reveal, overlay, texts
from tests.test_app import run_app

PAGE = "pages/backprop.py"
REAL_SWEEP = exp.backward_memory


def small_sweep(config: exp.MemoryConfig, progress=None) -> list[exp.MemoryPoint]:
    """The page's sweep on smaller shapes (its own cache key: this function's name): the full one takes seconds."""
    return REAL_SWEEP(replace(config, depths=(1, 2, 4), batch_sizes=(1, 64)), progress)


@pytest.fixture(scope="module", autouse=True)
def smaller_memory_sweep():
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(exp, "backward_memory", small_sweep)
        yield


def saved_mib(**changes) -> float:
    points = small_sweep(replace(exp.MemoryConfig(), **changes))
    big = max(points, key=lambda p: (p.depth, p.batch_size))
    return big.saved_bytes / 2**20


def test_memory_prediction_reveals_the_measured_bytes_and_follows_the_model() -> None:
    at = run_app("en", page=PAGE, timeout=60)
    assert not at.exception
    guess_and_reveal(at, "bp.saved_mib", 10)
    expected = saved_mib()
    alt, rows = overlay(at, "Your guess 10.0")
    assert f"the run's result {expected:.1f}" in alt
    curve = rows[rows["x"].notna()]  # the measured points (the guess's line has no x)
    assert (
        curve["y"].max() == pytest.approx(expected) and curve["x"].max() == 4
    )  # the deepest net, at the largest batch
    assert f"off by {abs(expected - 10):.1f}" in texts(at) and "prediction keeps 0 bytes" in texts(at)
    at.button_group(key="bp_mem_model").set_value("scratch").run()  # the guess stays, the answer follows
    scratch = saved_mib(model="scratch")
    assert scratch > 1.5 * expected  # the scratch relu keeps three tensors per layer, nn.ReLU one
    assert f"the run's result {scratch:.1f}" in overlay(at, "Your guess 10.0")[0]


def test_gradient_shape_choice_is_read_from_the_pass_and_follows_h() -> None:
    assert tuple(act.graph_pass(exp.GraphConfig()).dJ_dW1.shape) == (5, 4)
    at = run_app("en", page=PAGE, timeout=60)
    guess_and_reveal(at, "bp.grad_shape", "d_h")
    assert "You chose d × h; the run says h × d." in texts(at)
    assert "5 × 4 (20 numbers)" in texts(at)
    at.slider(key="bp_h").set_value(7).run()
    assert tuple(act.graph_pass(exp.GraphConfig(hidden=7)).dJ_dW1.shape) == (7, 4)
    assert "7 × 4 (28 numbers)" in texts(at)


def test_still_w1_challenge_passes_only_with_dead_units_and_no_penalty() -> None:
    at = run_app("en", page=PAGE, timeout=60)
    passed, text = challenge_verdict(at, "bp.still_w1")
    default = act.graph_pass(exp.GraphConfig())
    assert not passed and f"{float(default.dJ_dW1.abs().max()):.3g}" in text and "2 of 5 hidden units" in text
    at.slider(key="bp_h").set_value(1).run()  # its one unit is dead, but lambda W1 still pulls
    passed, text = challenge_verdict(at, "bp.still_w1")
    assert not passed and "the penalty still adds" in text
    at.select_slider(key="bp_lam").set_value(0.0).run()
    passed, text = challenge_verdict(at, "bp.still_w1")
    dead = act.graph_pass(exp.GraphConfig(hidden=1, lam=0.0))
    assert passed and f"the loss is {float(dead.L):.3f}" in text and float(dead.L) > 1
    at.selectbox(key="bp_phi").set_value("sigmoid").run()  # sigmoid' is never 0
    assert not challenge_verdict(at, "bp.still_w1")[0]


def test_answers_and_verdict_break_with_their_ingredients(monkeypatch) -> None:
    """phi'(z) = 1 everywhere lets the dead unit pass a gradient; a sweep that saves nothing reads 0 MiB."""
    config = exp.GraphConfig(hidden=1, lam=0.0)
    assert act._check_still(act.graph_pass(config), config).passed
    monkeypatch.setattr(exp, "phi_prime", lambda name, z: torch.ones_like(z))
    assert not act._check_still(act.graph_pass(config), config).passed
    small = exp.MemoryConfig(width=32, depths=(1, 2), batch_sizes=(1, 8))
    assert act._saved_mib(REAL_SWEEP(small), small).value > 0
    monkeypatch.setattr(exp, "saved_for_backward", lambda model, X, y: 0)
    assert act._saved_mib(REAL_SWEEP(small), small).value == 0
