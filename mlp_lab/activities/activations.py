"""3.1 activation functions: predict sigmoid's largest derivative on the plotted range and how many
straight pieces the deep ReLU net draws, then approximate sin with a largest error below a bound
using at most a handful of hidden units. Each reads the page's own computations (the curves, the
depth demo, the one-hidden-layer fit) at the page's current settings."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import torch

from mlp_lab.controls import controls_of
from mlp_lab.experiments import activations as exp
from mlp_lab.learn import Answer, Check, Verdict, challenge, exercise, prediction
from mlp_lab.store import cached


# --- sigmoid's largest derivative on the plotted range ------------------------------------------------
def _sigmoid_plan(s: exp.CurveConfig) -> tuple:
    """The page's curves (same grid, same autograd), for sigmoid alone: it need not be ticked."""
    return exp.curves, replace(s, names=("sigmoid",))


def _sigmoid_grad_max(curves: list[exp.Curve], s: exp.CurveConfig) -> Answer:
    curve = next(c for c in curves if c.name == "sigmoid")
    summary = exp.summarize(curve)
    i = int(np.argmax(curve.grad))
    x_peak = float(curve.x[i])
    lo, hi = s.span
    top = float(summary.grad_max)
    return Answer(
        top,
        {"top": top, "x": exp._x(x_peak), "lo": lo, "hi": hi, "shrink": 1 / top if top else float("inf")},
        why="why" if lo <= 0 <= hi else "why_edge",
        x=tuple(float(v) for v in curve.x),
        y=tuple(float(v) for v in curve.grad),
        x_title="learn.act.sigmoid_grad_max.x",
        y_title="act.grad",
        at=exp._x(x_peak),
    )


prediction(
    "act.sigmoid_grad_max",
    section="3.1",
    plan=_sigmoid_plan,
    answer=_sigmoid_grad_max,
    lo=0.0,
    hi=1.0,
    step=0.01,
    start=0.5,
    digits=2,
    tol=0.02,
    ask=lambda s: {"lo": s.span[0], "hi": s.span[1]},
)


# --- straight pieces of the deep ReLU net ---------------------------------------------------------
DEPTHS = tuple(range(controls_of(exp.DepthConfig)["depth"].lo, controls_of(exp.DepthConfig)["depth"].hi + 1))


@dataclass
class PiecesByDepth:
    """The page's depth demo at its depth, and the deep net's pieces at every depth of the slider
    (counted on the same grid: no fitting, so the whole curve costs milliseconds)."""

    demo: exp.DepthResult
    depths: tuple[int, ...]
    pieces: tuple[int, ...]


def pieces_by_depth(config: exp.DepthConfig) -> PiecesByDepth:
    demo = cached(exp.depth_demo, config)
    x = torch.linspace(0, 1, config.points + 1, dtype=torch.float64).unsqueeze(1)
    counts = []
    for d in DEPTHS:
        with torch.no_grad():
            y = exp.tent_network(d).double()(x)
        counts.append(exp.count_pieces(x.squeeze(1).numpy(), y.squeeze(1).numpy()))
    return PiecesByDepth(demo, DEPTHS, tuple(counts))


def _pieces_plan(s: exp.DepthConfig) -> tuple:
    return pieces_by_depth, s


def _deep_pieces(r: PiecesByDepth, s: exp.DepthConfig) -> Answer:
    demo = r.demo
    return Answer(
        demo.pieces,
        {
            "layers": s.depth,
            "units": demo.units,
            "pieces": demo.pieces,
            "most": demo.shallow_max_pieces,
            "teeth": demo.pieces // 2,
        },
        why="why" if demo.pieces > demo.shallow_max_pieces else "why_small",
        x=r.depths,
        y=tuple(float(v) for v in r.pieces),
        x_title="act.depth",
        y_title="learn.act.deep_pieces.y",
        log_y=True,
        at=s.depth,
    )


prediction(
    "act.deep_pieces",
    section="3.1",
    plan=_pieces_plan,
    answer=_deep_pieces,
    lo=1.0,
    hi=130.0,
    step=1.0,
    start=10.0,
    digits=0,
    tol=0.0,
    ask=lambda s: {"layers": s.depth, "units": 2 * s.depth},
)


# --- challenge: sin within a bound, with few units -------------------------------------------------
FEW_TARGET = "sin"
FEW_UNITS = 5  # at most this many hidden units
FEW_ERROR = 0.05  # the largest |fit - sin| on the fine grid must be below this


def _fit_plan(s: exp.ApproxConfig) -> tuple:
    """The page's own fit at the chosen k (the last rung of its ladder)."""
    return exp.fit_one_hidden_layer, s


def _check_few_units(r: exp.ApproxResult, s: exp.ApproxConfig) -> Verdict:
    numbers = {
        "units": s.units,
        "activation": s.activation,
        "target": s.target,
        "error": r.max_error,
        "bound": FEW_ERROR,
        "most": FEW_UNITS,
        "want": FEW_TARGET,
    }
    if s.target != FEW_TARGET:
        return Verdict(False, numbers, "rule")
    if r.max_error >= FEW_ERROR:
        return Verdict(False, numbers, "off")
    if s.units > FEW_UNITS:
        return Verdict(False, numbers, "fewer")
    return Verdict(True, numbers)


challenge(
    "act.few_units",
    section="3.1",
    plan=_fit_plan,
    check=_check_few_units,
    ask=lambda s: {"bound": FEW_ERROR, "most": FEW_UNITS, "want": FEW_TARGET},
)


# --- the book's exercises ------------------------------------------------------------------------
def tanh_side(x: torch.Tensor) -> torch.Tensor:
    """Exercise 3.1.3's left side, tanh(x) + 1."""
    return torch.tanh(x) + 1


def sigmoid_side(x: torch.Tensor) -> torch.Tensor:
    """Its right side, 2 sigmoid(2x): the worked answer's identity."""
    return 2 * torch.sigmoid(2 * x)


def _tanh_identity(_: object) -> tuple[float, dict]:
    x = torch.linspace(-10, 10, 20_001, dtype=torch.float64)
    gap = (tanh_side(x) - sigmoid_side(x)).abs()
    return float(gap.max()), {"lo": -10, "hi": 10, "points": x.numel(), "at": float(x[int(gap.argmax())])}


exercise("3.1.3", checks=(Check("identity", _tanh_identity, tol=1e-6),))
