"""3.4 model selection, under- and overfitting: predict which of the book's three models overfits,
what K-fold cross-validation picks and how far apart the d = 200 model's test and training losses
are; then tame a 20-feature polynomial with data and epochs until it reaches the noise floor.

Every answer reads a computation the page already shows at its current settings: the degree sweep
(all 20 models at once), the K-fold run of the K-fold tab, the d = 200 size sweep of its tab.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from mlp_lab.experiments import fitting as exp
from mlp_lab.experiments.weight_decay import D200Sweep, d200_size_sweep
from mlp_lab.learn import Answer, Check, Finding, Verdict, challenge, exercise, prediction
from mlp_lab.store import cached

# --- which of the book's three models overfits? -----------------------------------------------------
BOOK_MODELS = ("2", "4", "20")  # the book's underfit, normal and overfit models (3.4.4), as choices


def _degrees(s: exp.FitSettings) -> tuple:
    return exp.degree_sweep, s.degrees()  # the page's main sweep: the same cache key


def gaps(sweep: exp.DegreeSweep) -> dict[str, float]:
    """Test loss / training loss after the last epoch, for each of the book's three models."""
    train, test = sweep.final()
    return {k: float(test[int(k) - 1] / max(float(train[int(k) - 1]), 1e-30)) for k in BOOK_MODELS}


def _which_overfits(sweep: exp.DegreeSweep, s: exp.FitSettings) -> Answer:
    ratio = gaps(sweep)
    finite = {k: v for k, v in ratio.items() if math.isfinite(v)}
    worst = max(finite, key=finite.get) if finite else "20"
    train, test = sweep.final()
    i = int(worst) - 1
    numbers = {"k": int(worst), "ratio": ratio[worst], "train": float(train[i]), "test": float(test[i]),
               "n": s.n_train, "gap": exp.GAP}  # fmt: skip
    return Answer(
        worst, numbers, why="why_none" if ratio[worst] < exp.GAP else "why_over" if worst == "20" else "why_other",
        x=tuple(int(k) for k in finite), y=tuple(finite.values()),
        x_title="learn.fit.axis.model", y_title="learn.fit.axis.gap", log_y=True,
    )  # fmt: skip


prediction(
    "fit.which_overfits", section="3.4", plan=_degrees, answer=_which_overfits, choices=BOOK_MODELS,
    ask=lambda s: {"n": s.n_train, "noise": s.noise, "epochs": s.epochs}, label="fit.training",
)  # fmt: skip

# --- what does K-fold cross-validation pick? ---------------------------------------------------------
PICKS = ("too_few", "exact", "close", "many")  # exp.pick_case's words: k < 4, k = 4, 5..CLOSE, more


def _kfold(s: exp.FitSettings) -> tuple:
    return exp.kfold, s.kfold()  # the K-fold tab's run


def _kfold_pick(kf: exp.KFold, s: exp.FitSettings) -> Answer:
    k = kf.picked_degree
    mean = np.where(np.isfinite(kf.mean_val), kf.mean_val, np.inf)
    ks = [j for j in range(1, exp.MAX_DEGREE + 1) if math.isfinite(mean[j - 1])]
    case = exp.pick_case(k)
    numbers = {"k": k, "K": s.k_folds, "n": s.n_train, "fold": s.n_train // s.k_folds, "val": float(mean[k - 1]),
               "val4": float(mean[3])}  # fmt: skip
    return Answer(
        case, numbers, why="why_many" if case == "many" else "why",
        x=tuple(ks), y=tuple(float(mean[j - 1]) for j in ks),
        x_title="learn.fit.axis.pick", y_title="learn.fit.axis.cv_loss", log_y=True,
    )  # fmt: skip


prediction(
    "fit.kfold_pick", section="3.4", plan=_kfold, answer=_kfold_pick, choices=PICKS,
    ask=lambda s: {"K": s.k_folds, "n": s.n_train, "epochs": s.epochs}, label="fit.training",
)  # fmt: skip

# --- the d = 200 model: how far apart are test and training loss? ------------------------------------
D200_PARAMS = exp.D200_PARAMS  # 200 weights and a bias


def _d200(s: exp.FitSettings) -> tuple:
    return d200_size_sweep, s.d200()  # the d = 200 tab's sweep


def log_gaps(sweep: D200Sweep) -> list[float]:
    """log10(test loss / training loss) after the last epoch, per training-set size."""
    train, test = sweep.train_loss[-1], sweep.test_loss[-1]
    return [math.log10(max(float(te), 1e-30) / max(float(tr), 1e-30)) for tr, te in zip(train, test, strict=True)]


def _d200_gap(sweep: D200Sweep, s: exp.FitSettings) -> Answer:
    i = sweep.sizes.index(s.d200_n)
    logs = log_gaps(sweep)
    train, test = float(sweep.train_loss[-1, i]), float(sweep.test_loss[-1, i])
    numbers = {"n": s.d200_n, "train": train, "test": test, "ratio": 10 ** logs[i], "log": logs[i],
               "params": D200_PARAMS}  # fmt: skip
    return Answer(
        logs[i], numbers, why="why_few" if s.d200_n < D200_PARAMS else "why_many",
        x=sweep.sizes, y=tuple(logs), x_title="learn.fit.axis.n", y_title="learn.fit.axis.log_gap", at=s.d200_n,
    )  # fmt: skip


prediction(
    "fit.d200_gap", section="3.4", plan=_d200, answer=_d200_gap, lo=0.0, hi=12.0, step=0.5, start=1.0, digits=1,
    tol=1.0, ask=lambda s: {"n": s.d200_n, "params": D200_PARAMS}, label="fit.training",
)  # fmt: skip

# --- challenge: a big model at the noise floor -------------------------------------------------------
MIN_FEATURES = 12  # "a model far bigger than the cubic"
WITHIN = 0.25  # test loss at most 25 % above sigma^2 (the 100-example test set alone scatters ~15 %)
BOOK_NOISE = exp.FitSettings.noise  # the floor must stay the book's: more noise would hide the excess


def _check_floor(sweep: exp.DegreeSweep, s: exp.FitSettings) -> Verdict:
    k = s.features
    test = float(sweep.final()[1][k - 1])
    floor = s.noise**2
    above = test / floor - 1 if floor > 0 and math.isfinite(test) else math.inf
    numbers: dict[str, Any] = {"k": k, "test": test, "floor": floor, "above": above, "within": WITHIN,
                               "min_k": MIN_FEATURES, "noise": BOOK_NOISE, "n": s.n_train,
                               "epochs": s.epochs}  # fmt: skip
    if k < MIN_FEATURES:
        return Verdict(False, numbers, "features")
    if s.noise != BOOK_NOISE:
        return Verdict(False, numbers, "noise")
    return Verdict(above <= WITHIN, numbers)


challenge(
    "fit.big_at_floor", section="3.4", plan=_degrees, check=_check_floor,
    ask=lambda s: {"min_k": MIN_FEATURES, "within": WITHIN, "noise": BOOK_NOISE, "floor": BOOK_NOISE**2},
    label="fit.training",
)  # fmt: skip


# --- the book's exercises ------------------------------------------------------------------------
# 3.4.1: the regression is linear in w, so least squares solves it in closed form (normal equations).
def _normal_equations_data(s: exp.FitSettings) -> tuple[np.ndarray, np.ndarray]:
    """The page's training set, its first k features (float64, as the least-squares column uses)."""
    data = exp.poly_data(s.poly())
    return exp.poly_features(data.x_train, s.features), data.y_train


def _zero_gradient(s: exp.FitSettings) -> tuple[float, dict]:
    """The gradient of the training loss at the normal equations' solution, as a share of its size at w = 0."""
    x, y = _normal_equations_data(s)
    w = exp.normal_equations(x, y)
    at_w, at_0 = np.abs(exp.mse_gradient(x, y, w)).max(), np.abs(exp.mse_gradient(x, y, np.zeros(x.shape[1]))).max()
    return float(at_w / at_0), {"k": s.features, "n": s.n_train, "grad": float(at_w), "grad0": float(at_0),
                                "cond": float(np.linalg.cond(x.T @ x))}  # fmt: skip


def _matches_lstsq(s: exp.FitSettings) -> tuple[float, dict]:
    """Training loss of the normal equations' w against numpy's least squares (and SGD's, from the
    page's sweep), the gap as a share of the loss of w = 0."""
    x, y = _normal_equations_data(s)
    w, ls = exp.normal_equations(x, y), exp.closed_form(x, y)
    loss = lambda v: float(((x @ v - y) ** 2).mean())  # noqa: E731
    sweep = cached(exp.degree_sweep, s.degrees())
    ne, lq, zero = loss(w), loss(ls), float((y**2).mean())
    return abs(ne - lq) / zero, {"k": s.features, "n": s.n_train, "ne": ne, "ls": lq,
                                 "sgd": float(sweep.final()[0][s.features - 1]), "epochs": s.epochs}  # fmt: skip


exercise("3.4.1", checks=(Check("gradient", _zero_gradient, tol=1e-8), Check("lstsq", _matches_lstsq, tol=1e-5)))


# 3.4.2: losses against the degree (the page's sweep) and against the amount of data (its size sweep).
@dataclass
class CapacityAndSize:
    degrees: exp.DegreeSweep
    sizes: exp.SizeSweep


def capacity_and_size(config: exp.PolyConfig, progress: Any = None) -> CapacityAndSize:
    """The page's degree sweep and its size sweep for ``config.features`` (the same cache entries)."""
    return CapacityAndSize(
        cached(exp.degree_sweep, replace(config, features=exp.PolyConfig.features)),
        cached(exp.size_sweep, replace(config, n_train=exp.PolyConfig.n_train)),
    )


ZERO = 1e-12  # "training loss zero": below this share of the loss of the all-zero model


def _capacity_plan(s: exp.FitSettings) -> tuple:
    return capacity_and_size, s.poly()


def _read_capacity(r: CapacityAndSize, s: exp.FitSettings) -> Finding:
    sweep, sizes = r.degrees, r.sizes
    train, test = (np.where(np.isfinite(v), v, np.nan) for v in sweep.final())
    ks = tuple(range(1, exp.MAX_DEGREE + 1))
    scale = float((sweep.data.y_train**2).mean())
    zero = [k for k in ks if sweep.exact_train_loss[k - 1] <= ZERO * scale]
    best = int(np.nanargmin(test)) + 1 if np.isfinite(test).any() else 1
    g0, g1 = (float(sizes.test_loss[i] / max(float(sizes.train_loss[i]), 1e-30)) for i in (0, -1))
    numbers = {"n": s.n_train, "best": best, "test_best": float(test[best - 1]), "train20": float(train[-1]),
               "ls20": float(sweep.exact_train_loss[-1]), "zero_k": zero[0] if zero else 0, "k": s.features,
               "n0": sizes.sizes[0], "n1": sizes.sizes[-1], "g0": g0, "g1": g1,
               "test_n0": float(sizes.test_loss[0]), "test_n1": float(sizes.test_loss[-1]),
               "floor": s.noise**2, "epochs": s.epochs}  # fmt: skip
    series = {"train": tuple(map(float, train)), "test": tuple(map(float, test)),
              "ls_train": tuple(float(max(v, 1e-30)) for v in sweep.exact_train_loss)}  # fmt: skip
    return Finding(numbers, says="finding_zero" if zero else "finding", x=ks, series=series,
                   x_title="learn.fit.axis.pick", y_title="metric.loss", log_y=True)  # fmt: skip


exercise("3.4.2", plan=_capacity_plan, read=_read_capacity, controls=("fit_n", "fit_features", "fit_epochs"),
         label="fit.training")  # fmt: skip


# 3.4.3: without the 1/i! the features x^i blow up; standardising them is another fix.
def _scaling_plan(s: exp.ScalingSettings) -> tuple:
    return exp.scaling_sweep, s.config()


def _read_scaling(r: exp.ScalingSweep, s: exp.ScalingSettings) -> Finding:
    k = s.features
    trains = r.trains()
    last_ok = int(np.flatnonzero(trains)[-1]) + 1 if trains.any() else 0
    first_bad = int(np.flatnonzero(~trains)[0]) + 1 if (~trains).any() else 0
    numbers = {"scaling": s.scaling, "k": k, "train": float(r.train_loss[k - 1]), "test": float(r.test_loss[k - 1]),
               "big": float(r.largest[k - 1]), "trained": int(trains.sum()), "first_bad": first_bad,
               "last_ok": last_ok, "epochs": s.epochs}  # fmt: skip
    says = "finding_diverged" if not trains[k - 1] else "finding"
    series = {"train": tuple(map(float, r.train_loss)), "test": tuple(map(float, r.test_loss))}
    return Finding(numbers, says=says, x=tuple(range(1, exp.MAX_DEGREE + 1)), series=series,
                   x_title="learn.fit.axis.pick", y_title="metric.loss", log_y=True)  # fmt: skip


exercise("3.4.3", plan=_scaling_plan, read=_read_scaling, controls=("x34_scaling", "x34_k", "x34_epochs"),
         settings=exp.ScalingSettings, layout=(["scaling", "features", "epochs"],), label="fit.training")  # fmt: skip


# 3.4.4: the noise sets a floor no model can go below.
@dataclass
class FloorEvidence:
    sweep: exp.DegreeSweep
    floor: float  # the true cubic's own loss on the test set


def generalisation_floor(config: exp.PolyConfig, progress: Any = None) -> FloorEvidence:
    """The page's degree sweep, and the test loss of the function that generated the data."""
    return FloorEvidence(cached(exp.degree_sweep, config), exp.noise_floor(config))


def _floor_plan(s: exp.FitSettings) -> tuple:
    return generalisation_floor, s.degrees()


def _read_floor(r: FloorEvidence, s: exp.FitSettings) -> Finding:
    sweep = r.sweep
    train, test = (np.where(np.isfinite(v), v, np.nan) for v in sweep.final())
    ls_test = np.asarray(sweep.exact_test_loss, np.float64)
    best = int(np.nanargmin(ls_test)) + 1
    k = s.features
    numbers = {"noise": s.noise, "var": s.noise**2, "floor": r.floor, "best": best, "ls_best": float(ls_test[best - 1]),
               "k": k, "train": float(train[k - 1]), "test": float(test[k - 1]),
               "above": float(ls_test[best - 1] / r.floor - 1) if r.floor > 0 else math.inf}  # fmt: skip
    ks = tuple(range(1, exp.MAX_DEGREE + 1))
    series = {"test": tuple(map(float, test)), "ls_test": tuple(float(max(v, 1e-30)) for v in ls_test),
              "floor": tuple(max(r.floor, 1e-30) for _ in ks)}  # fmt: skip
    return Finding(numbers, says="finding" if s.noise > 0 else "finding_clean", x=ks, series=series,
                   x_title="learn.fit.axis.pick", y_title="metric.test_loss", log_y=True)  # fmt: skip


exercise("3.4.4", plan=_floor_plan, read=_read_floor, controls=("fit_noise", "fit_n"), label="fit.training")
