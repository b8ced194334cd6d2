"""3.6: dropout. The layer itself, its unbiasedness measured, the book's network with and
without it, what the hidden layers look like during training, and train mode against eval mode.

The network training goes through THE trainer (``mlp_lab.training.train``); this module only adds
what a page measures around it.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np
import torch
from torch import nn

from mlp_lab.checks import register, register_claim
from mlp_lab.controls import control
from mlp_lab.data import FashionMNIST, iter_batches, load_fashion_mnist, to_float
from mlp_lab.device import pick_device
from mlp_lab.models import ScratchMLP, dropout_layer, linear_weights
from mlp_lab.store import cached
from mlp_lab.training import (
    EVAL_BATCH,
    MODELS,
    History,
    Progress,
    TrainConfig,
    TrainResult,
    make_model,
    reporting,
    train,
)

BOOK_P1, BOOK_P2 = 0.2, 0.5  # 3.6.1: dropout1, dropout2
BOOK_LR, BOOK_HIDDENS, BOOK_BATCH = 0.5, (256, 256), 256
DEMO_PS = (0.0, 0.5, 1.0)  # the book's printed demo on arange(16).reshape(2, 8)
DRAWS = (1_000, 10_000, 100_000, 1_000_000)
EPOCHS = (10, 20, 30, 50)
WEIGHT_DECAYS = (0.0, 1e-4, 3e-4, 1e-3, 3e-3, 1e-2)
RUNS = ("with", "without")  # the page's two trainings: the book's net with dropout, and its twin


@dataclass(frozen=True)
class DropoutSettings:
    """The controls of "the book's network" (3.6.1 / 3.6.2); defaults are the book's."""

    model: str = control(
        "scratch",
        key="dropout_model",
        label="dropout.model",
        choices=MODELS,
        widget="segmented",
        help="dropout.model_help",
        doc="scratch (dropout_layer, 3.6.1) or concise (nn.Dropout, 3.6.2)",
    )
    epochs: int = control(
        10,
        key="dropout_epochs",
        label="dropout.epochs",
        choices=EPOCHS,
        widget="select_slider",
        help="dropout.epochs_help",
        doc="passes over the training set",
    )
    p1: float = control(
        BOOK_P1, key="dropout_p1", label="dropout.p1", lo=0.0, hi=1.0, step=0.05, doc="dropout after hidden layer 1"
    )
    p2: float = control(
        BOOK_P2,
        key="dropout_p2",
        label="dropout.p2",
        lo=0.0,
        hi=1.0,
        step=0.05,
        help="dropout.swap_help",
        doc="dropout after hidden layer 2",
    )
    weight_decay: float = control(
        0.0,
        key="dropout_wd",
        label="dropout.wd",
        choices=WEIGHT_DECAYS,
        widget="select_slider",
        fmt="g",
        help="dropout.wd_help",
        doc="weight decay of both networks",
    )
    seed: int = 0

    def train_configs(self, device: str = "auto") -> dict[str, TrainConfig]:
        """The chapter's 784-256-256-10 net (lr 0.5, batch 256) with dropout, and its twin without."""
        return {run: self.config(with_dropout=run == "with", device=device) for run in RUNS}

    def config(self, *, with_dropout: bool = True, device: str = "auto") -> TrainConfig:
        return TrainConfig(
            model=self.model,
            hiddens=BOOK_HIDDENS,
            lr=BOOK_LR,
            batch_size=BOOK_BATCH,
            epochs=self.epochs,
            seed=self.seed,
            weight_decay=self.weight_decay,
            dropout=(self.p1, self.p2) if with_dropout else (),
            device=device,
        )


# --- the layer -----------------------------------------------------------------------------------
def demo_input() -> torch.Tensor:
    """The book's ``X = torch.arange(16, dtype=torch.float32).reshape((2, 8))``."""
    return torch.arange(16, dtype=torch.float32).reshape(2, 8)


def book_demo(seed: int = 0, ps: tuple[float, ...] = DEMO_PS) -> dict[float, np.ndarray]:
    """``dropout_layer(X, p)`` for each p, masks drawn from one seeded generator."""
    gen = torch.Generator().manual_seed(seed)
    return {p: dropout_layer(demo_input(), p, gen).numpy() for p in ps}


@dataclass
class MaskPicture:
    hidden: np.ndarray  # h: (examples, units), a ReLU layer
    kept: np.ndarray  # 1 where the unit survives, 0 where it is dropped
    dropped_out: np.ndarray  # h' = mask * h / (1 - p)


def mask_picture(p: float, seed: int = 0, examples: int = 8, units: int = 32) -> MaskPicture:
    """A ReLU hidden layer for a few examples, and what one dropout draw makes of it."""
    gen = torch.Generator().manual_seed(seed)
    hidden = torch.relu(torch.randn(examples, units, generator=gen) + 0.5)
    # Replaying the generator's state on a layer of ones gives the very mask that h received.
    state = gen.get_state()
    after = dropout_layer(hidden, p, gen)
    gen.set_state(state)
    kept = dropout_layer(torch.ones_like(hidden), p, gen) * (1.0 - p)
    return MaskPicture(hidden.numpy(), kept.numpy(), after.numpy())


@dataclass(frozen=True)
class UnbiasConfig:
    """The layer's controls: ``p`` drives the mask picture and the unbiasedness measurement."""

    p: float = control(
        0.5, key="dropout_p", label="dropout.p", lo=0.0, hi=1.0, step=0.05, help="dropout.p_help", doc="dropout p"
    )
    draws: int = control(
        100_000,
        key="dropout_draws",
        label="dropout.draws",
        choices=DRAWS,
        widget="select_slider",
        doc="dropout draws averaged",
    )
    seed: int = 0


@dataclass
class UnbiasResult:
    h: np.ndarray  # the layer we drop out of (the book's arange(16))
    mean: np.ndarray  # mean of h' over all draws
    draws: np.ndarray  # checkpoints n
    rel_error: np.ndarray  # ||mean of n draws - h|| / ||h||
    theory: np.ndarray  # its root-mean-square value for inverted dropout: sqrt(p / ((1 - p) n))

    @property
    def final_error(self) -> float:
        return float(self.rel_error[-1])


def unbiasedness(config: UnbiasConfig) -> UnbiasResult:
    """Average ``config.draws`` independent dropout draws of h and watch the mean approach h.

    Each element of h' is h/(1-p) with probability 1-p, else 0, so E[h'] = h and
    Var[h'] = h^2 p/(1-p): the mean of n draws misses by about sqrt(p/((1-p) n)) of ||h||.
    """
    h = demo_input().reshape(-1).double()
    gen = torch.Generator().manual_seed(config.seed)
    total = torch.zeros_like(h)
    checkpoints = _log_checkpoints(config.draws)
    errors, done = [], 0
    for n in checkpoints:
        # Chunks of at most 10^4 draws keep memory small whatever the draw count.
        while done < n:
            chunk = min(n - done, 10_000)
            draws = dropout_layer(h.expand(chunk, -1), config.p, gen)
            total += draws.sum(dim=0)
            done += chunk
        errors.append(((total / n - h).norm() / h.norm()).item())
    p = config.p
    theory = np.sqrt(p / ((1 - p) * checkpoints)) if p < 1 else np.ones(len(checkpoints))
    return UnbiasResult(h.numpy(), (total / done).numpy(), checkpoints, np.array(errors), theory)


def _log_checkpoints(n: int) -> np.ndarray:
    points = np.unique(np.round(np.logspace(0, math.log10(max(n, 1)), 25)).astype(int))
    return points[points <= n]


NOISE_BAND = 3.0  # an unbiased mean misses h by about the theory's rms; 3x that is a bias, not bad luck


def looks_unbiased(res: UnbiasResult, p: float) -> bool:
    """The page's sentence: the mean of the draws misses h only by what noise predicts (no bias).
    Needs 0 < p < 1: at p = 1 everything is dropped (mean 0), at p = 0 there is no noise to average."""
    return 0.0 < p < 1.0 and res.final_error <= NOISE_BAND * float(res.theory[-1])


SPREAD_SEEDS = range(8)  # the per-seed strips under the cheap demos


def unbiasedness_spread(config: UnbiasConfig, seeds: range = SPREAD_SEEDS) -> list[float]:
    """The final relative error of ``config`` for each seed (the page's strip), through the store."""
    return [cached(unbiasedness, replace(config, seed=s)).final_error for s in seeds]


# --- noise on the inputs is an L2 penalty (Bishop 1995) --------------------------------------------
@dataclass(frozen=True)
class NoiseConfig:
    """Least squares on noisy copies of a small data set, against ridge regression with λ = σ²."""

    sigma: float = control(
        0.5,
        key="dropout_noise_sigma",
        label="dropout.noise_sigma",
        lo=0.05,
        hi=1.0,
        step=0.05,
        help="dropout.noise_sigma_help",
        doc="std of the Gaussian noise added to the inputs",
    )
    copies: int = control(
        100,
        key="dropout_noise_copies",
        label="dropout.noise_copies",
        choices=(10, 30, 100, 300, 1000),
        widget="select_slider",
        doc="noisy copies of the inputs trained on",
    )
    examples: int = 20
    features: int = 10
    label_noise: float = 0.5
    seed: int = 0


@dataclass
class NoiseResult:
    true_w: np.ndarray
    least_squares: np.ndarray  # fit to the clean inputs
    ridge: np.ndarray  # clean inputs, penalty λ ||w||² with λ = σ²
    noisy: np.ndarray  # least squares on ``copies`` noisy copies of the inputs, no penalty

    def distance(self, w: np.ndarray) -> float:
        """||noisy - w|| relative to ||ridge||."""
        return float(np.linalg.norm(self.noisy - w) / np.linalg.norm(self.ridge))

    @property
    def to_ridge(self) -> float:
        return self.distance(self.ridge)

    @property
    def to_least_squares(self) -> float:
        return self.distance(self.least_squares)


def noisy_copies(X: np.ndarray, sigma: float, copies: int, rng: np.random.Generator) -> np.ndarray:
    """``copies`` versions of X stacked, each with fresh N(0, sigma^2) noise on every entry."""
    return np.concatenate([X + sigma * rng.normal(size=X.shape) for _ in range(copies)])


def noise_vs_ridge(config: NoiseConfig) -> NoiseResult:
    """Bishop (1995): with x' = x + ε, ε ~ N(0, σ² I), the expected mean squared error is
    E (y - x'ᵀw)² = (y - xᵀw)² + σ² ||w||², least squares plus an L2 penalty with λ = σ². Training on
    many noisy copies of the inputs therefore lands on ridge regression's weights."""
    rng = np.random.default_rng(config.seed)
    n, d = config.examples, config.features
    X = rng.normal(size=(n, d))
    true_w = rng.normal(size=d)
    y = X @ true_w + config.label_noise * rng.normal(size=n)
    least_squares = np.linalg.lstsq(X, y, rcond=None)[0]
    ridge = np.linalg.solve(X.T @ X / n + config.sigma**2 * np.eye(d), X.T @ y / n)
    noisy = np.linalg.lstsq(noisy_copies(X, config.sigma, config.copies, rng), np.tile(y, config.copies), rcond=None)[0]
    return NoiseResult(true_w, least_squares, ridge, noisy)


RIDGE_MARGIN = 3.0  # "closer to ridge": at least three times closer than to plain least squares


def noise_acts_as_ridge(res: NoiseResult) -> bool:
    """The page's sentence: the noise-trained weights sit by ridge's, well away from least squares'."""
    return res.to_ridge * RIDGE_MARGIN < res.to_least_squares


def noise_spread(config: NoiseConfig, seeds: range = SPREAD_SEEDS) -> list[NoiseResult]:
    return [cached(noise_vs_ridge, replace(config, seed=s)) for s in seeds]


# --- inside the network --------------------------------------------------------------------------
def forward_parts(
    model: nn.Module, X: torch.Tensor, *, dropout_on: bool, generator: torch.Generator | None = None
) -> tuple[list[torch.Tensor], torch.Tensor]:
    """Hidden layers (what the next layer receives) and logits, for either kind of model.

    Masks come from ``generator`` rather than the model's own random stream, so measuring a
    live model never changes the masks its training will draw next.
    """
    weights = linear_weights(model)
    if isinstance(model, ScratchMLP):
        act, ps = model.act, model.dropout
    else:
        act = next(m for m in model if not isinstance(m, nn.Flatten | nn.Linear | nn.Dropout))
        ps = _concise_dropouts(model)
    hiddens = []
    H = X.reshape(-1, weights[0][0].shape[0])
    with torch.no_grad():
        for (W, b), p in zip(weights[:-1], ps, strict=True):
            H = act(H @ W + b)
            if dropout_on and p > 0:
                H = dropout_layer(H, p, generator)
            hiddens.append(H)
        W, b = weights[-1]
        return hiddens, H @ W + b


def _concise_dropouts(model: nn.Sequential) -> list[float]:
    """The dropout probability after each hidden layer of an ``nn.Sequential`` (0 where none)."""
    ps: list[float] = []
    for m in model:
        if isinstance(m, nn.Linear):
            ps.append(0.0)
        elif isinstance(m, nn.Dropout):
            ps[-1] = float(m.p)
    return ps[:-1]  # the output layer has no dropout after it


@dataclass
class ActivationVarianceResult:
    """Per hidden layer, the variance of its activations at the end of each epoch (index 0 = init)."""

    config: TrainConfig
    train_mode: list[list[float]] = field(default_factory=list)  # [epoch][layer], dropout masks on
    eval_mode: list[list[float]] = field(default_factory=list)  # [epoch][layer], dropout off
    test_acc: list[float] = field(default_factory=list)

    def rows(self) -> list[dict]:
        out = []
        for mode, table in (("train", self.train_mode), ("eval", self.eval_mode)):
            for epoch, per_layer in enumerate(table):
                for layer, v in enumerate(per_layer, 1):
                    if math.isfinite(v):
                        out.append({"epoch": epoch, "layer": layer, "mode": mode, "variance": v})
        return out


def variance_ratios(res: ActivationVarianceResult) -> list[float]:
    """Per hidden layer, at the last measurement: variance with the masks on / variance with them off."""
    return [on / off if off > 0 else math.nan for on, off in zip(res.train_mode[-1], res.eval_mode[-1], strict=True)]


def masks_add_variance(res: ActivationVarianceResult, ps: tuple[float, ...]) -> bool:
    """The caption's sentence: the masks raise every dropped layer's variance, most where p is larger.
    (A unit kept with probability 1 - p and scaled by 1/(1 - p) has its second moment times 1/(1 - p).)"""
    ratios = variance_ratios(res)
    ps = tuple(ps) + (0.0,) * (len(ratios) - len(ps))
    if not any(p > 0 for p in ps) or any(p > 0 and not r > 1 for r, p in zip(ratios, ps, strict=True)):
        return False
    order = sorted(range(len(ps)), key=lambda i: ps[i])
    return all(ratios[a] < ratios[b] for a, b in itertools.pairwise(order) if ps[a] < ps[b])


PROBE_IMAGES = 1024  # the first training images; the same probe at every epoch


def activation_variance(
    config: TrainConfig, data: FashionMNIST | None = None, progress: Callable[[float], None] | None = None
) -> ActivationVarianceResult:
    """Train ``config`` and, at the start and after each epoch, measure each hidden layer's variance
    on a fixed probe batch, with dropout on (what training sees) and off (what testing sees).

    ``progress(fraction)`` hears how far the training is (a page's bar; its updates also let
    Streamlit interrupt the run, which then stores nothing).
    """
    device = pick_device(config.device)
    data = data if data is not None else load_fashion_mnist(device)
    probe = to_float(data.train_x[:PROBE_IMAGES])
    gen = torch.Generator(device=data.device).manual_seed(config.seed + 7)
    result = ActivationVarianceResult(config)

    def measure(model: nn.Module) -> None:
        for dropout_on, table in ((True, result.train_mode), (False, result.eval_mode)):
            hiddens, _ = forward_parts(model, probe, dropout_on=dropout_on, generator=gen)
            table.append([h.var().item() for h in hiddens])

    def callback(p: Progress) -> bool:
        if progress is not None:
            progress(p.fraction)
        if p.epoch_end:
            measure(p.model)
            result.test_acc.append(p.history.test_acc[-1])
        return False

    model = make_model(config, data.device)
    measure(model)
    train(config, data=data, callback=callback, every_steps=10, model=model)
    return result


# --- train mode against eval mode ----------------------------------------------------------------
@dataclass
class ModeGap:
    eval_acc: float  # dropout off, as prediction should be: one deterministic number
    train_accs: list[float]  # dropout left on: a different accuracy on every pass

    @property
    def train_mean(self) -> float:
        return float(np.mean(self.train_accs))

    @property
    def train_std(self) -> float:
        return float(np.std(self.train_accs))


PASSES = 10  # test-set passes with dropout left on


def trained_model(result: TrainResult, device: torch.device | str = "cpu") -> nn.Module:
    model = make_model(replace(result.config, device="cpu"), torch.device("cpu"))
    model.load_state_dict(result.state_dict)
    return model.to(device).eval()


def mode_gap(config: TrainConfig, passes: int = PASSES, progress: Callable[[float], None] | None = None) -> ModeGap:
    """Test accuracy of the net ``config`` trains (the shared, cached run) with dropout off, and
    over ``passes`` passes with it on (masks seeded by ``config.seed``)."""
    result = cached(train, config)
    device = pick_device(config.device)
    data = load_fashion_mnist(device)
    model = trained_model(result, data.device)
    gen = torch.Generator(device=data.device).manual_seed(config.seed)
    accs = []

    def accuracy(dropout_on: bool) -> float:
        correct = 0
        for xb, yb in iter_batches(data.test_x, data.test_y, EVAL_BATCH, generator=None):
            _, logits = forward_parts(model, to_float(xb), dropout_on=dropout_on, generator=gen)
            correct += int((logits.argmax(dim=1) == yb).sum())
        if progress is not None:
            progress((len(accs) + 1) / (passes + 1))
        accs.append(correct / data.test_y.shape[0])
        return accs[-1]

    return ModeGap(accuracy(False), [accuracy(True) for _ in range(passes)])


def mode_gap_shows(gap: ModeGap) -> bool:
    """The page's sentence: every pass with dropout on differs and scores below eval mode."""
    return len(set(gap.train_accs)) > 1 and max(gap.train_accs) < gap.eval_acc


def dropout_helps(with_dropout: TrainResult, without: TrainResult) -> bool:
    """The comparison's sentence: after the last epoch the net with dropout has the higher test
    accuracy and the lower test loss (test, not train: dropout's train numbers are taken with masks on)."""
    w, o = with_dropout.history, without.history
    return w.test_acc[-1] > o.test_acc[-1] and w.test_loss[-1] < o.test_loss[-1]


# --- checks ---------------------------------------------------------------------------------------
# Each row's function takes what it checks (or reads ``dropout_layer`` from this module), so a test can
# run the same acceptance on a broken ingredient.

# Worst of p = 0.2 and 0.5 of ||mean of 10^5 draws - h|| / ||h||; seeds 0-4: 0.0024, 0.0027, 0.0032,
# 0.0036, 0.0036 (theory at p = 0.5: 0.0032 rms); accept < 0.006. Survivors not scaled by 1/(1-p):
# 0.49 (fails).
UNBIASED_MAX = 0.006
BOOK_NET = DropoutSettings()


@register("dropout.layer_unbiased", section="3.6", kind="book")
def _layer_unbiased() -> tuple[float, bool]:
    worst = max(cached(unbiasedness, UnbiasConfig(p=p)).final_error for p in (BOOK_P1, BOOK_P2))
    return worst, worst < UNBIASED_MAX


# Exact, no randomness (p = 0 and 1 draw no mask; the same for every seed). The book's dropout_layer
# has both branches; without the p = 1 one, mask * X / (1 - p) = 0 / 0: NaN (fails).
@register("dropout.layer_p1_zeros", section="3.6", kind="identity")
def _layer_p1_zeros() -> tuple[str, bool]:
    X = demo_input()
    zeros = bool(torch.equal(dropout_layer(X, 1.0), torch.zeros_like(X)))
    same = bool(torch.equal(dropout_layer(X, 0.0), X))
    return f"{'0' if zeros else '≠ 0'} / {'X' if same else '≠ X'}", zeros and same  # like the book column


# Claims of the page at its defaults, over seeds 0-7 (milliseconds each; measured 8 of 8 each). The
# train/eval mode gap and the with/without comparison choose their sentences by ``mode_gap_shows`` and
# ``dropout_helps`` too, but a claim row over 5 seeds would train the 784-256-256-10 net 5 (or 10)
# times, 19 s each on one CPU core: measured instead on seeds 0-7, mode gap 8 of 8 (every pass with
# masks on below eval), dropout ahead on test accuracy and test loss 7 of 8 (seed 4: 0.8597 against
# 0.8604 without).
@register_claim("dropout.unbiased", section="3.6", seeds=range(8))
def unbiased_shows(seed: int) -> bool:
    config = UnbiasConfig(seed=seed)
    return looks_unbiased(cached(unbiasedness, config), config.p)


@register_claim("dropout.noise_is_ridge", section="3.6", seeds=range(8))
def noise_is_ridge_shows(seed: int) -> bool:
    return noise_acts_as_ridge(cached(noise_vs_ridge, NoiseConfig(seed=seed)))


# --- the book's exercises (3.6.1 to 3.6.7): short runs of the book's network on a subset ----------
# Every exercise trains the chapter's 784-256-256-10 net (lr 0.5, batch 256, the book's N(0, 0.01²)
# init) on the first ``train_size`` training images for a few epochs, and tests on all 10 000 test
# images. At the defaults (20 000 images, 4 epochs) one training takes about 3 s on one CPU core; the
# learner raises both. Each training is cached on its own (``noise_run``), so exercises that share a
# run (the net without noise, the book's dropout) train it once.
TRAIN_SIZES = (1000, 2000, 5000, 10_000, 20_000, 60_000)
X_EPOCHS = (1, 2, 3, 4, 5, 10, 20, 30, 50)
X_SIZE, X_EPOCHS_DEFAULT = 20_000, 4
NOISES = ("none", "dropout", "dropconnect", "gauss_mult", "gauss_add")
GAUSS_KINDS = ("gauss_mult", "gauss_add")
GAUSS_BY_CHOICE = {"multiply": "gauss_mult", "add": "gauss_add"}  # 3.6.7's control: its words in a link


def _noise_like(X: torch.Tensor, generator: torch.Generator | None, uniform: bool) -> torch.Tensor:
    device = generator.device if generator is not None else X.device
    draw = torch.rand if uniform else torch.randn
    return draw(X.shape, generator=generator, device=device).to(X.device, X.dtype)


def drop_weights(W: torch.Tensor, p: float, generator: torch.Generator | None = None) -> torch.Tensor:
    """DropConnect (3.6.6): every single weight is zeroed with probability p, the survivors scaled by
    1 / (1 - p) (unbiased, like inverted dropout). One mask per minibatch: all its examples share it."""
    if p >= 1.0:
        return torch.zeros_like(W)
    if p <= 0.0:
        return W
    return (_noise_like(W, generator, uniform=True) > p).to(W.dtype) * W / (1.0 - p)


def gaussian_noise(H: torch.Tensor, kind: str, sigma: float, generator: torch.Generator | None = None) -> torch.Tensor:
    """3.6.7's noise on a hidden layer: ``gauss_mult`` h·(1 + σε) (unbiased; σ² = p/(1-p) has dropout's
    variance), ``gauss_add`` h + σε; ε ~ N(0, 1) per element."""
    if sigma <= 0.0:
        return H
    eps = _noise_like(H, generator, uniform=False)
    if kind == "gauss_mult":
        return H * (1.0 + sigma * eps)
    if kind == "gauss_add":
        return H + sigma * eps
    raise ValueError(f"unknown noise {kind!r}")


class NoisyMLP(ScratchMLP):
    """The from-scratch net with one kind of training noise per hidden layer (``levels[i]``: p or σ):
    ``dropout`` on the activations (the book's ``dropout_layer``), ``dropconnect`` on the weights that
    read hidden layer i, ``gauss_mult`` / ``gauss_add`` on the activations. Off in eval mode."""

    def __init__(self, hiddens: tuple[int, ...], noise: str, levels: tuple[float, ...]) -> None:
        if noise not in NOISES:
            raise ValueError(f"unknown noise {noise!r}; choose one of {NOISES}")
        super().__init__(hiddens, "relu", ())
        self.noise = noise
        self.levels = tuple(levels) + (0.0,) * (len(hiddens) - len(levels))

    def forward(self, X: torch.Tensor) -> torch.Tensor:
        H = X.reshape(-1, self.num_inputs)
        layers = self.weights()
        noisy = self.training and self.noise != "none"
        for i, (W, b) in enumerate(layers):
            if noisy and self.noise == "dropconnect" and i > 0:
                W = drop_weights(W, self.levels[i - 1], self.generator)
            H = H @ W + b
            if i == len(layers) - 1:
                return H
            H = self.act(H)
            if noisy and self.noise == "dropout":
                H = dropout_layer(H, self.levels[i], self.generator)
            elif noisy and self.noise in GAUSS_KINDS:
                H = gaussian_noise(H, self.noise, self.levels[i], self.generator)
        raise AssertionError("unreachable")


@dataclass(frozen=True)
class NoiseRun:
    """One training of an exercise: the book's net with ``noise`` at ``levels`` on a subset."""

    noise: str = "dropout"
    levels: tuple[float, ...] = (BOOK_P1, BOOK_P2)
    train_size: int = X_SIZE
    epochs: int = X_EPOCHS_DEFAULT
    weight_decay: float = 0.0
    seed: int = 0
    device: str = "auto"

    def config(self) -> TrainConfig:
        """The trainer's settings (the noise lives in the model, so the config names no dropout)."""
        return TrainConfig(
            model="scratch",
            hiddens=BOOK_HIDDENS,
            lr=BOOK_LR,
            batch_size=BOOK_BATCH,
            epochs=self.epochs,
            seed=self.seed,
            weight_decay=self.weight_decay,
            device=self.device,
        )


def noise_model(run: NoiseRun, device: torch.device) -> NoisyMLP:
    """``run``'s net, starting from the very weights the page's nets start from at its seed."""
    model = NoisyMLP(BOOK_HIDDENS, run.noise, run.levels)
    model.load_state_dict(make_model(run.config(), torch.device("cpu")).state_dict())
    return model.to(device)


def noise_run(run: NoiseRun, progress: Callable[[float], None] | None = None) -> TrainResult:
    """Train ``run`` (the shared trainer, on the subset): the one cached training of the exercises."""
    data = load_fashion_mnist(pick_device(run.device)).first(run.train_size)
    model = noise_model(run, data.device)
    return train(run.config(), data=data, model=model, progress=reporting(progress))


def _parts(progress: Callable[[float], None] | None, count: int) -> list[Callable[[float], None] | None]:
    """One progress per part of a job of ``count`` equal parts (for a page's single bar)."""
    if progress is None:
        return [None] * count
    return [lambda f, i=i: progress((i + f) / count) for i in range(count)]


def run_all(runs: tuple[NoiseRun, ...], progress: Callable[[float], None] | None = None) -> tuple[History, ...]:
    """The histories of ``runs``, each through the store (trained once, kept only when complete)."""
    parts = _parts(progress, len(runs))
    return tuple(
        cached(noise_run, r, progress=part, should_store=lambda res: res.complete).history
        for r, part in zip(runs, parts, strict=True)
    )


def _size(default: int, key: str) -> int:
    return control(default, key=key, label="ex.3.6.train_size", choices=TRAIN_SIZES, widget="select_slider",
                   help="ex.3.6.train_size_help", doc="training images used (the first n)")  # fmt: skip


def _epochs(default: int, key: str, choices: tuple[int, ...] = X_EPOCHS) -> int:
    return control(default, key=key, label="ex.3.6.epochs", choices=choices, widget="select_slider",
                   doc="passes over the training subset")  # fmt: skip


def _p(default: float, key: str, label: str) -> float:
    return control(default, key=key, label=label, lo=0.0, hi=0.95, step=0.05, doc="dropout probability")


# 3.6.1: the two layers' dropout probabilities, as set and swapped
@dataclass(frozen=True)
class SwapSettings:
    p1: float = _p(BOOK_P1, "x36_p1", "dropout.p1")
    p2: float = _p(BOOK_P2, "x36_p2", "dropout.p2")
    train_size: int = _size(X_SIZE, "x36_n")
    epochs: int = _epochs(X_EPOCHS_DEFAULT, "x36_epochs")
    seeds: int = control(1, key="x36_seeds", label="ex.3.6.1.seeds", choices=(1, 2, 3), widget="segmented",
                         help="ex.3.6.1.seeds_help", doc="seeds per order (0, 1, ...)")  # fmt: skip

    def runs(self) -> tuple[NoiseRun, ...]:
        """Per seed: the order as set, then swapped."""
        out = []
        for seed in range(self.seeds):
            for levels in ((self.p1, self.p2), (self.p2, self.p1)):
                out.append(NoiseRun("dropout", levels, self.train_size, self.epochs, seed=seed))
        return tuple(out)


@dataclass
class SwapResult:
    as_set: tuple[History, ...]  # one per seed
    swapped: tuple[History, ...]


def swap_runs(s: SwapSettings, progress: Callable[[float], None] | None = None) -> SwapResult:
    hs = run_all(s.runs(), progress)
    return SwapResult(hs[0::2], hs[1::2])


# 3.6.2: more epochs, with dropout and without
@dataclass(frozen=True)
class LongerSettings:
    epochs: int = _epochs(8, "x36_long_epochs", (4, 8, 12, 20, 30, 50, 100))
    train_size: int = _size(X_SIZE, "x36_long_n")

    def runs(self) -> tuple[NoiseRun, NoiseRun]:
        return (NoiseRun("dropout", (BOOK_P1, BOOK_P2), self.train_size, self.epochs),
                NoiseRun("none", (), self.train_size, self.epochs))  # fmt: skip


def longer_runs(s: LongerSettings, progress: Callable[[float], None] | None = None) -> tuple[History, History]:
    with_dropout, without = run_all(s.runs(), progress)
    return with_dropout, without


# 3.6.3: each hidden layer's activation variance over training (the page's measurement, on a subset)
@dataclass(frozen=True)
class VarianceSettings:
    train_size: int = _size(X_SIZE, "x36_var_n")
    epochs: int = _epochs(X_EPOCHS_DEFAULT, "x36_var_epochs")

    def configs(self) -> dict[str, TrainConfig]:
        net = DropoutSettings(epochs=EPOCHS[0])
        return {run: replace(net.config(with_dropout=run == "with"), epochs=self.epochs) for run in RUNS}


def variance_runs(
    s: VarianceSettings, progress: Callable[[float], None] | None = None
) -> dict[str, ActivationVarianceResult]:
    """``activation_variance`` (the page's section) for the net with dropout and its twin, on the subset."""
    configs = s.configs()
    data = load_fashion_mnist(pick_device(configs["with"].device)).first(s.train_size)
    parts = _parts(progress, len(configs))
    return {run: activation_variance(c, data, part) for (run, c), part in zip(configs.items(), parts, strict=True)}


# 3.6.4: the trained net evaluated with dropout left on
@dataclass(frozen=True)
class LeftOnSettings:
    passes: int = control(10, key="x36_passes", label="ex.3.6.4.passes", choices=(5, 10, 20, 50),
                          widget="select_slider", doc="test-set passes with dropout left on")  # fmt: skip
    train_size: int = _size(X_SIZE, "x36_test_n")
    epochs: int = _epochs(X_EPOCHS_DEFAULT, "x36_test_epochs")

    def run(self) -> NoiseRun:
        return NoiseRun("dropout", (BOOK_P1, BOOK_P2), self.train_size, self.epochs)


def noisy_accuracy(model: nn.Module, data: FashionMNIST, generator: torch.Generator | None) -> float:
    """Test accuracy of ``model`` with its training noise ON (train mode), masks from ``generator``."""
    model.train()
    model.generator = generator
    correct = 0
    with torch.no_grad():
        for xb, yb in iter_batches(data.test_x, data.test_y, EVAL_BATCH, generator=None):
            correct += int((model(to_float(xb)).argmax(dim=1) == yb).sum())
    model.eval()
    return correct / data.test_y.shape[0]


def left_on_gap(s: LeftOnSettings, progress: Callable[[float], None] | None = None) -> ModeGap:
    """Eval-mode accuracy (what ``train`` reports last) and ``passes`` test passes with dropout on."""
    run = s.run()
    first, rest = _parts(progress, 2)
    result = cached(noise_run, run, progress=first, should_store=lambda r: r.complete)
    data = load_fashion_mnist(pick_device(run.device))
    model = noise_model(run, data.device)
    model.load_state_dict(result.state_dict)
    gen = torch.Generator(device=data.device).manual_seed(run.seed + 100)
    accs = []
    for i in range(s.passes):
        accs.append(noisy_accuracy(model, data, gen))
        if rest is not None:
            rest((i + 1) / s.passes)
    return ModeGap(result.history.test_acc[-1], accs)


# 3.6.5: dropout, weight decay, both
@dataclass(frozen=True)
class CombineSettings:
    weight_decay: float = control(
        1e-3,
        key="x36_wd",
        label="ex.3.6.5.wd",
        choices=WEIGHT_DECAYS[1:],
        widget="select_slider",
        fmt="g",
        doc="weight decay λ of the decayed runs",
    )
    train_size: int = _size(X_SIZE, "x36_wd_n")
    epochs: int = _epochs(X_EPOCHS_DEFAULT, "x36_wd_epochs")

    def runs(self) -> dict[str, NoiseRun]:
        base = NoiseRun("none", (), self.train_size, self.epochs)
        drop = replace(base, noise="dropout", levels=(BOOK_P1, BOOK_P2))
        return {"none": base, "dropout": drop, "decay": replace(base, weight_decay=self.weight_decay),
                "both": replace(drop, weight_decay=self.weight_decay)}  # fmt: skip


def combine_runs(s: CombineSettings, progress: Callable[[float], None] | None = None) -> dict[str, History]:
    runs = s.runs()
    return dict(zip(runs, run_all(tuple(runs.values()), progress), strict=True))


# 3.6.6: dropout on the weights (DropConnect) against dropout on the activations
@dataclass(frozen=True)
class DropConnectSettings:
    p1: float = _p(BOOK_P1, "x36_dc_p1", "ex.3.6.6.p1")
    p2: float = _p(BOOK_P2, "x36_dc_p2", "ex.3.6.6.p2")
    train_size: int = _size(X_SIZE, "x36_dc_n")
    epochs: int = _epochs(X_EPOCHS_DEFAULT, "x36_dc_epochs")

    def runs(self) -> dict[str, NoiseRun]:
        base = NoiseRun("none", (), self.train_size, self.epochs)
        ps = (self.p1, self.p2)
        return {"none": base, "dropout": replace(base, noise="dropout", levels=ps),
                "dropconnect": replace(base, noise="dropconnect", levels=ps)}  # fmt: skip


def dropconnect_runs(s: DropConnectSettings, progress: Callable[[float], None] | None = None) -> dict[str, History]:
    runs = s.runs()
    return dict(zip(runs, run_all(tuple(runs.values()), progress), strict=True))


# 3.6.7: Gaussian noise against the book's dropout
@dataclass(frozen=True)
class GaussSettings:
    kind: str = control("multiply", key="x36_noise", label="ex.3.6.7.kind", choices=tuple(GAUSS_BY_CHOICE),
                        widget="segmented", doc="h·(1 + σε) (multiply) or h + σε (add)")  # fmt: skip
    sigma: float = control(0.5, key="x36_sigma", label="ex.3.6.7.sigma", lo=0.0, hi=2.0, step=0.05,
                           help="ex.3.6.7.sigma_help", doc="std of the Gaussian noise, both hidden layers")  # fmt: skip
    train_size: int = _size(X_SIZE, "x36_noise_n")
    epochs: int = _epochs(X_EPOCHS_DEFAULT, "x36_noise_epochs")

    def runs(self) -> dict[str, NoiseRun]:
        base = NoiseRun("none", (), self.train_size, self.epochs)
        return {"none": base, "dropout": replace(base, noise="dropout", levels=(BOOK_P1, BOOK_P2)),
                "gauss": replace(base, noise=GAUSS_BY_CHOICE[self.kind], levels=(self.sigma, self.sigma))}  # fmt: skip


def gauss_runs(s: GaussSettings, progress: Callable[[float], None] | None = None) -> dict[str, History]:
    runs = s.runs()
    return dict(zip(runs, run_all(tuple(runs.values()), progress), strict=True))
