import time

import numpy as np
import pytest
import torch

from mlp_lab import reproduce
from mlp_lab.experiments.activations import (
    FORMULAS,
    FUNCTIONS,
    ApproxConfig,
    CurveConfig,
    claims,
    curves,
    fit_one_hidden_layer,
)
from mlp_lab.store import key_of
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
    checks = reproduce.select("activations.")
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


def test_page_defaults_in_both_languages() -> None:
    for lang in ("en", "zh"):
        at = run_app(lang, page="pages/activations.py")
        assert not at.exception
        assert len(at.get("vega_lite_chart")) >= 5  # 4 functions + the approximation
        assert len(at.dataframe) == 2  # the claims table, then the book box
        assert all("✅" in str(v) for v in at.dataframe[0].value.iloc[:, -1])


def test_page_url_round_trip_and_widgets() -> None:
    at = run_app("en", page="pages/activations.py", act_fns=["gelu", "elu"], act_units="64", act_target="step")
    assert not at.exception
    assert at.multiselect(key="act_fns").value == ["gelu", "elu"]
    assert at.slider(key="act_units").value == 64
    at.toggle(key="act_overlay").set_value(True).run()
    assert not at.exception
    assert len(at.get("vega_lite_chart")) == 2  # one overlay chart + the approximation
    at.multiselect(key="act_fns").set_value([]).run()
    assert not at.exception and at.info


def test_page_controls_change_what_is_computed() -> None:
    at = run_app("en", page="pages/activations.py", act_fns="tanh", act_range=["-2", "2"], act_step="0.5")
    assert not at.exception
    assert result_store().get(key_of(curves, CurveConfig(("tanh",), span=(-2.0, 2.0), step=0.5))) is not None
    at.slider(key="act_units").set_value(4).run()
    assert not at.exception
    assert any("with k = 4:" in c.value for c in at.caption)
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
