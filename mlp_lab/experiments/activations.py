"""3.1: activation functions, their derivatives (by autograd), the chapter's claims, and
universal approximation with one hidden layer."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

from mlp_lab.checks import register
from mlp_lab.controls import control
from mlp_lab.store import cached

# The functions this page plots: name -> f(x, alpha); alpha is the pReLU slope. (Not to be confused
# with ``mlp_lab.models.ACTIVATIONS``, the hidden layers a trained MLP can use.)
FUNCTIONS: dict[str, Callable[[torch.Tensor, float], torch.Tensor]] = {
    "relu": lambda x, a: torch.relu(x),
    "prelu": lambda x, a: torch.clamp(x, min=0) + a * torch.clamp(x, max=0),  # the book's max(0,x) + a min(0,x)
    "sigmoid": lambda x, a: torch.sigmoid(x),
    "tanh": lambda x, a: torch.tanh(x),
    "gelu": lambda x, a: F.gelu(x),
    "silu": lambda x, a: F.silu(x),
    "leaky_relu": lambda x, a: F.leaky_relu(x, negative_slope=0.01),
    "elu": lambda x, a: F.elu(x, alpha=1.0),
}
# Each function's definition as the book writes it (3.1.2), or as its paper does beyond the book.
FORMULAS: dict[str, str] = {
    "relu": r"\operatorname{ReLU}(x) = \max(x, 0)",
    "prelu": r"\operatorname{pReLU}(x) = \max(0, x) + \alpha \min(0, x)",
    "sigmoid": r"\operatorname{sigmoid}(x) = \frac{1}{1 + \exp(-x)},\quad "
    r"\operatorname{sigmoid}'(x) = \operatorname{sigmoid}(x)\,(1 - \operatorname{sigmoid}(x))",
    "tanh": r"\tanh(x) = \frac{1 - \exp(-2x)}{1 + \exp(-2x)},\quad \tanh'(x) = 1 - \tanh^2(x)",
    "gelu": r"\operatorname{GELU}(x) = x\,\Phi(x)",
    "silu": r"\operatorname{SiLU}(x) = x \operatorname{sigmoid}(x)",
    "leaky_relu": r"\operatorname{LeakyReLU}(x) = \max(0, x) + 0.01 \min(0, x)",
    "elu": r"\operatorname{ELU}(x) = x \text{ if } x > 0 \text{ else } \exp(x) - 1",
}
IN_BOOK = ("relu", "prelu", "sigmoid", "tanh")
GRID_STEPS = (0.01, 0.02, 0.05, 0.1, 0.2, 0.5)
SATURATION = 0.01  # |f'(x)| below this: the gradient barely passes (shaded on the page)


@dataclass(frozen=True)
class CurveConfig:
    """Which functions to draw, on which grid; the defaults are the book's plots (-8..8, step 0.1)."""

    names: tuple[str, ...] = control(IN_BOOK, key="act_fns", label="act.functions", choices=tuple(FUNCTIONS),
                                     help="act.functions_help", doc="activation functions to plot")  # fmt: skip
    span: tuple[float, float] = control((-8.0, 8.0), key="act_range", label="act.range", lo=-20.0, hi=20.0, step=0.5,
                                        doc="input range x")  # fmt: skip
    step: float = control(0.1, key="act_step", label="act.step", choices=GRID_STEPS, widget="select_slider",
                          doc="step of the grid")  # fmt: skip
    alpha: float = control(0.1, key="act_alpha", label="act.alpha", lo=0.0, hi=1.0, step=0.05, doc="pReLU slope")

    def grid(self) -> torch.Tensor:
        lo, hi = self.span
        n = round((hi - lo) / self.step) + 1
        return torch.linspace(lo, hi, max(n, 2), dtype=torch.float64)


@dataclass(frozen=True)
class CurveView:
    """How the curves are drawn (changes no result)."""

    overlay: bool = control(False, key="act_overlay", label="act.overlay", cli=False)


@dataclass
class Curve:
    name: str
    x: np.ndarray
    y: np.ndarray
    grad: np.ndarray  # dy/dx from autograd

    def saturated(self) -> np.ndarray:
        return np.abs(self.grad) < SATURATION


def curves(config: CurveConfig) -> list[Curve]:
    """Each activation and its derivative, the derivative taken by autograd as in d2l
    (``y.backward(torch.ones_like(x))``), not by a hand formula."""
    out = []
    for name in config.names:
        x = config.grid().requires_grad_(True)
        y = FUNCTIONS[name](x, config.alpha)
        y.backward(torch.ones_like(x))
        out.append(Curve(name, x.detach().numpy(), y.detach().numpy(), x.grad.numpy()))
    return out


# --- the chapter's claims, measured -------------------------------------------------------------
@dataclass
class Claim:
    key: str  # i18n key suffix
    measured: float
    expected: float
    error: float
    tolerance: float

    @property
    def holds(self) -> bool:
        return self.error <= self.tolerance


def grad_at(name: str, x0: float) -> float:
    x = torch.tensor(x0, dtype=torch.float64, requires_grad=True)
    FUNCTIONS[name](x, 0.1).backward()
    return float(x.grad)


def affine_collapse_error(seed: int = 0, d: int = 5, h: int = 7, q: int = 3, between: str | None = None) -> float:
    """Two affine layers without an activation equal one: W = W1 W2, b = b1 W2 + b2.

    ``between``: an activation (a name of ``FUNCTIONS``) put between the two layers, where the
    collapse no longer holds (the reason hidden layers need one)."""
    g = torch.Generator().manual_seed(seed)
    X = torch.randn(10, d, generator=g, dtype=torch.float64)
    W1, b1 = torch.randn(d, h, generator=g, dtype=torch.float64), torch.randn(h, generator=g, dtype=torch.float64)
    W2, b2 = torch.randn(h, q, generator=g, dtype=torch.float64), torch.randn(q, generator=g, dtype=torch.float64)
    hidden = X @ W1 + b1
    two_layers = (FUNCTIONS[between](hidden, 0.1) if between else hidden) @ W2 + b2
    one_layer = X @ (W1 @ W2) + (b1 @ W2 + b2)
    return float((two_layers - one_layer).abs().max())


def tanh_sigmoid_identity_error(inner: float = 2.0) -> float:
    """tanh(x) + 1 = 2 sigmoid(2x), checked on the book's grid -8..8 (``inner``: the 2 in sigmoid(2x))."""
    x = torch.arange(-8.0, 8.0, 0.1, dtype=torch.float64)
    return float((torch.tanh(x) + 1 - 2 * torch.sigmoid(inner * x)).abs().max())


# The claims' tolerances, also the rows' acceptance. Nothing random enters the derivatives and the
# identity (the same value for every seed); the collapse draws its layers from the seed.
# sigmoid'(0), tanh'(0) by autograd: error 0.0 exactly (seeds 0-4 alike); accept +-1e-12. Broken:
#   a hard sigmoid (slope 1/6) reads 0.1667, tanh(x/2) = 2 sigmoid(x) - 1 reads 0.5.
GRAD_TOL = 1e-12
# max |tanh(x) + 1 - 2 sigmoid(2x)|: 4.4e-16 (float64 rounding); accept <= 1e-12. Broken: sigmoid(x)
#   in place of sigmoid(2x) reads 0.30.
IDENTITY_TOL = 1e-12
# two affine layers - their collapse, seeds 0-4: 3.6e-15, 2.7e-15, 4.4e-15, 2.7e-15, 3.1e-15; accept
#   <= 1e-12. Broken: a ReLU between the layers reads 14.8 (seed 0).
COLLAPSE_TOL = 1e-12


def claims(seed: int = 0) -> list[Claim]:
    """Each claim of 3.1 with the number that tests it (``seed`` draws the affine layers)."""
    sig, tanh, relu = grad_at("sigmoid", 0.0), grad_at("tanh", 0.0), grad_at("relu", 0.0)
    collapse, identity = affine_collapse_error(seed), tanh_sigmoid_identity_error()
    return [
        Claim("affine_collapse", collapse, 0.0, collapse, COLLAPSE_TOL),
        Claim("tanh_sigmoid", identity, 0.0, identity, IDENTITY_TOL),
        Claim("sigmoid_grad0", sig, 0.25, abs(sig - 0.25), GRAD_TOL),
        Claim("tanh_grad0", tanh, 1.0, abs(tanh - 1.0), GRAD_TOL),
        Claim("relu_grad0", relu, 0.0, abs(relu), 0.0),
    ]


# --- universal approximation --------------------------------------------------------------------
TARGETS: dict[str, Callable[[torch.Tensor], torch.Tensor]] = {
    "sin": lambda x: torch.sin(x),
    "step": lambda x: (x > 0).to(x.dtype),
    "abs": lambda x: x.abs(),
    # three teeth on [-pi, pi]: jumps that a finite sum of smooth units can only approach
    "sawtooth": lambda x: 2 * (x * 3 / (2 * math.pi) + 0.5 - torch.floor(x * 3 / (2 * math.pi) + 0.5)) - 1,
}


@dataclass(frozen=True)
class ApproxConfig:
    """One hidden layer of ``units`` units fitted to ``target`` on [-pi, pi]."""

    units: int = control(16, key="act_units", label="act.units", lo=1, hi=128, doc="hidden units k")
    activation: str = control("relu", key="act_uat_fn", label="act.uat_activation", choices=tuple(FUNCTIONS),
                              doc="activation of the hidden units")  # fmt: skip
    target: str = control("sin", key="act_target", label="act.target", choices=tuple(TARGETS),
                          help="act.target_help", doc="function to approximate")  # fmt: skip
    steps: int = 300
    lr: float = 0.01
    seed: int = 0
    n_points: int = 200

    def ladder(self) -> list[ApproxConfig]:
        """The fits to draw for the chosen k: a few smaller ones too, so the growth of capacity shows."""
        k = self.units
        return [replace(self, units=u) for u in sorted({1, max(1, k // 8), max(1, k // 2), k})]


@dataclass
class ApproxResult:
    config: ApproxConfig
    x: np.ndarray
    target: np.ndarray
    fit: np.ndarray
    mse: float


def fit_one_hidden_layer(config: ApproxConfig) -> ApproxResult:
    """Fit ``k`` hidden units to a 1-D target on [-pi, pi] (full batch, well under a second).

    The hidden units start with their kinks spread over the interval; the output layer is then
    solved exactly by least squares, and Adam refines all weights together.
    """
    g = torch.Generator().manual_seed(config.seed)
    x = torch.linspace(-math.pi, math.pi, config.n_points).unsqueeze(1)
    y = TARGETS[config.target](x)
    hidden = nn.Linear(1, config.units)
    out = nn.Linear(config.units, 1)
    with torch.no_grad():  # spread the units' kinks over the interval so each one can be used
        hidden.weight.copy_(torch.randn(config.units, 1, generator=g) * 2)
        hidden.bias.copy_((torch.rand(config.units, generator=g) * 2 - 1) * math.pi * hidden.weight.abs().squeeze(1))
    act = FUNCTIONS[config.activation]
    with torch.no_grad():
        # Ridge, not plain least squares: with many similar units the plain solution has huge,
        # cancelling weights that the gradient steps afterwards cannot handle.
        H = torch.cat([act(hidden(x), 0.1), torch.ones_like(x)], dim=1).double()
        ridge = 1e-4 * len(x) * torch.eye(H.shape[1], dtype=torch.float64)
        coef = torch.linalg.solve(H.T @ H + ridge, H.T @ y.double()).float()
        out.weight.copy_(coef[:-1].T)
        out.bias.copy_(coef[-1])
    params = [*hidden.parameters(), *out.parameters()]
    opt = torch.optim.Adam(params, lr=config.lr)
    for _ in range(config.steps):
        loss = F.mse_loss(out(act(hidden(x), 0.1)), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
    with torch.no_grad():
        fit = out(act(hidden(x), 0.1))
        mse = float(F.mse_loss(fit, y))
    return ApproxResult(config, x.squeeze(1).numpy(), y.squeeze(1).numpy(), fit.squeeze(1).numpy(), mse)


# --- reproduce rows: the page's claims table at seed 0, through the one cached path ---------------
# Each row passes when its claim holds (the tolerances above, with the values measured).
def _claim(key: str) -> tuple[float, bool]:
    claim = next(c for c in cached(claims, 0) if c.key == key)
    return claim.measured, claim.holds


@register("activations.sigmoid_grad_at_0", section="3.1.2", kind="book")
def _sigmoid_grad() -> tuple[float, bool]:
    return _claim("sigmoid_grad0")


@register("activations.tanh_grad_at_0", section="3.1.2", kind="book")
def _tanh_grad() -> tuple[float, bool]:
    return _claim("tanh_grad0")


@register("activations.tanh_sigmoid_identity", section="3.1.2", kind="identity")
def _identity() -> tuple[float, bool]:
    return _claim("tanh_sigmoid")


@register("activations.affine_collapse", section="3.1.1", kind="identity")
def _collapse() -> tuple[float, bool]:
    return _claim("affine_collapse")
