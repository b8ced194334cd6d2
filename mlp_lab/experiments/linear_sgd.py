"""Minibatch SGD for many small linear regressions at once: the engine of sections 3.4 and 3.5.

The book trains each model with its own Python loop over a ``DataLoader`` (3.4's polynomial:
one loop per degree; 3.5: one per lambda). Here every model of a sweep lives in ONE weight array
``W`` of shape (problems, features, variants) and one loop over minibatches updates all of them:

- a *problem* is a training set with its own minibatch order (a training-set size, a K-fold
  split, a seed), and a test set (and optionally a validation set) scored after every epoch;
- the *variants* of a problem share its data and its minibatches and differ in how many features
  they may use (a mask), their L2 / L1 strength and their starting weights.

Problems may draw their minibatch orders from one random generator, or each from its own: with
one generator per seed, seed s trained in a batch of seeds gets the orders it gets when trained
alone, so a spread over seeds shows exactly the runs a page shows one at a time.

Sharing minibatches across variants is a controlled comparison (a degree sweep then differs only
in the degree, not in the luck of the shuffle), and it makes a whole sweep cost about as much as
one model. A step is two small batched products (predict, then the gradient) or, when there are
few features, one: the step written as a (D+1) x (D+1) matrix (``step_maps``).

Each step is exactly the book's SGD step on its minibatch B (``torch.optim.SGD`` on
``nn.MSELoss`` or d2l's ``squared_loss``, with ``weight_decay`` on the weights, not the bias):

    w <- (1 - lr * lambda) w - lr * (2c / |B|) * sum_{i in B} x_i (x_i . w - y_i)

with c = 1 for the mean squared error and c = 1/2 for d2l's ``(y_hat - y)^2 / 2``. A short last
minibatch is averaged over its own length, as ``DataLoader`` + ``SGD`` does. The L1 option takes a
proximal step after each update (soft-thresholding, ISTA), which lands weights exactly on zero
where a plain subgradient step would make them jitter around it.

Why numpy in the inner loop: these matrices are tiny (10 x 21), so a step costs what the library
charges per call, not arithmetic; on this project's CPU a small batched product costs a few
microseconds in numpy and several times that in torch. ``tests/test_fitting.py`` checks the weights
and losses against ``nn.Linear`` + ``torch.optim.SGD`` trained one model at a time on the same minibatches.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

DTYPE = np.float32  # what torch trains in; the comparison tests need the same rounding


@dataclass
class Problems:
    """P training/test sets padded to one shape; row r of set p is real when r < n_train[p]."""

    train_x: np.ndarray  # (P, N, D)
    train_y: np.ndarray  # (P, N)
    n_train: np.ndarray  # (P,) int
    test_x: np.ndarray  # (P, T, D)
    test_y: np.ndarray  # (P, T)
    n_test: np.ndarray  # (P,) int
    val_x: np.ndarray | None = None  # (P, V, D): a validation set per problem, or none
    val_y: np.ndarray | None = None
    n_val: np.ndarray | None = None

    @property
    def shape(self) -> tuple[int, int, int]:
        return self.train_x.shape  # type: ignore[return-value]


@dataclass(frozen=True)
class SGDSettings:
    lr: float
    batch_size: int
    epochs: int
    half_loss: bool = False  # True: d2l's squared_loss (y_hat - y)^2 / 2; False: nn.MSELoss
    bias_last: bool = False  # the last feature is a constant 1: the bias, never decayed or L1-shrunk


@dataclass
class Runs:
    """Every model of a sweep: final weights and per-epoch losses, index [epoch - 1, problem, variant]."""

    weights: np.ndarray  # (P, D, V)
    train_loss: np.ndarray  # (epochs, P, V)
    test_loss: np.ndarray  # (epochs, P, V)
    diverged: bool = False
    val_loss: np.ndarray | None = None  # (epochs, P, V) when the problems have validation sets


def _pad(parts: list[tuple[np.ndarray, np.ndarray]], dim: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(x, y) pairs of different lengths as zero-padded (P, rows, D), (P, rows) and the lengths."""
    lengths = np.array([len(y) for _, y in parts])
    x = np.zeros((len(parts), max(1, int(lengths.max())), dim), DTYPE)
    y = np.zeros(x.shape[:2], DTYPE)
    for i, (px, py) in enumerate(parts):
        x[i, : len(py)], y[i, : len(py)] = px, py
    return x, y, lengths


def stack_problems(
    sets: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]],
    val: list[tuple[np.ndarray, np.ndarray]] | None = None,
) -> Problems:
    """Pad (train_x, train_y, test_x, test_y) sets of different lengths into one ``Problems``;
    ``val``: one (val_x, val_y) per set, scored every epoch like the test set."""
    dim = sets[0][0].shape[1]
    train = _pad([(s[0], s[1]) for s in sets], dim)
    test = _pad([(s[2], s[3]) for s in sets], dim)
    return Problems(*train, *test, *(_pad(val, dim) if val is not None else (None, None, None)))


Rng = np.random.Generator | Sequence[np.random.Generator]  # one for all problems, or one per problem


def shuffle_order(rng: Rng, n_train: np.ndarray, padded: int) -> np.ndarray:
    """One epoch's minibatch order for every problem: a permutation of its real rows, padding last.
    One generator draws the problems' permutations in turn; a sequence gives each its own.

    The tests rebuild the book's per-model loop from the same draws, so this is the only place
    the trainer uses ``rng``.
    """
    rngs = [rng] * len(n_train) if isinstance(rng, np.random.Generator) else list(rng)
    if len(rngs) != len(n_train):
        raise ValueError(f"{len(rngs)} generators for {len(n_train)} problems")
    order = np.broadcast_to(np.arange(padded), (len(n_train), padded)).copy()  # padding rows stay in place
    for q, n in enumerate(n_train):
        order[q, :n] = rngs[q].permutation(n)  # what DataLoader(shuffle=True) draws each epoch
    return order


def augment(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """[x | -y]: with a weight column [w; 1] one product gives the residual x . w - y."""
    return np.concatenate([x, -y[..., None]], axis=-1).astype(DTYPE)


def mean_loss(aug: np.ndarray, n: np.ndarray, w: np.ndarray, half: bool) -> np.ndarray:
    """Loss of every variant on every set, (P, V). Padding rows are all zero, so their error is 0."""
    err = aug @ w  # (P, rows, V)
    sq = np.einsum("prv,prv->pv", err, err) / np.maximum(n, 1)[:, None]
    return sq / 2 if half else sq


def train_many(
    problems: Problems,
    w0: np.ndarray,
    settings: SGDSettings,
    rng: Rng,
    feature_mask: np.ndarray | None = None,
    l2: np.ndarray | None = None,
    l1: np.ndarray | None = None,
    progress: Callable[[float], None] | None = None,
) -> Runs:
    """Train every (problem, variant) model with minibatch SGD; see the module docstring.

    ``w0`` (P, D, V): starting weights. ``feature_mask`` (P or 1, D, V): 1 where a variant may use a
    feature (a degree-k model uses the first k). ``l2``, ``l1`` (V,) or (P, V): penalty strengths.
    ``rng``: one generator, or one per problem (see ``shuffle_order``).
    ``progress(fraction)`` hears after every epoch how much of the training is done.
    """
    p, _, dim = problems.shape
    b = settings.batch_size
    n_train = problems.n_train
    steps = max(1, math.ceil(int(n_train.max()) / b))
    padded = steps * b
    variants = w0.shape[2]
    # Largest training set first: at step s the sets that still have a minibatch are a prefix
    # [:live[s]], so a sweep over sizes does not pay for the small sets once they are done.
    big_first = np.argsort(-n_train, kind="stable")
    live = (n_train[None, :] > np.arange(steps)[:, None] * b).sum(axis=1)  # (S,)
    # lr * 2c / |B| for every minibatch (|B| is the real length of a short last batch).
    count = np.clip(np.sort(n_train)[::-1][None, :] - np.arange(steps)[:, None] * b, 1, b)  # (S, P)
    coeff = settings.lr * (1.0 if settings.half_loss else 2.0) / count
    per_row = np.repeat(coeff.T, b, axis=1).astype(DTYPE)[:, :, None]  # (P, padded, 1): each row's batch factor
    # Rows padded with zeros up to whole minibatches; zero rows have zero residual, so they add nothing.
    train = np.zeros((p, padded, dim + 1), DTYPE)
    train[:, : problems.train_x.shape[1]] = augment(problems.train_x, problems.train_y)
    train, n_sorted = train[big_first], n_train[big_first]
    test = augment(problems.test_x, problems.test_y)[big_first]
    val = None if problems.val_x is None else augment(problems.val_x, problems.val_y)[big_first]
    # The weights carry a last row of ones (see ``augment``) that no update may change.
    w = np.ones((p, dim + 1, variants), DTYPE)
    w[:, :dim] = np.broadcast_to(w0, (p, dim, variants))[big_first]
    weights = w[:, :dim]  # a view: the rows that SGD updates
    keep = None  # 1 where a variant may use a feature
    if feature_mask is not None:
        keep = np.broadcast_to(feature_mask, (p, dim, variants))[big_first].astype(DTYPE)
        weights *= keep
    decay = _strength(l2, p, variants, big_first, settings.lr)
    keep_fraction = None if decay is None else 1 - decay  # (1 - lr * lambda): 3.5's update rule
    shrink = _strength(l1, p, variants, big_first, settings.lr)
    last = dim - 1 if settings.bias_last else dim  # penalties act on rows [:last]: not the bias
    # With few features a step is cheaper as ONE product with its (D+1) x (D+1) map (see ``step_maps``)
    # than as two thin ones: each numpy call costs microseconds here, whatever its size.
    by_maps = dim + 1 <= 3 * b and decay is None and shrink is None
    maps = np.zeros((p, steps, dim + 1, dim + 1), DTYPE) if by_maps else None
    if maps is not None:
        maps[:, :, dim, dim] = 1  # the ones row maps to itself; step_maps fills the other rows
    # (set, step) of every real minibatch, in big-first order
    pairs = np.nonzero(np.arange(steps)[None, :] < np.ceil(n_sorted / b)[:, None])
    rows = np.arange(p)[:, None]
    train_curve, test_curve, val_curve = [], [], []
    with np.errstate(over="ignore", invalid="ignore"):
        for epoch in range(settings.epochs):
            order = shuffle_order(rng, n_train, padded)[big_first]  # drawn in the caller's order
            if maps is not None:
                epoch_rows = train[rows, order]  # (P, padded, D+1): this epoch's rows in minibatch order
                # x_i * lr * 2c / |B|, without the -y column: the update never touches w's ones row.
                scaled = epoch_rows[:, :, :dim] * per_row  # (P, padded, D)
                step_maps(maps, epoch_rows, scaled, pairs)
            for s in range(steps):
                a, lo, hi = live[s], s * b, (s + 1) * b
                if maps is not None:
                    w[:a] = maps[:a, s] @ w[:a]  # the whole SGD step as one product
                    if keep is not None:
                        weights[:a] *= keep[:a]
                    continue
                batch = train[rows[:a], order[:a, lo:hi]]  # (a, B, D+1)
                residual = batch @ w[:a]  # (a, B, V): x . w - y on this minibatch
                residual *= per_row[:a, lo:hi]  # lr * 2c / |B|
                grad = batch[:, :, :dim].transpose(0, 2, 1) @ residual  # lr * gradient, (a, D, V)
                if keep is not None:
                    grad *= keep[:a]
                if keep_fraction is not None:  # weight decay: w <- (1 - lr * lambda) w - lr * gradient
                    w[:a, :last] *= keep_fraction[:a]
                weights[:a] -= grad
                if shrink is not None:  # L1: soft-threshold towards 0, exactly 0 when small
                    part = w[:a, :last]
                    np.copyto(part, np.sign(part) * np.maximum(np.abs(part) - shrink[:a], 0))
            train_curve.append(mean_loss(train, n_sorted, w, settings.half_loss))
            test_curve.append(mean_loss(test, problems.n_test[big_first], w, settings.half_loss))
            if val is not None:
                val_curve.append(mean_loss(val, problems.n_val[big_first], w, settings.half_loss))
            if progress is not None:
                progress((epoch + 1) / settings.epochs)
    back = np.argsort(big_first)  # undo the big-first order
    train_loss, test_loss = np.stack(train_curve)[:, back], np.stack(test_curve)[:, back]
    val_loss = np.stack(val_curve)[:, back] if val is not None else None
    final = np.array(w[back, :dim])
    diverged = not (np.isfinite(final).all() and np.isfinite(train_loss[-1]).all())
    return Runs(final, train_loss, test_loss, diverged, val_loss)


def step_maps(maps: np.ndarray, epoch_rows: np.ndarray, scaled: np.ndarray, pairs: tuple) -> None:
    """Write each minibatch's SGD step as a matrix into ``maps`` (P, S, D+1, D+1):

        [w; 1] <- M_s [w; 1],   M_s = I - [c X_s^T; 0] [X_s | -y_s]

    whose last row (0 ... 0 1) keeps the ones row of the weights at 1 (set once by the caller).
    ``pairs`` (set index, step index) lists the minibatches the sets really have; only those are written.
    """
    p, steps, width, _ = maps.shape
    dim = width - 1
    rows = epoch_rows.reshape(p, steps, -1, width)[pairs]  # (L, B, D+1)
    xt = scaled.reshape(p, steps, -1, dim)[pairs].transpose(0, 2, 1)  # (L, D, B)
    maps[pairs[0], pairs[1], :dim] = np.eye(dim, width, dtype=DTYPE) - xt @ rows


def _strength(value: np.ndarray | None, p: int, variants: int, order: np.ndarray, lr: float) -> np.ndarray | None:
    """lr * penalty strength as (P, 1, V) in big-first order, or None when there is no penalty."""
    if value is None or not np.any(value):
        return None
    lam = np.broadcast_to(np.asarray(value, dtype=np.float64), (p, variants))[order]
    return (lr * lam)[:, None, :].astype(DTYPE)
