"""3.2 and 3.3: predictions and challenges of the MLP page, read from the page's own trainings.

3.2 (from scratch): the last epoch's test accuracy, and which class the network gets wrong most.
3.3 (concise): how far the concise model lands from the one written from scratch (the same network,
so hardly at all), and what a deeper concise network with the book's tiny N(0, 0.01²) weights has
learned after one epoch. Every answer reads ``train``'s result for the page's current settings,
the very (function, config) the page's training panel caches, so a reveal after the page trained
costs nothing.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np

from mlp_lab.data import class_names
from mlp_lab.experiments import mlp as exp
from mlp_lab.learn import Answer, Verdict, Words, challenge, prediction
from mlp_lab.training import History, TrainConfig, TrainResult, train, trained_histories

CHANCE = 10.0  # %: ten classes
LABEL = "learn.mlp.training"


def config_of(s: exp.MLPSettings, model: str) -> TrainConfig:
    """The config the page's panel trains for ``model`` at settings ``s`` (the same cache key)."""
    return replace(s, model=model).train_configs()[0]


def _scratch(s: exp.MLPSettings) -> tuple:
    return train, config_of(s, "scratch")


def _concise(s: exp.MLPSettings) -> tuple:
    return train, config_of(s, "concise")


def _ask(s: exp.MLPSettings) -> dict[str, Any]:
    return {"hidden": s.hidden, "layers": s.layers, "activation": s.activation, "init": s.init, "lr": s.lr,
            "batch": s.batch_size, "epochs": s.epochs, "seed": s.seed}  # fmt: skip


def _curve(values: list[float]) -> tuple[tuple, tuple]:
    return tuple(range(1, len(values) + 1)), tuple(100 * float(v) for v in values)


# --- 3.2: the last epoch's test accuracy --------------------------------------------------------------
def _scratch_acc(result: TrainResult, s: exp.MLPSettings) -> Answer:
    h = result.history
    if not len(h):  # diverged in epoch 1: nothing learned, the network answers at chance
        return Answer(CHANCE, {"epoch": result.diverged_epoch or 1, "lr": s.lr}, why="why_diverged")
    x, y = _curve(h.test_acc)
    numbers = {"acc": y[-1], "first": y[0], "best": max(y), "best_epoch": int(np.argmax(y)) + 1,
               "gain": y[-1] - y[0], "epochs": len(y), "lr": s.lr, "epoch": result.diverged_epoch}  # fmt: skip
    if result.diverged:
        why = "why_diverged"
    elif len(y) == 1:
        why = "why_one"
    elif numbers["best_epoch"] < len(y) and max(y) - y[-1] >= 0.5:
        why = "why_dip"  # the last epoch is not the best: test accuracy wobbles from epoch to epoch
    else:
        why = "why"
    return Answer(y[-1], numbers, why=why, x=x, y=y, x_title="chart.epoch", y_title="learn.mlp.test_acc_pct")


prediction(
    "mlp.scratch_acc", section="3.2", plan=_scratch, answer=_scratch_acc, lo=0.0, hi=100.0, step=0.5, start=50.0,
    unit="%", digits=1, tol=2.0, ask=_ask, label=LABEL,
)  # fmt: skip

# --- 3.2: the hardest class ---------------------------------------------------------------------------
CLASSES = ("tshirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag", "boot")


def _names(i: int) -> Words:
    return Words({lang: class_names(lang)[i] for lang in ("en", "zh")})


def _hardest(result: TrainResult, s: exp.MLPSettings) -> Answer:
    matrix = exp.confusion(result.test_pred, exp.fmnist_test_labels())
    report = exp.class_report(matrix)
    acc = exp.per_class_accuracy(matrix)
    hard, confused, easy = _names(report.hardest), _names(report.confused_with), _names(report.easiest)
    numbers = {"acc": report.hardest_acc, "count": report.confused_count, "total": int(matrix[report.hardest].sum()),
               "easy_acc": report.easiest_acc, "overall": report.accuracy,
               "hard": hard, "confused": confused, "easy": easy}  # fmt: skip
    return Answer(
        CLASSES[report.hardest], numbers, why="why_tops" if exp.tops_are_hardest(report) else "why",
        x=CLASSES, y=tuple(100 * float(a) for a in acc), x_title="mlp.class", y_title="learn.mlp.class_acc_pct",
    )  # fmt: skip


prediction(
    "mlp.hardest", section="3.2", plan=_scratch, answer=_hardest, choices=CLASSES, ask=_ask, label=LABEL,
)  # fmt: skip

# --- 3.3: concise against from scratch ----------------------------------------------------------------


def _pair(s: exp.MLPSettings) -> tuple:
    return trained_histories, (config_of(s, "scratch"), config_of(s, "concise"))


def _gap(histories: tuple[History, ...], s: exp.MLPSettings) -> Answer:
    scratch, concise = histories
    n = min(len(scratch), len(concise))
    if not n:
        return Answer(0.0, {"lr": s.lr}, why="why_diverged")
    gaps = tuple(100 * abs(a - b) for a, b in zip(scratch.test_acc[:n], concise.test_acc[:n], strict=True))
    numbers = {"gap": gaps[-1], "scratch": scratch.test_acc[n - 1], "concise": concise.test_acc[n - 1],
               "max_gap": max(gaps), "epochs": n}  # fmt: skip
    return Answer(
        gaps[-1], numbers, x=tuple(range(1, n + 1)), y=gaps, x_title="chart.epoch", y_title="learn.mlp.gap_points"
    )


prediction(
    "mlp.concise_gap", section="3.3", plan=_pair, answer=_gap, lo=0.0, hi=10.0, step=0.1, start=5.0, unit="",
    digits=2, tol=0.5, ask=_ask, label=LABEL,
)  # fmt: skip

# --- 3.3: the concise network after one epoch -----------------------------------------------------------
STUCK = 20.0  # %: a first epoch below this learned next to nothing (chance is 10 %)


def _first_epoch(result: TrainResult, s: exp.MLPSettings) -> Answer:
    h = result.history
    if not len(h):
        return Answer(CHANCE, {"epoch": result.diverged_epoch or 1, "lr": s.lr}, why="why_diverged")
    x, y = _curve(h.test_acc)
    numbers = {"first": y[0], "last": y[-1], "epochs": len(y), "layers": s.layers, "init": s.init}
    why = "why_stuck" if y[0] < STUCK else "why"
    return Answer(y[0], numbers, why=why, x=x, y=y, x_title="chart.epoch", y_title="learn.mlp.test_acc_pct", at=1)


prediction(
    "mlp.concise_first", section="3.3", plan=_concise, answer=_first_epoch, lo=0.0, hi=100.0, step=0.5, start=50.0,
    unit="%", digits=1, tol=3.0, ask=_ask, label=LABEL,
)  # fmt: skip

# --- 3.2 challenge: 85 % from scratch in at most 5 epochs -----------------------------------------------
FAST_ACC, FAST_EPOCHS = 0.85, 5


def _check_fast(result: TrainResult, s: exp.MLPSettings) -> Verdict:
    h = result.history
    acc = h.test_acc[-1] if len(h) else CHANCE / 100
    numbers = {"acc": acc, "goal": FAST_ACC, "short": 100 * (FAST_ACC - acc), "epochs": s.epochs,
               "most": FAST_EPOCHS}  # fmt: skip
    if s.model == "concise":
        return Verdict(False, numbers, "scratch")
    if s.epochs > FAST_EPOCHS:
        return Verdict(False, numbers, "epochs")
    if result.diverged or acc < FAST_ACC:
        return Verdict(False, numbers, "diverged" if result.diverged else "off")
    return Verdict(True, numbers)


challenge(
    "mlp.fast85", section="3.2", plan=_scratch, check=_check_fast,
    ask=lambda s: {"goal": FAST_ACC, "most": FAST_EPOCHS}, label=LABEL,
)  # fmt: skip

# --- 3.3 challenge: a deep concise network that learns fast ---------------------------------------------
DEEP_LAYERS, DEEP_ACC, DEEP_EPOCHS = 3, 0.80, 2


def _check_deep(result: TrainResult, s: exp.MLPSettings) -> Verdict:
    h = result.history
    acc = h.test_acc[-1] if len(h) else CHANCE / 100
    numbers = {"acc": acc, "goal": DEEP_ACC, "short": 100 * (DEEP_ACC - acc), "epochs": s.epochs,
               "most": DEEP_EPOCHS, "layers": s.layers, "least": DEEP_LAYERS}  # fmt: skip
    if s.model == "scratch":
        return Verdict(False, numbers, "concise")
    if s.layers < DEEP_LAYERS:
        return Verdict(False, numbers, "layers")
    if s.epochs > DEEP_EPOCHS:
        return Verdict(False, numbers, "epochs")
    if result.diverged or acc < DEEP_ACC:
        return Verdict(False, numbers, "diverged" if result.diverged else "off")
    return Verdict(True, numbers)


challenge(
    "mlp.deep", section="3.3", plan=_concise, check=_check_deep,
    ask=lambda s: {"goal": DEEP_ACC, "most": DEEP_EPOCHS, "least": DEEP_LAYERS}, label=LABEL,
)  # fmt: skip
