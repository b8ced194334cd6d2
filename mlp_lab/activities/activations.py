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
from mlp_lab.learn import Answer, Check, Finding, Verdict, Words, challenge, exercise, prediction
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


# --- sketch tanh's derivative over the plotted range ----------------------------------------------
SKETCH_KNOTS = 9  # points the learner places, evenly over the plotted range


def _tanh_plan(s: exp.CurveConfig) -> tuple:
    """The page's curves for tanh and sigmoid (sigmoid's peak is the why sentence's yardstick)."""
    return exp.curves, replace(s, names=("tanh", "sigmoid"))


def _tanh_knots(s: exp.CurveConfig) -> tuple[float, ...]:
    return tuple(exp._x(v) for v in np.linspace(s.span[0], s.span[1], SKETCH_KNOTS))


def _tanh_grad(curves: list[exp.Curve], s: exp.CurveConfig) -> Answer:
    tanh, sigmoid = (next(c for c in curves if c.name == n) for n in ("tanh", "sigmoid"))
    i = int(np.argmax(tanh.grad))
    far = int(np.argmax(np.abs(tanh.x)))  # the end of the range farthest from 0
    top, sig = float(tanh.grad[i]), float(sigmoid.grad.max())
    lo, hi = s.span
    numbers = {"top": top, "x": exp._x(float(tanh.x[i])), "sig": sig, "ratio": top / sig if sig else float("inf"),
               "far": exp._x(float(tanh.x[far])), "edge": float(tanh.grad[far])}  # fmt: skip
    return Answer(
        top, numbers, why="why" if lo <= 0 <= hi else "why_edge", x=tuple(float(v) for v in tanh.x),
        y=tuple(float(v) for v in tanh.grad), x_title="learn.act.sigmoid_grad_max.x", y_title="act.grad",
        at=numbers["x"],
    )  # fmt: skip


prediction(
    "act.tanh_sketch", section="3.1", plan=_tanh_plan, answer=_tanh_grad, knots=_tanh_knots, lo=0.0, hi=1.0,
    step=0.05, start=0.5, digits=2, tol=0.08, x_title="learn.act.sigmoid_grad_max.x", y_title="act.grad",
    ask=lambda s: {"lo": s.span[0], "hi": s.span[1]},
)  # fmt: skip


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


# 3.1.1: the derivative of pReLU -----------------------------------------------------------------
def prelu_slope(x: torch.Tensor, alpha: float) -> torch.Tensor:
    """The worked answer: pReLU'(x) = 1 for x > 0 and alpha for x < 0 (no derivative at 0)."""
    return torch.where(x > 0, torch.ones_like(x), torch.full_like(x, alpha))


def _prelu_plan(s: exp.PReLUExercise) -> tuple:
    return exp.prelu_autograd, s


def _prelu_read(r: exp.PReLURun, s: exp.PReLUExercise) -> Finding:
    formula = prelu_slope(torch.from_numpy(r.x), r.alpha).numpy()
    left, right = r.grad[r.x < 0], r.grad[r.x > 0]
    flat = bool(np.ptp(left) == 0 and np.ptp(right) == 0)
    return Finding(
        {"alpha": r.alpha, "left": float(left[0]), "right": float(right[0]), "n_left": int(left.size),
         "n_right": int(right.size), "zero": r.grad_at_zero, "lo": float(left.min()), "hi": float(left.max())},
        says="finding" if flat else "finding_varies",
        x=tuple(float(v) for v in r.x),
        series={"prelu": tuple(float(v) for v in r.y), "autograd": tuple(float(v) for v in r.grad),
                "formula": tuple(float(v) for v in formula)},
        x_title="ex.3.1.1.x",
        y_title="ex.3.1.1.y",
    )  # fmt: skip


def _prelu_check(s: exp.PReLUExercise) -> tuple[float, dict]:
    r = cached(exp.prelu_autograd, s)
    derived = prelu_slope(torch.from_numpy(r.x), s.alpha).numpy()
    gap = float(np.abs(r.grad - derived).max())
    return gap, {"alpha": s.alpha, "points": int(r.x.size), "span": s.span, "zero": r.grad_at_zero}


exercise(
    "3.1.1",
    plan=_prelu_plan,
    read=_prelu_read,
    checks=(Check("autograd", _prelu_check, tol=1e-12),),
    controls=("x31_alpha",),
    settings=exp.PReLUExercise,
    layout=("alpha",),
)


# 3.1.2: a ReLU net is continuous and piecewise linear ---------------------------------------------
def unit(z: torch.Tensor) -> torch.Tensor:
    """The worked answer's premise: each hidden unit is max(0, z), linear on each side of z = 0."""
    return torch.relu(z)


def pieces_bound(units: int, layers: int) -> int:
    """The worked answer's count: a layer of n units turns P pieces into at most P (n + 1)."""
    return (units + 1) ** layers


CHECK_POINTS = 2001  # the grid of the straightness check (step 0.004 on [-4, 4])


def _straight_check(s: exp.PiecewiseExercise) -> tuple[float, dict]:
    """Away from the kinks (the same on/off pattern at three neighbouring points) the second
    difference, divided by the step squared (an estimate of |y''|), must vanish."""
    x = torch.linspace(-s.span, s.span, CHECK_POINTS, dtype=torch.float64).unsqueeze(1)
    y, pattern = exp.run_net(exp.random_relu_net(s), x, unit)
    same = (pattern[2:] == pattern[1:-1]).all(dim=1) & (pattern[1:-1] == pattern[:-2]).all(dim=1)
    step = 2 * s.span / (CHECK_POINTS - 1)
    curvature = (y[2:] - 2 * y[1:-1] + y[:-2]).abs() / step**2
    gap = float(curvature[same].max()) if bool(same.any()) else 0.0
    return gap, {"points": int(same.sum()), "all": CHECK_POINTS - 2}


def _bound_check(s: exp.PiecewiseExercise) -> tuple[float, dict]:
    r = cached(exp.piecewise_net, s)
    bound = pieces_bound(s.units, s.layers)
    return float(max(0, r.pieces - bound)), {"pieces": r.pieces, "bound": bound, "units": s.units, "layers": s.layers}


def _pieces_plan(s: exp.PiecewiseExercise) -> tuple:
    return exp.piecewise_net, s


def _pieces_read(r: exp.PiecewiseRun, s: exp.PiecewiseExercise) -> Finding:
    numbers = {"units": r.units, "layers": r.layers, "pieces": r.pieces, "kinks": len(r.kinks), "bound": r.bound,
               "total": r.units * r.layers}  # fmt: skip
    return Finding(
        numbers,
        says="finding" if r.pieces == r.bound else "finding_below",
        x=tuple(float(v) for v in r.x),
        series={"net": tuple(float(v) for v in r.y)},
        x_title="ex.3.1.2.x",
        y_title="ex.3.1.2.y",
    )


exercise(
    "3.1.2",
    plan=_pieces_plan,
    read=_pieces_read,
    checks=(Check("straight", _straight_check, tol=1e-6), Check("bound", _bound_check, tol=0.0)),
    controls=("x31_units", "x31_layers", "x31_draw"),
    settings=exp.PiecewiseExercise,
    layout=(["units", "layers", "draw"],),
)


# 3.1.4: a nonlinearity of the whole minibatch ------------------------------------------------------
def _batch_plan(s: exp.BatchExercise) -> tuple:
    return exp.whole_batch, s


def _batch_read(r: exp.BatchRun, s: exp.BatchExercise) -> Finding:
    (e0, w0), (e1, w1) = r.at_zero, r.at_shift
    return Finding(
        {"x0": s.x0, "others": s.batch - 1, "shift": s.shift, "e0": e0, "e1": e1, "w0": w0, "w1": w1,
         "de": abs(e1 - e0), "dw": abs(w1 - w0), "whole": Words(en=WHOLE_EN[s.whole], zh=WHOLE_ZH[s.whole]),
         "lo": min(r.whole), "hi": max(r.whole)},
        x=r.shifts,
        series={"elementwise": r.elementwise, "whole": r.whole},
        x_title="ex.3.1.4.x",
        y_title="ex.3.1.4.y",
    )  # fmt: skip


WHOLE_EN = {"standardise": "ReLU after standardising over the batch", "softmax": "softmax across the batch"}
WHOLE_ZH = {"standardise": "先按小批量标准化再 ReLU", "softmax": "在整个小批量上做 softmax"}

exercise(
    "3.1.4",
    plan=_batch_plan,
    read=_batch_read,
    controls=("x31_batch", "x31_shift", "x31_whole"),
    settings=exp.BatchExercise,
    layout=(["batch", "shift"], "whole"),
)
