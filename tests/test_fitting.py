"""3.4: the batched SGD engine against the book's per-model torch loop, the polynomial experiments,
K-fold, and the page (defaults, presets, tabs, URL state, edge values, bad links)."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
import torch
from streamlit.testing.v1 import AppTest
from torch import nn

from mlp_lab.experiments import fitting as exp
from mlp_lab.experiments.linear_sgd import SGDSettings, shuffle_order, stack_problems, train_many
from mlp_lab.reproduce import all_checks

ROOT = Path(__file__).resolve().parent.parent
QUICK = exp.PolyConfig(epochs=30)


# --- the engine: one batched computation == the book's loop, model by model ----------------------------


def book_loop(problems, w0, mask, settings: SGDSettings, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """``nn.Linear(k, 1, bias=False)`` + ``torch.optim.SGD`` + ``nn.MSELoss``, one model at a time,
    on the minibatch orders ``train_many`` draws. Returns the weights (P, D, V) and train losses (E, P, V)."""
    rng = np.random.default_rng(seed)
    padded = math.ceil(problems.n_train.max() / settings.batch_size) * settings.batch_size
    orders = [shuffle_order(rng, problems.n_train, padded) for _ in range(settings.epochs)]
    p_count, _, dim = problems.shape
    weights = np.zeros((p_count, dim, w0.shape[2]), np.float32)
    losses = np.zeros((settings.epochs, p_count, w0.shape[2]))
    for p in range(p_count):
        n = problems.n_train[p]
        x, y = torch.tensor(problems.train_x[p, :n]), torch.tensor(problems.train_y[p, :n]).reshape(-1, 1)
        for v in range(w0.shape[2]):
            k = int(mask[0, :, v].sum())
            net = nn.Linear(k, 1, bias=False)
            with torch.no_grad():
                net.weight.copy_(torch.tensor(w0[p, :k, v]).reshape(1, -1))
            opt = torch.optim.SGD(net.parameters(), lr=settings.lr)
            for e, order in enumerate(orders):
                real = order[p, :n]
                for lo in range(0, n, settings.batch_size):
                    idx = torch.as_tensor(real[lo : lo + settings.batch_size])
                    opt.zero_grad()
                    nn.functional.mse_loss(net(x[idx, :k]), y[idx]).backward()
                    opt.step()
                with torch.no_grad():
                    losses[e, p, v] = nn.functional.mse_loss(net(x[:, :k]), y).item()
            weights[p, :k, v] = net.weight.detach().numpy().ravel()
    return weights, losses


def test_batched_sgd_matches_the_books_loop_model_by_model() -> None:
    rng = np.random.default_rng(1)
    sets = []
    for n in (23, 7):  # different sizes: short last batches, and a set that runs out of batches early
        x = rng.standard_normal((n, 5)).astype(np.float32)
        sets.append((x, x @ np.array([1.0, -2.0, 0.5, 0, 0]) + 0.1 * rng.standard_normal(n), x[:3], np.zeros(3)))
    problems = stack_problems(sets)
    mask = (np.arange(5)[:, None] < np.array([1, 3, 5])[None, :]).astype(np.float32)[None]
    w0 = (rng.uniform(-0.5, 0.5, (2, 5, 3)) * mask).astype(np.float32)
    settings = SGDSettings(lr=0.05, batch_size=5, epochs=4)
    runs = train_many(problems, w0, settings, np.random.default_rng(7), feature_mask=mask)
    weights, losses = book_loop(problems, w0, mask, settings, seed=7)
    np.testing.assert_allclose(runs.weights, weights, atol=2e-6)
    np.testing.assert_allclose(runs.train_loss, losses, rtol=1e-5, atol=1e-7)
    assert np.all(runs.weights[:, 1:, 0] == 0) and np.all(runs.weights[:, 3:, 1] == 0)  # masks hold


def test_l1_is_a_soft_threshold_that_lands_on_zero() -> None:
    x = np.eye(3, dtype=np.float32)
    problems = stack_problems([(x, np.zeros(3), x, np.zeros(3))])
    w0 = np.array([[[0.5], [-0.05], [1.0]]], np.float32)
    settings = SGDSettings(lr=0.1, batch_size=3, epochs=1)
    runs = train_many(problems, w0, settings, np.random.default_rng(0), l1=np.array([1.0]))
    # one step: w - lr * 2/3 * w, then shrink |w| by lr * lambda = 0.1; -0.05 crosses zero and stays 0
    expected = np.sign(w0) * np.maximum(np.abs(w0 * (1 - 0.1 * 2 / 3)) - 0.1, 0)
    np.testing.assert_allclose(runs.weights, expected, atol=1e-7)
    assert runs.weights[0, 1, 0] == 0.0


# --- the polynomial experiment --------------------------------------------------------------------------


def test_poly_features_and_nested_data() -> None:
    np.testing.assert_allclose(exp.poly_features(np.array([2.0]), 5)[0], [1, 2, 2, 8 / 6, 16 / 24])
    small, big = exp.poly_data(exp.PolyConfig(n_train=50)), exp.poly_data(exp.PolyConfig(n_train=100))
    np.testing.assert_array_equal(small.x_train, big.x_train[:50])  # more data adds points
    np.testing.assert_array_equal(small.x_test, big.x_test)
    quiet = exp.poly_data(exp.PolyConfig(noise=0.0))
    np.testing.assert_allclose(quiet.y_train, exp.true_curve(quiet.x_train))
    w = exp.initial_weights(0)
    assert np.all(w[5:, 4] == 0) and np.all(np.abs(w[:5, 4]) <= 1 / math.sqrt(5))


def test_closed_form_solves_the_normal_equations() -> None:
    d = exp.poly_data(exp.PolyConfig())
    x, _ = d.features(4)
    x = x.astype(np.float64)
    np.testing.assert_allclose(exp.closed_form(x, d.y_train), np.linalg.solve(x.T @ x, x.T @ d.y_train), rtol=1e-8)


def test_degree_sweep_recovers_the_cubic_and_shows_both_failures() -> None:
    sweep = exp.degree_sweep(exp.PolyConfig())
    assert np.all(np.abs(sweep.weights[3, :4] - np.array(exp.TRUE_W)) < 0.3)
    np.testing.assert_allclose(sweep.weights[3, :4], sweep.exact[3, :4], atol=0.01)  # SGD reached least squares
    train, _ = sweep.final()
    assert train[1] > 10 * train[3]  # 2 features underfit
    assert abs(sweep.picked_by_validation - 4) <= 1 and not sweep.diverged  # the validation set, not the test set
    assert np.all(np.diff(sweep.exact_train_loss) <= 1e-9)  # nested least squares: more features, lower loss
    assert sweep.train_loss.shape == (400, exp.MAX_DEGREE)


def test_fold_indices() -> None:
    folds = exp.fold_indices(23, 5)
    assert sorted(len(f) for f in folds) == [4, 4, 5, 5, 5]
    np.testing.assert_array_equal(np.concatenate(folds), np.arange(23))
    assert all(len(f) == 1 for f in exp.fold_indices(10, 10))  # K = n: leave-one-out
    for bad in (1, 11):
        with pytest.raises(ValueError):
            exp.fold_indices(10, bad)


def book_losses(problems, w0, mask, config: exp.PolyConfig) -> tuple[np.ndarray, np.ndarray]:
    """Final train and test MSE of every (problem, variant) trained by the book's per-model loop on the
    minibatch orders the fitting experiments draw; each (P, V)."""
    weights, train = book_loop(problems, w0, mask, config.sgd, seed=(config.seed, exp._ORDER))
    pred = np.einsum("ptd,pdv->ptv", problems.test_x.astype(np.float64), weights.astype(np.float64))
    live = (np.arange(problems.test_y.shape[1])[None, :] < problems.n_test[:, None])[..., None]
    err = np.where(live, pred - problems.test_y[..., None], 0.0)
    return train[-1], (err**2).sum(axis=1) / problems.n_test[:, None]


def test_kfold_leave_one_out_and_size_sweep() -> None:
    config = exp.PolyConfig(n_train=10, epochs=20)
    kf = exp.kfold(exp.KFoldConfig(config, 10))
    assert kf.val_loss.shape == (10, exp.MAX_DEGREE) and kf.fold_sizes == (1,) * 10
    # Leave-one-out by hand: fold j trains on every point but j (the book's loop) and is scored on j.
    data = exp.poly_data(config)
    x, y = data.features()[0], data.y_train
    folds = stack_problems([(np.delete(x, j, 0), np.delete(y, j), x[j : j + 1], y[j : j + 1]) for j in range(10)])
    w0 = np.broadcast_to(exp.initial_weights(config.seed), (10, exp.MAX_DEGREE, exp.MAX_DEGREE))
    train, val = book_losses(folds, w0, exp.degree_masks()[None], config)
    np.testing.assert_allclose(kf.train_loss, train, rtol=1e-4, atol=1e-6)
    np.testing.assert_allclose(kf.val_loss, val, rtol=1e-4, atol=1e-6)
    np.testing.assert_allclose(kf.mean_val, val.mean(axis=0), rtol=1e-4, atol=1e-6)
    assert kf.picked_degree == int(np.argmin(val.mean(axis=0))) + 1
    # The size sweep: the 4-feature model on the first 10 and the first 40 points, the same way.
    four = exp.PolyConfig(features=4, epochs=20)
    sizes = exp.size_sweep(four, (10, 40))
    data = exp.poly_data(four, n_train=40)
    (x_train, x_test), y = data.features(4), data.y_train
    nested = stack_problems([(x_train[:n], y[:n], x_test, data.y_test) for n in (10, 40)])
    w0 = np.broadcast_to(exp.initial_weights(four.seed)[:4, 3:4], (2, 4, 1))
    train, test = book_losses(nested, w0, np.ones((1, 4, 1), np.float32), four)
    np.testing.assert_allclose(sizes.train_loss, train[:, 0], rtol=1e-4, atol=1e-6)
    np.testing.assert_allclose(sizes.test_loss, test[:, 0], rtol=1e-4, atol=1e-6)


@pytest.mark.parametrize(
    "changes", [{"features": 0}, {"features": 21}, {"n_train": 0}, {"noise": float("nan")}, {"epochs": 0}]
)
def test_bad_configs_are_refused(changes: dict) -> None:
    with pytest.raises(ValueError):
        exp.PolyConfig(**changes)


def test_reproduce_rows_are_registered_with_the_issue_ids() -> None:
    ids = {c.id for c in all_checks()}
    wanted = {"poly_normal_weights", "poly_underfit", "poly_overfit", "degree_sweep", "kfold", "d200_overfit"}
    assert {f"fitting.{name}" for name in wanted} <= ids


def test_settings_build_the_experiments_and_presets_come_from_the_declarations() -> None:
    s = exp.FitSettings(features=9, n_train=50, noise=0.3, epochs=60, k_folds=7, seed=2)
    assert s.poly() == exp.PolyConfig(9, 50, 0.3, 60, 2)
    assert s.degrees() == exp.PolyConfig(4, 50, 0.3, 60, 2)  # one sweep serves every k
    assert s.sizes() == exp.PolyConfig(9, 100, 0.3, 60, 2)  # the size sweep sets n itself
    assert s.kfold() == exp.KFoldConfig(s.degrees(), 7) and s.d200().seed == 2
    assert exp.FitSettings(n_train=10, k_folds=10).kfold_fits() and not exp.FitSettings(n_train=4).kfold_fits()
    book = exp.FitSettings()
    assert exp.preset("normal") == {"features": 4, "n_train": 100, "noise": 0.1, "epochs": 400}
    assert exp.preset("overfit") == {"features": 20, "n_train": 10, "noise": book.noise, "epochs": 1500}
    assert exp.preset("underfit")["features"] == 2
    assert [exp.expected(k) for k in (1, 3, 4, 5, 20)] == ["under", "under", "right", "over", "over"]
    assert s.spread() == exp.SpreadConfig(s.degrees(), exp.SPREAD_SEEDS)


# --- the page --------------------------------------------------------------------------------------------


def open_page(lang: str = "en", tab: str | None = None, **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["lang"] = lang
    for k, v in params.items():
        at.query_params[k] = v
    at.run()  # st.navigation must run once before a page with its own url_path can be opened
    at.switch_page("pages/fitting.py")
    if tab is not None:
        at.session_state["fit_tab"] = tab
    at.run()
    return at


def computed_since(before: int) -> list:
    from mlp_lab.ui.runner import result_store

    store = result_store()
    return store.computed[len(store.computed) - (store.computations - before) :] if store.computations > before else []


def frame_with(at: AppTest, column: str):
    """The first dataframe on the page with this column (charts' data tables come first)."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def test_page_defaults_and_feature_change_is_a_lookup() -> None:
    from mlp_lab.ui.runner import result_store

    at = open_page()
    assert not at.exception and not at.error
    assert at.title[0].value.startswith("3.4")
    assert (at.slider(key="fit_features").value, at.slider(key="fit_n").value) == (4, 100)
    # curves, fitted polynomial, validation, capacity tab; the exercises' findings show once their runs are stored
    in_exercises = sum(len(e.get("vega_lite_chart")) for e in at.expander if e.label.startswith("📘"))
    assert len(at.get("vega_lite_chart")) - in_exercises == 4
    assert len(at.tabs) == 4
    weights = frame_with(at, "true w")  # true / SGD / least squares, feature by feature
    assert list(weights.iloc[:, 1]) == [5.0, 1.2, -3.4, 5.6]
    assert abs(weights.iloc[3, 2] - 5.6) < 0.3 and abs(weights.iloc[3, 3] - 5.6) < 0.3
    book = at.dataframe[-1].value  # book_box("fitting"): the rows, what each source says from the catalogue
    assert len(book) == 8 and "5, 1.2, -3.4, 5.6" in book.iloc[0, 3]
    before = result_store().computations
    at.slider(key="fit_features").set_value(20).run()
    assert not at.exception and result_store().computations == before  # all 20 k were trained together
    assert any("k = 20 features are more than the cubic needs" in i.value for i in at.info)  # seed 0: no gap
    assert len(frame_with(at, "true w")) == 20


def test_a_control_changes_what_the_page_computes() -> None:
    from mlp_lab.store import key_of
    from mlp_lab.ui.runner import result_store

    store = result_store()
    before = store.computations
    at = open_page(fit_noise="0.3")  # from the address bar
    assert not at.exception
    assert key_of(exp.degree_sweep, exp.FitSettings(noise=0.3).degrees()) in computed_since(before)
    assert any("σ² = 0.09" in m.value for m in at.markdown)
    before = store.computations
    at.slider(key="fit_epochs").set_value(50).run()  # from the widget
    assert not at.exception
    changed = exp.FitSettings(noise=0.3, epochs=50)
    assert set(computed_since(before)) == {key_of(exp.degree_sweep, changed.degrees()),
                                           key_of(exp.degree_spread, changed.spread())}  # fmt: skip
    assert any("(50 epochs each)" in c.value for c in at.caption)


def test_presets_set_the_books_cases() -> None:
    at = open_page(fit_features="9", fit_n="300", fit_noise="0.5")
    next(b for b in at.button if "20 features" in b.label).click().run()
    assert not at.exception
    assert (at.slider(key="fit_features").value, at.slider(key="fit_epochs").value) == (20, 1500)
    assert (at.slider(key="fit_n").value, at.slider(key="fit_noise").value) == (10, 0.1)  # 10, not the book's 100
    assert at.info[0].value.startswith("**Overfitting.** With k = 20 features")
    next(b for b in at.button if "2 features" in b.label).click().run()
    assert (at.slider(key="fit_features").value, at.slider(key="fit_epochs").value) == (2, 400)
    assert at.slider(key="fit_n").value == 100
    assert at.info[0].value.startswith("**Underfitting.** With k = 2 features")


def test_url_round_trip_one_feature_and_zh() -> None:
    at = open_page("zh", fit_features="1", fit_n="50", fit_noise="0.2", fit_epochs="60")
    assert not at.exception and not at.error
    values = [at.slider(key=k).value for k in ("fit_features", "fit_n", "fit_noise", "fit_epochs")]
    assert values == [1, 50, 0.2, 60]
    assert at.query_params["fit_features"] == "1" and at.query_params["fit_n"] == "50"
    assert "欠拟合" in at.title[0].value


@pytest.mark.parametrize(
    "params",
    [
        {"fit_features": "abc", "fit_n": "5000", "fit_noise": "-1", "fit_epochs": "nan"},
        {"fit_features": "0", "fit_n": "7", "fit_k": "99", "fit_d200_n": "3"},
        {"fit_features": "<script>", "fit_noise": "1e9", "fit_epochs": "-400"},
    ],
)
def test_bad_url_values_fall_back_to_defaults(params: dict) -> None:
    at = open_page(**params)
    assert not at.exception and not at.error
    assert at.slider(key="fit_features").value == 4 and at.slider(key="fit_n").value == 100


def test_size_and_d200_tabs() -> None:
    at = open_page(tab="Training-set size", fit_epochs="20")
    assert not at.exception and not at.error
    assert any("sizes trained together" in c.value for c in at.caption)
    at.session_state["fit_tab"] = "d = 200, few examples"
    at.run()
    assert not at.exception and not at.error
    assert at.select_slider(key="fit_d200_n").value == 20
    at.select_slider(key="fit_d200_n").set_value(1000).run()
    assert not at.exception and any("n = 1000" in c.value for c in at.caption)


def test_closed_tabs_compute_nothing() -> None:
    from mlp_lab.store import key_of
    from mlp_lab.ui.runner import result_store

    store = result_store()
    before = store.computations
    at = open_page(fit_epochs="70", fit_k="3")  # the capacity tab is open: its sweep is the main one
    assert not at.exception
    main = exp.FitSettings(epochs=70)
    assert set(computed_since(before)) == {key_of(exp.degree_sweep, main.degrees()),
                                           key_of(exp.degree_spread, main.spread())}  # fmt: skip


def test_kfold_tab_with_k_equal_to_n() -> None:
    at = open_page(tab="K-fold cross-validation", fit_n="10", fit_k="10", fit_epochs="30")
    assert not at.exception and not at.error
    assert at.slider(key="fit_k").value == 10
    assert any("K-fold picks" in m.value for m in at.markdown)
    assert any("Folds of 1 examples" in c.value for c in at.caption)
    at.slider(key="fit_k").set_value(2).run()
    assert not at.exception and any("Folds of 5 examples" in c.value for c in at.caption)


def test_warm_visit_leaves_nothing_for_the_page_to_compute() -> None:
    """After ``python -m mlp_lab warm``'s visit, the page at its defaults, every tab and the book box
    included, computes nothing."""
    from mlp_lab.ui.pages import TOPICS
    from mlp_lab.ui.runner import result_store
    from mlp_lab.ui.warm import problems, visit

    assert not problems(visit(next(s for s in TOPICS if s.path == "pages/fitting.py")))
    store = result_store()
    before = store.computations
    at = open_page()
    for tab in ("Training-set size", "K-fold cross-validation", "d = 200, few examples"):
        at.session_state["fit_tab"] = tab
        at.run()
        assert not at.exception and not at.error
    assert store.computations == before
    assert_book_rows_shown(at, "fitting")


def assert_book_rows_shown(at: AppTest, topic: str) -> None:
    """The page's book box shows the rows ``warm`` stored: each row's value and verdict, and every
    row reproduces the book."""
    from mlp_lab.reproduce import for_topic, row
    from mlp_lab.store import key_of
    from mlp_lab.ui.i18n import lookup
    from mlp_lab.ui.runner import result_store

    rows = [result_store().get(key_of(row, check.id)) for check in for_topic(topic)]
    assert None not in rows  # every row ran at warm
    table = at.dataframe[-1].value
    shown = [lookup("book.claim_share", "en").format(share=r.ours, n=r.seeds) if r.kind == "claim" else str(r.ours)
             for r in rows]  # fmt: skip
    assert list(table.iloc[:, 4]) == shown
    assert list(table.iloc[:, -1]) == ["✅" if r.ok else "❌" for r in rows]
    assert all(r.ok for r in rows), [r for r in rows if not r.ok]
