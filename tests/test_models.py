import math

import pytest
import torch

from mlp_lab.models import (
    ScratchMLP,
    build_concise,
    build_model,
    copy_scratch_to_concise,
    dropout_layer,
    init_weights,
    linear_weights,
    param_groups,
    relu,
    sigmoid,
    tanh,
)


def test_scratch_has_the_books_named_parameters() -> None:
    net = ScratchMLP()
    names = [n for n, _ in net.named_parameters()]
    assert names == ["W1", "b1", "W2", "b2"]
    assert net.W1.shape == (784, 256) and net.W2.shape == (256, 10)
    assert net(torch.rand(5, 1, 28, 28)).shape == (5, 10)


def test_concise_is_the_books_sequential() -> None:
    net = build_concise()
    kinds = [type(m).__name__ for m in net]
    assert kinds == ["Flatten", "Linear", "ReLU", "Linear"]
    deep = build_concise((64, 32), "tanh", (0.2, 0.5))
    assert [type(m).__name__ for m in deep] == [
        "Flatten",
        "Linear",
        "Tanh",
        "Dropout",
        "Linear",
        "Tanh",
        "Dropout",
        "Linear",
    ]


@pytest.mark.parametrize("activation", ["relu", "sigmoid", "tanh", "gelu", "silu"])
def test_same_parameters_same_outputs(activation: str) -> None:
    g = torch.Generator().manual_seed(0)
    scratch = ScratchMLP((32, 16), activation)
    init_weights(scratch, "xavier_normal", g)
    concise = build_concise((32, 16), activation)
    copy_scratch_to_concise(scratch, concise)
    x = torch.rand(8, 28, 28)
    assert torch.allclose(scratch(x), concise(x), atol=1e-6)


def test_handwritten_activations_match_torch() -> None:
    x = torch.linspace(-8, 8, 161)
    assert torch.equal(relu(x), torch.relu(x))
    assert torch.allclose(sigmoid(x), torch.sigmoid(x), atol=1e-7)
    assert torch.allclose(tanh(x), torch.tanh(x), atol=1e-6)


@pytest.mark.parametrize(
    ("scheme", "expected_var"),
    [
        ("normal", 0.01**2),
        ("normal1", 1.0),
        ("xavier_normal", 2 / (784 + 256)),
        ("xavier_uniform", 2 / (784 + 256)),
        ("kaiming", 2 / 784),
    ],
)
def test_init_variances_match_theory(scheme: str, expected_var: float) -> None:
    for kind in ("scratch", "concise"):
        net = build_model(kind, init=scheme, generator=torch.Generator().manual_seed(1))
        W, b = linear_weights(net)[0]
        assert W.shape == (784, 256)
        assert math.isclose(W.var().item(), expected_var, rel_tol=0.05)
        if kind == "scratch":  # 3.2: b1 = torch.zeros(...)
            assert torch.count_nonzero(b) == 0
        else:  # 3.3: the book's init_weights sets m.weight only; the bias keeps nn.Linear's U(-1/sqrt(784), ...)
            bound = 1 / math.sqrt(784)
            assert b.abs().max() <= bound and b.abs().max() > 0.9 * bound
            assert math.isclose(b.var().item(), bound**2 / 3, rel_tol=0.3)


def test_concise_biases_are_nn_linears_default_seeded_and_constant_starts_symmetric() -> None:
    a, b = (build_model("concise", generator=torch.Generator().manual_seed(3)) for _ in range(2))
    for (_, ba), (_, bb) in zip(linear_weights(a), linear_weights(b), strict=True):
        assert torch.equal(ba, bb)  # drawn from the seed, not from torch's global stream
    _, (_, b2) = linear_weights(a)
    assert b2.abs().max() <= 1 / math.sqrt(256)  # the output layer's own fan-in
    for kind in ("scratch", "concise"):
        for _, bias in linear_weights(build_model(kind, init="constant")):
            assert torch.count_nonzero(bias) == 0


def test_constant_init_makes_equal_units() -> None:
    net = build_model("concise", init="constant")
    W, _ = linear_weights(net)[0]
    assert torch.all(W[0, 0] == W)


def test_init_is_seeded_and_same_for_both_kinds() -> None:
    a = build_model("scratch", generator=torch.Generator().manual_seed(7))
    b = build_model("concise", generator=torch.Generator().manual_seed(7))
    for (wa, _), (wb, _) in zip(linear_weights(a), linear_weights(b), strict=True):
        assert torch.equal(wa, wb)


def test_dropout_layer_edge_cases_and_unbiasedness() -> None:
    X = torch.arange(16, dtype=torch.float32).reshape(2, 8)
    assert torch.equal(dropout_layer(X, 0.0), X)
    assert torch.equal(dropout_layer(X, 1.0), torch.zeros_like(X))
    half = dropout_layer(X, 0.5, torch.Generator().manual_seed(0))
    kept = half != 0
    assert torch.allclose(half[kept], 2 * X[kept])
    h = torch.ones(1000)
    g = torch.Generator().manual_seed(0)
    mean = torch.stack([dropout_layer(h, 0.3, g) for _ in range(2000)]).mean()
    assert abs(mean.item() - 1.0) < 0.01
    with pytest.raises(ValueError):
        dropout_layer(X, 1.5)


def test_weight_decay_only_on_weights() -> None:
    for kind in ("scratch", "concise"):
        groups = param_groups(build_model(kind), 0.1)
        assert groups[0]["weight_decay"] == 0.1 and all(p.dim() == 2 for p in groups[0]["params"])
        assert groups[1]["weight_decay"] == 0.0 and all(p.dim() == 1 for p in groups[1]["params"])
