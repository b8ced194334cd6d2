"""The book's loop (shown on the MLP page) and the batched trainer (which runs) compute the same thing."""

from __future__ import annotations

import copy

import pytest
import torch
from torch import nn

from mlp_lab import book_loop
from mlp_lab.training import TrainConfig, make_model, train


def run_both(data, config: TrainConfig, loss: nn.Module) -> tuple[dict, dict, float, float]:
    start = make_model(config, torch.device("cpu"))
    ours = train(config, data=data, model=copy.deepcopy(start))
    net = copy.deepcopy(start)
    shuffle = torch.Generator().manual_seed(config.seed)  # the trainer's batch order
    train_iter = book_loop.Loader(data.train_x, data.train_y, config.batch_size, shuffle)
    test_iter = book_loop.Loader(data.test_x, data.test_y, 4096, None)
    updater = torch.optim.SGD(net.parameters(), lr=config.lr)
    train_loss, _, test_acc = book_loop.train_ch3(net, train_iter, test_iter, loss, config.epochs, updater)
    return (
        ours.state_dict,
        net.state_dict(),
        ours.history.test_acc[-1] - test_acc,
        ours.history.train_loss[-1] - train_loss,
    )


@pytest.mark.parametrize("model", ["scratch", "concise"])
def test_the_books_loop_reaches_the_trainers_parameters(synthetic_data, model, capsys) -> None:
    config = TrainConfig(model=model, hiddens=(32,), epochs=2, batch_size=64, lr=0.1)
    ours, book, acc_gap, loss_gap = run_both(synthetic_data, config, nn.CrossEntropyLoss(reduction="none"))
    for name, tensor in ours.items():
        assert torch.allclose(tensor, book[name], atol=1e-5), name
    assert acc_gap == 0 and abs(loss_gap) < 1e-5
    assert capsys.readouterr().out.startswith("epoch 1, loss ")  # it prints like the book


def test_a_loop_with_another_loss_scale_is_caught(synthetic_data) -> None:
    """The comparison is honest: summing the loss instead of averaging it (a 64x larger step) differs."""

    class Summed(nn.CrossEntropyLoss):
        def forward(self, y_hat, y):
            return super().forward(y_hat, y) * y.numel()

    config = TrainConfig(hiddens=(32,), epochs=1, batch_size=64, lr=0.1)
    ours, book, _, _ = run_both(synthetic_data, config, Summed(reduction="none"))
    assert not all(torch.allclose(t, book[n], atol=1e-5) for n, t in ours.items())


def test_the_code_tab_shows_the_books_loop() -> None:
    from mlp_lab.experiments.mlp import code_that_ran

    code = code_that_ran("scratch")
    assert "def train_epoch_ch3(" in code and "def train_ch3(" in code and "class ScratchMLP" in code
    assert "DIVERGENCE" not in code  # the readable loop, not the trainer's machinery
