"""Forward and backward propagation (3.7): hand gradients, the walk-through, memory, and the page."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import torch
from streamlit.testing.v1 import AppTest

from mlp_lab import reproduce
from mlp_lab.experiments import backprop as exp
from mlp_lab.models import build_model
from mlp_lab.store import key_of
from mlp_lab.ui.backprop_charts import BACKWARD_FILL, FORWARD_FILL, NOW_PEN, graph_dot, graph_lines, latex_matrix
from mlp_lab.ui.runner import result_store
from tests.test_app import run_app

ROOT = Path(__file__).resolve().parent.parent
REAL_SWEEP = exp.backward_memory  # the page tests below swap in a smaller sweep (small_memory_sweep)
CASES = [exp.GraphConfig(activation=a, bias=b) for a in exp.PHIS for b in (False, True)]


# --- the hand-derived gradients ---------------------------------------------------------------------
@pytest.mark.parametrize("config", CASES, ids=lambda c: f"{c.activation}-bias{c.bias}")
def test_hand_gradients_match_autograd_and_finite_differences(config: exp.GraphConfig) -> None:
    check = exp.gradient_check(config)
    assert set(check.vs_autograd) == ({"W1", "W2", "b1", "b2"} if config.bias else {"W1", "W2"})
    assert check.max_autograd < 1e-10
    assert check.max_finite_diff < 1e-6


def test_other_sizes_and_lambdas_and_seeds() -> None:
    for config in (
        exp.GraphConfig(inputs=8, hidden=1, outputs=6, activation="tanh", lam=1.0, seed=4),
        exp.GraphConfig(inputs=1, hidden=8, outputs=2, activation="sigmoid", lam=0.0, bias=True, seed=9),
    ):
        check = exp.gradient_check(config)
        assert check.max_autograd < 1e-10 and check.max_finite_diff < 1e-6


def test_forward_values_are_the_chapters() -> None:
    config = exp.GraphConfig(lam=0.5)
    ex = exp.make_example(config)
    v = exp.forward_backward(ex, config)
    assert ex.W1.shape == (5, 4) and ex.W2.shape == (3, 5) and ex.x.dtype == torch.float64
    torch.testing.assert_close(v.h, torch.relu(ex.W1 @ ex.x))
    torch.testing.assert_close(v.J, v.L + v.s)
    torch.testing.assert_close(v.J, exp.objective(ex, config))
    torch.testing.assert_close(v.s, 0.25 * (ex.W1.pow(2).sum() + ex.W2.pow(2).sum()))
    assert v.dJ_dL.item() == 1.0 and v.dJ_ds.item() == 1.0
    assert v.dJ_do.sum().abs().item() < 1e-12  # softmax minus one-hot sums to zero


def test_the_write_ups_printed_dJ_dz_is_wrong() -> None:
    """The chapter write-up (not the book) prints dJ/dz = W2^T dJ/dh ⊙ phi'(z); with h = q it even has
    the right shape, and is still wrong; with the page's h = 5, q = 3 it does not multiply at all."""
    config = exp.GraphConfig(hidden=3, outputs=3)
    ex = exp.make_example(config)
    v = exp.forward_backward(ex, config)
    printed = (ex.W2.T @ v.dJ_dh) * exp.phi_prime("relu", v.z)
    assert (printed - v.dJ_dz).abs().max() > 1e-3
    assert exp.writeup_dJ_dz_error(config) == pytest.approx((printed - v.dJ_dz).abs().max().item())
    assert exp.writeup_dJ_dz_error(exp.GraphConfig()) is None
    default = exp.make_example(exp.GraphConfig())
    with pytest.raises(RuntimeError):  # h = 5, q = 3: W2^T (5 x 3) times a 5-vector
        default.W2.T @ torch.ones(5, dtype=torch.float64)


@pytest.mark.parametrize("name", exp.PHIS)
def test_phi_prime_is_the_derivative(name: str) -> None:
    z = torch.linspace(-3, 3, 61, dtype=torch.float64).add(0.013).requires_grad_(True)  # no z exactly 0
    exp.phi(name, z).sum().backward()
    torch.testing.assert_close(exp.phi_prime(name, z.detach()), z.grad)


def test_bad_configs_are_refused() -> None:
    for kwargs in ({"outputs": 1}, {"inputs": 0}, {"activation": "gelu"}, {"lam": -1.0}):
        with pytest.raises(ValueError):
            exp.GraphConfig(**kwargs)
    with pytest.raises(ValueError):
        exp.phi_prime("gelu", torch.zeros(1))


# --- the walk-through ------------------------------------------------------------------------------
@pytest.mark.parametrize("bias", [False, True])
def test_every_step_has_a_formula_and_values(bias: bool) -> None:
    walk = exp.steps(bias)
    assert len(walk) == (15 if bias else 13)
    assert [s.phase for s in walk] == sorted((s.phase for s in walk), key=lambda p: p != "forward")
    config = exp.GraphConfig(bias=bias)
    ex = exp.make_example(config)
    values = exp.forward_backward(ex, config)
    for step in walk:
        assert step.formula and step.nodes
        for _, attr in step.values:
            assert exp.step_value(attr, ex, values).ndim in (0, 2)  # scalars, or vectors as columns
    assert (r"\mathbf{b}^{(1)}" in walk[1].formula) == bias
    assert any("b1" in s.nodes for s in walk) == bias


def test_graph_dot_draws_bias_nodes_only_when_asked_and_highlights_the_step() -> None:
    plain, with_bias = exp.steps(False), exp.steps(True)
    dot = graph_dot(False, plain, 0)
    assert dot.startswith("digraph") and " b1 " not in dot and "W1 -> mul1" in dot
    assert " b1 [" in graph_dot(True, with_bias, 0) and "b1 -> add1" in graph_dot(True, with_bias, 0)
    last = graph_dot(False, plain, len(plain) - 1)
    assert "∂J/∂W⁽¹⁾" in last and "style=dashed" in last  # backward: gradients on the boxes


@pytest.mark.parametrize("bias", [False, True])
def test_the_graph_in_words_reads_its_edges(bias: bool) -> None:
    lines = graph_lines(bias)
    first = "z ← +(×(W⁽¹⁾, x), b⁽¹⁾)" if bias else "z ← ×(W⁽¹⁾, x)"
    assert lines[0] == first and lines[-1] == "J ← +(L, s)"
    assert "h ← φ(z)" in lines and "L ← l(o, y)" in lines and len(lines) == 6


def test_latex_matrix() -> None:
    assert latex_matrix("J", torch.tensor(1.5).numpy()) == "J = 1.500"
    assert r"\begin{bmatrix}1.000 & 2.000 \\ 3.000 & 4.000\end{bmatrix}" in latex_matrix(
        "A", torch.tensor([[1.0, 2.0], [3.0, 4.0]]).numpy()
    )


# --- memory kept for backward ----------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["concise", "scratch"])
def test_saved_bytes_are_what_each_operation_keeps(kind: str) -> None:
    gen = torch.Generator().manual_seed(0)
    for depth in (1, 3):
        model = build_model(kind, (64,) * depth, generator=gen)
        for n in (2, 32):
            X, y = torch.rand(n, 1, 28, 28, generator=gen), torch.randint(0, 10, (n,), generator=gen)
            kept = exp.saved_for_backward(model, X, y)
            assert kept == 4 * n * exp.activation_floats(depth, 64, kind) + 4  # + the loss's scalar weight
            with torch.no_grad():
                assert exp.saved_for_backward(model, X, y) == 0


def test_memory_shape_reads_what_the_book_says() -> None:
    points = REAL_SWEEP(exp.MemoryConfig(width=32, depths=(1, 2, 3), batch_sizes=(2, 64)))
    shape = exp.memory_shape(points)
    assert all(abs(s - 1) < 0.01 for s in shape.slopes) and shape.per_layer == (128.0, 128.0)  # 32 floats
    assert shape.predict_bytes == 0 and shape.as_the_book_says
    kept_for_prediction = [replace(p, predict_bytes=p.saved_bytes) for p in points]  # no_grad forgotten
    assert not exp.memory_shape(kept_for_prediction).as_the_book_says
    uneven = [replace(p, saved_bytes=p.saved_bytes * p.depth) for p in points]  # quadratic in depth
    assert not exp.memory_shape(uneven).as_the_book_says
    flat = [replace(p, saved_bytes=p.saved_bytes // p.batch_size) for p in points]  # not per example
    assert not exp.memory_shape(flat).as_the_book_says


def test_backward_memory_grows_with_batch_and_depth() -> None:
    done: list[float] = []
    points = REAL_SWEEP(exp.MemoryConfig(width=32, depths=(1, 2), batch_sizes=(4, 8)), done.append)
    assert done == [0.25, 0.5, 0.75, 1.0]
    by = {(p.depth, p.batch_size): p.saved_bytes for p in points}
    assert by[(1, 8)] - 4 == 2 * (by[(1, 4)] - 4)  # proportional to the batch
    assert by[(2, 8)] > by[(1, 8)] and all(p.predict_bytes == 0 for p in points)


# --- reproduce rows ---------------------------------------------------------------------------------
def test_reproduce_rows_pass() -> None:
    checks = [c for c in reproduce.select("backprop.") if c.kind != "claim"]  # claims: test_claims_backprop
    assert {c.id for c in checks} == {
        "backprop.hand_vs_autograd",
        "backprop.hand_vs_finite_diff",
        "backprop.memory_as_the_book_says",
    }
    for check in checks:
        row = reproduce.run_check(check)
        assert row.ok, row


# --- the page ---------------------------------------------------------------------------------------
def small_sweep(config: exp.MemoryConfig, progress=None) -> list[exp.MemoryPoint]:
    """The page's sweep on small shapes (its own cache key: this function's name)."""
    return REAL_SWEEP(replace(config, width=32, depths=(1, 2), batch_sizes=(1, 8)), progress)


@pytest.fixture(scope="module", autouse=True)
def small_memory_sweep():
    """The full memory sweep takes seconds; the page tests only need its shape."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(exp, "backward_memory", small_sweep)
        yield


def open_page(lang: str = "en", **params: str) -> AppTest:
    return run_app(lang, page="pages/backprop.py", timeout=60, **params)


def test_page_defaults() -> None:
    at = open_page()
    assert not at.exception and not at.error
    assert at.title[0].value == "3.7 Forward & backward propagation"
    assert (at.slider(key="bp_d").value, at.slider(key="bp_h").value, at.slider(key="bp_q").value) == (4, 5, 3)
    assert at.slider(key="bp_step").value == 1 and at.slider(key="bp_step").max == 13
    assert len(at.get("graphviz_chart")) == 1
    assert at.success and "autograd" in at.success[0].value
    assert len(at.get("vega_lite_chart")) == 1  # memory
    assert len(at.dataframe) == 3  # the gradient check, the memory table, the book box
    assert result_store().get(key_of(small_sweep, exp.MemoryConfig())) is not None


@pytest.mark.parametrize("bias", [False, True])
def test_page_walks_every_step_forward_then_backward(bias: bool) -> None:
    at = open_page(bp_bias=str(bias).lower())
    walk = exp.steps(bias)
    assert at.slider(key="bp_step").max == len(walk)
    for i, step in enumerate(walk, 1):
        assert at.slider(key="bp_step").value == i
        assert not at.exception
        assert at.latex[0].value.strip("$\n") == step.formula
        dot = at.get("graphviz_chart")[0].proto.spec
        colour = FORWARD_FILL if step.phase == "forward" else BACKWARD_FILL
        assert f'fillcolor="{colour}", penwidth={NOW_PEN}' in dot
        at.button(key="bp_next").click().run()
    assert at.slider(key="bp_step").value == len(walk)  # Next stops at the last step
    at.button(key="bp_prev").click().run()
    assert at.slider(key="bp_step").value == len(walk) - 1


def test_page_bias_toggle_and_url_round_trip() -> None:
    at = open_page(bp_d="2", bp_h="7", bp_q="4", bp_phi="tanh", bp_lam="0", bp_step="9")
    assert not at.exception
    assert at.slider(key="bp_h").value == 7 and at.selectbox(key="bp_phi").value == "tanh"
    assert at.select_slider(key="bp_lam").value == 0.0
    assert at.slider(key="bp_step").value == 9
    asked = exp.GraphConfig(inputs=2, hidden=7, outputs=4, activation="tanh", lam=0.0)
    assert result_store().get(key_of(exp.gradient_check, asked)) is not None  # the page checked this graph
    assert " b1 " not in at.get("graphviz_chart")[0].proto.spec
    at.toggle(key="bp_bias").set_value(True).run()
    assert not at.exception
    assert " b1 [" in at.get("graphviz_chart")[0].proto.spec
    assert open_page(bp_bias="true").toggle(key="bp_bias").value  # and back from a link
    assert at.slider(key="bp_step").max == 15


@pytest.mark.parametrize(
    "params",
    [
        {"bp_d": "0", "bp_h": "abc", "bp_q": "1", "bp_step": "99"},
        {"bp_phi": "gelu", "bp_lam": "5", "bp_bias": "maybe", "bp_mem_model": "<b>"},
    ],
)
def test_page_bad_url_values_fall_back(params: dict[str, str]) -> None:
    at = open_page(**params)
    assert not at.exception and not at.error
    assert at.slider(key="bp_d").value == 4 and at.selectbox(key="bp_phi").value == "relu"
    assert 1 <= at.slider(key="bp_step").value <= 13


def test_switching_the_biases_off_past_the_end_clamps_the_step() -> None:
    at = open_page(bp_bias="true", bp_step="15")
    assert at.slider(key="bp_step").value == 15 and "b1" in exp.steps(True)[14].id
    at.toggle(key="bp_bias").set_value(False).run()
    assert not at.exception and not at.error
    assert at.slider(key="bp_step").value == 13 and at.slider(key="bp_step").max == 13
    assert at.latex[0].value.strip("$\n") == exp.steps(False)[-1].formula


def test_a_link_past_the_end_of_the_walk_without_biases() -> None:
    at = open_page(bp_step="14")
    assert not at.exception and not at.error
    assert 1 <= at.slider(key="bp_step").value <= 13


def test_page_each_activation_and_scratch_memory_in_chinese() -> None:
    at = open_page("zh", bp_mem_model="scratch")
    assert not at.exception and not at.error
    assert "反向传播" in at.title[0].value
    for name in exp.PHIS:
        at.selectbox(key="bp_phi").set_value(name).run()
        assert not at.exception and at.success


# --- issue 18: the descriptions follow the run ------------------------------------------------------
def test_descriptions_follow_the_step_and_the_measurement() -> None:
    at = open_page()
    assert at.get("graphviz_chart")[0].proto.alt == (
        "Computational graph of the objective J = L + s, step 1 of 13 (forward): x, W⁽¹⁾, W⁽²⁾, y, λ."
    )
    at.button(key="bp_next").click().run()
    assert at.get("graphviz_chart")[0].proto.alt.endswith("step 2 of 13 (forward): z.")
    words = "\n".join(m.value for m in at.markdown)
    assert "- z ← ×(W⁽¹⁾, x)" in words and "the forward pass has computed: x, W⁽¹⁾, W⁽²⁾, y, λ" in words
    concise = at.get("vega_lite_chart")[0].proto.alt
    points = small_sweep(exp.MemoryConfig())
    big = max(points, key=lambda p: (p.depth, p.batch_size))
    assert f"to {big.saved_bytes / 2**20:.3g} MiB (2 hidden layers, batch 8)" in concise
    assert any(c.value == concise for c in at.caption)  # also as text on the page
    scratch = open_page(bp_mem_model="scratch").get("vega_lite_chart")[0].proto.alt
    assert scratch != concise and "torch.no_grad it keeps 0 bytes" in scratch
    zh = open_page("zh", bp_step="9")
    assert "第 9 / 13 步（反向传播）" in zh.get("graphviz_chart")[0].proto.alt
