"""3.8 experiments: the numbers against autograd, theory and the book (small sizes: fast)."""

import math

import numpy as np
import pytest
import torch

from mlp_lab.controls import controls_of
from mlp_lab.experiments import stability as exp
from mlp_lab.models import INITS
from mlp_lab.reproduce import select


def test_sigmoid_gradient_is_s_times_one_minus_s_and_at_most_a_quarter() -> None:
    curve = exp.sigmoid_curve()
    np.testing.assert_allclose(curve.grad, curve.value * (1 - curve.value), rtol=1e-5, atol=1e-7)
    assert curve.grad.max() == pytest.approx(0.25, abs=1e-4)
    assert curve.x[0] == pytest.approx(-8.0) and len(curve.x) == 160  # torch.arange(-8.0, 8.0, 0.1)


def test_scaled_sigmoid_is_the_books_four_sigmoid_minus_two_with_slope_one() -> None:
    x = torch.linspace(-6, 6, 101, dtype=torch.float64, requires_grad=True)
    y = exp.scaled_sigmoid(x)
    torch.testing.assert_close(y, 4 * torch.sigmoid(x) - 2)
    y.sum().backward()
    assert x.grad[50].item() == pytest.approx(1.0)  # slope 1 at 0: the variance passes unchanged
    tiny = torch.tensor([1e-40], dtype=torch.float64)
    assert exp.scaled_sigmoid(tiny).item() == pytest.approx(1e-40)  # not rounded to 0


def test_vanishing_gradients_match_autograd_depth_by_depth() -> None:
    config = exp.VanishingConfig(max_depth=5, width=6, batch=4, activations=("sigmoid", "relu", "tanh"))
    result = exp.vanishing_gradients(config)
    gen = torch.Generator().manual_seed(config.seed)
    x = torch.randn(4, 6, generator=gen, dtype=torch.float64)
    upstream = torch.randn(4, 6, generator=gen, dtype=torch.float64)
    for act_name in config.activations:
        act = exp.STUDY_ACTIVATIONS[act_name]
        layers = exp.square_layers(5, 6, exp.MATCHING_INIT[act_name], config.seed)
        for depth in range(1, 6):
            W1 = layers[0].clone().requires_grad_(True)
            h = act(x @ W1.T)
            for W in layers[1:depth]:
                h = act(h @ W.T)
            (h * upstream).sum().div(4).backward()
            expected = W1.grad.pow(2).mean().sqrt().item()
            assert result.first_layer_grad[act_name][depth - 1] == pytest.approx(expected, rel=1e-9)


def test_sigmoid_gradients_vanish_and_relu_ones_do_not() -> None:
    result = exp.vanishing_gradients(exp.VanishingConfig(max_depth=20, width=32, batch=16))
    sig, relu = result.first_layer_grad["sigmoid"], result.first_layer_grad["relu"]
    assert sig[-1] / sig[0] < 1e-8
    assert 0.1 < relu[-1] / relu[0] < 10


def test_matrix_product_log_norm_matches_the_plain_product() -> None:
    config = exp.MatrixProductConfig(count=10, size=3, sigma=0.7, seed=3)
    result = exp.matrix_product(config)
    gen = torch.Generator().manual_seed(3)
    M = torch.normal(0.0, 1.0, size=(3, 3), generator=gen).double() * 0.7
    norms = [math.log10(torch.linalg.matrix_norm(M).item())]
    for _ in range(10):
        M = M @ (torch.normal(0.0, 1.0, size=(3, 3), generator=gen).double() * 0.7)
        norms.append(math.log10(torch.linalg.matrix_norm(M).item()))
    np.testing.assert_allclose(result.log10_norm, norms, atol=1e-9)
    assert result.log10_max_entry == pytest.approx(math.log10(M.abs().max().item()), abs=1e-9)


def test_scaling_sigma_shifts_the_log_norm_exactly() -> None:
    base = exp.matrix_product(exp.MatrixProductConfig(count=50, sigma=1.0))
    scaled = exp.matrix_product(exp.MatrixProductConfig(count=50, sigma=0.01))
    np.testing.assert_allclose(scaled.log10_norm, base.log10_norm + np.arange(1, 52) * -2.0, atol=1e-9)
    assert scaled.stable_sigma == pytest.approx(base.stable_sigma)


def test_books_product_explodes_to_about_1e25() -> None:
    result = exp.matrix_product(exp.MatrixProductConfig())
    assert 20 <= result.log10_max_entry <= 32
    assert len(result.printed()) == 4 and "e+2" in result.printed()[0]


def test_products_beyond_float64_still_print() -> None:
    result = exp.matrix_product(exp.MatrixProductConfig(count=300, sigma=100.0))
    assert result.log10_max_entry > 600
    assert all("e+6" in row for row in result.printed())


def test_stable_sigma_is_about_one_over_sqrt_n() -> None:
    for n in (16, 64):
        result = exp.matrix_product(exp.MatrixProductConfig(count=200, size=n))
        theory = exp.lyapunov_stable_sigma(n)
        assert result.stable_sigma == pytest.approx(theory, rel=0.1)
        assert theory == pytest.approx(1 / math.sqrt(n), rel=0.05)
    # n = 1: the product of scalars; E log|z| = -(gamma + log 2) / 2 for z ~ N(0, 1)
    assert exp.lyapunov_stable_sigma(1) == pytest.approx(math.exp((0.5772156649 + math.log(2)) / 2), rel=1e-6)


@pytest.mark.parametrize("bad", [dict(count=-1), dict(size=0), dict(sigma=0.0), dict(sigma=float("inf"))])
def test_matrix_product_refuses_bad_settings(bad) -> None:
    with pytest.raises(ValueError):
        exp.matrix_product(exp.MatrixProductConfig(**bad))


def test_constant_start_stays_symmetric_and_dropout_breaks_it(synthetic_data) -> None:
    config = exp.SymmetryConfig(hidden=3, steps=12, dropout=0.5)
    result = exp.symmetry(config, synthetic_data)
    for run in (result.plain, result.with_dropout):
        assert run.tracked.shape == (13, 3) and run.spread.shape == (13,) and run.final_W1.shape == (784, 3)
        np.testing.assert_allclose(run.tracked[0], 0.01)
    assert result.plain.final_spread < 1e-6
    assert result.with_dropout.final_spread > 1e-4
    images = exp.unit_images(result.plain)
    assert len(images) == 3 and images[0].shape == (84, 84)
    assert images[0].min() >= 0 and images[0].max() <= 1
    np.testing.assert_allclose(images[0], images[1], atol=1e-3)  # equal units, equal pictures


def test_symmetry_reports_its_progress_to_the_end(synthetic_data) -> None:
    seen: list[float] = []
    exp.symmetry(exp.SymmetryConfig(hidden=2, steps=5), synthetic_data, progress=seen.append)
    assert seen == sorted(seen) and seen[0] > 0 and seen[-1] == pytest.approx(1.0)
    assert any(f <= 0.5 for f in seen) and any(f > 0.5 for f in seen)  # both runs report


def test_symmetry_with_zero_steps_is_the_start(synthetic_data) -> None:
    result = exp.symmetry(exp.SymmetryConfig(hidden=2, steps=0), synthetic_data)
    assert result.plain.tracked.shape == (1, 2) and result.plain.final_spread == 0


def test_xavier_keeps_the_variance_and_the_books_normal_does_not() -> None:
    ratios = {
        init: exp.layer_variances(exp.LayerVarianceConfig(init=init, depth=8, width=128)).ratio_to_input()
        for init in ("xavier_normal", "xavier_uniform", "normal", "normal1")
    }
    for init in ("xavier_normal", "xavier_uniform"):
        assert ratios[init].min() >= 0.5 and ratios[init].max() <= 2
    assert ratios["normal1"][-1] > 1e12  # about 128^8 = 7e16
    assert ratios["normal"][-1] < 1e-10  # about (128e-4)^8 = 7e-16


def test_linear_theory_predicts_the_measured_variance() -> None:
    result = exp.layer_variances(exp.LayerVarianceConfig(init="normal1", depth=6, width=64, batch=512))
    assert result.gain_per_layer == pytest.approx(64.0)
    measured, theory = np.log10(result.forward_var), np.log10(result.theory("forward"))
    np.testing.assert_allclose(measured, theory, atol=0.6)  # within a factor of 4 after 6 layers of 64x
    back_measured, back_theory = np.log10(result.backward_var), np.log10(result.theory("backward"))
    np.testing.assert_allclose(back_measured, back_theory, atol=0.6)


def test_kaiming_keeps_relu_variance_where_xavier_halves_it() -> None:
    kaiming = exp.layer_variances(exp.LayerVarianceConfig(init="kaiming", activation="relu", depth=10, width=128))
    xavier = exp.layer_variances(exp.LayerVarianceConfig(init="xavier_normal", activation="relu", depth=10, width=128))
    assert kaiming.gain_per_layer == pytest.approx(1.0) and xavier.gain_per_layer == pytest.approx(0.5)
    # ReLU's output is not centred, so compare second moments through the gradient: it is centred.
    assert 0.2 < kaiming.backward_var[0] < 5
    assert xavier.backward_var[0] < 0.01


def test_variance_study_extremes_are_finite_and_flag_float32() -> None:
    big = exp.layer_variances(exp.LayerVarianceConfig(init="normal1", activation="linear", depth=50, width=64))
    assert np.isfinite(big.forward_var).all() and big.forward_var[-1] > 1e80
    with np.errstate(over="ignore", under="ignore"):  # what float32 really makes of each layer's largest value
        big32 = big.forward_max.astype(np.float32)
        over = exp.float32_overflow_layer(big.forward_max)
        assert over == int(np.argmax(np.isinf(big32))) and np.isinf(big32[over:]).all()
        assert np.isfinite(big32[:over]).all() and 0 < over < 50
        small = exp.layer_variances(exp.LayerVarianceConfig(init="normal", activation="sigmoid4", depth=50, width=16))
        assert (small.forward_var[1:] > 0).all()  # 2 tanh(x/2) keeps tiny values; 4 sigmoid - 2 would give 0
        small32 = small.forward_max.astype(np.float32)
        under = exp.float32_underflow_layer(small.forward_max)
        assert under == int(np.argmax(small32 == 0)) and (small32[:under] > 0).all() and 0 < under < 50
    constant = exp.layer_variances(exp.LayerVarianceConfig(init="constant", depth=3, width=8))
    assert constant.theory("forward") is None
    assert exp.float32_overflow_layer(np.array([1.0, 2.0])) is None


def test_histograms_cover_every_value() -> None:
    config = exp.LayerVarianceConfig(depth=6, width=32, batch=20)
    result = exp.layer_variances(config)
    assert [h.travelled for h in result.histograms if h.direction == "forward"] == [1, 3, 6]
    for h in result.histograms:
        assert h.counts.sum() == 20 * 32 and len(h.edges) == len(h.counts) + 1
    one = exp.layer_variances(exp.LayerVarianceConfig(depth=1, width=4, batch=2))
    assert len(one.histograms) == 2


def test_variance_config_validates_and_picks_a_batch() -> None:
    with pytest.raises(ValueError):
        exp.LayerVarianceConfig(init="zeros")
    with pytest.raises(ValueError):
        exp.LayerVarianceConfig(depth=0)
    assert exp.LayerVarianceConfig(width=256).inputs == 256 and exp.LayerVarianceConfig(width=1024).inputs == 64


def test_weight_variance_is_xavier_gamma() -> None:
    assert exp.weight_variance("xavier_normal", 100, 300) == pytest.approx(2 / 400)
    assert exp.weight_variance("xavier_uniform", 100, 300) == pytest.approx(2 / 400)
    assert exp.weight_variance("constant", 3, 3) is None
    W = exp.square_layers(1, 400, "xavier_uniform", 0)[0]
    assert W.var().item() == pytest.approx(1 / 400, rel=0.05)


def test_reproduce_rows_are_registered_with_the_issue_ids() -> None:
    kinds = {c.id: c.kind for c in select("stability.")}
    assert kinds == {
        "stability.matrix_product_explodes": "book",
        "stability.xavier_preserves_variance": "book",
        "stability.symmetry_constant_init": "book",
        "stability.sigmoid_gradient_vanishes": "claim",
        "stability.float16_gives_up": "claim",
        "stability.xavier_keeps_variance": "claim",
        "stability.dropout_breaks_symmetry": "claim",
    }
    assert all(c.section == "3.8" for c in select("stability."))
    value, ok = next(c for c in select("stability.matrix_product_explodes")).fn()
    assert ok and 20 <= value <= 32


def test_controls_keep_the_books_defaults_and_the_address_bar_keys() -> None:
    studies = (exp.VanishingConfig, exp.MatrixProductConfig, exp.SymmetryConfig, exp.LayerVarianceConfig)
    keys = {spec.key for settings in (*studies, exp.DeepTrainSettings) for spec in controls_of(settings).values()}
    assert keys == {
        "stability_vdepth", "stability_count", "stability_size", "stability_sigma", "stability_units",
        "stability_steps", "stability_dropout", "stability_init", "stability_act", "stability_depth",
        "stability_width", "stability_schemes", "stability_tact", "stability_epochs",
    }  # fmt: skip
    book = exp.MatrixProductConfig()
    assert (book.count, book.size, book.sigma) == (100, 4, 1.0)  # the book's loop
    sigma = controls_of(exp.MatrixProductConfig)["sigma"]
    assert sigma.parse("0.0015") == 0.0015 and sigma.parse("100") == 100.0 and 1.0 in exp.SIGMAS
    assert exp.LayerVarianceConfig().init == "xavier_normal" and exp.SymmetryConfig().hidden == 2


def test_deep_settings_build_one_run_per_scheme() -> None:
    settings = exp.DeepTrainSettings(schemes=("kaiming", "constant"), activation="tanh", epochs=2, seed=3)
    configs = settings.train_configs()
    assert list(configs) == ["kaiming", "constant"]
    for scheme, config in configs.items():
        assert config.init == scheme and config.hiddens == exp.DEEP_HIDDENS and config.activation == "tanh"
        assert config.epochs == 2 and config.seed == 3 and config.lr == 0.1 and config.batch_size == 256
    assert exp.DeepTrainSettings(schemes=()).train_configs() == {}
    assert exp.DeepTrainSettings().schemes == INITS


def test_vanishes_needs_a_deep_enough_stack() -> None:
    deep = exp.vanishing_gradients(exp.VanishingConfig(max_depth=30))  # the page's default
    shallow = exp.vanishing_gradients(exp.VanishingConfig(max_depth=5))
    assert exp.vanishes(deep) and not exp.vanishes(shallow)
    assert exp.depth_ratio(deep, "sigmoid") == pytest.approx(
        deep.first_layer_grad["sigmoid"][-1] / deep.first_layer_grad["sigmoid"][0]
    )
    relu_only = exp.vanishing_gradients(exp.VanishingConfig(max_depth=30, activations=("relu",)))
    assert not exp.vanishes(relu_only)  # the sentence is about the sigmoid: no sigmoid, no claim


def test_number_formats_compute_in_each_format() -> None:
    config = exp.PrecisionConfig(count=40, depth=25, width=16, batch=8, seed=2)
    result = exp.number_formats(config)
    # The product, recomputed in numpy's float16 from the same draws: the same matrix overflows.
    gen = torch.Generator().manual_seed(2)
    draws = [torch.normal(0.0, 1.0, size=(4, 4), generator=gen).numpy() for _ in range(41)]
    with np.errstate(over="ignore", invalid="ignore"):
        M = draws[0].astype(np.float16)
        first_bad = None
        for k, D in enumerate(draws[1:], 1):
            M = (M.astype(np.float32) @ D.astype(np.float16).astype(np.float32)).astype(np.float16)
            if first_bad is None and not np.isfinite(M).all():
                first_bad = k
    assert result.overflow_at("float16") == first_bad and 10 < first_bad < 30
    assert result.overflow_at("float32") is None and result.overflow_at("float64") is None
    np.testing.assert_allclose(result.product_log10["float32"], result.product_log10["float64"], atol=1e-4)
    # float16 bottoms out at its smallest subnormal, 2^-24; float32 carries on to 1e-14 and below.
    f16, f32 = result.grad_log10["float16"], result.grad_log10["float32"]
    layer = result.underflow_layer("float16")
    assert layer is not None and np.isneginf(f16[config.depth - layer :]).all()
    assert f16[np.isfinite(f16)].min() >= exp.FLOAT16_TINY_LOG10 - 1e-9
    assert np.isfinite(f32).all() and f32[-1] < -12 and result.underflow_layer("float32") is None
    assert exp.float16_gives_up(result)
    tame = exp.number_formats(exp.PrecisionConfig(count=5, depth=3, width=16, batch=8))
    assert not exp.float16_gives_up(tame) and tame.overflow_at("float16") is None


def test_a_tiny_sigma_makes_float16_underflow_first() -> None:
    result = exp.number_formats(exp.PrecisionConfig(count=100, sigma=0.1, depth=2, width=8, batch=4))
    assert result.product_underflow_at("float16") < result.product_underflow_at("float32")
    assert result.product_underflow_at("float64") is None


def test_renumbering_hidden_units_in_and_out_keeps_the_function() -> None:
    for hidden in (2, 5):
        result = exp.permutation(exp.PermutationConfig(hidden=hidden, seed=1))
        assert sorted(result.order) == list(range(hidden)) and all(i != o for i, o in enumerate(result.order))
        assert result.matched < 1e-5  # the same sums, perhaps added in another order
        assert result.input_side_only > 0.1  # outgoing weights left behind: another function


def test_symmetry_state_reads_the_spread() -> None:
    def run(spread: float) -> exp.SymmetryRun:
        return exp.SymmetryRun(0.0, np.zeros((2, 2)), np.array([0.0, spread]), np.zeros((784, 2)))

    assert exp.symmetry_state(run(0.0)) == "identical"
    assert exp.symmetry_state(run(2e-7)) == "rounding"
    assert exp.symmetry_state(run(1e-3)) == "apart"
    result = exp.SymmetryResult(exp.SymmetryConfig(), run(2e-7), run(0.04))
    assert exp.dropout_breaks_symmetry(result)
    assert not exp.dropout_breaks_symmetry(exp.SymmetryResult(exp.SymmetryConfig(), run(2e-7), run(0.005)))
    assert not exp.dropout_breaks_symmetry(exp.SymmetryResult(exp.SymmetryConfig(), run(0.2), run(0.04)))


def test_variance_verdicts() -> None:
    assert exp.direction_verdict(np.array([1.0, 1.3, 0.7, 0.9])) == "kept"
    assert exp.direction_verdict(np.array([1.0, 10.0, 1e6])) == "grows"
    assert exp.direction_verdict(np.array([1.0, 0.1, 1e-6, 0.0])) == "shrinks"
    assert exp.direction_verdict(np.array([1.0, 5.0, 1.5])) == "drifts"
    small = dict(depth=8, width=64)
    verdicts = {
        init: exp.variance_verdict(exp.layer_variances(exp.LayerVarianceConfig(init=init, **small)))
        for init in ("xavier_normal", "normal1", "normal")
    }
    assert verdicts == {
        "xavier_normal": {"forward": "kept", "backward": "kept"},
        "normal1": {"forward": "grows", "backward": "grows"},
        "normal": {"forward": "shrinks", "backward": "shrinks"},
    }
    relu = exp.layer_variances(exp.LayerVarianceConfig(init="xavier_normal", activation="relu", **small))
    np.testing.assert_allclose(exp.direction_ratios(relu, "backward")[-1], relu.backward_var[0] / relu.backward_var[-1])
    assert exp.variance_verdict(relu)["backward"] == "shrinks"  # Xavier halves it per ReLU layer


def test_training_outcome_reads_the_run() -> None:
    from mlp_lab.training import History, TrainConfig, TrainResult

    def result(acc: list[float], diverged: bool = False) -> TrainResult:
        history = History([1.0] * len(acc), acc, [1.0] * len(acc), acc)
        return TrainResult(TrainConfig(), history, {}, np.zeros(1, dtype=np.uint8), 1.0, "cpu", diverged=diverged)

    assert exp.training_outcome(result([0.5, 0.8])) == "learned"
    assert exp.training_outcome(result([0.1, 0.1])) == "chance"
    assert exp.training_outcome(result([], diverged=True)) == "diverged"
