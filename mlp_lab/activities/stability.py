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
from mlp_lab.learn import Answer, Verdict, challenge, prediction


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
