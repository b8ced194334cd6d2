"""3.6 dropout: predict what the layer does to one activation on average, and how the book's network
with dropout compares with its twin without; then find heavy dropout that costs (almost) nothing.

The layer question reads the page's unbiasedness measurement (``exp.unbiasedness`` at the page's p
and seed); the network questions read the page's own two trainings (``DropoutSettings.train_configs``,
fetched through the store, so a page that has trained them answers at once).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from mlp_lab.experiments import dropout as exp
from mlp_lab.learn import Answer, Verdict, challenge, prediction
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
