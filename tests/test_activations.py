import math
import time

import numpy as np
import pytest
import torch

from mlp_lab import reproduce
from mlp_lab.experiments.activations import (
    FORMULAS,
    FUNCTIONS,
    JUMPS,
    TARGETS,
    ApproxConfig,
    CurveConfig,
    DepthConfig,
    MonotoneConfig,
    claims,
    count_pieces,
    curves,
    depth_demo,
    fit_one_hidden_layer,
    line_misses_the_bend,
    monotone_demo,
    summarize,
    tent_network,
)
from mlp_lab.store import key_of
from mlp_lab.ui.activation_widgets import flat_caption, jump_note
from mlp_lab.ui.runner import result_store
from tests.test_app import run_app


def test_autograd_derivatives_match_the_books_formulas() -> None:
    by_name = {c.name: c for c in curves(CurveConfig(("relu", "sigmoid", "tanh", "prelu"), alpha=0.25))}
    x = torch.from_numpy(by_name["sigmoid"].x)
    s = torch.sigmoid(x)
    np.testing.assert_allclose(by_name["sigmoid"].grad, (s * (1 - s)).numpy(), atol=1e-12)
    np.testing.assert_allclose(by_name["tanh"].grad, (1 - torch.tanh(x) ** 2).numpy(), atol=1e-12)
    relu_grad = by_name["relu"].grad
    assert set(np.unique(relu_grad)) <= {0.0, 1.0}
    prelu = by_name["prelu"]
    assert np.allclose(prelu.grad[prelu.x < 0], 0.25) and np.allclose(prelu.grad[prelu.x > 0], 1.0)


def test_grid_is_the_books_by_default() -> None:
    (c,) = curves(CurveConfig(("relu",)))
    assert c.x[0] == -8.0 and c.x[-1] == 8.0 and len(c.x) == 161


def test_saturation_where_the_gradient_vanishes() -> None:
    (c,) = curves(CurveConfig(("sigmoid",)))
    sat = c.saturated()
    assert sat[0] and sat[-1] and not sat[len(sat) // 2]  # tails saturate, the middle does not


def test_every_claim_holds() -> None:
    for claim in claims():
        assert claim.holds, claim


@pytest.mark.parametrize("name", list(FUNCTIONS))
def test_every_activation_is_finite_on_a_wide_range(name: str) -> None:
    (c,) = curves(CurveConfig((name,), span=(-20.0, 20.0), step=0.5))
    assert np.isfinite(c.y).all() and np.isfinite(c.grad).all()
    assert name in FORMULAS


def test_the_ladder_of_fits_ends_at_the_chosen_k() -> None:
    assert [c.units for c in ApproxConfig(units=16).ladder()] == [1, 2, 8, 16]
    assert [c.units for c in ApproxConfig(units=1, target="abs").ladder()] == [1]
    assert {c.target for c in ApproxConfig(units=5, target="abs").ladder()} == {"abs"}


def test_reproduce_rows_read_the_pages_claims() -> None:
    checks = [c for c in reproduce.select("activations.") if c.kind != "claim"]  # claims: test_claims_activations
    assert len(checks) == 4
    for check in checks:
        row = reproduce.run_check(check)
        assert row.ok, row
    assert result_store().get(key_of(claims, 0)) is not None  # the same result the page shows at seed 0


def test_more_units_approximate_better() -> None:
    one = fit_one_hidden_layer(ApproxConfig(units=1, target="sin"))
    many = fit_one_hidden_layer(ApproxConfig(units=32, target="sin"))
    assert many.mse < one.mse / 20
    assert fit_one_hidden_layer(ApproxConfig(units=16, target="abs", activation="relu")).mse < 0.01


def claims_frame(at):
    """The page's claims table (the one whose last column is "Holds")."""
    return next(d.value for d in at.dataframe if list(d.value.columns)[-1] in ("Holds", "成立"))


def test_page_defaults_in_both_languages() -> None:
    for lang in ("en", "zh"):
        at = run_app(lang, page="pages/activations.py")
        assert not at.exception
        assert len(at.get("vega_lite_chart")) == 8  # monotone, tanh′ sketch pad, 4 functions, the approximation, depth
        assert all("✅" in str(v) for v in claims_frame(at).iloc[:, -1])


def test_page_url_round_trip_and_widgets() -> None:
    at = run_app("en", page="pages/activations.py", act_fns=["gelu", "elu"], act_units="64", act_target="step")
    assert not at.exception
    assert at.multiselect(key="act_fns").value == ["gelu", "elu"]
    assert at.slider(key="act_units").value == 64
    at.toggle(key="act_overlay").set_value(True).run()
    assert not at.exception
    assert len(at.get("vega_lite_chart")) == 5  # monotone, the sketch pad, one overlay chart, the approximation, depth
    at.multiselect(key="act_fns").set_value([]).run()
    assert not at.exception and at.info


def test_page_controls_change_what_is_computed() -> None:
    at = run_app("en", page="pages/activations.py", act_fns="tanh", act_range=["-2", "2"], act_step="0.5")
    assert not at.exception
    assert result_store().get(key_of(curves, CurveConfig(("tanh",), span=(-2.0, 2.0), step=0.5))) is not None
    at.slider(key="act_units").set_value(4).run()
    assert not at.exception
    assert any("with k = 1, 2, 4." in c.value for c in at.caption)  # the approximation chart's description
    assert result_store().get(key_of(fit_one_hidden_layer, ApproxConfig(units=4))) is not None


def test_page_reruns_from_the_cache_quickly() -> None:
    """The issue's budget: a rerun with everything cached takes under half a second of server time."""
    at = run_app("en", page="pages/activations.py")
    assert not at.exception
    start = time.perf_counter()
    at.run()
    assert not at.exception
    assert time.perf_counter() - start < 0.5


@pytest.mark.parametrize(
    "params",
    [
        {"act_fns": "nonsense"},
        {"act_units": "100000"},
        {"act_units": "-1"},
        {"act_alpha": "nan"},
        {"act_range": ["5", "-5"]},
        {"act_step": "0.3"},
        {"act_target": "<b>x</b>"},
    ],
)
def test_page_survives_bad_url_values(params) -> None:
    at = run_app("en", page="pages/activations.py", **params)
    assert not at.exception


# --- the flat stretches: saturation, no gradient, a turn ---------------------------------------------
def test_flat_stretches_are_told_apart() -> None:
    by = {c.name: summarize(c) for c in curves(CurveConfig(("relu", "sigmoid", "silu", "leaky_relu")))}
    assert [(f.x0, f.x1, f.kind) for f in by["relu"].flats] == [(-8.0, 0.0, "zero")]  # no gradient: not saturation
    assert [f.kind for f in by["sigmoid"].flats] == ["tail", "tail"]
    assert by["sigmoid"].flats[0].x1 == pytest.approx(-4.6) and by["sigmoid"].x_at_grad_max == 0.0
    assert [f.kind for f in by["silu"].flats] == ["tail", "turn"]  # its minimum near x = -1.3
    assert by["leaky_relu"].flats == () and by["relu"].x_at_grad_max is None  # 1 on the whole right side


def test_the_shading_is_explained_for_the_functions_on_screen() -> None:
    relu, sigmoid = (summarize(c) for c in curves(CurveConfig(("relu", "sigmoid"))))
    both = flat_caption([relu, sigmoid])
    assert "sigmoid saturate" in both and "relu: on the shaded side the derivative is exactly 0" in both
    assert "not saturation" in both and "relu saturate" not in both
    assert "exactly 0" not in flat_caption([sigmoid])


# --- jumps: the theorem is about continuous functions --------------------------------------------------
def test_the_jumps_are_where_the_targets_jump() -> None:
    for target, jump in JUMPS.items():
        x = torch.linspace(-math.pi, math.pi, 100_001, dtype=torch.float64)
        assert TARGETS[target](x).diff().abs().max().item() == pytest.approx(jump, abs=1e-3)
    smooth = torch.linspace(-math.pi, math.pi, 100_001, dtype=torch.float64)
    assert all(TARGETS[t](smooth).diff().abs().max() < 1e-3 for t in TARGETS if t not in JUMPS)


def test_a_step_is_approximated_on_average_never_uniformly() -> None:
    fits = [fit_one_hidden_layer(c) for c in ApproxConfig(units=16, target="step").ladder()]
    assert fits[-1].mse < fits[0].mse / 5  # the mean squared error goes down
    assert all(r.max_error >= 0.5 - 1e-3 for r in fits)  # the largest error stays at half the jump
    sine = fit_one_hidden_layer(ApproxConfig(units=16, target="sin"))
    assert sine.max_error < 0.1  # a continuous target: uniformly close
    note = jump_note(fits)
    assert note is not None and "never uniformly" in note and f"{fits[-1].max_error:.2f}" in note
    assert jump_note([sine]) is None


# --- a linear model forces monotone effects ------------------------------------------------------------
def test_the_monotone_example() -> None:
    r = monotone_demo(MonotoneConfig())
    assert np.all(np.diff(r.line) > 0) == (r.slope > 0)  # a line goes one way only
    assert r.mse_hidden < r.mse_distance < r.mse_line and line_misses_the_bend(r)
    one = monotone_demo(MonotoneConfig(units=1))  # a single kink cannot follow both sides
    assert not line_misses_the_bend(one)


# --- depth against width ---------------------------------------------------------------------------------
def test_each_layer_of_the_tent_network_doubles_the_pieces() -> None:
    u = torch.linspace(0, 1, 1025, dtype=torch.float64).unsqueeze(1)
    tent = lambda v: torch.where(v < 0.5, 2 * v, 2 - 2 * v)  # noqa: E731
    for depth in (1, 3, 5):
        with torch.no_grad():
            deep = tent_network(depth).double()(u)
        expected = u
        for _ in range(depth):
            expected = tent(expected)
        torch.testing.assert_close(deep, expected)
        assert count_pieces(u.squeeze(1).numpy(), deep.squeeze(1).numpy()) == 2**depth
    r = depth_demo(DepthConfig(depth=4))
    assert (r.units, r.pieces, r.shallow_max_pieces) == (8, 16, 9)
    assert r.mse > 0.01  # 9 pieces cannot follow 16
    assert count_pieces(np.array([0.0, 1.0, 2.0, 3.0]), np.array([0.0, 1.0, 2.0, 3.0])) == 1


# --- issue 18: the descriptions follow the run ------------------------------------------------------------
def _alts(at) -> list[str]:
    return [c.proto.alt for c in at.get("vega_lite_chart")]


def test_chart_descriptions_follow_the_run() -> None:
    at = run_app("en", page="pages/activations.py")
    alts = _alts(at)
    assert all(alts) and len(set(alts)) == len(alts)
    relu = next(a for a in alts if a.startswith("relu:"))
    assert "f′ = 0 for x from -8.0 to 0.0 (no gradient at all)" in relu
    assert "(saturated)" in next(a for a in alts if a.startswith("sigmoid:"))
    fits = [fit_one_hidden_layer(c) for c in ApproxConfig().ladder()]
    approx = next(a for a in alts if a.startswith("sin on"))
    assert "k = 1, 2, 8, 16" in approx and f"k = 16: {fits[-1].mse:.1e}" in approx
    assert any(c.value == approx for c in at.caption)  # also as text on the page
    at.slider(key="act_units").set_value(4).run()
    at.slider(key="act_depth").set_value(3).run()
    changed = _alts(at)
    assert not at.exception and approx not in changed
    assert any("k = 1, 2, 4." in a for a in changed) and any("8 straight pieces" in a for a in changed)
    zh = run_app("zh", page="pages/activations.py", act_fns="relu")
    assert any("完全没有梯度" in a for a in _alts(zh))
