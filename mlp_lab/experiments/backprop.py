"""3.7: forward and backward propagation on the chapter's computational graph, by hand.

The network is the book's: one sample x in R^d, no bias (unless asked for),
    z = W1 x (+ b1),  h = phi(z),  o = W2 h (+ b2),  L = l(o, y),  s = lambda/2 (|W1|^2 + |W2|^2),  J = L + s,
with l (the book leaves it general) the softmax cross-entropy. Every gradient is written out the way
the book derives it (3.7.3; the write-up numbers it 3.7.2) and then
checked against torch.autograd and against central finite differences, all in float64.
A second part measures the memory training keeps for the backward pass (3.7.4).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from itertools import pairwise

import numpy as np
import torch
from torch import nn

from mlp_lab.checks import register, register_claim
from mlp_lab.controls import control
from mlp_lab.models import NUM_INPUTS, NUM_OUTPUTS, build_model
from mlp_lab.store import Progress, cached

DTYPE = torch.float64
PHIS = ("relu", "sigmoid", "tanh")
LAMBDAS = (0.0, 0.01, 0.1, 1.0)


def phi(name: str, z: torch.Tensor) -> torch.Tensor:
    return {"relu": torch.relu, "sigmoid": torch.sigmoid, "tanh": torch.tanh}[name](z)


def phi_prime(name: str, z: torch.Tensor) -> torch.Tensor:
    """phi'(z) by hand: the one derivative backprop needs from the activation."""
    if name == "relu":
        return (z > 0).to(z.dtype)
    if name == "sigmoid":
        s = torch.sigmoid(z)
        return s * (1 - s)
    if name == "tanh":
        return 1 - torch.tanh(z) ** 2
    raise ValueError(f"unknown activation {name!r}; choose one of {PHIS}")


@dataclass(frozen=True)
class GraphConfig:
    """The chapter's graph: sizes (3.7 keeps d, h, q symbolic; the defaults are the MLP of the book's
    figure in 3.1: d = 4 inputs, h = 5 hidden units, q = 3 outputs), the activation, lambda (the L2
    penalty's weight) and the biases (3.7 leaves them out; its exercise 2 adds the hidden layer's,
    with no penalty on it, and we add the output layer's too)."""

    inputs: int = control(4, key="bp_d", label="bp.inputs", lo=1, hi=8, doc="inputs d")
    hidden: int = control(5, key="bp_h", label="bp.hidden", lo=1, hi=8, doc="hidden units h")
    outputs: int = control(3, key="bp_q", label="bp.outputs", lo=2, hi=6, doc="outputs q")
    activation: str = control("relu", key="bp_phi", label="bp.phi", choices=PHIS, help="bp.phi_help",
                              doc="activation phi")  # fmt: skip
    lam: float = control(0.1, key="bp_lam", label="bp.lambda", choices=LAMBDAS, widget="select_slider", fmt="g",
                         help="bp.lambda_help", doc="lambda, the weight of the L2 penalty")  # fmt: skip
    bias: bool = control(False, key="bp_bias", label="bp.bias", help="bp.bias_help", doc="add the biases b1, b2")
    seed: int = 0

    def __post_init__(self) -> None:
        if min(self.inputs, self.hidden, self.outputs) < 1 or self.outputs < 2:
            raise ValueError("sizes must be positive and there must be at least 2 outputs")
        if self.activation not in PHIS:
            raise ValueError(f"activation must be one of {PHIS}")
        if not (self.lam >= 0 and np.isfinite(self.lam)):
            raise ValueError("lambda must be zero or positive")


PARAMS = ("W1", "b1", "W2", "b2")


@dataclass
class Example:
    """The inputs of the graph: one sample, its label, the parameters."""

    x: torch.Tensor  # (d,)
    y: int
    W1: torch.Tensor  # (h, d), as in the book: z = W1 x
    b1: torch.Tensor | None
    W2: torch.Tensor  # (q, h)
    b2: torch.Tensor | None

    def params(self) -> dict[str, torch.Tensor]:
        return {name: getattr(self, name) for name in PARAMS if getattr(self, name) is not None}


def make_example(config: GraphConfig) -> Example:
    """Random values, scaled by 1/sqrt(fan-in) so that no number on the page is huge."""
    g = torch.Generator().manual_seed(config.seed)
    d, h, q = config.inputs, config.hidden, config.outputs
    randn = lambda *shape: torch.randn(*shape, generator=g, dtype=DTYPE)  # noqa: E731
    x = randn(d)
    W1, W2 = randn(h, d) / d**0.5, randn(q, h) / h**0.5
    b1, b2 = 0.1 * randn(h), 0.1 * randn(q)
    y = int(torch.randint(0, q, (1,), generator=g))
    return Example(x, y, W1, b1 if config.bias else None, W2, b2 if config.bias else None)


@dataclass
class Pass:
    """Every value on the graph: the forward pass and the hand-derived backward pass."""

    # forward
    z: torch.Tensor
    h: torch.Tensor
    o: torch.Tensor
    L: torch.Tensor
    s: torch.Tensor
    J: torch.Tensor
    # backward (dJ_dX is dJ/dX)
    dJ_dL: torch.Tensor
    dJ_ds: torch.Tensor
    dJ_do: torch.Tensor
    dJ_dW2: torch.Tensor
    dJ_db2: torch.Tensor | None
    dJ_dh: torch.Tensor
    dJ_dz: torch.Tensor
    dJ_dW1: torch.Tensor
    dJ_db1: torch.Tensor | None
    dphi: torch.Tensor  # phi'(z), what the activation contributes to the backward pass
    p: torch.Tensor  # softmax(o), the predicted probabilities

    def grads(self) -> dict[str, torch.Tensor]:
        out = {"W1": self.dJ_dW1, "b1": self.dJ_db1, "W2": self.dJ_dW2, "b2": self.dJ_db2}
        return {k: v for k, v in out.items() if v is not None}


def objective(ex: Example, config: GraphConfig, params: dict[str, torch.Tensor] | None = None) -> torch.Tensor:
    """J as one function of the parameters (for autograd and finite differences)."""
    p = params if params is not None else ex.params()
    z = p["W1"] @ ex.x + p.get("b1", 0)
    o = p["W2"] @ phi(config.activation, z) + p.get("b2", 0)
    L = nn.functional.cross_entropy(o.unsqueeze(0), torch.tensor([ex.y]))
    s = config.lam / 2 * ((p["W1"] ** 2).sum() + (p["W2"] ** 2).sum())
    return L + s


def forward_backward(ex: Example, config: GraphConfig) -> Pass:
    """3.7.1 then 3.7.3, line by line."""
    lam = config.lam
    # Forward: compute and keep every intermediate value (backward needs them).
    z = ex.W1 @ ex.x + (ex.b1 if ex.b1 is not None else 0)
    h = phi(config.activation, z)
    o = ex.W2 @ h + (ex.b2 if ex.b2 is not None else 0)
    log_probs = torch.log_softmax(o, dim=0)
    L = -log_probs[ex.y]
    s = lam / 2 * ((ex.W1**2).sum() + (ex.W2**2).sum())
    J = L + s
    # Backward: from J down to the parameters, reusing z, h and o.
    one = torch.ones((), dtype=DTYPE)
    dJ_dL, dJ_ds = one, one
    dJ_do = dJ_dL * (log_probs.exp() - nn.functional.one_hot(torch.tensor(ex.y), o.shape[0]).to(DTYPE))
    dJ_dW2 = torch.outer(dJ_do, h) + dJ_ds * lam * ex.W2  # dJ/do h^T + lambda W2
    dJ_dh = ex.W2.T @ dJ_do  # W2^T dJ/do
    dphi = phi_prime(config.activation, z)
    dJ_dz = dJ_dh * dphi  # dJ/dh ⊙ phi'(z)
    dJ_dW1 = torch.outer(dJ_dz, ex.x) + dJ_ds * lam * ex.W1  # dJ/dz x^T + lambda W1
    return Pass(
        z, h, o, L, s, J, dJ_dL, dJ_ds, dJ_do, dJ_dW2,
        dJ_do if ex.b2 is not None else None,  # o = W2 h + b2: do/db2 = I
        dJ_dh, dJ_dz, dJ_dW1,
        dJ_dz if ex.b1 is not None else None,  # the biases carry no penalty (3.5)
        dphi, log_probs.exp(),
    )  # fmt: skip


def autograd_grads(ex: Example, config: GraphConfig) -> dict[str, torch.Tensor]:
    params = {k: v.clone().requires_grad_(True) for k, v in ex.params().items()}
    objective(ex, config, params).backward()
    return {k: v.grad for k, v in params.items()}


def finite_diff_grads(ex: Example, config: GraphConfig, eps: float = 1e-6) -> dict[str, torch.Tensor]:
    """Central differences (J(w + eps) - J(w - eps)) / (2 eps), one parameter element at a time."""
    out = {}
    base = {k: v.clone() for k, v in ex.params().items()}
    with torch.no_grad():
        for name, value in base.items():
            grad = torch.zeros_like(value)
            flat, gflat = value.view(-1), grad.view(-1)
            for i in range(flat.numel()):
                keep = flat[i].item()
                flat[i] = keep + eps
                up = objective(ex, config, base).item()
                flat[i] = keep - eps
                down = objective(ex, config, base).item()
                flat[i] = keep
                gflat[i] = (up - down) / (2 * eps)
            out[name] = grad
    return out


# The page's verdict and the rows' acceptance. Worst over the rows' six cases (the book's 4-5-3 graph,
# lambda 0.1, relu/sigmoid/tanh, with and without biases), per seed of the draw:
# hand vs autograd, float64 rounding (the same operations in another order): seeds 0-9: 2.8e-17,
#   1.1e-16, 5.6e-17, 5.6e-17, 5.6e-17, 5.6e-17, 1.1e-16, 1.1e-16, 1.1e-16, 5.6e-17; every page setting
#   (sizes 1..8, lambda 0..1) up to 4.4e-16; accept < 1e-12. Broken: the chain rule without phi'(z)
#   reads 0.57 (seed 0).
AUTOGRAD_TOL = 1e-12
# hand vs central difference (eps 1e-6: its rounding, ~1e-16 / eps, dominates): seeds 0-9: 2.3e-10,
#   2.2e-10, 2.5e-10, 2.8e-10, 2.7e-10, 2.3e-10, 3.6e-10, 3.6e-10, 3.1e-10, 2.2e-10; every page setting up
#   to 1.8e-9; accept < 1e-8. Broken: dJ/dW1 without the penalty's lambda W1 reads 0.087 (seed 0).
FINITE_DIFF_TOL = 1e-8
SPREAD_SEEDS = tuple(range(5))  # the page's line of the same check on other draws


@dataclass
class GradCheck:
    vs_autograd: dict[str, float]  # max |hand - autograd| per parameter
    vs_finite_diff: dict[str, float]  # max |hand - central difference| per parameter

    @property
    def ok(self) -> bool:
        return self.max_autograd < AUTOGRAD_TOL and self.max_finite_diff < FINITE_DIFF_TOL

    @property
    def max_autograd(self) -> float:
        return max(self.vs_autograd.values())

    @property
    def max_finite_diff(self) -> float:
        return max(self.vs_finite_diff.values())


def gradient_check(config: GraphConfig) -> GradCheck:
    ex = make_example(config)
    hand = forward_backward(ex, config).grads()
    auto, numeric = autograd_grads(ex, config), finite_diff_grads(ex, config)
    err = lambda other: {k: (hand[k] - other[k]).abs().max().item() for k in hand}  # noqa: E731
    return GradCheck(err(auto), err(numeric))


def writeup_dJ_dz_error(config: GraphConfig) -> float | None:
    """The chapter write-up (not the book) prints dJ/dz = W2^T dJ/dh ⊙ phi'(z), one W2^T too many.
    Its largest difference from the right dJ/dz = dJ/dh ⊙ phi'(z); None when the product does not
    even have matching shapes (h != q: W2^T is h x q, dJ/dh has h entries)."""
    if config.hidden != config.outputs:
        return None
    ex = make_example(config)
    values = forward_backward(ex, config)
    printed = (ex.W2.T @ values.dJ_dh) * values.dphi
    return float((printed - values.dJ_dz).abs().max())


# --- the walk-through: one step per node, forward then backward ----------------------------------
@dataclass(frozen=True)
class Step:
    id: str  # also the i18n key suffix of its title
    phase: str  # "forward" or "backward"
    nodes: tuple[str, ...]  # graph nodes to highlight
    formula: str  # LaTeX
    values: tuple[tuple[str, str], ...]  # (LaTeX name, attribute of Pass or Example) to show


FORWARD = (
    Step("inputs", "forward", ("x", "W1", "W2", "b1", "b2", "y", "lam"), r"\mathbf{x}\in\mathbb{R}^{d},\ "
         r"\mathbf{W}^{(1)}\in\mathbb{R}^{h\times d},\ \mathbf{W}^{(2)}\in\mathbb{R}^{q\times h},\ y,\ \lambda",
         ((r"\mathbf{x}", "x"), (r"\mathbf{W}^{(1)}", "W1"), (r"\mathbf{W}^{(2)}", "W2"))),
    Step("z", "forward", ("z",), r"\mathbf{z}=\mathbf{W}^{(1)}\mathbf{x}", ((r"\mathbf{z}", "z"),)),
    Step("h", "forward", ("h",), r"\mathbf{h}=\phi(\mathbf{z})", ((r"\mathbf{z}", "z"), (r"\mathbf{h}", "h"))),
    Step("o", "forward", ("o",), r"\mathbf{o}=\mathbf{W}^{(2)}\mathbf{h}", ((r"\mathbf{o}", "o"),)),
    Step("L", "forward", ("L",), r"L=l(\mathbf{o},y)=-\log\operatorname{softmax}(\mathbf{o})_y",
         ((r"\operatorname{softmax}(\mathbf{o})", "p"), ("L", "L"))),
    Step("s", "forward", ("s",), r"s=\frac{\lambda}{2}\left(\|\mathbf{W}^{(1)}\|_F^2+\|\mathbf{W}^{(2)}\|_F^2\right)",
         (("s", "s"),)),
    Step("J", "forward", ("J",), r"J=L+s", (("J", "J"),)),
)  # fmt: skip
BACKWARD = (
    Step("dJ_dL", "backward", ("L", "s"), r"\frac{\partial J}{\partial L}=1,\quad \frac{\partial J}{\partial s}=1",
         ((r"\partial J/\partial L", "dJ_dL"),)),
    Step("dJ_do", "backward", ("o",), r"\frac{\partial J}{\partial \mathbf{o}}=\frac{\partial L}{\partial \mathbf{o}}"
         r"=\operatorname{softmax}(\mathbf{o})-\mathbf{e}_y",
         ((r"\operatorname{softmax}(\mathbf{o})", "p"), (r"\partial J/\partial \mathbf{o}", "dJ_do"))),
    Step("dJ_dW2", "backward", ("W2",), r"\frac{\partial J}{\partial \mathbf{W}^{(2)}}=\frac{\partial J}{\partial "
         r"\mathbf{o}}\mathbf{h}^\top+\lambda\mathbf{W}^{(2)}",
         ((r"\partial J/\partial \mathbf{o}", "dJ_do"), (r"\mathbf{h}", "h"),
          (r"\partial J/\partial \mathbf{W}^{(2)}", "dJ_dW2"))),
    Step("dJ_db2", "backward", ("b2",), r"\frac{\partial J}{\partial \mathbf{b}^{(2)}}=\frac{\partial J}{\partial "
         r"\mathbf{o}}", ((r"\partial J/\partial \mathbf{b}^{(2)}", "dJ_db2"),)),
    Step("dJ_dh", "backward", ("h",), r"\frac{\partial J}{\partial \mathbf{h}}=\mathbf{W}^{(2)\top}\frac{\partial J}"
         r"{\partial \mathbf{o}}",
         ((r"\partial J/\partial \mathbf{o}", "dJ_do"), (r"\partial J/\partial \mathbf{h}", "dJ_dh"))),
    Step("dJ_dz", "backward", ("z",), r"\frac{\partial J}{\partial \mathbf{z}}=\frac{\partial J}{\partial \mathbf{h}}"
         r"\odot\phi'(\mathbf{z})",
         ((r"\partial J/\partial \mathbf{h}", "dJ_dh"), (r"\phi'(\mathbf{z})", "dphi"),
          (r"\partial J/\partial \mathbf{z}", "dJ_dz"))),
    Step("dJ_dW1", "backward", ("W1",), r"\frac{\partial J}{\partial \mathbf{W}^{(1)}}=\frac{\partial J}{\partial "
         r"\mathbf{z}}\mathbf{x}^\top+\lambda\mathbf{W}^{(1)}",
         ((r"\partial J/\partial \mathbf{z}", "dJ_dz"), (r"\mathbf{x}", "x"),
          (r"\partial J/\partial \mathbf{W}^{(1)}", "dJ_dW1"))),
    Step("dJ_db1", "backward", ("b1",), r"\frac{\partial J}{\partial \mathbf{b}^{(1)}}=\frac{\partial J}{\partial "
         r"\mathbf{z}}", ((r"\partial J/\partial \mathbf{b}^{(1)}", "dJ_db1"),)),
)  # fmt: skip
BIAS_FORMULAS = {"z": r"\mathbf{z}=\mathbf{W}^{(1)}\mathbf{x}+\mathbf{b}^{(1)}",
                 "o": r"\mathbf{o}=\mathbf{W}^{(2)}\mathbf{h}+\mathbf{b}^{(2)}"}  # fmt: skip


def steps(bias: bool) -> list[Step]:
    """The walk-through for the graph with or without the bias nodes."""
    out = []
    for step in (*FORWARD, *BACKWARD):
        if not bias and step.id in ("dJ_db1", "dJ_db2"):
            continue
        if bias and step.id in BIAS_FORMULAS:
            step = Step(step.id, step.phase, step.nodes, BIAS_FORMULAS[step.id], step.values)
        if bias and step.id == "inputs":
            step = Step(step.id, step.phase, step.nodes, step.formula, (*step.values, *_BIAS_VALUES))
        if not bias and step.id == "inputs":
            step = Step(step.id, step.phase, tuple(n for n in step.nodes if n not in ("b1", "b2")), step.formula,
                        step.values)  # fmt: skip
        out.append(step)
    return out


_BIAS_VALUES = ((r"\mathbf{b}^{(1)}", "b1"), (r"\mathbf{b}^{(2)}", "b2"))


@dataclass(frozen=True)
class WalkView:
    """Which step of the walk-through is shown (changes no result). The range is the longest walk
    (with the biases); the page clamps it to ``len(steps(bias))``."""

    step: int = control(1, key="bp_step", label="bp.step", lo=1, hi=len(FORWARD) + len(BACKWARD), cli=False)


def step_value(name: str, ex: Example, values: Pass) -> np.ndarray:
    """A named value of the walk-through as a numpy array (vectors as columns, like the book)."""
    source = values if name in {f.name for f in fields(Pass)} else ex
    tensor = getattr(source, name)
    array = tensor.detach().numpy() if isinstance(tensor, torch.Tensor) else np.asarray(tensor)
    return array.reshape(-1, 1) if array.ndim == 1 else array


# --- 3.7.4: memory kept for the backward pass ----------------------------------------------------
MEMORY_MODELS = ("concise", "scratch")


@dataclass(frozen=True)
class MemoryConfig:
    model: str = control("concise", key="bp_mem_model", label="bp.mem_model", choices=MEMORY_MODELS,
                         widget="segmented", help="bp.mem_model_help", doc="MLP implementation to measure")  # fmt: skip
    width: int = 256
    depths: tuple[int, ...] = (1, 2, 4, 8)
    batch_sizes: tuple[int, ...] = (1, 16, 64, 256, 1024, 4096)
    seed: int = 0


@dataclass
class MemoryPoint:
    depth: int
    batch_size: int
    saved_bytes: int  # tensors autograd keeps for backward, excluding the parameters themselves
    predict_bytes: int  # the same under torch.no_grad (prediction): nothing is kept
    param_bytes: int


def saved_for_backward(model: nn.Module, X: torch.Tensor, y: torch.Tensor) -> int:
    """Bytes of the tensors autograd packs away during one forward + loss, counted once each.

    A tensor saved by two operations (a ReLU output is saved by the ReLU and by the next matmul)
    shares one storage, so storages are counted, not save calls. Parameters are left out: they are
    in memory for prediction too.
    """
    param_storages = {p.untyped_storage().data_ptr() for p in model.parameters()}
    seen: dict[int, int] = {}

    def pack(t: torch.Tensor) -> torch.Tensor:
        storage = t.untyped_storage()
        if storage.data_ptr() not in param_storages:
            seen[storage.data_ptr()] = storage.nbytes()
        return t

    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        nn.functional.cross_entropy(model(X), y)
    return sum(seen.values())


def backward_memory(config: MemoryConfig, progress: Progress | None = None) -> list[MemoryPoint]:
    """The bytes kept for backward by the Fashion-MNIST MLP, for each depth and batch size.

    The bytes depend only on the shapes, so random 28x28 images stand in for the data set.
    """
    gen = torch.Generator().manual_seed(config.seed)
    points = []
    total = len(config.depths) * len(config.batch_sizes)
    for depth in config.depths:
        model = build_model(config.model, (config.width,) * depth, generator=gen)
        param_bytes = sum(p.numel() * p.element_size() for p in model.parameters())
        for n in config.batch_sizes:
            X = torch.rand(n, 1, 28, 28, generator=gen)
            y = torch.randint(0, NUM_OUTPUTS, (n,), generator=gen)
            points.append(MemoryPoint(depth, n, saved_for_backward(model, X, y), predicting_bytes(model, X, y),
                                      param_bytes))  # fmt: skip
            if progress:
                progress(len(points) / total)
    return points


@dataclass(frozen=True)
class MemoryShape:
    """What the memory chart says, as numbers: the log-log slope against the batch size (1 when the
    bytes are proportional to it), the bytes each added hidden layer adds per example (equal steps:
    linear in depth), and what prediction keeps."""

    slopes: tuple[float, ...]  # per depth, between the smallest and the largest batch
    per_layer: tuple[float, ...]  # bytes per example added per hidden layer, between successive depths
    predict_bytes: int  # the most any prediction (torch.no_grad) keeps

    @property
    def as_the_book_says(self) -> bool:
        """3.7.4: training keeps intermediate values that prediction does not, roughly in proportion
        to the batch size and growing with the number of layers."""
        proportional = all(abs(s - 1) < 0.01 for s in self.slopes)
        linear = max(self.per_layer) - min(self.per_layer) <= 0.01 * max(self.per_layer) and min(self.per_layer) > 0
        return proportional and linear and self.predict_bytes == 0


def memory_shape(points: list[MemoryPoint]) -> MemoryShape:
    by = {(p.depth, p.batch_size): p for p in points}
    depths = sorted({p.depth for p in points})
    batches = sorted({p.batch_size for p in points})
    small, big = batches[0], batches[-1]
    slopes = tuple(
        float(np.log(by[d, big].saved_bytes / by[d, small].saved_bytes) / np.log(big / small)) for d in depths
    )
    per_layer = tuple((by[b, big].saved_bytes - by[a, big].saved_bytes) / big / (b - a) for a, b in pairwise(depths))
    return MemoryShape(slopes, per_layer, max(p.predict_bytes for p in points))


def predicting_bytes(model: nn.Module, X: torch.Tensor, y: torch.Tensor) -> int:
    """What autograd keeps when the same forward pass runs for prediction, under ``torch.no_grad``."""
    with torch.no_grad():
        return saved_for_backward(model, X, y)


def activation_floats(depth: int, width: int, model: str = "concise") -> int:
    """Floats per example a plain count predicts: the input, and per hidden layer what is saved.

    Concise: the Linear output is not saved; ReLU saves its output, which the next matmul reuses
    (one copy). The scratch ``relu`` (torch.max(X, zeros)) saves both of its inputs: pre-activation
    and a zeros tensor, plus its output for the next matmul: three per layer. The loss keeps the
    log-softmax of the logits (10 floats) and the int64 label (the size of 2 floats).
    """
    per_layer = 1 if model == "concise" else 3
    return NUM_INPUTS + per_layer * depth * width + NUM_OUTPUTS + 2


# --- checks --------------------------------------------------------------------------------------
def _all_cases() -> list[GraphConfig]:
    """The book's graph with each activation, with and without biases (the first is the page's default)."""
    return [GraphConfig(activation=a, bias=b, lam=0.1) for a in PHIS for b in (False, True)]


@register("backprop.hand_vs_autograd", section="3.7", kind="identity")
def _hand_vs_autograd() -> tuple[float, bool]:
    worst = max(cached(gradient_check, c).max_autograd for c in _all_cases())
    return worst, worst < AUTOGRAD_TOL


@register("backprop.hand_vs_finite_diff", section="3.7", kind="identity")
def _hand_vs_finite_diff() -> tuple[float, bool]:
    worst = max(cached(gradient_check, c).max_finite_diff for c in _all_cases())
    return worst, worst < FINITE_DIFF_TOL


# The book's statement (3.7.4), measured on the page's default sweep (concise, width 256, depths
# 1-8, batches 1-4096): log-log slope against the batch 0.99989-0.99996 (the loss's 4-byte scalar
# aside, exactly proportional), 1024 bytes (256 floats) per example for each added layer, 0 bytes
# under no_grad. The bytes depend on the shapes only, so one seed is enough (seeds 0-4 alike).
# Accepted: MemoryShape.as_the_book_says (slopes within 0.01 of 1, equal steps per layer within 1%,
# nothing kept for prediction). Broken (prediction measured without torch.no_grad): fails.
@register("backprop.memory_as_the_book_says", section="3.7.4", kind="book")
def _memory_as_the_book_says() -> tuple[str, bool]:
    shape = memory_shape(cached(backward_memory, MemoryConfig()))
    value = f"{min(shape.slopes):.4f} / {max(shape.per_layer):.0f} B / {shape.predict_bytes} B"
    return value, shape.as_the_book_says


# --- claim rows: what the page's text says at its defaults, over seeds -----------------------------
# The page's default graph (4-5-3, relu, lambda 0.1, no bias), a new draw of x, y and the weights per
# seed: hand-derived gradients within AUTOGRAD_TOL of autograd and FINITE_DIFF_TOL of central
# differences: seeds 0-7, 8 of 8. Broken (the chain rule without phi'(z)): 0 of 8.
@register_claim("backprop.hand_gradients_right", section="3.7.3", seeds=range(8), need=1.0)
def _hand_gradients_right(seed: int) -> bool:
    return cached(gradient_check, GraphConfig(seed=seed)).ok


# --- the book's exercises (3.7.1, 3.7.4): settings and runs -----------------------------------------
@dataclass(frozen=True)
class ShapeExercise:
    """Exercise 3.7.1: a scalar function of an n x m matrix X."""

    rows: int = control(3, key="x37_n", label="ex.3.7.1.rows", lo=1, hi=8, doc="rows n of X (exercise 3.7.1)")
    cols: int = control(5, key="x37_m", label="ex.3.7.1.cols", lo=1, hi=8, doc="columns m of X (exercise 3.7.1)")
    seed: int = 0


def scalar_of_matrix(X: torch.Tensor, seed: int = 0) -> torch.Tensor:
    """f(X) = u^T tanh(X) v + |X|_F^2 / 2 with fixed random u, v: one number from an n x m matrix."""
    g = torch.Generator().manual_seed(seed)
    u = torch.randn(X.shape[0], generator=g, dtype=DTYPE)
    v = torch.randn(X.shape[1], generator=g, dtype=DTYPE)
    return u @ torch.tanh(X) @ v + (X**2).sum() / 2


def autograd_shape(config: ShapeExercise) -> tuple[tuple[int, ...], int]:
    """The shape of autograd's df/dX and its number of entries."""
    g = torch.Generator().manual_seed(config.seed + 1)
    X = torch.randn(config.rows, config.cols, generator=g, dtype=DTYPE, requires_grad=True)
    scalar_of_matrix(X, config.seed).backward()
    return tuple(X.grad.shape), X.grad.numel()


SECOND_WIDTHS = (32, 64, 128, 256, 512, 1024)
SECOND_BATCHES = (16, 64, 256, 1024)


@dataclass(frozen=True)
class SecondOrderExercise:
    """Exercise 3.7.4: the Fashion-MNIST MLP (784 -> width -> 10, tanh, so second derivatives are not
    zero), its gradient against a Hessian-vector product (differentiating the gradient once more)."""

    width: int = control(256, key="x37_width", label="ex.3.7.4.width", choices=SECOND_WIDTHS,
                         widget="select_slider", doc="hidden units (exercise 3.7.4)")  # fmt: skip
    batch: int = control(256, key="x37_batch", label="ex.3.7.4.batch", choices=SECOND_BATCHES,
                         widget="select_slider", doc="batch size (exercise 3.7.4)")  # fmt: skip
    repeats: int = 15  # timings: the fastest of this many
    seed: int = 0


def graph_nodes(root: torch.Tensor) -> int:
    """Operations in the autograd graph that ends in ``root`` (each node counted once)."""
    seen, todo = set(), [root.grad_fn]
    while todo:
        node = todo.pop()
        if node is None or node in seen:
            continue
        seen.add(node)
        todo.extend(n for n, _ in node.next_functions)
    return len(seen)


def _second_order_setup(width: int, batch: int, seed: int) -> tuple[list[torch.Tensor], torch.Tensor, torch.Tensor]:
    g = torch.Generator().manual_seed(seed)
    params = [torch.randn(width, NUM_INPUTS, generator=g) / NUM_INPUTS**0.5, torch.zeros(width),
              torch.randn(NUM_OUTPUTS, width, generator=g) / width**0.5, torch.zeros(NUM_OUTPUTS)]  # fmt: skip
    X = torch.rand(batch, NUM_INPUTS, generator=g)
    y = torch.randint(0, NUM_OUTPUTS, (batch,), generator=g)
    return [p.requires_grad_(True) for p in params], X, y


def _mlp_loss(params: list[torch.Tensor], X: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    W1, b1, W2, b2 = params
    return nn.functional.cross_entropy(torch.tanh(X @ W1.T + b1) @ W2.T + b2, y)


@dataclass
class SecondOrderPoint:
    width: int
    params: int
    grad_ms: float  # forward + gradient
    hvp_ms: float  # forward + gradient with its graph kept + the gradient of (gradient . v)
    nodes_loss: int  # operations in the forward graph
    nodes_hvp: int  # operations in the graph of (gradient . v): the forward graph and the backward one


def second_order_point(width: int, batch: int, repeats: int, seed: int) -> SecondOrderPoint:
    import time

    params, X, y = _second_order_setup(width, batch, seed)
    g = torch.Generator().manual_seed(seed + 1)
    v = [torch.randn(p.shape, generator=g) for p in params]

    def grad() -> int:
        loss = _mlp_loss(params, X, y)
        torch.autograd.grad(loss, params)
        return graph_nodes(loss)

    def hvp() -> int:
        loss = _mlp_loss(params, X, y)
        grads = torch.autograd.grad(loss, params, create_graph=True)
        dot = sum((a * b).sum() for a, b in zip(grads, v, strict=True))
        nodes = graph_nodes(dot)
        torch.autograd.grad(dot, params)
        return nodes

    def timed(fn: Callable[[], int]) -> tuple[float, int]:
        start = time.perf_counter()
        nodes = fn()
        return time.perf_counter() - start, nodes

    grad(), hvp()  # warm-up: the first call pays for allocations
    grad_times, hvp_times, nodes_loss, nodes_hvp = [], [], 0, 0
    for _ in range(repeats):  # interleaved, so that both meet the same load on the machine
        seconds, nodes_loss = timed(grad)
        grad_times.append(seconds)
        seconds, nodes_hvp = timed(hvp)
        hvp_times.append(seconds)
    # the fastest of the repeats: the least disturbed by other work on the machine
    grad_ms, hvp_ms = min(grad_times) * 1000, min(hvp_times) * 1000
    return SecondOrderPoint(width, sum(p.numel() for p in params), grad_ms, hvp_ms, nodes_loss, nodes_hvp)


def second_order(config: SecondOrderExercise) -> list[SecondOrderPoint]:
    """Gradient against Hessian-vector product at every width up to the chosen one (the last point)."""
    widths = [w for w in SECOND_WIDTHS if w <= config.width]
    return [second_order_point(w, config.batch, config.repeats, config.seed) for w in widths]
