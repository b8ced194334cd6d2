"""3.4 model selection, under- and overfitting: predict which of the book's three models overfits,
what K-fold cross-validation picks and how far apart the d = 200 model's test and training losses
are; then tame a 20-feature polynomial with data and epochs until it reaches the noise floor.

Every answer reads a computation the page already shows at its current settings: the degree sweep
(all 20 models at once), the K-fold run of the K-fold tab, the d = 200 size sweep of its tab.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from mlp_lab.experiments import fitting as exp
from mlp_lab.experiments.weight_decay import D200Sweep, d200_size_sweep
from mlp_lab.learn import Answer, Verdict, challenge, prediction

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
