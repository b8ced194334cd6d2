"""3.8 numerical stability: predict how much gradient reaches layer 1 of a deep sigmoid stack, how
big the book's product of Gaussian matrices gets, and what Xavier does to the variance over many
layers; then keep a deep ReLU stack's signal alive by changing only the initialisation. The answers
read the page's own studies (``matrix_product``, ``layer_variances``) at the current settings; the
per-layer gradient is one extra backward pass through the vanishing study's deepest stack."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import torch

from mlp_lab.experiments import stability as exp
from mlp_lab.learn import Answer, Check, Finding, Verdict, Words, challenge, exercise, prediction


# --- 1. the gradient of each layer of one deep sigmoid stack --------------------------------------
@dataclass
class LayerGradients:
    config: exp.VanishingConfig
    rms: np.ndarray  # RMS gradient of W_t, t = 1..max_depth, in the deepest sigmoid stack


def layer_gradients(config: exp.VanishingConfig) -> LayerGradients:
    """The vanishing study's deepest sigmoid stack (same draw, same input and upstream gradient):
    the RMS gradient of every layer's weights after one backward pass."""
    gen = torch.Generator().manual_seed(config.seed)
    x = torch.randn(config.batch, config.width, generator=gen, dtype=torch.float64)
    upstream = torch.randn(config.batch, config.width, generator=gen, dtype=torch.float64)
    layers = exp.square_layers(config.max_depth, config.width, exp.MATCHING_INIT["sigmoid"], config.seed)
    weights = [W.clone().requires_grad_(True) for W in layers]
    h = x
    for W in weights:
        h = torch.sigmoid(h @ W.T)
    ((h * upstream).sum() / config.batch).backward()
    return LayerGradients(config, np.array([W.grad.pow(2).mean().sqrt().item() for W in weights]))


def _plan_layers(s: exp.VanishingConfig) -> tuple:
    return layer_gradients, s


def log_ratio(grads: LayerGradients) -> np.ndarray:
    """log10 of each layer's gradient over the last layer's (0 at the top)."""
    with np.errstate(divide="ignore"):
        return np.log10(grads.rms / grads.rms[-1])


def _first_layer(grads: LayerGradients, s: exp.VanishingConfig) -> Answer:
    ratios = log_ratio(grads)
    value = float(ratios[0])
    per_layer = value / (len(ratios) - 1) if len(ratios) > 1 else 0.0
    return Answer(
        value, {"depth": s.max_depth, "value": value, "per_layer": per_layer, "factor": 10**-per_layer},
        why="why" if value < 0 else "why_up", x=tuple(range(1, len(ratios) + 1)),
        y=tuple(float(r) for r in ratios), x_title="learn.stability.axis_layer",
        y_title="learn.stability.axis_grad", at=1,
    )  # fmt: skip


prediction(
    "stability.first_layer", section="3.8", plan=_plan_layers, answer=_first_layer, lo=-30.0, hi=5.0, step=1.0,
    start=0.0, digits=0, tol=1.5, ask=lambda s: {"depth": s.max_depth},
)  # fmt: skip


# --- 2. the book's product of Gaussian matrices ---------------------------------------------------
def _product(result: exp.MatrixProductResult, s: exp.MatrixProductConfig) -> Answer:
    value = float(result.log10_norm[-1])
    return Answer(
        value, {"value": value, "growth": result.growth_per_matrix, "count": s.count + 1, "sigma": s.sigma,
                "stable": result.stable_sigma},
        why="why_up" if value > 1 else ("why_down" if value < -1 else "why_kept"),
        x=tuple(range(len(result.log10_norm))), y=tuple(float(v) for v in result.log10_norm),
        x_title="learn.stability.axis_k", y_title="learn.stability.axis_norm",
    )  # fmt: skip


prediction(
    "stability.product", section="3.8", plan=lambda s: (exp.matrix_product, s), answer=_product, lo=-60.0,
    hi=60.0, step=1.0, start=0.0, digits=0, tol=3.0,
    ask=lambda s: {"count": s.count + 1, "size": s.size, "sigma": s.sigma},
)  # fmt: skip


# --- 3. the variance after many layers under the chosen initialisation ----------------------------
def _variance(result: exp.LayerVarianceResult, s: exp.LayerVarianceConfig) -> Answer:
    with np.errstate(divide="ignore"):
        logs = np.log10(np.maximum(exp.direction_ratios(result, "forward"), 1e-320))
    value = float(logs[-1])
    verdict = exp.direction_verdict(exp.direction_ratios(result, "forward"))
    return Answer(
        value, {"value": value, "depth": s.depth, "init": s.init, "activation": s.activation,
                "gain": result.gain_per_layer or 0.0},
        why="why_kept" if verdict in ("kept", "drifts") else ("why_up" if value > 0 else "why_down"),
        x=tuple(range(len(logs))), y=tuple(float(v) for v in logs),
        x_title="learn.stability.axis_layer", y_title="learn.stability.axis_var",
    )  # fmt: skip


prediction(
    "stability.variance", section="3.8", plan=lambda s: (exp.layer_variances, s), answer=_variance, lo=-60.0,
    hi=60.0, step=1.0, start=-10.0, digits=0, tol=1.0,
    ask=lambda s: {"depth": s.depth, "init": s.init, "activation": s.activation, "width": s.width},
)  # fmt: skip


# --- challenge: keep a deep ReLU stack's signal by changing only the initialisation ---------------
ACTIVATION = "relu"
MIN_DEPTH = 20  # the study's default depth: no shortcut through a shallow stack
FACTOR = 10.0  # every layer's variance within a factor 10 of where its pass started, both passes


def worst_factor(result: exp.LayerVarianceResult) -> tuple[float, str]:
    """The largest factor (>= 1) by which any layer's variance left its pass's start, and that pass."""
    out = []
    for direction in ("forward", "backward"):
        with np.errstate(divide="ignore"):
            logs = np.abs(np.log10(np.maximum(exp.direction_ratios(result, direction), 1e-320)))
        out.append((float(10 ** logs.max()) if np.isfinite(logs).all() else math.inf, direction))
    return max(out)


def _check_relu(result: exp.LayerVarianceResult, s: exp.LayerVarianceConfig) -> Verdict:
    factor, direction = worst_factor(result)
    numbers: dict[str, Any] = {"init": s.init, "activation": s.activation, "depth": s.depth, "factor": factor,
                               "pass": direction, "limit": FACTOR, "min_depth": MIN_DEPTH}  # fmt: skip
    if s.activation != ACTIVATION:
        return Verdict(False, numbers, "rule_act")
    if s.depth < MIN_DEPTH:
        return Verdict(False, numbers, "rule_depth")
    if factor <= FACTOR:
        return Verdict(True, numbers)
    return Verdict(False, numbers, f"off_{direction}")


challenge(
    "stability.relu_init", section="3.8", plan=lambda s: (exp.layer_variances, s), check=_check_relu,
    ask=lambda s: {"limit": FACTOR, "min_depth": MIN_DEPTH},
)  # fmt: skip


# --- the book's exercises (3.8) ------------------------------------------------------------------
# 3.8.1 (discuss): symmetries beyond the first hidden layer's permutation, with a run as evidence.
def _read_symmetries(r: exp.SymmetriesResult, s: exp.SymmetriesConfig) -> Finding:
    const, zero, rand = (r.runs[k] for k in exp.SYMMETRY_STARTS)
    numbers = {"units": s.units, "steps": s.steps, "s1": const.spread[0], "s2": const.spread[1],
               "r1": rand.spread[0], "r2": rand.spread[1], "zero_move": zero.moved, "acc_const": const.test_acc,
               "acc_zero": zero.test_acc, "acc_rand": rand.test_acc}  # fmt: skip
    kept = max(const.spread) <= exp.ROUNDING_MAX and zero.moved <= exp.ROUNDING_MAX
    return Finding(
        numbers, says="finding" if kept else "finding_apart", x=tuple(range(1, s.steps + 1)),
        series={k: tuple(map(float, r.runs[k].loss)) for k in exp.SYMMETRY_STARTS},
        x_title="ex.3.8.1.axis_step", y_title="metric.train_loss",
    )  # fmt: skip


exercise(
    "3.8.1", plan=lambda s: (exp.symmetries, s), read=_read_symmetries, settings=exp.SymmetriesConfig,
    layout=(["units", "steps"],), controls=("x381_units", "x381_steps"),
)  # fmt: skip


# 3.8.2 (explore): softmax regression from all-equal weights, against a random start and the MLP.
SAME_WITHIN = 0.01  # "the constant start does as well": within a point of the random start's accuracy
HURT_BY = 0.05  # "the MLP is hurt": five points below its random start


def _read_constant(r: exp.ConstantInitResult, s: exp.ConstantInitConfig) -> Finding:
    acc = {k: v[-1] for k, v in r.test_acc.items()}
    numbers = {"c": s.constant, "epochs": s.epochs, "hidden": exp.CONTRAST_HIDDEN,
               "soft_c": acc[("softmax", "constant")], "soft_r": acc[("softmax", "random")],
               "mlp_c": acc[("mlp", "constant")], "mlp_r": acc[("mlp", "random")]}  # fmt: skip
    soft_same = abs(numbers["soft_c"] - numbers["soft_r"]) <= SAME_WITHIN
    mlp_hurt = numbers["mlp_r"] - numbers["mlp_c"] >= HURT_BY
    says = ("finding" if mlp_hurt else "finding_mlp_fine") if soft_same else "finding_apart"
    return Finding(
        numbers, says=says, x=tuple(range(1, s.epochs + 1)),
        series={f"{m}_{st}": tuple(r.test_acc[(m, st)]) for m in ("softmax", "mlp") for st in ("constant", "random")},
        x_title="ex.3.8.2.axis_epoch", y_title="metric.test_acc",
    )  # fmt: skip


exercise(
    "3.8.2", plan=lambda s: (exp.constant_init, s), read=_read_constant, settings=exp.ConstantInitConfig,
    layout=(["constant", "epochs"],), controls=("x382_c", "x382_epochs"),
)  # fmt: skip


# 3.8.3 (derive): bounds on a product's singular values; checked on random pairs and on the page's product.
def _log10(v: float) -> float:
    return math.log10(max(v, 1e-300))


def _upper_check(_: Any) -> tuple[float, dict]:
    gaps = [_log10(exp.product_norm(m)) - _log10(exp.norm_bound(m)) for m in exp.bound_pairs()]
    return max(0.0, max(gaps)), {"count": len(gaps), "closest": -max(gaps)}


def _lower_check(_: Any) -> tuple[float, dict]:
    gaps = [_log10(exp.floor_bound(m)) - _log10(exp.product_floor(m)) for m in exp.bound_pairs()]
    return max(0.0, max(gaps)), {"count": len(gaps), "closest": -max(gaps)}


def _page_check(s: exp.MatrixProductConfig | None) -> tuple[float, dict]:
    """The page's product, step by step: ||P_k M|| against ||P_k|| ||M|| (P_k rescaled to norm 1 after
    each step, its scale kept as a log, so 1e+300 stays readable)."""
    s = s if isinstance(s, exp.MatrixProductConfig) else exp.MatrixProductConfig()
    gen = torch.Generator().manual_seed(s.seed)
    draw = lambda: torch.normal(0.0, 1.0, size=(s.size, s.size), generator=gen).double() * s.sigma  # noqa: E731
    P = draw()
    actual = bound = _log10(exp.product_norm([P]))
    P = P / 10**actual
    worst = -math.inf
    for _ in range(s.count):
        M = draw()
        step, allowed = _log10(exp.product_norm([P, M])), _log10(exp.norm_bound([P, M]))
        worst = max(worst, step - allowed)
        bound += _log10(exp.norm_bound([M]))
        actual += step
        P = P @ M / 10**step
    return max(0.0, worst), {"count": s.count + 1, "size": s.size, "sigma": s.sigma, "actual": actual,
                             "bound": bound, "slack": bound - actual}  # fmt: skip


def _read_bounds(r: exp.ProductBounds, s: exp.MatrixProductConfig) -> Finding:
    k = len(r.log10_norm) - 1
    numbers = {"count": k + 1, "size": s.size, "sigma": s.sigma, "actual": r.log10_norm[-1],
               "upper": r.log10_upper[-1], "floor": r.log10_floor[-1], "lower": r.log10_lower[-1],
               "growth": (r.log10_norm[-1] - r.log10_norm[0]) / max(k, 1),
               "bound_growth": (r.log10_upper[-1] - r.log10_upper[0]) / max(k, 1)}  # fmt: skip
    return Finding(
        numbers, x=tuple(range(k + 1)),
        series={"upper": tuple(map(float, r.log10_upper)), "norm": tuple(map(float, r.log10_norm)),
                "floor": tuple(map(float, r.log10_floor)), "lower": tuple(map(float, r.log10_lower))},
        x_title="learn.stability.axis_k", y_title="ex.3.8.3.axis_log",
    )  # fmt: skip


exercise(
    "3.8.3", plan=lambda s: (exp.product_bounds, s), read=_read_bounds,
    checks=(Check("upper", _upper_check, tol=1e-9), Check("lower", _lower_check, tol=1e-9),
            Check("page", _page_check, tol=1e-9)),
    controls=("stability_count", "stability_size", "stability_sigma"),
)  # fmt: skip


# 3.8.4 (discuss): a divergent run, fixed after the fact by clipping or by LARS-style per-layer steps.
def _outcome(run: exp.FixRun) -> Words:
    if run.diverged_step is not None:
        return Words(en=f"diverges at step {run.diverged_step}", zh=f"在第 {run.diverged_step} 步发散")
    return Words(en=f"reaches {run.test_acc:.1%} test accuracy", zh=f"测试精度达到 {run.test_acc:.1%}")


def _read_fixes(r: exp.DivergenceFixResult, s: exp.DivergenceFixConfig) -> Finding:
    plain, clip, lars = (r.runs[k] for k in exp.FIXES)
    numbers = {"lr": s.lr, "clip": s.clip, "trust": s.trust, "epochs": s.epochs, "plain": _outcome(plain),
               "clip_out": _outcome(clip), "lars_out": _outcome(lars), "plain_step": plain.diverged_step or 0,
               "plain_acc": plain.test_acc, "clip_acc": clip.test_acc, "lars_acc": lars.test_acc}  # fmt: skip
    steps = len(plain.loss)
    return Finding(
        numbers, says="finding" if plain.diverged_step is not None else "finding_stable",
        x=tuple(exp.LOSS_EVERY * (i + 1) for i in range(steps)),
        series={k: tuple(float(v) for v in r.runs[k].loss) for k in exp.FIXES},
        x_title="ex.3.8.1.axis_step", y_title="metric.train_loss", log_y=True,
    )  # fmt: skip


exercise(
    "3.8.4", plan=lambda s: (exp.divergence_fixes, s), read=_read_fixes, settings=exp.DivergenceFixConfig,
    layout=(["lr", "clip"], ["trust", "epochs"]), controls=("x384_lr", "x384_clip", "x384_trust", "x384_epochs"),
)  # fmt: skip
