"""3.4's capacity sweep: the book's way (one DataLoader loop per model) against one batched computation.

The book (d2l 4.4.4): for each number of features k, ``nn.Linear(k, 1, bias=False)``, ``nn.MSELoss``,
SGD lr 0.01, a ``DataLoader`` with batch 10 and shuffling, 400 epochs, ``evaluate_loss`` on the train
and test sets at epoch 1 and every 20 epochs. Here that loop runs 20 times (k = 1 .. 20).
mlp_lab: ``degree_sweep`` trains the same 20 models together (and records both losses every epoch).

    python benchmarks/fitting_speed.py [--epochs 400] [--repeat 3]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere

import argparse
import time

import numpy as np
import torch
from torch import nn
from torch.utils import data

from mlp_lab.device import configure_threads
from mlp_lab.experiments.fitting import MAX_DEGREE, PolyConfig, degree_sweep, poly_data


def load_array(arrays: tuple[torch.Tensor, ...], batch_size: int, is_train: bool = True) -> data.DataLoader:
    """d2l.load_array."""
    return data.DataLoader(data.TensorDataset(*arrays), batch_size, shuffle=is_train)


@torch.no_grad()
def evaluate_loss(net: nn.Module, data_iter: data.DataLoader, loss: nn.Module) -> float:
    """d2l.evaluate_loss (4.4.4), without building a graph it never uses."""
    total, count = 0.0, 0
    for X, y in data_iter:
        out = net(X)
        lv = loss(out, y.reshape(out.shape))
        total += float(lv.sum())
        count += lv.numel()
    return total / count


def book_train(train_x, test_x, train_y, test_y, num_epochs: int) -> tuple[np.ndarray, float, float]:
    """d2l's ``train`` of 4.4.4, the Animator left out: returns the weights and the last losses."""
    loss = nn.MSELoss(reduction="none")
    net = nn.Sequential(nn.Linear(train_x.shape[-1], 1, bias=False))
    batch_size = min(10, train_y.shape[0])
    train_iter = load_array((train_x, train_y.reshape(-1, 1)), batch_size)
    test_iter = load_array((test_x, test_y.reshape(-1, 1)), batch_size, is_train=False)
    trainer = torch.optim.SGD(net.parameters(), lr=0.01)
    losses = (float("nan"), float("nan"))
    for epoch in range(num_epochs):
        for X, y in train_iter:  # d2l.train_epoch_ch3 with a torch optimiser
            lv = loss(net(X), y)
            trainer.zero_grad()
            lv.mean().backward()
            trainer.step()
        if epoch == 0 or (epoch + 1) % 20 == 0:
            losses = (evaluate_loss(net, train_iter, loss), evaluate_loss(net, test_iter, loss))
    return net[0].weight.data.numpy().ravel(), *losses


def book_sweep(config: PolyConfig) -> tuple[float, float, np.ndarray]:
    """One model per k, each with its own loop. Returns (wall s, CPU s, the 4-feature weights)."""
    d = poly_data(config)
    x_train, x_test = (torch.tensor(a) for a in d.features())
    y_train, y_test = torch.tensor(d.y_train, dtype=torch.float32), torch.tensor(d.y_test, dtype=torch.float32)
    torch.manual_seed(config.seed)
    start, cpu = time.perf_counter(), time.process_time()
    w4 = np.zeros(4)
    for k in range(1, MAX_DEGREE + 1):
        w, _, _ = book_train(x_train[:, :k], x_test[:, :k], y_train, y_test, config.epochs)
        if k == 4:
            w4 = w
    return time.perf_counter() - start, time.process_time() - cpu, w4


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=3, help="batched runs to time (the best is reported)")
    parser.add_argument("--skip-book", action="store_true", help="time only the batched sweep")
    args = parser.parse_args()
    threads = configure_threads()
    config = PolyConfig(epochs=args.epochs)
    print(f"20 models (k = 1..20 features), {args.epochs} epochs, batch 10, lr 0.01; torch threads: {threads}")
    # Wall time is what a user waits; CPU time (all threads) is steadier on a shared machine.
    walls, cpus = [], []
    for _ in range(max(1, args.repeat)):
        start, cpu = time.perf_counter(), time.process_time()
        sweep = degree_sweep(config)
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    ours, ours_cpu = min(walls), min(cpus)
    w = np.round(sweep.weights[3, :4], 4)
    print(f"mlp_lab, one batched computation : {ours:8.3f} s wall {ours_cpu:8.3f} s CPU   4-feature weights {w}")
    if args.skip_book:
        return
    book_s, book_cpu, w4 = book_sweep(config)
    w = np.round(w4, 4)
    print(f"book, one DataLoader loop each   : {book_s:8.3f} s wall {book_cpu:8.3f} s CPU   4-feature weights {w}")
    print(f"ratio book / ours                : {book_s / ours:8.1f}x wall {book_cpu / ours_cpu:7.1f}x CPU")


if __name__ == "__main__":
    main()
