"""3.6 dropout: predict what the layer does to one activation on average, and how the book's network
with dropout compares with its twin without; then find heavy dropout that costs (almost) nothing.

The layer question reads the page's unbiasedness measurement (``exp.unbiasedness`` at the page's p
and seed); the network questions read the page's own two trainings (``DropoutSettings.train_configs``,
fetched through the store, so a page that has trained them answers at once).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from mlp_lab.experiments import dropout as exp
from mlp_lab.learn import Answer, Finding, Verdict, Words, challenge, exercise, prediction
from mlp_lab.training import History, trained_histories

# --- the mean of a dropped-out activation --------------------------------------------------------------
ELEMENT = 15  # the asked element of the book's h = arange(16): its largest value


def _unbias(c: exp.UnbiasConfig) -> tuple:
    return exp.unbiasedness, c  # the page's measurement (its default draws: the same cache key)


def _mean_h(res: exp.UnbiasResult, c: exp.UnbiasConfig) -> Answer:
    mean = float(res.mean[ELEMENT])
    h = float(res.h[ELEMENT])
    p = c.p
    big = h / (1 - p) if p < 1 else 0.0
    why = "why_p1" if p >= 1 else "why_p0" if p <= 0 else "why"
    numbers = {"p": p, "h": h, "big": big, "mean": mean, "draws": c.draws, "keep": 1 - p}
    return Answer(
        mean, numbers, why=why, x=tuple(float(v) for v in res.h), y=tuple(float(v) for v in res.mean),
        x_title="learn.dropout.axis.h", y_title="learn.dropout.axis.mean", at=h,
    )  # fmt: skip


prediction(
    "dropout.mean_h", section="3.6", plan=_unbias, answer=_mean_h, lo=0.0, hi=40.0, step=0.5, start=7.5, digits=2,
    tol=1.0, ask=lambda c: {"p": c.p, "draws": c.draws, "h": ELEMENT},
)  # fmt: skip


# --- the network with dropout against its twin without ---------------------------------------------------
@dataclass
class Pair:
    """The page's two trainings, as curves (the store keeps the full results)."""

    net: exp.DropoutSettings
    with_dropout: History
    without: History

    def gap(self) -> float:
        """Test accuracy with dropout minus without, after the last epoch, in points."""
        return 100 * (self.with_dropout.test_acc[-1] - self.without.test_acc[-1])


def dropout_pair(net: exp.DropoutSettings, progress: Callable[[float], Any] | None = None) -> Pair:
    """The page's two trainings at ``net`` (shared through the store with the page's panels)."""
    configs = net.train_configs()
    with_dropout, without = trained_histories((configs["with"], configs["without"]), progress)
    return Pair(net, with_dropout, without)


def _pair(net: exp.DropoutSettings) -> tuple:
    return dropout_pair, net


EFFECTS = ("higher", "same", "lower")
SAME = 1.0  # points of test accuracy: "about the same"


def effect_of(gap: float) -> str:
    return "same" if abs(gap) <= SAME else "higher" if gap > 0 else "lower"


def _vs_plain(pair: Pair, net: exp.DropoutSettings) -> Answer:
    w, o = pair.with_dropout, pair.without
    diffs = tuple(100 * (a - b) for a, b in zip(w.test_acc, o.test_acc, strict=True))
    effect = effect_of(pair.gap())
    numbers = {"with": w.test_acc[-1], "without": o.test_acc[-1], "gap": pair.gap(), "same": SAME,
               "train": w.train_acc[-1], "p1": net.p1, "p2": net.p2, "epochs": net.epochs}  # fmt: skip
    return Answer(
        effect, numbers, why=f"why_{effect}", x=tuple(range(1, len(diffs) + 1)), y=diffs,
        x_title="learn.dropout.axis.epoch", y_title="learn.dropout.axis.diff",
    )  # fmt: skip


prediction(
    "dropout.vs_plain", section="3.6", plan=_pair, answer=_vs_plain, choices=EFFECTS,
    ask=lambda n: {"p1": n.p1, "p2": n.p2, "epochs": n.epochs, "model": n.model},
)  # fmt: skip

# --- challenge: heavy dropout that costs (almost) nothing ------------------------------------------------
HEAVY = 0.5  # both layers drop at least half their units
WITHIN = 1.5  # test accuracy at most 1.5 points below the twin without dropout (seed 0, 10 epochs, p = 0.5: -1.2)


def _check_heavy(pair: Pair, net: exp.DropoutSettings) -> Verdict:
    gap = pair.gap()
    numbers = {"p1": net.p1, "p2": net.p2, "heavy": HEAVY, "within": WITHIN, "gap": gap, "behind": -gap,
               "with": pair.with_dropout.test_acc[-1], "without": pair.without.test_acc[-1]}  # fmt: skip
    if min(net.p1, net.p2) < HEAVY:
        return Verdict(False, numbers, "light")
    return Verdict(gap >= -WITHIN, numbers)


challenge(
    "dropout.heavy", section="3.6", plan=_pair, check=_check_heavy, ask=lambda n: {"heavy": HEAVY, "within": WITHIN},
)  # fmt: skip


# --- the book's exercises (3.6.1 to 3.6.7) ----------------------------------------------------------------
# Each runs short trainings of the book's net on a subset (``exp.noise_run``, cached per training) at the
# exercise's own settings; every number of a finding is read from those runs, and where the outcome can go
# either way the sentence is chosen by it (``says``).
def _finals(hs: dict[str, History]) -> dict[str, float]:
    return {k: h.test_acc[-1] for k, h in hs.items()}


def _epochs_of(h: History) -> tuple[int, ...]:
    return tuple(range(1, len(h.test_acc) + 1))


def _mean_curve(hs: tuple[History, ...]) -> tuple[float, ...]:
    return tuple(float(v) for v in np.mean([h.test_acc for h in hs], axis=0))


LAYER = {1: Words(en="first", zh="第一"), 2: Words(en="second", zh="第二")}


def _read_swap(res: exp.SwapResult, s: exp.SwapSettings) -> Finding:
    """The order as set against the swapped one: final test accuracy averaged over the seeds."""
    finals = {"as_set": [h.test_acc[-1] for h in res.as_set], "swapped": [h.test_acc[-1] for h in res.swapped]}
    a, b = float(np.mean(finals["as_set"])), float(np.mean(finals["swapped"]))
    spread = 100 * max(max(v) - min(v) for v in finals.values())  # seed-to-seed range, 0 with one seed
    (wp1, wp2), win, lose = ((s.p1, s.p2), a, b) if a >= b else ((s.p2, s.p1), b, a)
    numbers = {"p1": s.p1, "p2": s.p2, "as_set": a, "swapped": b, "gap": 100 * (win - lose), "wp1": wp1, "wp2": wp2,
               "win": win, "lose": lose, "heavy": LAYER[2 if wp2 > wp1 else 1], "seeds": s.seeds, "spread": spread,
               "n": s.train_size, "epochs": s.epochs}  # fmt: skip
    if s.p1 == s.p2:
        says = "finding_same"
    elif s.seeds > 1:
        says = "finding_noisy" if 100 * (win - lose) <= spread else "finding_seeds"
    else:
        says = "finding"
    return Finding(
        numbers, says=says, x=_epochs_of(res.as_set[0]),
        series={"as_set": _mean_curve(res.as_set), "swapped": _mean_curve(res.swapped)},
        x_title="learn.dropout.axis.epoch", y_title="metric.test_acc",
    )  # fmt: skip


exercise("3.6.1", plan=lambda s: (exp.swap_runs, s), read=_read_swap, settings=exp.SwapSettings,
         layout=([("p1", "p2"), ("train_size", "epochs")], "seeds"),
         controls=("x36_p1", "x36_p2", "x36_n", "x36_epochs", "x36_seeds"), label="ex.3.6.training")  # fmt: skip


def _read_longer(hs: tuple[History, History], s: exp.LongerSettings) -> Finding:
    w, o = hs
    best_w, best_o = int(np.argmax(w.test_acc)), int(np.argmax(o.test_acc))
    numbers = {"with": w.test_acc[-1], "without": o.test_acc[-1], "gap": 100 * abs(w.test_acc[-1] - o.test_acc[-1]),
               "best_w": w.test_acc[best_w], "ep_w": best_w + 1, "best_o": o.test_acc[best_o], "ep_o": best_o + 1,
               "fall_w": 100 * (w.test_acc[best_w] - w.test_acc[-1]),
               "fall_o": 100 * (o.test_acc[best_o] - o.test_acc[-1]), "train_o": o.train_acc[-1],
               "epochs": s.epochs, "n": s.train_size}  # fmt: skip
    return Finding(
        numbers, says="finding" if w.test_acc[-1] > o.test_acc[-1] else "finding_behind", x=_epochs_of(w),
        series={"test_with": tuple(w.test_acc), "test_without": tuple(o.test_acc),
                "train_with": tuple(w.train_acc), "train_without": tuple(o.train_acc)},
        x_title="learn.dropout.axis.epoch", y_title="ex.3.6.axis.acc",
    )  # fmt: skip


exercise("3.6.2", plan=lambda s: (exp.longer_runs, s), read=_read_longer, settings=exp.LongerSettings,
         layout=(["epochs", "train_size"],), controls=("x36_long_epochs", "x36_long_n"),
         label="ex.3.6.training")  # fmt: skip


def _read_variance(res: dict[str, exp.ActivationVarianceResult], s: exp.VarianceSettings) -> Finding:
    """Per hidden layer: the dropout net's variance with its masks on (what the next layer sees in
    training), its twin's, and the dropout net's with the masks off, after the last epoch."""
    w, o = res["with"], res["without"]
    (v1w, v2w), (v1o, v2o), (e1, e2) = w.train_mode[-1], o.eval_mode[-1], w.eval_mode[-1]
    numbers = {"v1w": v1w, "v2w": v2w, "v1o": v1o, "v2o": v2o, "e1": e1, "e2": e2, "r1": v1w / e1 if e1 else math.nan,
               "r2": v2w / e2 if e2 else math.nan, "p1": BOOK_NET.p1, "p2": BOOK_NET.p2, "epochs": s.epochs,
               "n": s.train_size}  # fmt: skip
    higher = v1w > v1o and v2w > v2o
    col = lambda table, i: tuple(float(row[i]) for row in table)  # noqa: E731
    return Finding(
        numbers, says="finding" if higher else "finding_mixed", x=tuple(range(len(w.train_mode))),
        series={"l1_with": col(w.train_mode, 0), "l2_with": col(w.train_mode, 1),
                "l1_without": col(o.eval_mode, 0), "l2_without": col(o.eval_mode, 1)},
        x_title="learn.dropout.axis.epoch", y_title="ex.3.6.axis.variance",
    )  # fmt: skip


BOOK_NET = exp.DropoutSettings()
exercise("3.6.3", plan=lambda s: (exp.variance_runs, s), read=_read_variance, settings=exp.VarianceSettings,
         layout=(["train_size", "epochs"],), controls=("x36_var_n", "x36_var_epochs"),
         label="ex.3.6.measuring")  # fmt: skip


def _read_left_on(gap: exp.ModeGap, s: exp.LeftOnSettings) -> Finding:
    accs = gap.train_accs
    numbers = {"eval": gap.eval_acc, "mean": gap.train_mean, "std": 100 * gap.train_std, "lo": min(accs),
               "hi": max(accs), "passes": len(accs), "distinct": len(set(accs)),
               "cost": 100 * (gap.eval_acc - gap.train_mean), "epochs": s.epochs, "n": s.train_size}  # fmt: skip
    return Finding(
        numbers, says="finding" if max(accs) < gap.eval_acc else "finding_mixed", x=tuple(range(1, len(accs) + 1)),
        series={"on": tuple(accs), "off": (gap.eval_acc,) * len(accs)},
        x_title="ex.3.6.axis.pass", y_title="metric.test_acc",
    )  # fmt: skip


exercise("3.6.4", plan=lambda s: (exp.left_on_gap, s), read=_read_left_on, settings=exp.LeftOnSettings,
         layout=(["passes", "train_size", "epochs"],), controls=("x36_passes", "x36_test_n", "x36_test_epochs"),
         label="ex.3.6.training")  # fmt: skip


def _read_combine(hs: dict[str, History], s: exp.CombineSettings) -> Finding:
    acc = _finals(hs)
    gain = {k: 100 * (acc[k] - acc["none"]) for k in ("dropout", "decay", "both")}
    total, best = gain["dropout"] + gain["decay"], max(gain["dropout"], gain["decay"])
    if gain["both"] < best:
        says = "finding_worse"  # together below the better of the two alone
    elif gain["both"] >= total:
        says = "finding"  # the gains add up (at least)
    else:
        says = "finding_partly"
    numbers = {**acc, "gd": gain["dropout"], "gw": gain["decay"], "gb": gain["both"], "sum": total, "best": best,
               "wd": s.weight_decay, "epochs": s.epochs, "n": s.train_size}  # fmt: skip
    return Finding(
        numbers, says=says, x=_epochs_of(hs["none"]), series={k: tuple(h.test_acc) for k, h in hs.items()},
        x_title="learn.dropout.axis.epoch", y_title="metric.test_acc",
    )  # fmt: skip


exercise("3.6.5", plan=lambda s: (exp.combine_runs, s), read=_read_combine, settings=exp.CombineSettings,
         layout=("weight_decay", ["train_size", "epochs"]), controls=("x36_wd", "x36_wd_n", "x36_wd_epochs"),
         label="ex.3.6.training")  # fmt: skip


KIND_WORDS = {"multiply": Words(en="Multiplicative", zh="乘性"), "add": Words(en="Additive", zh="加性")}


def _three_way(hs: dict[str, History], rival: str, s: Any) -> Finding:
    """The noise of exercise 3.6.6 / 3.6.7 (``rival``) against the book's dropout and against no noise."""
    acc = _finals(hs)
    numbers = {**acc, "gap": 100 * abs(acc[rival] - acc["dropout"]), "vs_none": 100 * (acc[rival] - acc["none"]),
               "epochs": s.epochs, "n": s.train_size}  # fmt: skip
    numbers |= {k: getattr(s, k) for k in ("p1", "p2", "sigma") if hasattr(s, k)}
    if hasattr(s, "kind"):
        numbers["kind"] = KIND_WORDS[s.kind]
    return Finding(
        numbers, says="finding" if acc[rival] > acc["dropout"] else "finding_behind", x=_epochs_of(hs["none"]),
        series={k: tuple(h.test_acc) for k, h in hs.items()},
        x_title="learn.dropout.axis.epoch", y_title="metric.test_acc",
    )  # fmt: skip


exercise("3.6.6", plan=lambda s: (exp.dropconnect_runs, s), read=lambda hs, s: _three_way(hs, "dropconnect", s),
         settings=exp.DropConnectSettings, layout=(["p1", "p2"], ["train_size", "epochs"]),
         controls=("x36_dc_p1", "x36_dc_p2", "x36_dc_n", "x36_dc_epochs"), label="ex.3.6.training")  # fmt: skip
exercise("3.6.7", plan=lambda s: (exp.gauss_runs, s), read=lambda hs, s: _three_way(hs, "gauss", s),
         settings=exp.GaussSettings, layout=(["kind", "sigma"], ["train_size", "epochs"]),
         controls=("x36_noise", "x36_sigma", "x36_noise_n", "x36_noise_epochs"), label="ex.3.6.training")  # fmt: skip
