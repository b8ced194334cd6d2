"""3.8: numerical stability and initialisation, as experiments that run without Streamlit.

The studies, each a frozen config in and a result out:
- ``sigmoid_curve``: sigmoid and its gradient (the book's figure), by autograd;
- ``vanishing_gradients``: how much gradient reaches the first layer of a stack of L layers;
- ``matrix_product``: the book's product of 100 random 4x4 matrices, and the scale that tames it;
- ``number_formats``: the same product and a sigmoid stack's gradients in float16, float32, float64;
- ``permutation``: swapping hidden units (in and out) leaves the network's function unchanged;
- ``symmetry``: hidden units started equal stay equal under SGD, unless dropout breaks the tie;
- ``layer_variances``: per-layer variance of activations and gradients under each init scheme;
- ``DeepTrainSettings``: a deeper Fashion-MNIST MLP trained under each scheme (with THE trainer).

The page's controls are declared on these configs (``control(...)``), next to what they configure.
Each sentence the page says about a result is chosen by a predicate here (``vanishes``,
``symmetry_state``, ``variance_verdict``, ``float16_gives_up``, ``training_outcome``), and the
claim rows at the bottom count the seeds whose default run shows what the page asserts.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from mlp_lab.checks import register, register_claim
from mlp_lab.controls import control
from mlp_lab.data import FashionMNIST, load_fashion_mnist
from mlp_lab.models import INITS, init_weights, linear_weights
from mlp_lab.store import cached
from mlp_lab.training import Progress, TrainConfig, TrainResult, make_model, train

FLOAT32_MAX_LOG10 = math.log10(torch.finfo(torch.float32).max)  # 38.5: beyond this float32 says inf
FLOAT32_TINY_LOG10 = math.log10(2.0**-149)  # -44.9: the smallest float32 above zero (a subnormal)
FLOAT16_MAX_LOG10 = math.log10(torch.finfo(torch.float16).max)  # 4.8: float16 ends at 65504
FLOAT16_TINY_LOG10 = math.log10(2.0**-24)  # -7.2: the smallest float16 above zero (a subnormal)
SPREAD_SEEDS = range(5)  # the seeds each study's spread is shown over


# --- activations of the variance study ---------------------------------------------------------
def scaled_sigmoid(x: torch.Tensor) -> torch.Tensor:
    """The chapter's fix: sigmoid(x) = 1/2 + x/4 - ..., so 4 sigmoid(x) - 2 is x near 0.

    Computed as 2 tanh(x / 2), the same function: 4 * 0.5000...01 - 2 would round tiny inputs
    to exactly 0 and the variance study would read 0 where the true value is 1e-80.
    """
    return 2 * torch.tanh(x / 2)


STUDY_ACTIVATIONS: dict[str, Callable[[torch.Tensor], torch.Tensor]] = {
    "linear": lambda x: x,
    "tanh": torch.tanh,
    "sigmoid": torch.sigmoid,
    "sigmoid4": scaled_sigmoid,
    "relu": torch.relu,
}
# How much a layer's activation keeps of the second moment, linearised at 0 (the book's Taylor
# argument): slope 1 keeps it; ReLU zeroes half the inputs (the Kaiming argument). Plain sigmoid
# adds 1/2 to every unit, so no simple line describes it.
ACTIVATION_GAIN: dict[str, float | None] = {"linear": 1.0, "tanh": 1.0, "sigmoid4": 1.0, "relu": 0.5, "sigmoid": None}
# The initialisation each activation is meant to be used with (for the vanishing-gradient study).
MATCHING_INIT = {"linear": "xavier_normal", "tanh": "xavier_normal", "sigmoid": "xavier_normal", "relu": "kaiming"}


def weight_variance(scheme: str, fan_in: int, fan_out: int) -> float | None:
    """gamma, the variance of one weight under ``scheme``; None for the constant (not random) start."""
    return {
        "normal": 0.01**2,
        "normal1": 1.0,
        "xavier_normal": 2.0 / (fan_in + fan_out),
        "xavier_uniform": 2.0 / (fan_in + fan_out),  # U(-a, a) with a = sqrt(6 / (n_in + n_out))
        "kaiming": 2.0 / fan_in,
    }.get(scheme)


def square_layers(depth: int, width: int, scheme: str, seed: int) -> list[torch.Tensor]:
    """``depth`` weight matrices (width x width) drawn by ``init_weights``, as float64 (out, in)."""
    stack = nn.Sequential(*(nn.Linear(width, width, bias=False) for _ in range(depth)))
    init_weights(stack, scheme, torch.Generator().manual_seed(seed))
    # float64: the point is to watch variances run to 1e-80 or 1e+120 without the number format
    # giving up first (the page says where float32 would have).
    return [layer.weight.detach().double() for layer in stack]


# --- 1. sigmoid and its gradient ---------------------------------------------------------------
@dataclass
class SigmoidCurve:
    x: np.ndarray
    value: np.ndarray
    grad: np.ndarray


def sigmoid_curve(lo: float = -8.0, hi: float = 8.0, step: float = 0.1) -> SigmoidCurve:
    """The book's figure: ``y = torch.sigmoid(x); y.backward(torch.ones_like(x))``."""
    x = torch.arange(lo, hi, step, requires_grad=True)
    y = torch.sigmoid(x)
    y.backward(torch.ones_like(x))
    return SigmoidCurve(x.detach().numpy(), y.detach().numpy(), x.grad.numpy())


# --- 2. vanishing gradients against depth ------------------------------------------------------
@dataclass(frozen=True)
class VanishingConfig:
    max_depth: int = control(30, key="stability_vdepth", label="stability.vdepth", lo=2, hi=50,
                             doc="deepest stack of the vanishing-gradient study")  # fmt: skip
    width: int = 64
    batch: int = 32
    activations: tuple[str, ...] = ("sigmoid", "tanh", "relu")
    seed: int = 0


@dataclass
class VanishingResult:
    config: VanishingConfig
    depths: np.ndarray
    first_layer_grad: dict[str, np.ndarray]  # activation -> RMS gradient of W1, one per depth


def derivative(act: Callable[[torch.Tensor], torch.Tensor], z: torch.Tensor) -> torch.Tensor:
    """phi'(z) elementwise, by autograd (every activation here acts on each entry alone)."""
    z = z.detach().requires_grad_(True)
    act(z).backward(torch.ones_like(z))
    return z.grad


def vanishing_gradients(config: VanishingConfig) -> VanishingResult:
    """For L = 1..max_depth: the RMS gradient of the first layer's weights in an L-layer stack.

    Every activation gets its matching initialisation (Xavier for sigmoid and tanh, Kaiming for
    ReLU), so what differs between the lines is only the activation's derivative. The stack of
    depth L is the first L layers of one draw, so the lines are smooth in L.
    """
    gen = torch.Generator().manual_seed(config.seed)
    x = torch.randn(config.batch, config.width, generator=gen, dtype=torch.float64)
    upstream = torch.randn(config.batch, config.width, generator=gen, dtype=torch.float64)
    out: dict[str, np.ndarray] = {}
    for act_name in config.activations:
        act = STUDY_ACTIVATIONS[act_name]
        layers = square_layers(config.max_depth, config.width, MATCHING_INIT[act_name], config.seed)
        slopes, h = [], x  # slopes[t] = phi'(z) at layer t + 1, for the chain rule below
        for W in layers:
            z = h @ W.T
            slopes.append(derivative(act, z))
            h = act(z)
        # Backpropagation by hand, every depth at once: delta[k] is dl/dz of the stack whose
        # output is layer max_depth - k. Walking down from the top, the stack of depth t joins
        # at layer t with the upstream gradient, and then travels down with the deeper ones.
        delta = torch.empty(0, config.batch, config.width, dtype=torch.float64)
        for t in range(config.max_depth, 0, -1):  # layer t (1-based)
            if t < config.max_depth:
                delta = delta @ layers[t]  # through W_{t+1}: dl/dh_t = dl/dz_{t+1} W_{t+1}
            delta = torch.cat([delta, upstream[None]]) * slopes[t - 1]
        grad_W1 = torch.einsum("kbo,bi->koi", delta, x) / config.batch
        rms = grad_W1.pow(2).mean(dim=(1, 2)).sqrt().flip(0)  # flip: index 0 is now depth 1
        out[act_name] = rms.numpy()
    return VanishingResult(config, np.arange(1, config.max_depth + 1), out)


# The page's sentence "the sigmoid's gradient vanishes, ReLU's does not": the deepest stack's
# first-layer gradient is below a millionth of the one-layer stack's for sigmoid, and within a
# factor 10 of it for ReLU. (Seeds 0-7 at 30 layers: sigmoid 5e-19 to 7e-19 of it, ReLU 0.54 to 1.18;
# at 10 layers sigmoid is still at 2e-6, so the sentence needs a deep enough stack.)
VANISH_RATIO = 1e-6
RELU_BAND = (0.1, 10.0)


def depth_ratio(result: VanishingResult, act: str) -> float:
    """First-layer gradient of the deepest stack over that of the one-layer stack."""
    grads = result.first_layer_grad[act]
    return float(grads[-1] / grads[0]) if grads[0] > 0 else 0.0


def vanishes(result: VanishingResult) -> bool:
    """Sigmoid's gradient has vanished at the deepest stack while ReLU's has kept its size."""
    acts = result.first_layer_grad
    sigmoid_gone = "sigmoid" in acts and depth_ratio(result, "sigmoid") < VANISH_RATIO
    relu_kept = "relu" not in acts or RELU_BAND[0] <= depth_ratio(result, "relu") <= RELU_BAND[1]
    return sigmoid_gone and relu_kept


# --- 3. the product of random matrices ---------------------------------------------------------
SIZES = (2, 3, 4, 8, 16, 32, 64, 128, 256)
STEPS_PER_DECADE = (1, 1.5, 2, 3, 4, 5, 6, 7, 8, 9)
# sigma's choices: 1, 1.5, 2, 3, ..., 9 in each decade from 0.001 to 90, and 100 (a log scale through 1)
SIGMAS = tuple(sorted({round(k * 10.0**e, 6) for e in range(-3, 2) for k in STEPS_PER_DECADE} | {100.0}))


@dataclass(frozen=True)
class MatrixProductConfig:
    count: int = control(100, key="stability_count", label="stability.count", lo=1, hi=300,
                         doc="matrices multiplied onto the first one (the book's loop: 100)")  # fmt: skip
    size: int = control(4, key="stability_size", label="stability.size", choices=SIZES, widget="select_slider",
                        doc="n: the matrices are n x n")  # fmt: skip
    sigma: float = control(1.0, key="stability_sigma", label="stability.sigma", choices=SIGMAS,
                           widget="select_slider", fmt="g", help="stability.sigma_help",
                           doc="standard deviation of each entry")  # fmt: skip
    seed: int = 0


@dataclass
class MatrixProductResult:
    config: MatrixProductConfig
    log10_norm: np.ndarray  # after k = 0..count multiplications (k = 0: the first matrix alone)
    log10_max_entry: float  # of the final product
    final_direction: np.ndarray  # the final product divided by 10 ** log10_scale
    log10_scale: float
    growth_at_unit_sigma: float  # log10 growth of the norm per matrix when sigma = 1 (fitted)

    @property
    def growth_per_matrix(self) -> float:
        """log10 growth per matrix at this sigma: a product of scaled matrices scales exactly."""
        return self.growth_at_unit_sigma + math.log10(self.config.sigma)

    @property
    def stable_sigma(self) -> float:
        """The sigma at which the product neither explodes nor vanishes, measured here."""
        return 10.0 ** (-self.growth_at_unit_sigma)

    def printed(self) -> list[str]:
        """The final product row by row, as torch prints it ("1.2345e+25"), even past float64's range."""
        with np.errstate(divide="ignore"):
            mags = np.log10(np.abs(self.final_direction)) + self.log10_scale

        def entry(value: float, mag: float) -> str:
            if not math.isfinite(mag):
                return " 0.0000e+00"
            exponent = math.floor(mag)
            return f"{'-' if value < 0 else ' '}{10 ** (mag - exponent):.4f}e{exponent:+03d}"

        return [
            "[" + ", ".join(map(entry, row, mrow)) + "]" for row, mrow in zip(self.final_direction, mags, strict=True)
        ]


def lyapunov_stable_sigma(n: int) -> float:
    """The sigma where a product of n x n N(0, sigma^2) matrices stays put in the long run.

    The norm of such a product grows like exp(k * lambda) with lambda = log sigma +
    (log 2 + digamma(n / 2)) / 2 (Newman, 1986); lambda = 0 gives this sigma, about 1/sqrt(n).
    """
    psi = torch.special.digamma(torch.tensor(n / 2, dtype=torch.float64)).item()
    return math.exp(-(math.log(2.0) + psi) / 2)


def matrix_product(config: MatrixProductConfig) -> MatrixProductResult:
    """``M = normal(0, 1, (4, 4)); for i in range(100): M = M @ normal(0, 1, (4, 4))``, scaled by sigma.

    The product is renormalised after every step and its scale kept as a log, so we can report
    1e+300 or 1e-300 where float32 (and even float64) would have given inf or 0.
    """
    if config.count < 0 or config.size < 1 or not (config.sigma > 0 and math.isfinite(config.sigma)):
        raise ValueError("count >= 0, size >= 1 and a positive finite sigma are needed")
    gen = torch.Generator().manual_seed(config.seed)
    n = config.size
    draw = lambda: torch.normal(0.0, 1.0, size=(n, n), generator=gen).double()  # noqa: E731 (as the book draws)
    M = draw()
    log_scale = 0.0
    unit_norms = []
    for k in range(config.count + 1):
        if k:
            M = M @ draw()
        norm = torch.linalg.matrix_norm(M).item()
        M = M / norm
        log_scale += math.log10(norm)
        unit_norms.append(log_scale)
    unit = np.array(unit_norms)
    k = np.arange(config.count + 1)
    growth = float(np.polyfit(k, unit, 1)[0]) if config.count >= 1 else 0.0
    log_sigma = math.log10(config.sigma)
    final_scale = log_scale + (config.count + 1) * log_sigma
    direction = M.numpy()
    return MatrixProductResult(
        config=config,
        log10_norm=unit + (k + 1) * log_sigma,
        log10_max_entry=float(np.log10(np.abs(direction).max()) + final_scale),
        final_direction=direction,
        log10_scale=final_scale,
        growth_at_unit_sigma=growth,
    )


# --- 3b. the same numbers in float16, float32 and float64 ----------------------------------------
FORMATS = ("float16", "float32", "float64")
DTYPES = {"float16": torch.float16, "float32": torch.float32, "float64": torch.float64}


@dataclass(frozen=True)
class PrecisionConfig:
    """The book's product (count, size, sigma) and a sigmoid stack (depth, width), each computed in
    every number format; the page builds it from the two studies' controls above."""

    count: int = 100
    size: int = 4
    sigma: float = 1.0
    depth: int = 30
    width: int = 64
    batch: int = 32
    seed: int = 0


@dataclass
class PrecisionResult:
    config: PrecisionConfig
    product_log10: dict[str, np.ndarray]  # format -> log10 max |entry| after k = 0..count (inf: overflowed)
    grad_log10: dict[str, np.ndarray]  # format -> log10 max |dl/dz| reaching layer t = depth..1 (-inf: all 0)

    def overflow_at(self, fmt: str) -> int | None:
        """The first k at which the product computed in ``fmt`` is no longer finite (inf or NaN)."""
        bad = np.nonzero(np.isposinf(self.product_log10[fmt]))[0]
        return int(bad[0]) if bad.size else None

    def product_underflow_at(self, fmt: str) -> int | None:
        """The first k at which every entry of the product in ``fmt`` is exactly 0."""
        zero = np.nonzero(np.isneginf(self.product_log10[fmt]))[0]
        return int(zero[0]) if zero.size else None

    def underflow_layer(self, fmt: str) -> int | None:
        """The highest layer (counted from the input, 1-based) where the gradient in ``fmt`` is all 0."""
        zero = np.nonzero(np.isneginf(self.grad_log10[fmt]))[0]  # index 0 is the top layer
        return int(self.config.depth - zero[0]) if zero.size else None


def _log10_max(values: torch.Tensor) -> float:
    """log10 of the largest |entry|: +inf once anything overflowed (inf or NaN), -inf when all are 0."""
    if not torch.isfinite(values).all():
        return math.inf
    top = values.abs().max().item()
    return math.log10(top) if top > 0 else -math.inf


def _matmul(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """``a @ b`` in the operands' format. float16 sums in float32 and rounds the result to float16, as
    GPUs' half-precision matrix units do (and CPUs emulate float16 products slowly otherwise)."""
    if a.dtype == torch.float16:
        return (a.float() @ b.float()).half()
    return a @ b


def _product_in(dtype: torch.dtype, config: PrecisionConfig) -> np.ndarray:
    """log10 max |entry| of the book's running product, k = 0..count, computed in ``dtype``."""
    gen = torch.Generator().manual_seed(config.seed)
    shape = (config.size, config.size)
    M = (torch.normal(0.0, 1.0, size=shape, generator=gen) * config.sigma).to(dtype)
    logs = [_log10_max(M)]
    for _ in range(config.count):
        if math.isinf(logs[-1]):  # inf stays inf and 0 stays 0: the rest of the loop cannot come back
            logs.append(logs[-1])
            continue
        M = _matmul(M, (torch.normal(0.0, 1.0, size=shape, generator=gen) * config.sigma).to(dtype))
        logs.append(_log10_max(M))
    return np.array(logs)


def _sigmoid_gradient_in(dtype: torch.dtype, config: PrecisionConfig) -> np.ndarray:
    """log10 max |dl/dz_t| for t = depth..1 of a Xavier-started sigmoid stack, computed in ``dtype``."""
    layers = [W.to(dtype) for W in square_layers(config.depth, config.width, MATCHING_INIT["sigmoid"], config.seed)]
    gen = torch.Generator().manual_seed(config.seed)
    h = torch.randn(config.batch, config.width, generator=gen, dtype=torch.float64).to(dtype)
    delta = torch.randn(config.batch, config.width, generator=gen, dtype=torch.float64).to(dtype)
    slopes = []
    for W in layers:
        s = torch.sigmoid(_matmul(h, W.T))
        slopes.append(s * (1 - s))  # sigmoid' = s (1 - s), in the format itself
        h = s
    walk = []
    for t in range(config.depth, 0, -1):  # dl/dz_t = (dl/dh_t) * sigmoid'(z_t), then back through W_t
        delta = delta * slopes[t - 1]
        walk.append(_log10_max(delta))
        delta = _matmul(delta, layers[t - 1])
    return np.array(walk)


def number_formats(config: PrecisionConfig) -> PrecisionResult:
    """Run the book's product loop and a sigmoid stack's backward pass in float16, float32 and float64.

    Every format multiplies the same draws (drawn as the book draws them, then rounded to the format),
    so what differs is only how many digits and how much range the format has: float16 ends at 65504
    and 6e-8, float32 at 3.4e38 and 1.4e-45. The gradient is dl/dz at each layer of a Xavier-started
    sigmoid stack, walked down from the top as backpropagation does. float16 matrix products sum in
    float32 and round each result to float16 (``_matmul``), as half-precision hardware does.
    """
    product = {fmt: _product_in(DTYPES[fmt], config) for fmt in FORMATS}
    grads = {fmt: _sigmoid_gradient_in(DTYPES[fmt], config) for fmt in FORMATS}
    return PrecisionResult(config, product, grads)


def float16_gives_up(result: PrecisionResult) -> bool:
    """The page's sentence: float16 gives inf or 0 (overflow in the product or underflow in the
    gradient) where float32 still holds the number."""
    f16_fails = result.overflow_at("float16") is not None or result.underflow_layer("float16") is not None
    f32_fails = result.overflow_at("float32") is not None or result.underflow_layer("float32") is not None
    return f16_fails and not f32_fails


# --- 3c. permutation symmetry --------------------------------------------------------------------
@dataclass(frozen=True)
class PermutationConfig:
    hidden: int = 2  # the symmetry study's hidden units
    inputs: int = 64  # random inputs the two networks are compared on
    seed: int = 0


@dataclass
class PermutationResult:
    config: PermutationConfig
    order: tuple[int, ...]  # hidden unit i of the permuted net is unit order[i] of the original
    matched: float  # largest |output difference| when W1's columns, b1 and W2's rows move together
    input_side_only: float  # ... when only W1's columns and b1 move (the output weights stay)


def permutation(config: PermutationConfig) -> PermutationResult:
    """A 784-hidden-10 MLP and the same MLP with its hidden units renumbered.

    Moving each unit's incoming weights, bias and outgoing weights together gives the same function
    (up to the rounding of summing in another order); moving only the incoming side does not.
    """
    gen = torch.Generator().manual_seed(config.seed)
    W1 = torch.randn(784, config.hidden, generator=gen) * math.sqrt(2.0 / (784 + config.hidden))
    b1 = torch.randn(config.hidden, generator=gen) * 0.1
    W2 = torch.randn(config.hidden, 10, generator=gen) * math.sqrt(2.0 / (config.hidden + 10))
    X = torch.randn(config.inputs, 784, generator=gen)
    order = torch.roll(torch.arange(config.hidden), 1)  # every unit moves: 1 -> 2 -> ... -> n -> 1
    net = lambda W1, b1, W2: torch.relu(X @ W1 + b1) @ W2  # noqa: E731
    out = net(W1, b1, W2)
    matched = (net(W1[:, order], b1[order], W2[order]) - out).abs().max().item()
    one_side = (net(W1[:, order], b1[order], W2) - out).abs().max().item()
    return PermutationResult(config, tuple(int(i) for i in order), matched, one_side)


# --- 4. symmetry -------------------------------------------------------------------------------
@dataclass(frozen=True)
class SymmetryConfig:
    # the book's example: two hidden units
    hidden: int = control(2, key="stability_units", label="stability.units", lo=2, hi=8, doc="hidden units")
    steps: int = control(100, key="stability_steps", label="stability.steps", lo=10, hi=500, step=10,
                         help="stability.steps_help", doc="SGD steps from the constant start")  # fmt: skip
    lr: float = 0.1
    dropout: float = control(0.5, key="stability_dropout", label="stability.dropout", lo=0.05, hi=0.9, step=0.05,
                             doc="dropout probability of the second run")  # fmt: skip
    batch_size: int = 256
    init: str = "constant"  # every weight 0.01: the symmetric start (the row's broken variant draws "normal")
    seed: int = 0


@dataclass
class SymmetryRun:
    dropout: float
    tracked: np.ndarray  # (steps + 1, hidden): each unit's weight from the centre pixel, per step
    spread: np.ndarray  # (steps + 1,): largest difference between any unit's weights and unit 1's
    final_W1: np.ndarray  # (784, hidden): each column one unit's weights, an image

    @property
    def final_spread(self) -> float:
        return float(self.spread[-1])


@dataclass
class SymmetryResult:
    config: SymmetryConfig
    plain: SymmetryRun
    with_dropout: SymmetryRun


CENTRE_PIXEL = 14 * 28 + 14


def _symmetry_run(
    config: SymmetryConfig, dropout: float, data: FashionMNIST, report: Callable[[float], None]
) -> SymmetryRun:
    steps_per_epoch = math.ceil(data.train_x.shape[0] / config.batch_size)
    train_config = TrainConfig(
        hiddens=(config.hidden,),
        lr=config.lr,
        batch_size=config.batch_size,
        epochs=max(1, math.ceil(config.steps / steps_per_epoch)),
        init=config.init,
        dropout=(dropout,),
        seed=config.seed,
        device="cpu",
    )
    model = make_model(train_config, data.device)
    snapshots = [linear_weights(model)[0][0].detach().cpu().clone()]

    def record(p: Progress) -> bool:
        snapshots.append(linear_weights(p.model)[0][0].detach().cpu().clone())
        report(len(snapshots) / (config.steps + 1))
        return len(snapshots) > config.steps  # stop once `steps` SGD steps are recorded

    if config.steps > 0:
        train(train_config, data=data, callback=record, every_steps=1, model=model)
    W = torch.stack(snapshots).numpy()  # (steps + 1, 784, hidden)
    spread = np.abs(W - W[:, :, :1]).max(axis=(1, 2))
    return SymmetryRun(dropout, W[:, CENTRE_PIXEL, :], spread, W[-1])


def unit_images(run: SymmetryRun, scale: int = 3) -> list[np.ndarray]:
    """Each hidden unit's 784 weights as a 28x28 image in [0, 1] (grey = 0), enlarged without blur.

    One brightness scale for all units of a run, so equal units look equal.
    """
    W = run.final_W1
    span = max(float(np.abs(W).max()), 1e-12)
    images = (W.T.reshape(-1, 28, 28) / span + 1) / 2
    return [np.kron(img, np.ones((scale, scale))) for img in images]


def symmetry(
    config: SymmetryConfig, data: FashionMNIST | None = None, progress: Callable[[float], None] | None = None
) -> SymmetryResult:
    """Train the 784-hidden-10 MLP from the constant start, without and with dropout.

    In exact arithmetic the units without dropout stay equal for ever. In float32 whether they do
    depends on the matrix library: where it sums some units' products in another order (blocking,
    vector lanes) their gradients differ by a rounding step (1e-9) and, the symmetric start being
    an unstable balance, that difference grows; where it sums every unit alike they stay equal bit
    for bit (``symmetry_state`` says which this run did). Dropout breaks the tie at once, on purpose.

    ``progress`` hears the fraction done (the two runs one after the other).
    """
    data = data if data is not None else load_fashion_mnist("cpu")
    report = progress or (lambda fraction: None)
    plain = _symmetry_run(config, 0.0, data, lambda f: report(f / 2))
    dropped = _symmetry_run(config, config.dropout, data, lambda f: report(0.5 + f / 2))
    return SymmetryResult(config, plain, dropped)


# The page's sentences: without dropout the units stay equal (exactly, or up to float32 rounding,
# depending on the matrix library), with dropout they come apart. Measured on this CPU, seeds 0-7
# at 100 steps: without 8.6e-8 to 3.1e-7; with dropout 0.5: 0.024 to 0.053.
ROUNDING_MAX = 3e-6  # a few hundred float32 rounding steps of weights near 0.01 (ulp ~1e-9)
BROKEN_MIN = 0.01  # a thousand times that: the units compute visibly different features


def symmetry_state(run: SymmetryRun) -> str:
    """ "identical" (bit for bit), "rounding" (apart by float32 rounding only) or "apart"."""
    if run.final_spread == 0.0:
        return "identical"
    return "rounding" if run.final_spread < ROUNDING_MAX else "apart"


def dropout_breaks_symmetry(result: SymmetryResult) -> bool:
    """Plain SGD keeps the units together (exactly or up to rounding); dropout pulls them apart."""
    return symmetry_state(result.plain) != "apart" and result.with_dropout.final_spread > BROKEN_MIN


# --- 5. per-layer variance under each initialisation -------------------------------------------
WIDTHS = (16, 32, 64, 128, 256, 512, 1024)


@dataclass(frozen=True)
class LayerVarianceConfig:
    init: str = control("xavier_normal", key="stability_init", label="stability.init", choices=INITS,
                        widget="segmented", doc="initialisation of every layer")  # fmt: skip
    activation: str = control("linear", key="stability_act", label="stability.activation",
                              choices=tuple(STUDY_ACTIVATIONS), widget="segmented",
                              doc="activation after every layer")  # fmt: skip
    depth: int = control(20, key="stability_depth", label="stability.depth", lo=1, hi=50, doc="square layers")
    width: int = control(256, key="stability_width", label="stability.width", choices=WIDTHS,
                         widget="select_slider", doc="n: units per layer")  # fmt: skip
    batch: int = 0  # inputs pushed through; 0: enough for 65,536 numbers per layer (cheaper when wide)
    seed: int = 0

    def __post_init__(self) -> None:
        if self.init not in INITS or self.activation not in STUDY_ACTIVATIONS:
            raise ValueError(f"init in {INITS}, activation in {tuple(STUDY_ACTIVATIONS)}")
        if self.depth < 1 or self.width < 1 or self.batch < 0:
            raise ValueError("depth and width at least 1, batch 0 (automatic) or more")

    @property
    def inputs(self) -> int:
        return self.batch or max(16, 2**16 // self.width)


@dataclass
class Histogram:
    travelled: int  # layers passed: from the input (forward) or from the output (backward)
    direction: str  # "forward" (activations) or "backward" (gradients)
    edges: np.ndarray
    counts: np.ndarray


@dataclass
class LayerVarianceResult:
    """How the variance of activations (forward) and gradients (backward) changes layer by layer at
    initialisation (not to be confused with dropout's activation variance during training)."""

    config: LayerVarianceConfig
    forward_var: np.ndarray  # Var[h^t] for t = 0..depth (t = 0: the input)
    backward_var: np.ndarray  # Var[dl/dh^t] for t = 0..depth (t = depth: the gradient fed in)
    forward_max: np.ndarray  # max |h^t|, to say where float32 would overflow
    backward_max: np.ndarray
    histograms: list[Histogram]
    gain_per_layer: float | None  # theory: Var grows by n * gamma * activation gain per layer

    def theory(self, direction: str) -> np.ndarray | None:
        """The book's linearised prediction, anchored at the input (forward) or the output (backward)."""
        if self.gain_per_layer is None or self.gain_per_layer <= 0:
            return None
        t = np.arange(self.config.depth + 1)
        with np.errstate(over="ignore", under="ignore"):
            if direction == "forward":
                return self.forward_var[0] * self.gain_per_layer**t
            return self.backward_var[-1] * self.gain_per_layer ** (self.config.depth - t)

    def ratio_to_input(self) -> np.ndarray:
        return self.forward_var / self.forward_var[0]


def histogram_layers(depth: int) -> list[int]:
    return sorted({1, max(1, depth // 2), depth})


def _histogram(values: torch.Tensor, bins: int = 40) -> tuple[np.ndarray, np.ndarray]:
    v = values.detach().flatten().numpy()
    v = v[np.isfinite(v)]
    lo, hi = (float(v.min()), float(v.max())) if v.size else (0.0, 0.0)
    if hi - lo <= 1e-12 * max(1.0, abs(lo)):  # all equal (constant init): one visible bar
        lo, hi = lo - 0.5 * max(abs(lo), 1e-300), hi + 0.5 * max(abs(hi), 1e-300)
    counts, edges = np.histogram(v, bins=bins, range=(lo, hi))
    return edges, counts


def layer_variances(config: LayerVarianceConfig) -> LayerVarianceResult:
    """Push N(0, 1) inputs through ``depth`` square layers and a N(0, 1) gradient back through them."""
    gen = torch.Generator().manual_seed(config.seed)
    x = torch.randn(config.inputs, config.width, generator=gen, dtype=torch.float64)
    upstream = torch.randn(config.inputs, config.width, generator=gen, dtype=torch.float64)
    act = STUDY_ACTIVATIONS[config.activation]
    hs = [x.requires_grad_(True)]
    for W in square_layers(config.depth, config.width, config.init, config.seed):
        h = act(hs[-1] @ W.T)
        h.retain_grad()
        hs.append(h)
    (hs[-1] * upstream).sum().backward()
    grads = [h.grad for h in hs]
    histograms = []
    for t in histogram_layers(config.depth):
        # t layers travelled: from the input going forward, from the output going backward.
        for direction, values in (("forward", hs[t]), ("backward", grads[config.depth - t])):
            edges, counts = _histogram(values)
            histograms.append(Histogram(t, direction, edges, counts))
    gamma = weight_variance(config.init, config.width, config.width)
    act_gain = ACTIVATION_GAIN[config.activation]
    gain = None if gamma is None or act_gain is None else config.width * gamma * act_gain
    return LayerVarianceResult(
        config=config,
        forward_var=np.array([h.detach().var().item() for h in hs]),
        backward_var=np.array([g.var().item() for g in grads]),
        forward_max=np.array([h.detach().abs().max().item() for h in hs]),
        backward_max=np.array([g.abs().max().item() for g in grads]),
        histograms=histograms,
        gain_per_layer=gain,
    )


def float32_overflow_layer(max_abs: np.ndarray) -> int | None:
    """The first layer whose largest value float32 could not hold (it would read inf), or None."""
    over = np.nonzero(np.log10(np.maximum(max_abs, 1e-320)) > FLOAT32_MAX_LOG10)[0]
    return int(over[0]) if over.size else None


def float32_underflow_layer(max_abs: np.ndarray) -> int | None:
    """The first layer whose every value would round to 0 in float32, or None."""
    under = np.nonzero(np.log10(np.maximum(max_abs, 1e-320)) < FLOAT32_TINY_LOG10)[0]
    return int(under[0]) if under.size else None


KEPT_FACTOR = 2.0  # "the variance is kept": every layer within a factor 2 of where it started


def direction_ratios(result: LayerVarianceResult, direction: str) -> np.ndarray:
    """Variance after each layer travelled over the variance where the pass starts (1 at the start):
    forward from the input up, backward from the output down."""
    if direction == "forward":
        return result.forward_var / result.forward_var[0]
    return (result.backward_var / result.backward_var[-1])[::-1]


def direction_verdict(ratios: np.ndarray, factor: float = KEPT_FACTOR) -> str:
    """ "kept" (every layer within ``factor``), "grows" or "shrinks" (ends beyond it), or "drifts"
    (left the band somewhere but ended inside it)."""
    with np.errstate(divide="ignore"):
        logs = np.log(np.maximum(ratios, 0.0))
    band = math.log(factor)
    if np.all(np.abs(logs) <= band):
        return "kept"
    if logs[-1] > band:
        return "grows"
    return "shrinks" if logs[-1] < -band else "drifts"


def variance_verdict(result: LayerVarianceResult) -> dict[str, str]:
    """The page's sentence, per pass: does this scheme keep the variance, or blow it up, or let it die?"""
    return {d: direction_verdict(direction_ratios(result, d)) for d in ("forward", "backward")}


# --- 6. training a deeper MLP under each scheme ------------------------------------------------
DEEP_HIDDENS = (256,) * 5  # the training section's deeper Fashion-MNIST MLP
TRAIN_ACTIVATIONS = ("relu", "sigmoid", "tanh")


@dataclass(frozen=True)
class DeepTrainSettings:
    """The training section's controls: which schemes to train, with which activation, how long."""

    schemes: tuple[str, ...] = control(INITS, key="stability_schemes", label="stability.schemes", choices=INITS,
                                       widget="pills", doc="initialisation schemes to train")  # fmt: skip
    activation: str = control("relu", key="stability_tact", label="stability.activation", choices=TRAIN_ACTIVATIONS,
                              widget="segmented", doc="activation of the deeper MLP")  # fmt: skip
    epochs: int = control(3, key="stability_epochs", label="stability.epochs", lo=1, hi=10, doc="epochs per run")
    seed: int = 0

    def train_configs(self) -> dict[str, TrainConfig]:
        """Scheme -> the deeper MLP's run under it (the trainer of the MLP page: lr 0.1, batch 256)."""
        return {
            scheme: TrainConfig(
                hiddens=DEEP_HIDDENS, activation=self.activation, init=scheme, epochs=self.epochs, seed=self.seed
            )
            for scheme in self.schemes
        }


CHANCE_ACC = 0.2  # ten classes: guessing gives 0.1; a run still below 0.2 at its end has learned nothing


def training_outcome(result: TrainResult) -> str:
    """What the page says of one scheme's run: "diverged", "chance" (stuck near 10%) or "learned"."""
    if result.diverged:
        return "diverged"
    acc = result.history.test_acc
    return "learned" if acc and acc[-1] >= CHANCE_ACC else "chance"


# --- checks against the book (through the store: the page's default runs are the same results) ----
# Each row takes the study's config (the book's by default), so that a test can break one ingredient.

# The book says the product of its 100 N(0, 1) matrices explodes (3.8) and prints no number. Ours:
# log10 of the largest |entry| after the loop, seeds 0-9: 25.34, 25.82, 26.07, 28.70, 21.39, 22.15,
#   23.76, 24.63, 26.75, 25.65; theory (Newman 1986): the norm grows by 10^0.242 per 4x4 matrix, so
#   about 101 x 0.242 = 24.5; accept 20..32. Broken: sigma 0.5 in place of N(0, 1)'s 1 reads -5.06 (seed 0).
EXPLODES_LOG10 = (20.0, 32.0)


@register("stability.matrix_product_explodes", section="3.8", kind="book")
def _matrix_product_explodes(config: MatrixProductConfig = MatrixProductConfig()) -> tuple[float, bool]:
    value = cached(matrix_product, config).log10_max_entry
    return value, EXPLODES_LOG10[0] <= value <= EXPLODES_LOG10[1]


# Var[h^t] / Var[x] over 20 linear layers of width 256, seeds 0-4:
#   Xavier (normal and uniform, every layer) min..max: 0.95..1.08, 0.90..1.08, 0.89..1.08, 0.83..1.01,
#   0.88..1.02; accept every layer in 0.7..1.3. Broken: Kaiming's 2 / n_in (meant for ReLU) in place
#   of Xavier reads 2.0..1.0e6.
#   log10 at t = 20: N(0, 1): 48.15, 48.17, 48.11, 48.15, 48.13 (theory 20 log10 256 = 48.16); accept
#   47..49.5. N(0, 0.01): -31.85, -31.83, -31.89, -31.85, -31.87 (theory -31.84); accept -33..-30.5.
XAVIER_RATIO = (0.7, 1.3)
NORMAL1_LOG10 = (47.0, 49.5)
NORMAL_LOG10 = (-33.0, -30.5)
XAVIER = ("xavier_normal", "xavier_uniform")


@register("stability.xavier_preserves_variance", section="3.8", kind="book")
def _xavier_preserves_variance(preserving: tuple[str, ...] = XAVIER) -> tuple[str, bool]:
    """``preserving``: the schemes said to keep the variance (Xavier's two)."""
    ratios = {
        init: cached(
            layer_variances, LayerVarianceConfig(init=init, activation="linear", depth=20, width=256)
        ).ratio_to_input()
        for init in (*preserving, "normal1", "normal")
    }
    kept = np.concatenate([ratios[init][1:] for init in preserving])
    big, small = math.log10(ratios["normal1"][-1]), math.log10(ratios["normal"][-1])
    ok = bool(
        XAVIER_RATIO[0] <= kept.min()
        and kept.max() <= XAVIER_RATIO[1]
        and NORMAL1_LOG10[0] <= big <= NORMAL1_LOG10[1]
        and NORMAL_LOG10[0] <= small <= NORMAL_LOG10[1]
    )
    return f"Xavier {kept.min():.2f}..{kept.max():.2f}; N(0,1) 1e{big:.1f}x; N(0,0.01) 1e{small:.1f}x", ok


# The book: SGD never breaks the constant start's symmetry, dropout does (3.8). Largest difference
# between the hidden units' weights after 100 SGD steps, seeds 0-4 on this CPU: without dropout 2.1e-7,
# 8.6e-8, 2.3e-7, 1.9e-7, 3.1e-7 (float32 rounding; another matrix library may give exactly 0);
# with dropout 0.5: 0.038, 0.038, 0.053, 0.024, 0.046; accept < 3e-6 without and > 0.01 with.
# Broken: a random start (init "normal") reads 0.15 without dropout (seed 0).
SYMMETRY_PLAIN_MAX = ROUNDING_MAX
SYMMETRY_DROPOUT_MIN = BROKEN_MIN


@register("stability.symmetry_constant_init", section="3.8", kind="book")
def _symmetry_constant_init(config: SymmetryConfig = SymmetryConfig()) -> tuple[str, bool]:
    result = cached(symmetry, config)
    plain, dropped = result.plain.final_spread, result.with_dropout.final_spread
    return f"{plain:.2g} / {dropped:.2g}", plain < SYMMETRY_PLAIN_MAX and dropped > SYMMETRY_DROPOUT_MIN


# --- claims: what the page's sentences assert at its defaults, share of seeds 0-7 -----------------
# Each runs the page's default study for the seed through the store (page and row share results)
# and asks the predicate the page chooses its sentence with. Measured on this CPU: 8 of 8 each.
CLAIM_SEEDS = range(8)


def precision_config(product: MatrixProductConfig, vanishing: VanishingConfig) -> PrecisionConfig:
    """The number-format study of the page: the product above and the deepest sigmoid stack above."""
    return PrecisionConfig(
        count=product.count, size=product.size, sigma=product.sigma, depth=vanishing.max_depth, seed=product.seed
    )


@register_claim("stability.sigmoid_gradient_vanishes", section="3.8", seeds=CLAIM_SEEDS)
def _sigmoid_gradient_vanishes(seed: int) -> bool:
    return vanishes(cached(vanishing_gradients, VanishingConfig(seed=seed)))


@register_claim("stability.float16_gives_up", section="3.8", seeds=CLAIM_SEEDS)
def _float16_gives_up(seed: int) -> bool:
    config = precision_config(MatrixProductConfig(seed=seed), VanishingConfig(seed=seed))
    return float16_gives_up(cached(number_formats, config))


@register_claim("stability.xavier_keeps_variance", section="3.8", seeds=CLAIM_SEEDS)
def _xavier_keeps_variance(seed: int) -> bool:
    """At the study's defaults Xavier keeps both passes' variance; N(0, 1) blows it up, N(0, 0.01²) lets it die."""
    verdict = {
        init: variance_verdict(cached(layer_variances, LayerVarianceConfig(init=init, seed=seed)))
        for init in ("xavier_normal", "normal1", "normal")
    }
    return (
        set(verdict["xavier_normal"].values()) == {"kept"}
        and set(verdict["normal1"].values()) == {"grows"}
        and set(verdict["normal"].values()) == {"shrinks"}
    )


@register_claim("stability.dropout_breaks_symmetry", section="3.8", seeds=CLAIM_SEEDS)
def _dropout_breaks_symmetry(seed: int) -> bool:
    return dropout_breaks_symmetry(cached(symmetry, SymmetryConfig(seed=seed)))


# --- the book's exercises (3.8) ------------------------------------------------------------------
# Each a frozen config (its controls keyed x38<n>_) and a module-level computation, read by
# ``mlp_lab.activities.stability``. Fashion-MNIST subsets and few steps: a run takes seconds.
def _subset(data: FashionMNIST, n: int, seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    """``n`` training images (flattened, uint8) and their labels, drawn by ``seed`` (all of them when
    the data set has fewer)."""
    order = torch.randperm(data.train_x.shape[0], generator=torch.Generator().manual_seed(seed))[:n]
    order = order.to(data.device)
    return data.train_x[order].reshape(len(order), -1).cpu(), data.train_y[order].cpu()


def _test_set(data: FashionMNIST) -> tuple[torch.Tensor, torch.Tensor]:
    return data.test_x.reshape(data.test_x.shape[0], -1).cpu(), data.test_y.cpu()


# 3.8.1: the symmetries of a two-hidden-layer tanh MLP, in float64 (no float32 rounding noise).
SYMMETRY_STARTS = ("constant", "zero", "random")


@dataclass(frozen=True)
class SymmetriesConfig:
    units: int = control(4, key="x381_units", label="ex.3.8.1.units", lo=2, hi=16,
                         doc="units in each of the two hidden layers (exercise 3.8.1)")  # fmt: skip
    steps: int = control(100, key="x381_steps", label="ex.3.8.1.steps", lo=10, hi=500, step=10,
                         doc="SGD steps from each start (exercise 3.8.1)")  # fmt: skip
    n_train: int = 10000
    batch_size: int = 256
    lr: float = 0.5
    seed: int = 0


@dataclass
class SymmetriesRun:
    start: str
    loss: np.ndarray  # minibatch loss per step
    spread: tuple[float, float]  # largest difference between any hidden unit's incoming weights and unit 1's, per layer
    moved: float  # largest |change| of any hidden-layer weight (W1, W2) from the start
    test_acc: float


@dataclass
class SymmetriesResult:
    config: SymmetriesConfig
    runs: dict[str, SymmetriesRun]


def _symmetry_start(start: str, sizes: list[int], gen: torch.Generator) -> list[torch.Tensor]:
    """constant: every weight 0.01; zero: every weight 0; random: Xavier normal. float64, (in, out)."""
    out = []
    for a, b in itertools.pairwise(sizes):
        if start == "constant":
            out.append(torch.full((a, b), 0.01, dtype=torch.float64))
        elif start == "zero":
            out.append(torch.zeros(a, b, dtype=torch.float64))
        else:
            out.append(torch.randn(a, b, generator=gen, dtype=torch.float64) * math.sqrt(2.0 / (a + b)))
    return out


def symmetries(config: SymmetriesConfig, data: FashionMNIST | None = None) -> SymmetriesResult:
    """A 784-units-units-10 tanh MLP trained by SGD from three starts on the same minibatches:
    every weight equal (0.01), every weight 0, and Xavier's random draw."""
    data = data if data is not None else load_fashion_mnist("cpu")
    X, Y = _subset(data, config.n_train, config.seed)
    Xt, Yt = _test_set(data)
    sizes = [784, config.units, config.units, 10]
    runs = {}
    for start in SYMMETRY_STARTS:
        gen = torch.Generator().manual_seed(config.seed)
        Ws = [W.requires_grad_(True) for W in _symmetry_start(start, sizes, gen)]
        bs = [torch.zeros(b, dtype=torch.float64, requires_grad=True) for b in sizes[1:]]
        W0 = [W.detach().clone() for W in Ws]

        def net(x: torch.Tensor, Ws: list = Ws, bs: list = bs) -> torch.Tensor:
            h = x.to(torch.float64) / 255.0
            for i, (W, b) in enumerate(zip(Ws, bs, strict=True)):
                h = h @ W + b
                if i < len(Ws) - 1:
                    h = torch.tanh(h)
            return h

        order = torch.Generator().manual_seed(config.seed + 1)  # the same minibatches for every start
        losses = []
        while len(losses) < config.steps:
            for idx in torch.randperm(len(Y), generator=order).split(config.batch_size):
                loss = nn.functional.cross_entropy(net(X[idx]), Y[idx])
                grads = torch.autograd.grad(loss, [*Ws, *bs])
                with torch.no_grad():
                    for p, g in zip([*Ws, *bs], grads, strict=True):
                        p -= config.lr * g
                losses.append(loss.item())
                if len(losses) == config.steps:
                    break
        with torch.no_grad():
            acc = (net(Xt).argmax(dim=1) == Yt).double().mean().item()
            spread = tuple(float((W - W[:, :1]).abs().max()) for W in Ws[:2])
            moved = max(float((W - W_0).abs().max()) for W, W_0 in zip(Ws[:2], W0[:2], strict=True))
        runs[start] = SymmetriesRun(start, np.array(losses), spread, moved, acc)  # type: ignore[arg-type]
    return SymmetriesResult(config, runs)


# 3.8.2: softmax regression (and, for contrast, a one-hidden-layer MLP) from all-equal weights.
CONSTANTS = (0.0, 0.001, 0.01, 0.05, 0.1)
CONTRAST_HIDDEN = 64


@dataclass(frozen=True)
class ConstantInitConfig:
    constant: float = control(0.01, key="x382_c", label="ex.3.8.2.constant", choices=CONSTANTS,
                              widget="select_slider", fmt="g",
                              doc="the value every weight starts at (exercise 3.8.2)")  # fmt: skip
    epochs: int = control(2, key="x382_epochs", label="ex.3.8.2.epochs", lo=1, hi=5,
                          doc="epochs of each run (exercise 3.8.2)")  # fmt: skip
    lr: float = 0.1
    batch_size: int = 256
    seed: int = 0


@dataclass
class ConstantInitResult:
    config: ConstantInitConfig
    test_acc: dict[tuple[str, str], list[float]]  # (model, start) -> test accuracy after each epoch


def _constant_run(model: str, start: str, config: ConstantInitConfig, data: FashionMNIST) -> list[float]:
    """Softmax regression (784-10) or the MLP (784-64-10, ReLU), every weight = constant or
    N(0, 0.01^2), biases 0; SGD on all 60,000 images; the test accuracy after each epoch."""
    gen = torch.Generator().manual_seed(config.seed)
    sizes = [784, 10] if model == "softmax" else [784, CONTRAST_HIDDEN, 10]
    Ws = []
    for a, b in itertools.pairwise(sizes):
        W = torch.full((a, b), config.constant) if start == "constant" else torch.randn(a, b, generator=gen) * 0.01
        Ws.append(W.requires_grad_(True))
    bs = [torch.zeros(b, requires_grad=True) for b in sizes[1:]]
    X, Y = data.train_x.reshape(-1, 784).cpu(), data.train_y.cpu()
    Xt, Yt = _test_set(data)

    def net(x: torch.Tensor) -> torch.Tensor:
        h = x.to(torch.float32) / 255.0
        for i, (W, b) in enumerate(zip(Ws, bs, strict=True)):
            h = h @ W + b
            if i < len(Ws) - 1:
                h = torch.relu(h)
        return h

    optimizer = torch.optim.SGD([*Ws, *bs], lr=config.lr)
    order = torch.Generator().manual_seed(config.seed + 1)
    accs = []
    for _ in range(config.epochs):
        for idx in torch.randperm(X.shape[0], generator=order).split(config.batch_size):
            loss = nn.functional.cross_entropy(net(X[idx]), Y[idx])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        with torch.no_grad():
            accs.append((net(Xt).argmax(dim=1) == Yt).float().mean().item())
    return accs


def constant_init(config: ConstantInitConfig, data: FashionMNIST | None = None) -> ConstantInitResult:
    data = data if data is not None else load_fashion_mnist("cpu")
    return ConstantInitResult(
        config,
        {(m, s): _constant_run(m, s, config, data) for m in ("softmax", "mlp") for s in ("constant", "random")},
    )


# 3.8.3: bounds on a product of matrices, through the singular values.
def product_norm(mats: list[torch.Tensor]) -> float:
    """The left side: the spectral norm ||M_1 M_2 ... M_k||_2 of the product."""
    P = mats[0]
    for M in mats[1:]:
        P = P @ M
    return float(torch.linalg.matrix_norm(P, ord=2))


def norm_bound(mats: list[torch.Tensor]) -> float:
    """The worked answer's upper bound: the product of the factors' spectral norms (largest singular values)."""
    return float(np.prod([torch.linalg.matrix_norm(M, ord=2).item() for M in mats]))


def floor_bound(mats: list[torch.Tensor]) -> float:
    """The worked answer's lower bound on the smallest singular value: the product of the factors' smallest."""
    return float(np.prod([torch.linalg.matrix_norm(M, ord=-2).item() for M in mats]))


def product_floor(mats: list[torch.Tensor]) -> float:
    """The left side of the lower bound: the smallest singular value of the product."""
    P = mats[0]
    for M in mats[1:]:
        P = P @ M
    return float(torch.linalg.matrix_norm(P, ord=-2))


def spectral_radius(M: torch.Tensor) -> float:
    """The largest |eigenvalue|, which (for a matrix that is not normal) can be far below the norm."""
    return float(torch.linalg.eigvals(M).abs().max())


def bound_pairs(n: int = 4, count: int = 200, seed: int = 0) -> list[list[torch.Tensor]]:
    """Pairs and triples of n x n matrices, float64: Gaussian, and upper triangular (not normal)."""
    gen = torch.Generator().manual_seed(seed)
    out = []
    for i in range(count):
        k = 2 + i % 2
        mats = [torch.randn(n, n, generator=gen, dtype=torch.float64) for _ in range(k)]
        if i % 4 >= 2:
            mats = [torch.triu(M) + 2 * torch.triu(torch.ones(n, n, dtype=torch.float64), 1) for M in mats]
        out.append(mats)
    return out


@dataclass
class ProductBounds:
    config: MatrixProductConfig
    log10_norm: np.ndarray  # log10 ||P_k||_2, k = 0..count (P_0: the first matrix alone)
    log10_upper: np.ndarray  # log10 of the product of the spectral norms of M_0..M_k
    log10_floor: np.ndarray  # log10 sigma_min(P_k)
    log10_lower: np.ndarray  # log10 of the product of the smallest singular values of M_0..M_k


def product_bounds(config: MatrixProductConfig) -> ProductBounds:
    """The page's product (the same draws as ``matrix_product``), with both bounds at every k.

    The running product is renormalised after each step (its scale kept as a log), so 1e+300 and
    1e-300 stay readable; each step's bound factors are the same matrices' singular values.
    """
    gen = torch.Generator().manual_seed(config.seed)
    n = config.size
    draw = lambda: torch.normal(0.0, 1.0, size=(n, n), generator=gen).double() * config.sigma  # noqa: E731
    P, scale = None, 0.0
    norm, floor, upper, lower = [], [], [], []
    up, lo = 0.0, 0.0
    for _ in range(config.count + 1):
        M = draw()
        s = torch.linalg.svdvals(M)
        up += math.log10(s[0].item())
        lo += math.log10(max(s[-1].item(), 1e-300))
        P = M if P is None else P @ M
        sp = torch.linalg.svdvals(P)
        norm.append(scale + math.log10(sp[0].item()))
        floor.append(scale + math.log10(max(sp[-1].item(), 1e-300)))
        scale += math.log10(sp[0].item())
        P = P / sp[0]
        upper.append(up)
        lower.append(lo)
    return ProductBounds(config, np.array(norm), np.array(upper), np.array(floor), np.array(lower))


# 3.8.4: the deeper network at a learning rate that diverges, and two fixes applied to its steps.
LRS = (0.1, 0.2, 0.5, 1.0, 2.0)
CLIP_NORMS = (0.25, 0.5, 1.0, 2.0, 5.0, 10.0)
TRUSTS = (0.005, 0.01, 0.02, 0.05, 0.1)
FIXES = ("plain", "clip", "lars")
LOSS_EVERY = 5  # steps averaged per point of the loss curve


@dataclass(frozen=True)
class DivergenceFixConfig:
    lr: float = control(1.0, key="x384_lr", label="ex.3.8.4.lr", choices=LRS, widget="select_slider", fmt="g",
                        doc="learning rate of all three runs (exercise 3.8.4)")  # fmt: skip
    clip: float = control(1.0, key="x384_clip", label="ex.3.8.4.clip", choices=CLIP_NORMS, widget="select_slider",
                          fmt="g", doc="largest norm of the whole gradient (exercise 3.8.4)")  # fmt: skip
    trust: float = control(0.02, key="x384_trust", label="ex.3.8.4.trust", choices=TRUSTS, widget="select_slider",
                           fmt="g", help="ex.3.8.4.trust_help",
                           doc="LARS trust: a layer moves by lr x trust x its norm (exercise 3.8.4)")  # fmt: skip
    epochs: int = control(2, key="x384_epochs", label="ex.3.8.4.epochs", lo=1, hi=5,
                          doc="epochs over the subset (exercise 3.8.4)")  # fmt: skip
    n_train: int = 20000
    batch_size: int = 256
    seed: int = 0


@dataclass
class FixRun:
    fix: str
    loss: np.ndarray  # mean minibatch loss per LOSS_EVERY steps (NaN once a divergence left none finite)
    diverged_step: int | None
    test_acc: float  # at the end (or where it diverged: whatever the broken net predicts)


@dataclass
class DivergenceFixResult:
    config: DivergenceFixConfig
    runs: dict[str, FixRun]


def clip_scale(grad_norm: float, max_norm: float) -> float:
    """Gradient clipping: shrink the whole step when the gradient's norm exceeds ``max_norm``."""
    return min(1.0, max_norm / (grad_norm + 1e-12))


def lars_scale(weight_norm: float, grad_norm: float, trust: float) -> float:
    """LARS (You, Gitman and Ginsburg 2017): each layer's local rate trust x ||w|| / ||grad||, so a
    layer moves by lr x trust of its own size whatever its gradient's size."""
    return trust * weight_norm / grad_norm if weight_norm > 0 and grad_norm > 0 else 1.0


def _fix_run(fix: str, config: DivergenceFixConfig, X: torch.Tensor, Y: torch.Tensor, data: FashionMNIST) -> FixRun:
    from mlp_lab.training import DIVERGED_LOSS

    gen = torch.Generator().manual_seed(config.seed)
    sizes = [784, *DEEP_HIDDENS, 10]
    Ws = [(torch.randn(a, b, generator=gen) * math.sqrt(2.0 / a)).requires_grad_(True)  # Kaiming: the page's ReLU init
          for a, b in itertools.pairwise(sizes)]  # fmt: skip
    bs = [torch.zeros(b, requires_grad=True) for b in sizes[1:]]
    params = [*Ws, *bs]

    def net(x: torch.Tensor) -> torch.Tensor:
        h = x.to(torch.float32) / 255.0
        for i, (W, b) in enumerate(zip(Ws, bs, strict=True)):
            h = h @ W + b
            if i < len(Ws) - 1:
                h = torch.relu(h)
        return h

    order = torch.Generator().manual_seed(config.seed + 1)
    steps_total = config.epochs * math.ceil(len(Y) / config.batch_size)
    losses, diverged = [], None
    for _ in range(config.epochs):
        for idx in torch.randperm(len(Y), generator=order).split(config.batch_size):
            loss = nn.functional.cross_entropy(net(X[idx]), Y[idx])
            grads = torch.autograd.grad(loss, params)
            losses.append(loss.item())
            if not (math.isfinite(losses[-1]) and losses[-1] < DIVERGED_LOSS):
                diverged = len(losses)
                break
            with torch.no_grad():
                if fix == "clip":
                    scale = clip_scale(math.sqrt(sum(g.pow(2).sum().item() for g in grads)), config.clip)
                    scales = [scale] * len(params)
                elif fix == "lars":
                    scales = [
                        lars_scale(p.norm().item(), g.norm().item(), config.trust)
                        for p, g in zip(params, grads, strict=True)
                    ]
                else:
                    scales = [1.0] * len(params)
                for p, g, s in zip(params, grads, scales, strict=True):
                    p -= config.lr * s * g
        if diverged:
            break
    padded = np.full(steps_total, np.nan)
    padded[: len(losses)] = losses
    if diverged:
        padded[diverged - 1 :] = np.nan
    # each point: the mean of its steps' finite losses (a run that diverged ends at its last finite ones)
    chunks = [padded[i : i + LOSS_EVERY] for i in range(0, steps_total, LOSS_EVERY)]
    curve = np.array([c[np.isfinite(c)].mean() if np.isfinite(c).any() else np.nan for c in chunks])
    Xt, Yt = _test_set(data)
    with torch.no_grad():
        acc = (net(Xt).argmax(dim=1) == Yt).float().mean().item()
    return FixRun(fix, curve, diverged, acc)


def divergence_fixes(config: DivergenceFixConfig, data: FashionMNIST | None = None) -> DivergenceFixResult:
    """The page's deeper MLP (5 x 256, ReLU, Kaiming) by plain SGD, with clipping and with LARS-style
    per-layer steps, on the same minibatches of a Fashion-MNIST subset."""
    data = data if data is not None else load_fashion_mnist("cpu")
    X, Y = _subset(data, config.n_train, config.seed)
    return DivergenceFixResult(config, {fix: _fix_run(fix, config, X, Y, data) for fix in FIXES})
