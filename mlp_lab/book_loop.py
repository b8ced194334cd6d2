"""The book's training loop, written the way d2l writes it (``train_ch3``), for learners to read.

The app runs ``mlp_lab.training.train``: the same computation, batched from memory, with live
callbacks, divergence checks and a stop button. The MLP page's "code that ran" tab shows this
file, and ``tests/test_book_loop.py`` asserts that both loops reach the same parameters.
"""

from __future__ import annotations

from collections.abc import Iterator

import torch
from torch import nn

from mlp_lab.data import iter_batches, to_float


class Loader:
    """What d2l's ``load_data_fashion_mnist`` gives: an iterable of (X, y) minibatches, reshuffled
    on every pass (here from tensors already in memory)."""

    def __init__(self, x: torch.Tensor, y: torch.Tensor, batch_size: int, generator: torch.Generator | None) -> None:
        self.x, self.y, self.batch_size, self.generator = x, y, batch_size, generator

    def __iter__(self) -> Iterator[tuple[torch.Tensor, torch.Tensor]]:
        for X, y in iter_batches(self.x, self.y, self.batch_size, self.generator):
            yield to_float(X), y


def accuracy(y_hat: torch.Tensor, y: torch.Tensor) -> float:
    """The number of correct predictions."""
    return float((y_hat.argmax(axis=1) == y).sum())


def evaluate_accuracy(net: nn.Module, data_iter: Loader) -> float:
    """Accuracy of ``net`` on a data set."""
    net.eval()
    correct, total = 0.0, 0
    with torch.no_grad():
        for X, y in data_iter:
            correct += accuracy(net(X), y)
            total += y.numel()
    return correct / total


def train_epoch_ch3(net: nn.Module, train_iter: Loader, loss: nn.Module, updater: torch.optim.Optimizer):
    """One epoch; returns the training loss and accuracy."""
    net.train()
    loss_sum, correct, total = 0.0, 0.0, 0
    for X, y in train_iter:
        y_hat = net(X)
        l = loss(y_hat, y)  # noqa: E741 (the book's name)
        updater.zero_grad()
        l.mean().backward()
        updater.step()
        loss_sum += float(l.detach().sum())
        correct += accuracy(y_hat, y)
        total += y.numel()
    return loss_sum / total, correct / total


def train_ch3(net: nn.Module, train_iter: Loader, test_iter: Loader, loss: nn.Module, num_epochs: int, updater):
    """Train ``net``; print the loss and accuracies of every epoch, as the book does."""
    for epoch in range(num_epochs):
        train_loss, train_acc = train_epoch_ch3(net, train_iter, loss, updater)
        test_acc = evaluate_accuracy(net, test_iter)
        print(f"epoch {epoch + 1}, loss {train_loss:f}, train acc {train_acc:.3f}, test acc {test_acc:.3f}")
    return train_loss, train_acc, test_acc
