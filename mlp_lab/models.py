"""The chapter's two MLPs: from scratch (explicit W1, b1, ...) and concise (``nn.Sequential``).

Both take the same hidden widths, activation, dropout and initialisation so that a page can put
them side by side, and ``copy_scratch_to_concise`` starts them from the very same numbers.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import torch
from torch import nn

NUM_INPUTS, NUM_OUTPUTS = 784, 10


# --- activations, written out the way the chapter does (scratch) --------------------------------
def relu(X: torch.Tensor) -> torch.Tensor:
    # The book's version: compare against a zero tensor of the same shape.
    a = torch.zeros_like(X)
    return torch.max(X, a)


def sigmoid(X: torch.Tensor) -> torch.Tensor:
    return 1 / (1 + torch.exp(-X))


def tanh(X: torch.Tensor) -> torch.Tensor:
    return (1 - torch.exp(-2 * X)) / (1 + torch.exp(-2 * X))


SCRATCH_ACTIVATIONS: dict[str, Callable[[torch.Tensor], torch.Tensor]] = {
    "relu": relu,
    "sigmoid": sigmoid,
    "tanh": tanh,
    "gelu": nn.functional.gelu,
    "silu": nn.functional.silu,
}
CONCISE_ACTIVATIONS: dict[str, Callable[[], nn.Module]] = {
    "relu": nn.ReLU,
    "sigmoid": nn.Sigmoid,
    "tanh": nn.Tanh,
    "gelu": nn.GELU,
    "silu": nn.SiLU,
}
ACTIVATIONS = tuple(SCRATCH_ACTIVATIONS)
INITS = ("normal", "xavier_normal", "xavier_uniform", "kaiming", "normal1", "constant")


def dropout_layer(X: torch.Tensor, dropout: float, generator: torch.Generator | None = None) -> torch.Tensor:
    """Inverted dropout, the book's ``dropout_layer`` (3.6.1) for every p in [0, 1].

    Each element is zeroed with probability ``dropout`` and the survivors are scaled by
    1 / (1 - p), so E[h'] = h. As in the book, p = 1 has its own branch (all zeros, no division
    by 1 - p = 0) and p = 0 is the identity. (The chapter write-up types ``assert 0 <= dropout < 1``,
    which makes its p = 1 branch dead; the book's ``<= 1`` keeps it.) Ours raises a ValueError
    outside [0, 1] and draws its mask from ``generator``, so a seed gives the same mask.
    """
    if not 0.0 <= dropout <= 1.0:
        raise ValueError(f"dropout must be in [0, 1], got {dropout}")
    if dropout == 1.0:
        return torch.zeros_like(X)
    if dropout == 0.0:
        return X
    noise = torch.rand(X.shape, generator=generator, device=generator.device if generator else X.device)
    mask = (noise.to(X.device) > dropout).to(X.dtype)
    return mask * X / (1.0 - dropout)


class ScratchMLP(nn.Module):
    """``H = relu(X @ W1 + b1); O = H @ W2 + b2``, with as many hidden layers as asked for."""

    def __init__(
        self,
        hiddens: Sequence[int] = (256,),
        activation: str = "relu",
        dropout: Sequence[float] = (),
        num_inputs: int = NUM_INPUTS,
        num_outputs: int = NUM_OUTPUTS,
    ) -> None:
        super().__init__()
        self.num_inputs = num_inputs
        self.activation = activation
        self.act = SCRATCH_ACTIVATIONS[activation]
        self.dropout = tuple(dropout) + (0.0,) * (len(hiddens) - len(dropout))
        self.generator: torch.Generator | None = None  # set by the trainer for reproducible masks
        sizes = [num_inputs, *hiddens, num_outputs]
        self.num_layers = len(sizes) - 1
        for i in range(self.num_layers):
            setattr(self, f"W{i + 1}", nn.Parameter(torch.randn(sizes[i], sizes[i + 1]) * 0.01))
            setattr(self, f"b{i + 1}", nn.Parameter(torch.zeros(sizes[i + 1])))

    def weights(self) -> list[tuple[nn.Parameter, nn.Parameter]]:
        """(W, b) per layer; W has shape (inputs, outputs) as in the book."""
        return [(getattr(self, f"W{i + 1}"), getattr(self, f"b{i + 1}")) for i in range(self.num_layers)]

    def forward(self, X: torch.Tensor) -> torch.Tensor:
        H = X.reshape(-1, self.num_inputs)
        layers = self.weights()
        for (W, b), p in zip(layers[:-1], self.dropout, strict=True):
            H = self.act(H @ W + b)
            if self.training and p > 0:
                H = dropout_layer(H, p, self.generator)
        W, b = layers[-1]
        return H @ W + b


def build_concise(
    hiddens: Sequence[int] = (256,),
    activation: str = "relu",
    dropout: Sequence[float] = (),
    num_inputs: int = NUM_INPUTS,
    num_outputs: int = NUM_OUTPUTS,
) -> nn.Sequential:
    """``nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10))`` and kin."""
    dropout = tuple(dropout) + (0.0,) * (len(hiddens) - len(dropout))
    layers: list[nn.Module] = [nn.Flatten()]
    width = num_inputs
    for h, p in zip(hiddens, dropout, strict=True):
        layers += [nn.Linear(width, h), CONCISE_ACTIVATIONS[activation]()]
        if p > 0:
            layers.append(nn.Dropout(p))
        width = h
    layers.append(nn.Linear(width, num_outputs))
    return nn.Sequential(*layers)


def linear_weights(model: nn.Module) -> list[tuple[torch.Tensor, torch.Tensor]]:
    """(W, b) per layer for either model, W always as (inputs, outputs)."""
    if isinstance(model, ScratchMLP):
        return [(W, b) for W, b in model.weights()]
    return [(m.weight.T, m.bias) for m in model.modules() if isinstance(m, nn.Linear)]


def _fans(W: torch.Tensor, transposed: bool) -> tuple[int, int]:
    fan_in, fan_out = W.shape if transposed else (W.shape[1], W.shape[0])
    return int(fan_in), int(fan_out)


@torch.no_grad()
def init_weights(model: nn.Module, scheme: str = "normal", generator: torch.Generator | None = None) -> None:
    """Initialise every weight matrix by ``scheme``; the biases as the book's code leaves them.

    normal: N(0, 0.01^2), the book's ``torch.randn(...) * 0.01`` (3.2) and ``init_weights`` (3.3);
    normal1: N(0, 1); xavier_*: Var = 2 / (n_in + n_out); kaiming: Var = 2 / n_in (for ReLU);
    constant: every weight 0.01 and every bias 0 (the symmetry trap of 3.8).
    Biases: the from-scratch net's start at zero, as 3.2's ``torch.zeros``; the concise net's keep
    ``nn.Linear``'s default, U(-1/sqrt(n_in), 1/sqrt(n_in)), because the book's ``init_weights``
    sets ``m.weight`` only. Numbers are drawn on the CPU from ``generator``, every weight first and
    then the biases, so a seed gives both nets the same weights.
    """
    if scheme not in INITS:
        raise ValueError(f"unknown init {scheme!r}; choose one of {INITS}")
    scratch = isinstance(model, ScratchMLP)
    if scratch:
        pairs = list(model.weights())
    else:
        pairs = [(m.weight, m.bias) for m in model.modules() if isinstance(m, nn.Linear)]
    for W, _ in pairs:
        fan_in, fan_out = _fans(W, transposed=scratch)
        # Drawn as (inputs, outputs) for both kinds, so one seed gives both nets the same numbers.
        shape = (fan_in, fan_out)
        if scheme == "constant":
            values = torch.full(shape, 0.01)
        elif scheme == "xavier_uniform":
            a = math.sqrt(6.0 / (fan_in + fan_out))
            values = (torch.rand(shape, generator=generator) * 2 - 1) * a
        else:
            std = {
                "normal": 0.01,
                "normal1": 1.0,
                "xavier_normal": math.sqrt(2.0 / (fan_in + fan_out)),
                "kaiming": math.sqrt(2.0 / fan_in),
            }[scheme]
            values = torch.randn(shape, generator=generator) * std
        W.copy_((values if scratch else values.T).to(W.device))
    for W, b in pairs:
        if b is None:
            continue
        if scratch or scheme == "constant":
            b.zero_()
        else:  # nn.Linear's own default for its bias, drawn from our generator (reproducible)
            bound = 1.0 / math.sqrt(_fans(W, transposed=False)[0])
            b.copy_(((torch.rand(b.shape, generator=generator) * 2 - 1) * bound).to(b.device))


@torch.no_grad()
def copy_scratch_to_concise(scratch: ScratchMLP, concise: nn.Sequential) -> None:
    """Give the concise net exactly the scratch net's numbers (nn.Linear stores W transposed)."""
    linears = [m for m in concise.modules() if isinstance(m, nn.Linear)]
    for (W, b), lin in zip(scratch.weights(), linears, strict=True):
        lin.weight.copy_(W.T)
        lin.bias.copy_(b)


def build_model(
    kind: str,
    hiddens: Sequence[int] = (256,),
    activation: str = "relu",
    dropout: Sequence[float] = (),
    init: str = "normal",
    generator: torch.Generator | None = None,
) -> nn.Module:
    """``kind`` is ``scratch`` or ``concise``; weights initialised by ``init`` from ``generator``."""
    if kind == "scratch":
        model: nn.Module = ScratchMLP(hiddens, activation, dropout)
    elif kind == "concise":
        model = build_concise(hiddens, activation, dropout)
    else:
        raise ValueError(f"unknown model {kind!r}; choose scratch or concise")
    if activation not in SCRATCH_ACTIVATIONS:
        raise ValueError(f"unknown activation {activation!r}")
    init_weights(model, init, generator)
    return model


def param_groups(model: nn.Module, weight_decay: float) -> list[dict]:
    """SGD parameter groups: weight decay on weight matrices only, never on biases (as in 3.5.3)."""
    weights, biases = [], []
    for name, p in model.named_parameters():
        (biases if name.split(".")[-1].startswith("b") else weights).append(p)
    return [{"params": weights, "weight_decay": weight_decay}, {"params": biases, "weight_decay": 0.0}]
