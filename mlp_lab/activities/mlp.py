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
from mlp_lab.learn import Answer, Finding, Verdict, Words, challenge, exercise, prediction
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

# --- 3.2: sketch the test accuracy epoch by epoch -----------------------------------------------------
SKETCH_MOST = 10  # at most this many points to place (longer runs: spread over the epochs)


def _epoch_knots(s: exp.MLPSettings) -> tuple[float, ...]:
    if s.epochs <= SKETCH_MOST:
        return tuple(float(e) for e in range(1, s.epochs + 1))
    return tuple(float(e) for e in sorted({round(float(v)) for v in np.linspace(1, s.epochs, SKETCH_MOST)}))


def _acc_curve(result: TrainResult, s: exp.MLPSettings) -> Answer:
    h = result.history
    if not len(h):  # diverged in epoch 1: no curve to compare with
        return Answer(CHANCE, {"epoch": result.diverged_epoch or 1, "lr": s.lr}, why="why_diverged")
    x, y = _curve(h.test_acc)
    steps = np.diff((CHANCE, *y))  # what each epoch added; epoch 1 starts from chance
    numbers = {"first": y[0], "last": y[-1], "rest": y[-1] - y[0], "epochs": len(y), "share": 100 * steps[0] / max(
        y[-1] - CHANCE, 1e-9), "lr": s.lr, "epoch": result.diverged_epoch}  # fmt: skip
    why = "why_diverged" if result.diverged else "why_one" if len(y) == 1 else "why"
    return Answer(y[-1], numbers, why=why, x=x, y=y, x_title="chart.epoch", y_title="learn.mlp.test_acc_pct")


prediction(
    "mlp.acc_sketch", section="3.2", plan=_scratch, answer=_acc_curve, knots=_epoch_knots, lo=0.0, hi=100.0,
    step=1.0, start=50.0, unit="%", digits=1, tol=4.0, x_title="chart.epoch", y_title="learn.mlp.test_acc_pct",
    ask=_ask, label=LABEL,
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


# --- the book's exercises (3.2.1-3.2.6, 3.3.1-3.3.3) ----------------------------------------------------
# Each explore task is a small sweep of its own settings (experiments.mlp): every point one training
# through the shared store, so a point another task or the page trained is read, not retrained.
# Every sentence is picked from the run: which value won, by how much, which got stuck near chance.
EX_LABEL = "ex.mlp.training"
FLAT = 1.0  # points: a sweep whose best and worst lie closer than this says the knob hardly mattered


def _sweep_plan(s: Any) -> tuple:
    return exp.sweep, s.plan()


def _pct(points: tuple[exp.Point, ...]) -> tuple[float, ...]:
    return tuple(100 * p.test_acc for p in points)


def _stuck(values: tuple, accs: tuple[float, ...]) -> str:
    """The values whose run ended near chance (below ``STUCK``), as text ("3, 4")."""
    return ", ".join(_show(v) for v, a in zip(values, accs, strict=True) if a < STUCK)


def _show(v: Any) -> str:
    return f"{v:g}" if isinstance(v, float) else str(v)


def _one_knob(values: tuple, points: tuple[exp.Point, ...], s: Any, x_title: str, log_x: bool = False,
              numeric: bool = True) -> Finding:  # fmt: skip
    """The finding of a sweep over one setting: the best and worst value, the spread, who got stuck."""
    if not values:
        return Finding({}, says="empty")
    accs = _pct(points)
    best, worst = int(np.argmax(accs)), int(np.argmin(accs))
    numbers = {"best": _show(values[best]), "acc": accs[best], "worst": _show(values[worst]), "low": accs[worst],
               "spread": accs[best] - accs[worst], "count": len(values), "epochs": s.epochs, "n": s.n_train,
               "stuck": _stuck(values, accs)}  # fmt: skip
    if len(values) == 1:
        says = "one"
    elif numbers["stuck"]:
        says = "finding_stuck"
    elif numbers["spread"] < FLAT:
        says = "finding_flat"
    else:
        says = "finding"
    series = {"test": accs}
    trains = tuple(100 * p.train_acc for p in points)
    if all(np.isfinite(trains)):
        series["train"] = trains
    x = tuple(values) if numeric and all(isinstance(v, int | float) for v in values) else tuple(map(str, values))
    return Finding(numbers, says=says, x=x, series=series, x_title=x_title, y_title="ex.mlp.acc_pct", log_x=log_x)


# 3.2.1: hidden units
def _read_widths(points: tuple[exp.Point, ...], s: exp.WidthSweep) -> Finding:
    return _one_knob(s.values(), points, s, "mlp.hidden", log_x=True)


exercise("3.2.1", plan=_sweep_plan, read=_read_widths, settings=exp.WidthSweep,
         layout=("widths", ("epochs", "n_train")), controls=("x32_widths", "x32_w_epochs", "x32_w_n"),
         label=EX_LABEL)  # fmt: skip


# 3.2.2: more hidden layers
def _read_depths(points: tuple[exp.Point, ...], s: exp.DepthSweep) -> Finding:
    return _one_knob(s.values(), points, s, "mlp.layers", numeric=False)  # whole layers: an axis of categories


exercise("3.2.2", plan=_sweep_plan, read=_read_depths, settings=exp.DepthSweep,
         layout=("depths", ("epochs", "n_train")), controls=("x32_depths", "x32_d_epochs", "x32_d_n"),
         label=EX_LABEL)  # fmt: skip


# 3.2.3: the learning rate
def _read_lrs(points: tuple[exp.Point, ...], s: exp.LrSweep) -> Finding:
    return _one_knob(s.values(), points, s, "mlp.lr", log_x=True)


exercise("3.2.3", plan=_sweep_plan, read=_read_lrs, settings=exp.LrSweep, layout=("lrs", ("epochs", "n_train")),
         controls=("x32_lrs", "x32_l_epochs", "x32_l_n"), label=EX_LABEL)  # fmt: skip


# 3.2.4: tune the four together, by a random search on a budget
def _read_search(points: tuple[exp.Point, ...], s: exp.JointSearch) -> Finding:
    trials = s.trials()
    accs = _pct(points)
    best = int(np.argmax(accs))
    c = trials[best]
    numbers = {"budget": s.budget, "trial": best + 1, "acc": accs[best], "lr": c.lr, "layers": len(c.hiddens),
               "width": c.hiddens[0], "epochs": c.epochs, "low": min(accs), "n": s.n_train,
               "seconds": sum(p.seconds for p in points), "stuck": sum(a < STUCK for a in accs)}  # fmt: skip
    so_far = tuple(float(np.maximum.accumulate(accs)[i]) for i in range(len(accs)))
    return Finding(numbers, says="finding_stuck" if numbers["stuck"] else "finding",
                   x=tuple(str(i) for i in range(1, len(accs) + 1)), series={"trial": accs, "best": so_far},
                   x_title="ex.mlp.trial", y_title="ex.mlp.acc_pct")  # fmt: skip


exercise("3.2.4", plan=_sweep_plan, read=_read_search, settings=exp.JointSearch,
         layout=(("budget", "max_epochs"), ("n_train", "draw")),
         controls=("x32_budget", "x32_s_epochs", "x32_s_n", "x32_s_draw"), label=EX_LABEL)  # fmt: skip


# 3.2.5: why several at once is harder: the grid grows as a product, and the settings interact
def grid_size(values_per_setting: tuple[int, ...]) -> int:
    """A full grid's trainings: the product of each setting's number of values."""
    return int(np.prod(values_per_setting)) if values_per_setting else 0


def _by_depth(cells: tuple, accs: tuple[float, ...]) -> dict[int, dict[float, float]]:
    out: dict[int, dict[float, float]] = {}
    for (lr, d), a in zip(cells, accs, strict=True):
        out.setdefault(d, {})[lr] = a
    return out


def _interaction(cells: tuple, accs: tuple[float, ...]) -> dict[str, Any]:
    """The best learning rate at each depth, and how much depth costs at each learning rate."""
    table = _by_depth(cells, accs)
    depths = sorted(table)
    lrs = sorted({lr for lr, _ in cells})
    best_lr = {d: max(table[d], key=table[d].get) for d in depths}
    shallow, deep = depths[0], depths[-1]
    change = {lr: table[deep][lr] - table[shallow][lr] for lr in lrs}  # what going deeper does at each rate
    lo_lr, hi_lr = min(change, key=change.get), max(change, key=change.get)
    return {"best_lr": best_lr, "shallow": shallow, "deep": deep, "lo_lr": lo_lr, "hi_lr": hi_lr,
            "change_lo": change[lo_lr], "change_hi": change[hi_lr]}  # fmt: skip


def _read_grid(points: tuple[exp.Point, ...], s: exp.GridSettings) -> Finding:
    cells = s.cells()
    lrs, depths = _sorted_unique(c[0] for c in cells), _sorted_unique(c[1] for c in cells)
    four = grid_size((s.per_other,) * 4)
    seconds = float(np.mean([p.seconds for p in points])) if points else 0.0
    numbers = {"a": len(lrs), "b": len(depths), "n": grid_size((len(lrs), len(depths))), "k": s.per_other,
               "four": four, "sec": seconds, "hours": four * seconds / 3600}  # fmt: skip
    if len(lrs) < 2 or len(depths) < 2:
        return Finding(numbers, says="small")
    accs = _pct(points)
    it = _interaction(cells, accs)
    best = it["best_lr"]
    numbers |= {"shallow": it["shallow"], "deep": it["deep"], "lr_shallow": _show(best[it["shallow"]]),
                "lr_deep": _show(best[it["deep"]]), "lo_lr": _show(it["lo_lr"]), "hi_lr": _show(it["hi_lr"]),
                "change_lo": it["change_lo"], "change_hi": it["change_hi"]}  # fmt: skip
    says = "finding" if best[it["shallow"]] != best[it["deep"]] else "finding_same_lr"
    table = _by_depth(cells, accs)
    series = {f"d{d}": tuple(table[d][lr] for lr in lrs) for d in depths}
    return Finding(numbers, says=says, x=lrs, series=series, x_title="mlp.lr", y_title="ex.mlp.acc_pct", log_x=True)


def _sorted_unique(values: Any) -> tuple:
    return tuple(sorted(set(values)))


exercise("3.2.5", plan=_sweep_plan, read=_read_grid, settings=exp.GridSettings,
         layout=(("lrs", "depths"), ("n_train", "per_other")),
         controls=("x32_g_lrs", "x32_g_depths", "x32_g_n", "x32_g_k"), label=EX_LABEL)  # fmt: skip


# 3.2.6: a smarter search: random against grid on the same budget (a cheap proxy: few images, 1 epoch)
def best_so_far(accs: tuple[float, ...]) -> tuple[float, ...]:
    return tuple(float(v) for v in np.maximum.accumulate(accs)) if accs else ()


def _read_race(points: tuple[exp.Point, ...], s: exp.GridVsRandom) -> Finding:
    n = s.budget
    accs = _pct(points)
    grid = accs[:n]
    randoms = [accs[n * (r + 1) : n * (r + 2)] for r in range(s.repeats)]
    grid_best = max(grid)
    random_best = [max(r) for r in randoms]
    wins = sum(b > grid_best for b in random_best)
    grid_lrs = len({lr for lr, _ in s.grid()})
    random_lrs = float(np.mean([len({lr for lr, _ in s.random(r)}) for r in range(s.repeats)]))
    numbers = {"budget": n, "side": s.side, "grid": grid_best, "random": float(np.median(random_best)),
               "wins": wins, "repeats": s.repeats, "grid_lrs": grid_lrs, "random_lrs": random_lrs,
               "n": s.n_train}  # fmt: skip
    if wins * 2 > s.repeats:
        says = "finding"
    elif wins * 2 == s.repeats:
        says = "finding_even"
    else:
        says = "finding_grid"
    mean_random = tuple(float(v) for v in np.mean([best_so_far(r) for r in randoms], axis=0))
    return Finding(numbers, says=says, x=tuple(str(i) for i in range(1, n + 1)),
                   series={"grid": best_so_far(grid), "random": mean_random},
                   x_title="ex.mlp.trial", y_title="ex.mlp.best_pct")  # fmt: skip


exercise("3.2.6", plan=_sweep_plan, read=_read_race, settings=exp.GridVsRandom,
         layout=(("side", "repeats"), ("n_train", "draw")),
         controls=("x32_r_side", "x32_r_repeats", "x32_r_n", "x32_r_draw"), label=EX_LABEL)  # fmt: skip


# 3.3.1: the concise network over depths and learning rates
def _read_concise_grid(points: tuple[exp.Point, ...], s: exp.ConciseDepthLr) -> Finding:
    cells = s.cells()
    if not cells:
        return Finding({}, says="empty")
    accs = _pct(points)
    best = int(np.argmax(accs))
    lrs, depths = _sorted_unique(c[0] for c in cells), _sorted_unique(c[1] for c in cells)
    table = _by_depth(cells, accs)
    numbers = {"lr": _show(cells[best][0]), "layers": cells[best][1], "acc": accs[best], "count": len(cells),
               "low": min(accs), "epochs": s.epochs, "n": s.n_train,
               "stuck": "; ".join(f"{d} × {_show(lr)}" for (lr, d), a in zip(cells, accs, strict=True)
                                  if a < STUCK)}  # fmt: skip
    series = {f"d{d}": tuple(table[d][lr] for lr in lrs) for d in depths}
    return Finding(numbers, says="finding_stuck" if numbers["stuck"] else "finding", x=lrs, series=series,
                   x_title="mlp.lr", y_title="ex.mlp.acc_pct", log_x=True)  # fmt: skip


exercise("3.3.1", plan=_sweep_plan, read=_read_concise_grid, settings=exp.ConciseDepthLr,
         layout=(("depths", "lrs"), ("epochs", "n_train")),
         controls=("x33_depths", "x33_lrs", "x33_dl_epochs", "x33_dl_n"), label=EX_LABEL)  # fmt: skip


# 3.3.2: activation functions; 3.3.3: initialisation schemes
def _read_acts(points: tuple[exp.Point, ...], s: exp.ConciseActivations) -> Finding:
    return _one_knob(s.values(), points, s, "mlp.activation")


exercise("3.3.2", plan=_sweep_plan, read=_read_acts, settings=exp.ConciseActivations,
         layout=("activations", ("layers", "epochs", "n_train")),
         controls=("x33_acts", "x33_a_layers", "x33_a_epochs", "x33_a_n"), label=EX_LABEL)  # fmt: skip


def _read_inits(points: tuple[exp.Point, ...], s: exp.ConciseInits) -> Finding:
    return _one_knob(s.values(), points, s, "mlp.init")


exercise("3.3.3", plan=_sweep_plan, read=_read_inits, settings=exp.ConciseInits,
         layout=("inits", ("layers", "epochs", "n_train")),
         controls=("x33_inits", "x33_i_layers", "x33_i_epochs", "x33_i_n"), label=EX_LABEL)  # fmt: skip
