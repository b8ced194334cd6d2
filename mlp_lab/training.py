"""One trainer for every Fashion-MNIST page (MLP, dropout, initialisation, label shift).

d2l calls this ``train_ch3``: SGD on minibatches, then per epoch the train loss, train accuracy
and test accuracy. We add the test loss, a live callback, a stop request, and divergence that
ends the run with what was learned so far instead of raising.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

import numpy as np
import torch
from torch import nn

from mlp_lab.data import FashionMNIST, iter_batches, load_fashion_mnist, to_float
from mlp_lab.device import configure_threads, pick_device
from mlp_lab.models import ACTIVATIONS, INITS, build_model, param_groups

MODELS = ("scratch", "concise")
EVAL_BATCH = 4096  # big batches: evaluation needs no gradients, only throughput
DIVERGENCE_CHECK_EVERY = 20  # steps; one device sync per check keeps GPUs busy between checks
# Guessing among 10 classes costs ln 10 = 2.3; a mean loss 100x that means the run has blown up
# (with ReLU a huge step can leave the loss finite but enormous, not NaN).
DIVERGED_LOSS = 100 * math.log(10)
# An epoch that ends twice as bad as guessing, at chance accuracy, has diverged too (lr 5 does this:
# the loss jumps, then the network sits dead at 10%).
COLLAPSED_LOSS, COLLAPSED_ACC = 2 * math.log(10), 0.2


@dataclass(frozen=True)
class TrainConfig:
    """Everything that decides a run. Frozen: it is the cache key, the URL state and the CLI.

    The defaults are the book's (3.2 / 3.3): 784-256-10, ReLU, SGD lr 0.1, batch 256, 10 epochs.
    """

    model: str = "scratch"
    hiddens: tuple[int, ...] = (256,)
    activation: str = "relu"
    lr: float = 0.1
    batch_size: int = 256
    epochs: int = 10
    init: str = "normal"
    seed: int = 0
    weight_decay: float = 0.0
    dropout: tuple[float, ...] = ()
    device: str = "auto"

    def __post_init__(self) -> None:
        errors = self.problems()
        if errors:
            raise ValueError("; ".join(errors))

    def problems(self) -> list[str]:
        out = []
        if self.model not in MODELS:
            out.append(f"model must be one of {MODELS}")
        if not self.hiddens or any(h < 1 for h in self.hiddens):
            out.append("every hidden layer needs at least one unit")
        if self.activation not in ACTIVATIONS:
            out.append(f"activation must be one of {ACTIVATIONS}")
        if not (self.lr > 0 and math.isfinite(self.lr)):
            out.append("learning rate must be a positive number")
        if not 1 <= self.batch_size <= 60000:
            out.append("batch size must be between 1 and 60000")
        if self.epochs < 1:
            out.append("epochs must be at least 1")
        if self.init not in INITS:
            out.append(f"init must be one of {INITS}")
        if not (self.weight_decay >= 0 and math.isfinite(self.weight_decay)):
            out.append("weight decay must be zero or positive")
        if len(self.dropout) > len(self.hiddens) or any(not 0 <= p <= 1 for p in self.dropout):
            out.append("dropout: one probability in [0, 1] per hidden layer at most")
        return out

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class History:
    """Per-epoch curves, index i = epoch i + 1 (d2l's Animator shows the same four)."""

    train_loss: list[float] = field(default_factory=list)
    train_acc: list[float] = field(default_factory=list)
    test_loss: list[float] = field(default_factory=list)
    test_acc: list[float] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.train_loss)

    def rows(self) -> list[dict]:
        """Tidy rows (epoch, metric, value), the shape Altair and CSV export both want."""
        out = []
        for name in ("train_loss", "train_acc", "test_loss", "test_acc"):
            for i, v in enumerate(getattr(self, name)):
                out.append({"epoch": i + 1, "metric": name, "value": v})
        return out


@dataclass
class Progress:
    """What the live callback sees: called every ``every_steps`` steps and at each epoch's end."""

    epoch: int  # 1-based, the epoch in progress
    epochs: int
    step: int  # steps done in this epoch
    steps_per_epoch: int
    loss: float  # mean training loss so far in this epoch
    history: History
    epoch_end: bool
    model: nn.Module | None = None  # the live model, for experiments that measure it mid-training

    @property
    def fraction(self) -> float:
        return min(1.0, ((self.epoch - 1) * self.steps_per_epoch + self.step) / (self.epochs * self.steps_per_epoch))


def reporting(progress: Callable[[float], object] | None) -> Callable[[Progress], bool] | None:
    """The trainer's callback for a store-style ``progress(fraction)``: passes the fraction done on
    and never stops the run."""
    if progress is None:
        return None

    def report(p: Progress) -> bool:
        progress(p.fraction)
        return False

    return report


@dataclass
class TrainResult:
    """A finished (or stopped, or diverged) run. Holds no live module: cache-safe to share."""

    config: TrainConfig
    history: History
    state_dict: dict[str, torch.Tensor]
    test_pred: np.ndarray  # predicted class per test image (uint8), for confusion matrix and grid
    seconds: float
    device: str
    diverged: bool = False
    diverged_epoch: int | None = None
    stopped: bool = False

    @property
    def complete(self) -> bool:
        """Worth caching: ran to the end or diverged (a deterministic outcome); not stopped."""
        return not self.stopped

    def summary(self) -> dict:
        h = self.history
        last = lambda xs: xs[-1] if xs else None  # noqa: E731
        return {
            "model": self.config.model,
            "device": self.device,
            "epochs": len(h),
            "train_loss": last(h.train_loss),
            "train_acc": last(h.train_acc),
            "test_loss": last(h.test_loss),
            "test_acc": last(h.test_acc),
            "seconds": round(self.seconds, 3),
            "diverged": self.diverged,
            "diverged_epoch": self.diverged_epoch,
        }


def _sane(mean_loss: float) -> bool:
    return math.isfinite(mean_loss) and mean_loss < DIVERGED_LOSS


ProgressCallback = Callable[[Progress], bool | None]  # return True to stop


@torch.no_grad()
def evaluate(model: nn.Module, x: torch.Tensor, y: torch.Tensor) -> tuple[float, float, torch.Tensor]:
    """Mean cross-entropy, accuracy and predictions of ``model`` on (x, y) in eval mode."""
    was_training = model.training
    model.eval()
    loss_sum = torch.zeros((), device=x.device)
    preds = []
    for xb, yb in iter_batches(x, y, EVAL_BATCH, generator=None):
        logits = model(to_float(xb))
        loss_sum += nn.functional.cross_entropy(logits, yb, reduction="sum")
        preds.append(logits.argmax(dim=1))
    model.train(was_training)
    pred = torch.cat(preds)
    acc = (pred == y).float().mean().item()
    return loss_sum.item() / y.shape[0], acc, pred


def make_model(config: TrainConfig, device: torch.device) -> nn.Module:
    generator = torch.Generator().manual_seed(config.seed)
    model = build_model(config.model, config.hiddens, config.activation, config.dropout, config.init, generator)
    return model.to(device)


def train(
    config: TrainConfig,
    data: FashionMNIST | None = None,
    callback: ProgressCallback | None = None,
    every_steps: int = 0,
    model: nn.Module | None = None,
    progress: ProgressCallback | None = None,
) -> TrainResult:
    """Train ``config`` on Fashion-MNIST (d2l's ``train_ch3``). Never raises for divergence.

    ``callback`` runs at each epoch's end and, with ``every_steps`` > 0, every that many steps;
    returning True stops the run (result flagged ``stopped``). ``progress`` is the same with
    every 10 steps (the one path to a cached result passes it). Pass ``model`` to start from
    given parameters (the scratch-vs-concise comparison does).
    """
    if progress is not None and callback is None:
        callback, every_steps = progress, every_steps or 10
    configure_threads()
    device = pick_device(config.device)
    data = data if data is not None else load_fashion_mnist(device)
    if data.device != device:
        device = data.device
    torch.manual_seed(config.seed)  # nn.Dropout draws from the global generator
    model = model if model is not None else make_model(config, device)
    if hasattr(model, "generator"):
        model.generator = torch.Generator(device=device).manual_seed(config.seed + 1)
    optimizer = torch.optim.SGD(param_groups(model, config.weight_decay), lr=config.lr)
    shuffle = torch.Generator().manual_seed(config.seed)
    n = data.train_x.shape[0]
    steps_per_epoch = math.ceil(n / config.batch_size)
    history = History()
    diverged_epoch = None
    stopped = False
    start = time.perf_counter()

    for epoch in range(1, config.epochs + 1):
        model.train()
        loss_sum = torch.zeros((), device=device)
        correct = torch.zeros((), device=device, dtype=torch.long)
        for step, (xb, yb) in enumerate(iter_batches(data.train_x, data.train_y, config.batch_size, shuffle), 1):
            logits = model(to_float(xb))
            loss = nn.functional.cross_entropy(logits, yb)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            with torch.no_grad():
                loss_sum += loss.detach() * yb.shape[0]
                correct += (logits.argmax(dim=1) == yb).sum()
            seen = min(step * config.batch_size, n)
            if (step % DIVERGENCE_CHECK_EVERY == 0 or seen == n) and not _sane(loss_sum.item() / seen):
                diverged_epoch = epoch
                break
            live = callback is not None and every_steps and step % every_steps == 0 and step < steps_per_epoch
            if live and callback(
                Progress(epoch, config.epochs, step, steps_per_epoch, loss_sum.item() / seen, history, False, model)
            ):
                stopped = True
                break
        if diverged_epoch is not None or stopped:
            break
        test_loss, test_acc, _ = evaluate(model, data.test_x, data.test_y)
        collapsed = loss_sum.item() / n > COLLAPSED_LOSS and correct.item() / n < COLLAPSED_ACC
        if collapsed or not _sane(test_loss):
            diverged_epoch = epoch
            break
        history.train_loss.append(loss_sum.item() / n)
        history.train_acc.append(correct.item() / n)
        history.test_loss.append(test_loss)
        history.test_acc.append(test_acc)
        if callback and callback(
            Progress(
                epoch, config.epochs, steps_per_epoch, steps_per_epoch, history.train_loss[-1], history, True, model
            )
        ):
            stopped = epoch < config.epochs
            break

    _, _, pred = evaluate(model, data.test_x, data.test_y)
    seconds = time.perf_counter() - start
    return TrainResult(
        config=config,
        history=history,
        state_dict={k: v.detach().to("cpu").clone() for k, v in model.state_dict().items()},
        test_pred=pred.to("cpu").numpy().astype(np.uint8),
        seconds=seconds,
        device=str(device),
        diverged=diverged_epoch is not None,
        diverged_epoch=diverged_epoch,
        stopped=stopped,
    )


def trained_histories(
    configs: tuple[TrainConfig, ...], progress: Callable[[float], object] | None = None
) -> tuple[History, ...]:
    """The histories of ``configs``' trainings, each through the shared store under the training
    panel's own key (read when a page trained it, else trained once and kept only if complete), with
    one progress over all of them. For activities that compare two runs a page shows."""
    from mlp_lab.store import cached  # here: the store sits above the trainer

    def part(i: int) -> ProgressCallback | None:
        if progress is None:
            return None

        def report(p: Progress) -> bool:
            progress((i + p.fraction) / len(configs))
            return False  # a progress report never stops the run

        return report

    out = [cached(train, c, progress=part(i), should_store=lambda r: r.complete).history for i, c in enumerate(configs)]
    return tuple(out)
