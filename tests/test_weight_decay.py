"""3.5: weight decay from scratch and concise against the book's torch loops, the lambda sweep, L1,
and the page (defaults, lambda and penalty from the URL, edge values, bad links)."""

from __future__ import annotations

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from mlp_lab.experiments import weight_decay as exp
from mlp_lab.reproduce import all_checks
from tests.test_app import run_app
from tests.test_fitting import assert_book_rows_shown

SHORT = {"epochs": 5}  # the book's 100 epochs belong to the reproduce rows


def theta(runs: exp.WDRuns) -> np.ndarray:
    return np.concatenate([runs.weights[0, :, 0], runs.bias[0]])


@pytest.mark.parametrize("impl", exp.IMPLEMENTATIONS)
def test_batched_engine_matches_the_books_torch_loop(impl: str) -> None:
    config = exp.WDConfig(lambd=3.0, implementation=impl, **SHORT)
    book = exp.torch_scratch(config) if impl == "scratch" else exp.torch_concise(config)
    np.testing.assert_allclose(theta(exp.train_lambdas(config, (3.0,))), book, atol=1e-5)


def test_weight_decay_in_the_optimiser_is_the_l2_penalty() -> None:
    config = exp.WDConfig(lambd=3.0, implementation="concise", **SHORT)
    np.testing.assert_allclose(exp.torch_concise(config), exp.torch_scratch(config, half_loss=False), atol=1e-6)


def test_synthetic_data_and_nested_training_sets() -> None:
    x, y = exp.synthetic_data(np.random.default_rng(0), 5000, 200)
    residual = y - (x.sum(axis=1) * exp.TRUE_W + exp.TRUE_B)
    assert abs(residual.std() - 0.01) < 0.001
    small, big = exp.wd_data(exp.WDConfig(n_train=20)), exp.wd_data(exp.WDConfig(n_train=100))
    np.testing.assert_array_equal(small.train[0], big.train[0][:20])
    assert exp.initial_params(exp.WDConfig(), 0)[-1] == 0.0  # from scratch: b = 0
    assert exp.initial_params(exp.WDConfig(implementation="concise"), 0)[-1] != 0.0  # concise: b ~ N(0, 1)


def test_decay_shrinks_the_weights_and_l1_zeroes_them() -> None:
    runs = exp.train_lambdas(exp.WDConfig(), (0.0, 1.0, 3.0, 10.0))
    assert np.all(np.diff(runs.norms[0]) < 0)  # more decay, smaller ||w||
    assert runs.norms[0, 0] > 10 and runs.norms[0, 2] < 1  # the book's two regimes
    assert runs.test_loss[-1, 0, 0] > 10 * runs.test_loss[-1, 0, 2]  # and decay generalises
    l1 = exp.train_lambdas(exp.WDConfig(penalty="L1"), (0.0, 0.1, 3.0))
    assert l1.zeros[0, 0] == 0 and 0 < l1.zeros[0, 1] < 200 and l1.zeros[0, 2] == 200


def test_lambda_sweep_picks_on_validation_and_seed_norms() -> None:
    sweep = exp.lambda_sweep(exp.WDConfig())
    assert sweep.runs.val_loss.shape == (1, len(exp.LAMBDA_GRID))
    assert sweep.chosen_by_val >= 3  # 20 examples for 200 weights: shrink a lot
    assert sweep.test_at(sweep.chosen_by_val) < sweep.test_at(0.0) / 100
    norms = exp.seed_norms(exp.WDSettings().spread("scratch")).norms
    assert norms.shape == (exp.SPREAD_SEEDS, 2)
    assert 10 <= np.median(norms[:, 0]) <= 16 and 0.2 <= np.median(norms[:, 1]) <= 0.6


def test_d200_overfitting_shrinks_with_data() -> None:
    sweep = exp.d200_size_sweep(exp.D200Config(sizes=(20, 200, 1000)))
    test = sweep.test_loss[-1]
    assert test[0] > test[1] > test[2] and test[0] > 100 * sweep.train_loss[-1, 0]


@pytest.mark.parametrize("changes", [{"lambd": -1}, {"lambd": float("inf")}, {"penalty": "L3"}, {"n_train": 0}])
def test_bad_configs_are_refused(changes: dict) -> None:
    with pytest.raises(ValueError):
        exp.WDConfig(**changes)


def test_settings_build_the_experiments() -> None:
    s = exp.WDSettings(lambd=2.5, penalty="L1", seed=3)
    assert s.run("concise") == exp.WDConfig(2.5, "concise", "L1", seed=3)
    assert s.sweep() == exp.WDConfig(penalty="L1", seed=3)  # the sweep trains its own grid of lambdas
    assert s.spread("scratch") == exp.WDConfig(seed=3)  # the book's two runs are L2
    runs = exp.train_at_lambda(exp.WDConfig(lambd=2.5, **SHORT))
    assert runs.lambdas == (2.5,)
    assert runs.norms[0, 0] == pytest.approx(np.linalg.norm(runs.weights[0, :, 0]), rel=1e-6)  # ||w||, bias excluded


def test_reproduce_rows_are_registered_with_the_issue_ids() -> None:
    ids = {c.id for c in all_checks()}
    names = ("scratch_norm_lambda0", "scratch_norm_lambda3", "concise_matches_scratch")
    assert {f"weight_decay.{name}" for name in names} <= ids


# --- the page --------------------------------------------------------------------------------------------


def open_page(lang: str = "en", **params: str) -> AppTest:
    return run_app(lang, page="pages/weight-decay.py", timeout=120, **params)


def computed_since(before: int) -> list:
    from mlp_lab.ui.runner import result_store

    store = result_store()
    return store.computed[len(store.computed) - (store.computations - before) :] if store.computations > before else []


def test_page_defaults_and_the_book_box() -> None:
    at = open_page()
    assert not at.exception and not at.error
    assert at.title[0].value == "3.5 Weight decay"
    assert at.slider(key="wd_lambda").value == 0.0
    # two runs, the sweep's losses and ||w||, L1 against L2; the exercises' findings show once their runs are stored
    in_exercises = sum(len(e.get("vega_lite_chart")) for e in at.expander if e.label.startswith("📘"))
    assert len(at.get("vega_lite_chart")) - in_exercises == 5
    assert len(at.metric) == 2
    assert float(at.metric[0].value) > 10  # no decay: ||w|| stays near its N(0, 1) start's ~14
    spread = next(d.value for d in at.dataframe if "run" in d.value.columns)  # the book's two runs over seeds
    assert len(spread) == 4 and float(spread.iloc[1, 1]) < 1 < float(spread.iloc[0, 1])
    assert float(spread.iloc[0, 1]) == pytest.approx(float(at.metric[0].value), rel=1e-3)  # seed 0 = the run above
    book = at.dataframe[-1].value  # book_box("weight_decay"): the write-up's printed norms, not the book's
    assert len(book) == 7 and "12.568" in book.iloc[0, 3] and "0.355" in book.iloc[1, 3]
    assert not any(v in " ".join(book.iloc[:, 3]) for v in ("12.96", "13.73", "0.389", "0.356"))
    assert any("validation set picks" in m.value for m in at.markdown)


def test_lambda_changes_what_the_page_computes() -> None:
    from mlp_lab.store import key_of
    from mlp_lab.ui.runner import result_store

    at = open_page()
    before = result_store().computations
    at.slider(key="wd_lambda").set_value(3.0).run()
    assert not at.exception
    wanted = {key_of(exp.train_at_lambda, exp.WDSettings(lambd=3.0).run(impl)) for impl in exp.IMPLEMENTATIONS}
    assert set(computed_since(before)) <= wanted  # only the two runs (the sweep does not depend on lambda)
    assert float(at.metric[0].value) < 1  # lambda 3 shrinks ||w|| from ~13 to ~0.36
    at = open_page(wd_lambda="0.7")  # from the address bar
    assert at.slider(key="wd_lambda").value == 0.7
    assert result_store().get(key_of(exp.train_at_lambda, exp.WDSettings(lambd=0.7).run("scratch"))) is not None


def test_l1_from_the_url_and_zh() -> None:
    at = open_page("zh", wd_lambda="10", wd_penalty="L1")
    assert not at.exception and not at.error
    assert at.slider(key="wd_lambda").value == 10.0 and at.query_params["wd_penalty"] == "L1"
    assert len(at.metric) == 4  # ||w|| and the zero count, per implementation
    assert int(at.metric[1].value) == 200
    assert "权重衰减" in at.title[0].value


@pytest.mark.parametrize(
    "params", [{"wd_lambda": "-5", "wd_penalty": "L3"}, {"wd_lambda": "abc", "wd_penalty": ""}, {"wd_lambda": "1e9"}]
)
def test_bad_url_values_fall_back_to_defaults(params: dict) -> None:
    at = open_page(**params)
    assert not at.exception and not at.error
    assert at.slider(key="wd_lambda").value == 0.0
    assert len(at.metric) == 2  # L2: no zero count


def test_warm_visit_leaves_nothing_for_the_page_to_compute() -> None:
    from mlp_lab.ui.pages import TOPICS
    from mlp_lab.ui.runner import result_store
    from mlp_lab.ui.warm import problems, visit

    assert not problems(visit(next(s for s in TOPICS if s.path == "pages/weight-decay.py")))
    store = result_store()
    before = store.computations
    at = open_page()
    assert not at.exception and store.computations == before
    assert_book_rows_shown(at, "weight_decay")
