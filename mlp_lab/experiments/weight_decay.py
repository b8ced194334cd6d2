"""3.5: weight decay on the book's high-dimensional linear regression (d = 200, 20 examples).

y = 0.05 + sum_i 0.01 x_i + eps, eps ~ N(0, 0.01^2), x ~ N(0, 1) (d2l's ``synthetic_data``).
From scratch (3.5.2): w ~ N(0, 1), b = 0, loss ``(y_hat - y)^2 / 2 + lambda * ||w||^2 / 2``.
Concise (3.5.3): ``nn.Linear`` with every parameter ~ N(0, 1), ``nn.MSELoss`` (no 1/2) and
``weight_decay`` in the weight's SGD param group only. Both: SGD lr 0.003, batch 5, 100 epochs.

Models that differ only in lambda (and seeds) train together in one batched computation
(``linear_sgd.train_many``); ``torch_scratch`` / ``torch_concise`` are the book's own loops, kept
for the checks that show the batched engine and the two implementations agree.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from mlp_lab.checks import register
from mlp_lab.controls import control
from mlp_lab.experiments.linear_sgd import DTYPE, SGDSettings, shuffle_order, stack_problems, train_many
from mlp_lab.store import Progress, cached

NUM_INPUTS = 200
TRUE_W, TRUE_B = 0.01, 0.05
MAX_TRAIN = 1000
IMPLEMENTATIONS = ("scratch", "concise")
PENALTIES = ("L2", "L1")
LAMBDA_GRID = (0.0, 0.01, 0.03, 0.1, 0.3, 1.0, 2.0, 3.0, 5.0, 10.0, 30.0, 100.0)  # past the slider: where it flattens
BOOK_LAMBDAS = (0.0, 3.0)  # the book's two runs: without and with weight decay
D200_SIZES = (5, 10, 20, 50, 100, 200, 500, 1000)  # the training-set sizes of 3.4's d = 200 demo
_DATA, _TEST, _VAL, _INIT, _ORDER = 11, 12, 13, 14, 15


@dataclass(frozen=True)
class WDSettings:
    """The weight-decay page's controls; the defaults are the book's first run (no decay, L2)."""

    lambd: float = control(0.0, key="wd_lambda", label="wd.lambda", lo=0.0, hi=10.0, step=0.1, help="wd.lambda_help",
                           doc="regularisation constant lambda")  # fmt: skip
    penalty: str = control("L2", key="wd_penalty", label="wd.penalty", choices=PENALTIES, widget="segmented",
                           help="wd.penalty_help", doc="L2 (weight decay) or L1 (exercise 3)")  # fmt: skip
    seed: int = 0

    def run(self, implementation: str) -> WDConfig:
        """One implementation's model at the slider's lambda."""
        return WDConfig(self.lambd, implementation, self.penalty, seed=self.seed)

    def sweep(self) -> WDConfig:
        """The lambda sweep trains its own grid: the slider's lambda is not part of its settings."""
        return WDConfig(penalty=self.penalty, seed=self.seed)

    def spread(self, implementation: str) -> WDConfig:
        """The book's two runs (lambda 0 and 3, L2) over 5 seeds from the sidebar's."""
        return WDConfig(implementation=implementation, seed=self.seed)


@dataclass(frozen=True)
class WDConfig:
    """One weight-decay experiment; the defaults are the book's. Frozen: the cache key."""

    lambd: float = 0.0
    implementation: str = "scratch"
    penalty: str = "L2"
    n_train: int = 20
    seed: int = 0
    n_test: int = 100
    n_val: int = 100
    num_inputs: int = NUM_INPUTS
    batch_size: int = 5
    lr: float = 0.003
    epochs: int = 100

    def __post_init__(self) -> None:
        if self.implementation not in IMPLEMENTATIONS or self.penalty not in PENALTIES:
            raise ValueError(f"implementation in {IMPLEMENTATIONS}, penalty in {PENALTIES}")
        if not (self.lambd >= 0 and math.isfinite(self.lambd)):
            raise ValueError("lambda must be a finite number >= 0")
        if not 1 <= self.n_train <= MAX_TRAIN or min(self.n_test, self.n_val, self.num_inputs) < 1:
            raise ValueError(f"n_train must be in 1..{MAX_TRAIN}; sizes at least 1")
        if self.epochs < 1 or self.batch_size < 1 or not self.lr > 0:
            raise ValueError("epochs, batch size and learning rate must be positive")

    @property
    def sgd(self) -> SGDSettings:
        # Scratch uses d2l's squared_loss (with 1/2), concise nn.MSELoss (without): twice the step.
        half = self.implementation == "scratch"
        return SGDSettings(self.lr, self.batch_size, self.epochs, half_loss=half, bias_last=True)


def synthetic_data(rng: np.random.Generator, n: int, num_inputs: int) -> tuple[np.ndarray, np.ndarray]:
    """d2l's ``synthetic_data``: X ~ N(0, 1), y = X w + b + N(0, 0.01^2) with w = 0.01, b = 0.05."""
    x = rng.standard_normal((n, num_inputs))
    y = x.sum(axis=1) * TRUE_W + TRUE_B + rng.normal(0, 0.01, n)
    return x, y


@dataclass
class WDData:
    train: tuple[np.ndarray, np.ndarray]
    test: tuple[np.ndarray, np.ndarray]
    val: tuple[np.ndarray, np.ndarray]


def with_bias(x: np.ndarray) -> np.ndarray:
    """Append the constant feature 1: its weight is the bias b (the last row of the weights)."""
    return np.concatenate([x, np.ones((len(x), 1))], axis=1).astype(DTYPE)


def wd_data(config: WDConfig, seed: int | None = None, n_train: int | None = None) -> WDData:
    """Training sets are prefixes of one pool of 1000, so a bigger set keeps the smaller one's rows."""
    seed = config.seed if seed is None else seed
    n = config.n_train if n_train is None else n_train
    x, y = synthetic_data(np.random.default_rng((seed, _DATA)), MAX_TRAIN, config.num_inputs)
    test = synthetic_data(np.random.default_rng((seed, _TEST)), config.n_test, config.num_inputs)
    val = synthetic_data(np.random.default_rng((seed, _VAL)), config.n_val, config.num_inputs)
    return WDData((x[:n], y[:n]), test, val)


def initial_params(config: WDConfig, seed: int) -> np.ndarray:
    """(d + 1,): w ~ N(0, 1) (``init_params``); b = 0 from scratch, N(0, 1) concise (``param.data.normal_()``)."""
    theta = np.random.default_rng((seed, _INIT)).standard_normal(config.num_inputs + 1)
    if config.implementation == "scratch":
        theta[-1] = 0.0
    return theta.astype(DTYPE)


@dataclass
class WDRuns:
    """Models for seeds x lambdas, trained together. Index [seed, lambda] (curves: [epoch, seed, lambda])."""

    config: WDConfig
    seeds: tuple[int, ...]
    lambdas: tuple[float, ...]
    train_loss: np.ndarray  # (epochs, S, L)
    test_loss: np.ndarray
    val_loss: np.ndarray  # (S, L), after the last epoch
    weights: np.ndarray  # (S, d, L) without the bias
    bias: np.ndarray  # (S, L)
    seconds: float
    diverged: bool

    @property
    def norms(self) -> np.ndarray:
        """||w|| (the bias left out, as the book prints it), (S, L)."""
        return np.linalg.norm(self.weights.astype(np.float64), axis=1)

    @property
    def zeros(self) -> np.ndarray:
        """How many of the d weights are exactly 0 (the L1 penalty's feature selection), (S, L)."""
        return (self.weights == 0).sum(axis=1)


def train_lambdas(
    config: WDConfig, lambdas: tuple[float, ...], seeds: tuple[int, ...] | None = None, progress: Progress | None = None
) -> WDRuns:
    """Every (seed, lambda) model of ``config``'s implementation and penalty in one computation."""
    start = time.perf_counter()
    seeds = (config.seed,) if seeds is None else tuple(seeds)
    sets, starts = [], []
    for seed in seeds:
        data = wd_data(config, seed)
        sets.append((with_bias(data.train[0]), data.train[1], with_bias(data.test[0]), data.test[1]))
        starts.append(initial_params(config, seed))
    w0 = np.repeat(np.stack(starts)[:, :, None], len(lambdas), axis=2)
    strength = np.array(lambdas, dtype=np.float64)
    penalty = {"l2": strength} if config.penalty == "L2" else {"l1": strength}
    order = np.random.default_rng((seeds[0], _ORDER, len(seeds)))
    runs = train_many(stack_problems(sets), w0, config.sgd, order, **penalty, progress=progress)
    val = np.stack([_val_loss(config, seed, runs.weights[i]) for i, seed in enumerate(seeds)])
    return WDRuns(
        config, seeds, tuple(lambdas), runs.train_loss, runs.test_loss, val,
        runs.weights[:, :-1], runs.weights[:, -1], time.perf_counter() - start, runs.diverged,
    )  # fmt: skip


def _val_loss(config: WDConfig, seed: int, theta: np.ndarray) -> np.ndarray:
    x, y = wd_data(config, seed).val
    err = with_bias(x).astype(np.float64) @ theta - y[:, None]
    sq = (err**2).mean(axis=0)
    return sq / 2 if config.implementation == "scratch" else sq


@dataclass
class LambdaSweep:
    runs: WDRuns

    @property
    def chosen_by_val(self) -> float:
        """Exercise 2: the lambda a validation set picks (the test set stays untouched)."""
        return self.runs.lambdas[_argmin(self.runs.val_loss[0])]

    @property
    def best_on_test(self) -> float:
        return self.runs.lambdas[_argmin(self.runs.test_loss[-1, 0])]


def _argmin(values: np.ndarray) -> int:
    return int(np.argmin(np.where(np.isfinite(values), values, np.inf)))


def train_at_lambda(config: WDConfig, progress: Progress | None = None) -> WDRuns:
    """The one model of ``config``: its implementation and penalty at ``config.lambd``."""
    return train_lambdas(config, (config.lambd,), progress=progress)


def lambda_sweep(
    config: WDConfig, lambdas: tuple[float, ...] = LAMBDA_GRID, progress: Progress | None = None
) -> LambdaSweep:
    """``config``'s model over the grid of lambdas (``config.lambd`` is not used)."""
    return LambdaSweep(train_lambdas(config, lambdas, progress=progress))


def seed_norms(config: WDConfig, count: int = 5, progress: Progress | None = None) -> WDRuns:
    """The book's two printed runs (lambda 0 and 3) repeated over ``count`` seeds from ``config.seed``."""
    return train_lambdas(config, BOOK_LAMBDAS, tuple(range(config.seed, config.seed + count)), progress)


@dataclass(frozen=True)
class D200Config:
    """3.4's view of this section's data: lambda 0, from scratch, one model per training-set size."""

    seed: int = 0
    sizes: tuple[int, ...] = D200_SIZES


@dataclass
class D200Sweep:
    """3.4's view of the same data: lambda = 0, growing training sets (the book used 20)."""

    sizes: tuple[int, ...]
    train_loss: np.ndarray  # (epochs, len(sizes))
    test_loss: np.ndarray
    seconds: float


def d200_size_sweep(d200: D200Config, progress: Progress | None = None) -> D200Sweep:
    """One model per training-set size (nested sets), all trained together, from scratch at lambda 0."""
    start = time.perf_counter()
    seed, sizes = d200.seed, d200.sizes
    config = WDConfig(seed=seed)
    data = wd_data(config, n_train=max(sizes))
    (x, y), (xt, yt) = data.train, data.test
    problems = stack_problems([(with_bias(x[:n]), y[:n], with_bias(xt), yt) for n in sizes])
    w0 = np.broadcast_to(initial_params(config, seed)[None, :, None], (len(sizes), NUM_INPUTS + 1, 1))
    runs = train_many(problems, w0, config.sgd, np.random.default_rng((seed, _ORDER)), progress=progress)
    return D200Sweep(tuple(sizes), runs.train_loss[:, :, 0], runs.test_loss[:, :, 0], time.perf_counter() - start)


# ---------------------------------------------------------------------------------------------
# The book's own loops in torch (one model at a time), for the checks and the tests.


def book_orders(config: WDConfig, epochs: int | None = None) -> list[np.ndarray]:
    """Minibatch orders for one training set, drawn the way ``train_many`` draws them."""
    rng = np.random.default_rng((config.seed, _ORDER, 1))
    n = np.array([config.n_train])
    padded = math.ceil(config.n_train / config.batch_size) * config.batch_size
    return [shuffle_order(rng, n, padded)[0, : config.n_train] for _ in range(epochs or config.epochs)]


def torch_scratch(config: WDConfig, half_loss: bool = True) -> np.ndarray:
    """3.5.2 as printed: explicit ``l2_penalty``, autograd, d2l's ``sgd``. Returns the final [w; b]."""
    data = wd_data(config)
    x, y = (torch.tensor(a, dtype=torch.float32) for a in data.train)
    theta = torch.tensor(initial_params(config, config.seed))
    w = theta[:-1].reshape(-1, 1).clone().requires_grad_(True)
    b = theta[-1:].clone().requires_grad_(True)
    for order in book_orders(config):
        for lo in range(0, len(order), config.batch_size):
            idx = torch.as_tensor(order[lo : lo + config.batch_size])
            err = x[idx] @ w + b - y[idx].reshape(-1, 1)
            loss = err**2 / 2 if half_loss else err**2  # d2l.squared_loss, or the MSE of 3.5.3
            penalty = config.lambd * torch.sum(w**2) / 2  # l2_penalty(w)
            (loss + penalty).sum().backward()
            with torch.no_grad():  # d2l.sgd, dividing by the batch's real length
                for p in (w, b):
                    p -= config.lr * p.grad / len(idx)
                    p.grad.zero_()
    return torch.cat([w.detach().flatten(), b.detach()]).numpy()


def torch_concise(config: WDConfig) -> np.ndarray:
    """3.5.3 as printed: ``nn.Linear``, ``nn.MSELoss``, SGD with ``weight_decay`` on the weight only."""
    data = wd_data(config)
    x, y = (torch.tensor(a, dtype=torch.float32) for a in data.train)
    theta = torch.tensor(initial_params(config, config.seed))
    net = nn.Sequential(nn.Linear(config.num_inputs, 1))
    with torch.no_grad():
        net[0].weight.copy_(theta[:-1].reshape(1, -1))
        net[0].bias.copy_(theta[-1:])
    loss = nn.MSELoss(reduction="none")
    trainer = torch.optim.SGD(
        [{"params": net[0].weight, "weight_decay": config.lambd}, {"params": net[0].bias}], lr=config.lr
    )
    for order in book_orders(config):
        for lo in range(0, len(order), config.batch_size):
            idx = torch.as_tensor(order[lo : lo + config.batch_size])
            trainer.zero_grad()
            loss(net(x[idx]), y[idx].reshape(-1, 1)).mean().backward()
            trainer.step()
    return torch.cat([net[0].weight.detach().flatten(), net[0].bias.detach()]).numpy()


# ---------------------------------------------------------------------------------------------
# Checks against the book (python -m mlp_lab reproduce --only weight_decay.)


# Each row's function takes the configuration it checks, so a test can run the same acceptance on a
# broken one. The norms are medians over seeds 0-4: the page's spread view at its defaults, shared.
#
# lambda 0: 20 examples in 200 dimensions move w only inside the data's 20-dimensional span, so ||w||
# stays near its N(0, 1) start (about sqrt(200) = 14.1): the norm alone cannot tell a trained model
# from an untrained one (medians over seed sets 0-4, .., 20-24: 13.35, 13.65, 13.75, 13.41, 14.17,
# untrained 14.12 for seeds 0-4). Training removes the span's share, ||w|| / ||w_0|| ~ sqrt(180/200)
# = 0.949, and that is what is accepted. Median ratio, scratch: seeds 0-4: 0.945, 0.943, 0.933, 0.942,
# 0.947; medians of the seed sets: 0.943, 0.964, 0.957, 0.965, 0.948. Concise: 0.946, 0.943, 0.933,
# 0.943, 0.947; sets: 0.943, 0.964, 0.957, 0.965, 0.949. Accept 0.92..0.97. Untrained: 1; one epoch:
# 0.988 scratch, 0.977 concise (fail).
RATIO_RANGE = (0.92, 0.97)
# lambda 3, scratch: seeds 0-4: 0.361, 0.383, 0.374, 0.338, 0.355; medians of the seed sets: 0.361,
# 0.369, 0.371, 0.362, 0.382; accept 0.33..0.42 (book 0.356). Decay off: 13.35; one epoch: 13.46 (fail).
SCRATCH_NORM3_RANGE = (0.33, 0.42)
# lambda 3, concise: seeds 0-4: 0.405, 0.477, 0.372, 0.505, 0.365; medians of the seed sets: 0.405,
# 0.387, 0.386, 0.392, 0.411; accept 0.36..0.44 (book 0.389). Decay off: 13.35; one epoch: 13.32 (fail).
CONCISE_NORM3_RANGE = (0.36, 0.44)
# max |w_concise - w_scratch| at lambda 3 (torch loops and the batched engine); seeds 0-4: 1.6e-7,
# 1.5e-7, 1.6e-7, 1.2e-7, 1.7e-7; accept < 1e-6. Scratch with d2l's 1/2 in the loss: 0.027..0.064 (fails).
MATCH_MAX = 1e-6
SCRATCH_SPREAD, CONCISE_SPREAD = WDSettings().spread("scratch"), WDSettings().spread("concise")
CONCISE_AT_3 = WDSettings(lambd=3.0).run("concise")  # the page's concise run at lambda 3, shared


def _norms(config: WDConfig) -> WDRuns:
    return cached(seed_norms, config)


def _norm_without_decay(config: WDConfig) -> tuple[str, bool]:
    """The median ||w|| at lambda 0 (shown) and the median of ||w|| / ||w at the start|| (accepted)."""
    runs = _norms(config)
    start = np.array([np.linalg.norm(initial_params(config, s)[:-1].astype(np.float64)) for s in runs.seeds])
    ratio = float(np.median(runs.norms[:, BOOK_LAMBDAS.index(0.0)] / start))
    norm = float(np.median(runs.norms[:, BOOK_LAMBDAS.index(0.0)]))
    return f"{norm:.4g} ({ratio:.3f})", RATIO_RANGE[0] <= ratio <= RATIO_RANGE[1]


def _norm_with_decay(config: WDConfig, accept: tuple[float, float]) -> tuple[float, bool]:
    norm = float(np.median(_norms(config).norms[:, -1]))  # the last of BOOK_LAMBDAS: lambda 3
    return norm, accept[0] <= norm <= accept[1]


@register("weight_decay.scratch_norm_lambda0", section="3.5", kind="reference")
def _norm_lambda0(config: WDConfig = SCRATCH_SPREAD) -> tuple[str, bool]:
    return _norm_without_decay(config)


@register("weight_decay.scratch_norm_lambda3", section="3.5", kind="reference")
def _norm_lambda3(config: WDConfig = SCRATCH_SPREAD) -> tuple[float, bool]:
    return _norm_with_decay(config, SCRATCH_NORM3_RANGE)


@register("weight_decay.concise_norm_lambda0", section="3.5", kind="reference")
def _concise_norm_lambda0(config: WDConfig = CONCISE_SPREAD) -> tuple[str, bool]:
    return _norm_without_decay(config)


@register("weight_decay.concise_norm_lambda3", section="3.5", kind="reference")
def _concise_norm_lambda3(config: WDConfig = CONCISE_SPREAD) -> tuple[float, bool]:
    return _norm_with_decay(config, CONCISE_NORM3_RANGE)


@register("weight_decay.concise_matches_scratch", section="3.5", kind="identity")
def _concise_matches_scratch(config: WDConfig = CONCISE_AT_3, half_loss: bool = False) -> tuple[float, bool]:
    concise = torch_concise(config)
    scratch = torch_scratch(config, half_loss=half_loss)  # the concise code's loss: nn.MSELoss, no 1/2
    batched = cached(train_at_lambda, config)
    ours = np.concatenate([batched.weights[0, :, 0], batched.bias[0]])
    gap = float(max(np.abs(concise - scratch).max(), np.abs(ours - concise).max()))
    return gap, gap < MATCH_MAX
