import math

import numpy as np
import pytest

from mlp_lab.experiments.mlp import EquivalenceConfig, scratch_vs_concise
from mlp_lab.training import TrainConfig, train


def test_real_fashion_mnist_one_epoch_learns(fmnist) -> None:
    result = train(TrainConfig(model="concise", epochs=1), data=fmnist)
    assert result.history.test_acc[-1] > 0.7
    assert not result.diverged and result.complete
    assert result.test_pred.shape == (10000,)


@pytest.mark.parametrize("model", ["scratch", "concise"])
def test_divergence_is_flagged_not_raised(fmnist, model: str) -> None:
    result = train(TrainConfig(model=model, lr=100.0, epochs=3), data=fmnist)
    assert result.diverged and result.diverged_epoch is not None
    assert len(result.history) == result.diverged_epoch - 1  # only the finite epochs
    assert all(math.isfinite(v) for v in result.history.train_loss)
    assert result.complete  # a deterministic outcome: worth caching


def test_scratch_and_concise_agree_step_by_step(fmnist) -> None:
    res = scratch_vs_concise(EquivalenceConfig(steps=40), data=fmnist)
    assert len(res.scratch_loss) == 40
    np.testing.assert_allclose(res.scratch_loss, res.concise_loss, rtol=1e-5, atol=1e-6)
    assert res.scratch_loss[-1] < res.scratch_loss[0]  # and it is really training


def test_deterministic_for_a_seed(synthetic_data) -> None:
    cfg = TrainConfig(model="concise", epochs=2, batch_size=64, dropout=(0.3,))
    a, b = train(cfg, data=synthetic_data), train(cfg, data=synthetic_data)
    assert a.history.train_loss == b.history.train_loss
    assert a.history.test_acc == b.history.test_acc
    c = train(TrainConfig(model="concise", epochs=2, batch_size=64, dropout=(0.3,), seed=1), data=synthetic_data)
    assert c.history.train_loss != a.history.train_loss


def test_synthetic_task_is_learned_by_both(synthetic_data) -> None:
    for model in ("scratch", "concise"):
        result = train(TrainConfig(model=model, epochs=3, batch_size=32, lr=0.5), data=synthetic_data)
        assert result.history.test_acc[-1] > 0.9
        assert result.history.train_loss[-1] < result.history.train_loss[0]


def test_callback_sees_progress_and_can_stop(synthetic_data) -> None:
    seen = []

    def cb(p):
        seen.append((p.epoch, p.step, p.epoch_end))
        return p.epoch == 2 and p.epoch_end

    result = train(
        TrainConfig(model="concise", epochs=5, batch_size=64), data=synthetic_data, callback=cb, every_steps=4
    )
    assert result.stopped and not result.complete
    assert len(result.history) == 2
    assert (1, 4, False) in seen and (1, 16, True) in seen


def test_weight_decay_shrinks_weights(synthetic_data) -> None:
    plain = train(TrainConfig(model="concise", epochs=2, batch_size=64), data=synthetic_data)
    decayed = train(TrainConfig(model="concise", epochs=2, batch_size=64, weight_decay=0.5), data=synthetic_data)
    assert decayed.state_dict["1.weight"].norm() < plain.state_dict["1.weight"].norm()


@pytest.mark.parametrize(
    "kwargs",
    [
        {"model": "cnn"},
        {"lr": 0.0},
        {"lr": float("nan")},
        {"batch_size": 60001},
        {"epochs": 0},
        {"hiddens": ()},
        {"dropout": (1.5,)},
        {"init": "zeros"},
    ],
)
def test_invalid_configs_are_refused(kwargs) -> None:
    with pytest.raises(ValueError):
        TrainConfig(**kwargs)


def test_config_is_a_hashable_key() -> None:
    assert hash(TrainConfig()) == hash(TrainConfig())
    assert TrainConfig() == TrainConfig() and TrainConfig(lr=0.2) != TrainConfig()
