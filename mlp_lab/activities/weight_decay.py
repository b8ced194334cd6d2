"""3.5 weight decay: predict ||w|| and the test loss's answer to lambda, then find the smallest
lambda that is nearly as good as the best. All three read one batch: every lambda the page's
slider offers, trained together (the batched engine takes 101 models in well under a second)."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

import numpy as np

from mlp_lab.controls import controls_of
from mlp_lab.experiments import weight_decay as exp
from mlp_lab.learn import Answer, Finding, Verdict, challenge, exercise, prediction
from mlp_lab.store import Progress

_SLIDER = controls_of(exp.WDSettings)["lambd"]
SLIDER_LAMBDAS = tuple(
    round(_SLIDER.lo + i * _SLIDER.step, 10) for i in range(round((_SLIDER.hi - _SLIDER.lo) / _SLIDER.step) + 1)
)
WITHIN = 0.10  # the challenge: a test loss at most 10 % above the best one


def slider_lambdas(config: exp.WDConfig, progress: Progress | None = None) -> exp.WDRuns:
    """From scratch, ``config``'s penalty and seed, at every lambda of the slider (one batch)."""
    return exp.train_lambdas(config, SLIDER_LAMBDAS, progress=progress)


def _plan(s: exp.WDSettings) -> tuple:
    return slider_lambdas, replace(s.sweep(), implementation="scratch")


def _at(runs: exp.WDRuns, lambd: float) -> int:
    return int(np.argmin(np.abs(np.array(runs.lambdas) - lambd)))


def _norm(runs: exp.WDRuns, s: exp.WDSettings) -> Answer:
    i = _at(runs, s.lambd)
    norm, start = float(runs.norms[0, i]), float(np.linalg.norm(exp.initial_params(runs.config, s.seed)[:-1]))
    shrink = 1 - runs.config.sgd.lr * s.lambd
    return Answer(
        norm, {"norm": norm, "start": start, "lambd": s.lambd, "shrink": shrink, "penalty": s.penalty},
        why="why0" if s.lambd == 0 else "why", x=runs.lambdas, y=tuple(float(v) for v in runs.norms[0]),
        x_title="wd.lambda", y_title="wd.norm", at=runs.lambdas[i],
    )  # fmt: skip


prediction(
    "wd.norm", section="3.5", plan=_plan, answer=_norm, lo=0.0, hi=20.0, step=0.5, start=10.0, digits=2, tol=1.0,
    ask=lambda s: {"lambd": s.lambd, "penalty": s.penalty}, label="wd.training",
)  # fmt: skip

TEST_EFFECTS = ("falls", "same", "rises")
SAME = 0.10  # "about the same": the two test losses within 10 % of each other


def _test_effect(runs: exp.WDRuns, s: exp.WDSettings) -> Answer:
    test = runs.test_loss[-1, 0]
    t0, t3 = float(test[_at(runs, 0.0)]), float(test[_at(runs, 3.0)])
    effect = "same" if abs(t3 / t0 - 1) <= SAME else ("falls" if t3 < t0 else "rises")
    finite = [(lam, float(v)) for lam, v in zip(runs.lambdas, test, strict=True) if math.isfinite(v)]
    return Answer(
        effect, {"t0": t0, "t3": t3, "ratio": t0 / t3 if t3 else math.inf, "penalty": s.penalty},
        why=f"why_{effect}", x=tuple(x for x, _ in finite), y=tuple(v for _, v in finite),
        x_title="wd.lambda", y_title="metric.test_loss", log_y=True,
    )  # fmt: skip


prediction(
    "wd.test_effect", section="3.5", plan=_plan, answer=_test_effect, choices=TEST_EFFECTS,
    ask=lambda s: {"penalty": s.penalty, "seed": s.seed}, label="wd.training",
)  # fmt: skip


def smallest_within(runs: exp.WDRuns) -> tuple[float, float]:
    """The best test loss over the slider's lambdas, and the smallest lambda within WITHIN of it."""
    test = np.where(np.isfinite(runs.test_loss[-1, 0]), runs.test_loss[-1, 0], np.inf)
    best = float(test.min())
    return best, runs.lambdas[int(np.argmax(test <= (1 + WITHIN) * best))]


def _check_smallest(runs: exp.WDRuns, s: exp.WDSettings) -> Verdict:
    best, answer = smallest_within(runs)
    test = float(runs.test_loss[-1, 0, _at(runs, s.lambd)])
    above = test / best - 1 if math.isfinite(test) else math.inf
    numbers: dict[str, Any] = {"lambd": s.lambd, "test": test, "best": best, "above": above, "times": above + 1,
                               "within": WITHIN}  # fmt: skip
    if above > WITHIN:
        return Verdict(False, numbers, "off")
    if s.lambd > answer + 1e-9:
        return Verdict(False, numbers, "lower")
    return Verdict(True, numbers)


challenge(
    "wd.smallest_within", section="3.5", plan=_plan, check=_check_smallest,
    ask=lambda s: {"within": WITHIN, "penalty": s.penalty}, label="wd.training",
)  # fmt: skip


# --- the book's exercises ------------------------------------------------------------------------
def _sweep_plan(s: exp.WDSettings) -> tuple:
    """The page's own lambda sweep (the same cache entry as the chart above it)."""
    return exp.lambda_sweep, s.sweep()


def _read_sweep(sweep: exp.LambdaSweep, s: exp.WDSettings) -> Finding:
    runs = sweep.runs
    train, test = runs.train_loss[-1, 0], runs.test_loss[-1, 0]
    best = int(np.argmin(np.where(np.isfinite(test), test, np.inf)))
    numbers = {"best": runs.lambdas[best], "test": float(test[best]), "test0": sweep.test_at(0.0),
               "train0": float(train[0]), "penalty": s.penalty, "count": len(runs.lambdas)}  # fmt: skip
    return Finding(
        numbers, x=runs.lambdas, series={"train": tuple(map(float, train)), "test": tuple(map(float, test))},
        x_title="wd.lambda", y_title="metric.loss", log_y=True,
    )  # fmt: skip


exercise("3.5.1", plan=_sweep_plan, read=_read_sweep, controls=("wd_penalty",), label="wd.training")
