"""AppTest of the stability page (3.8): defaults, widgets, URL state, extremes, bad links, the training gate."""

import numpy as np
import pytest

from mlp_lab import data
from mlp_lab.experiments import stability as exp
from mlp_lab.models import INITS
from mlp_lab.store import key_of
from mlp_lab.training import History, TrainResult, train
from mlp_lab.ui.runner import result_store
from mlp_lab.ui.train_panel import is_trained
from tests.conftest import private_world, striped_data
from tests.test_app import run_app

PAGE = "pages/stability.py"
GO = "stability_train__go"  # the training gate's button


@pytest.fixture(scope="module")
def default_run(fmnist):
    """The page opened as is (the symmetry study reads Fashion-MNIST), once for the module."""
    at = run_app("en", page=PAGE, timeout=300)
    assert not at.exception
    return at


def vanish_caption(at) -> str:
    """The vanishing chart's text alternative, shown under it."""
    return next(c.value for c in at.caption if c.value.startswith("Line chart, log scale: RMS gradient of layer 1"))


def test_defaults_show_every_study_and_the_book_box(default_run) -> None:
    at = default_run
    assert at.title[0].value == "3.8 Numerical stability and initialisation"
    # sigmoid, depth, product, growth, number formats, symmetry (plain and with dropout), variance, histograms;
    # no training yet
    assert len(at.get("vega_lite_chart")) == 9
    assert not at.error and all(w.value.startswith("Not yet.") for w in at.warning)  # only the challenge's verdict
    metrics = {m.label: m.value for m in at.metric}
    book = exp.matrix_product(exp.MatrixProductConfig())  # recomputed: the book's 4x4 loop, 100 products
    assert metrics["Largest |entry| of the product"] == f"1e{book.log10_max_entry:+.1f}"
    assert 20 <= book.log10_max_entry <= 32
    assert metrics["Stable σ, measured"] == f"{book.stable_sigma:.3f}"
    assert metrics["Stable σ, theory"] == f"{exp.lyapunov_stable_sigma(4):.3f}"
    assert book.stable_sigma == pytest.approx(exp.lyapunov_stable_sigma(4), rel=0.1)  # measured near theory
    assert "e+2" in at.get("code")[1].value  # the book's 4x4 product, printed as torch would
    assert "(1 to 30)" in vanish_caption(at)
    assert len(at.dataframe[-1].value) == 7  # the book box: the topic's 3 book rows and 4 claims
    assert at.button(key=GO).label == "Train the 6 networks"  # nothing trains before the click
    assert any("about a minute per network" in i.value for i in at.info)
    assert not any("shown from the cache" in c.value for c in at.caption)


def test_chinese_page(fmnist) -> None:
    at = run_app("zh", page=PAGE, timeout=300)
    assert not at.exception and not at.error
    assert at.title[0].value == "3.8 数值稳定性和模型初始化"
    assert any("sigmoid" in c.value and "层" in c.value for c in at.caption)
    assert at.button(key=GO).label == "训练这 6 个网络"


def test_widget_changes_and_extremes_warn(default_run) -> None:
    at = default_run
    at.select_slider(key="stability_sigma").set_value(100.0)
    at.slider(key="stability_count").set_value(300)
    at.run()
    assert not at.exception
    assert any("float32" in w.value for w in at.warning)  # 1e+600: beyond float32 and float64
    assert "e+6" in at.get("code")[1].value
    at.select_slider(key="stability_sigma").set_value(0.001).run()
    assert not at.exception
    assert any("smallest" in w.value for w in at.warning)
    at.select_slider(key="stability_size").set_value(256).run()
    assert not at.exception and not at.get("code")[1:]  # no matrix print for n > 4


def test_a_control_changes_what_the_page_computes(default_run) -> None:
    at = default_run
    at.slider(key="stability_vdepth").set_value(10).run()
    assert not at.exception
    assert "(1 to 10)" in vanish_caption(at)  # the study ran again, 10 layers deep
    stored = result_store().get(key_of(exp.vanishing_gradients, exp.VanishingConfig(max_depth=10)))
    fresh = exp.vanishing_gradients(exp.VanishingConfig(max_depth=10))
    np.testing.assert_allclose(stored.first_layer_grad["sigmoid"], fresh.first_layer_grad["sigmoid"], rtol=1e-12)
    sigmoid = fresh.first_layer_grad["sigmoid"]
    assert len(sigmoid) == 10 and f"sigmoid from {sigmoid[0]:.1e} to {sigmoid[-1]:.1e}" in vanish_caption(at)


def test_url_reproduces_a_deep_variance_study(fmnist) -> None:
    at = run_app(
        "en", page=PAGE, timeout=300, stability_init="normal1", stability_act="relu", stability_depth="50",
        stability_width="128", stability_vdepth="50", stability_steps="10", stability_units="8",
    )  # fmt: skip
    assert not at.exception
    groups = {b.key: b.value for b in at.get("button_group")}
    assert groups["stability_init"] == "normal1" and groups["stability_act"] == "relu"
    assert at.slider(key="stability_depth").value == 50 and at.slider(key="stability_vdepth").value == 50
    assert any("exceeds float32" in i.value for i in at.info)
    assert any("n·γ" in c.value for c in at.caption)
    config = exp.LayerVarianceConfig(init="normal1", activation="relu", depth=50, width=128)
    stored = result_store().get(key_of(exp.layer_variances, config))
    assert stored.gain_per_layer == pytest.approx(128 * 1.0 * 0.5)  # n * sigma^2 * ReLU's 1/2
    over = exp.float32_overflow_layer(stored.forward_max)
    assert over is not None and any(f"from layer {over} on" in i.value for i in at.info)


@pytest.mark.parametrize(
    "params",
    [
        {"stability_sigma": "abc", "stability_depth": "999", "stability_init": "zeros"},
        {"stability_schemes": "bogus", "stability_units": "-3", "stability_width": "7", "stability_act": ""},
        {"stability_count": "1e9", "stability_dropout": "nan", "stability_epochs": "0", "stability_tact": "gelu"},
    ],
)
def test_bad_url_values_fall_back(default_run, params) -> None:
    at = run_app("en", page=PAGE, timeout=300, **params)
    assert not at.exception and not at.error
    assert at.slider(key="stability_depth").value == 20
    assert at.select_slider(key="stability_sigma").value == 1.0


def test_no_scheme_asks_for_one(default_run) -> None:
    at = run_app("en", page=PAGE, timeout=300, stability_schemes="")
    assert not at.exception
    assert any("at least one scheme" in i.value for i in at.info)
    assert not any(b.key == GO for b in at.button)


def test_trained_schemes_come_back_side_by_side() -> None:
    """Results already on the server show at once, without a click."""
    schemes = ["constant", "kaiming"]
    with private_world(striped_data()):
        configs = exp.DeepTrainSettings(schemes=tuple(schemes), epochs=2).train_configs()
        for acc, config in zip((0.1, 0.8), configs.values(), strict=True):
            history = History([2.3, 2.2], [acc, acc], [2.3, 2.2], [acc, acc])
            result = TrainResult(config, history, {}, np.zeros(10, dtype=np.uint8), seconds=1.0, device="cpu")
            result_store().put(key_of(train, config), result)
        at = run_app("en", page=PAGE, timeout=300, stability_schemes=schemes, stability_epochs="2")
        assert not at.exception
        assert not any(b.key == GO for b in at.button)  # the gate is open: both were stored
        assert sum("shown from the cache" in c.value for c in at.caption) == 2
        assert at.pills(key="stability_schemes").value == schemes
        compare = at.get("vega_lite_chart")[-1].proto.spec
        assert "constant" in compare and "kaiming" in compare  # the comparison chart, one line per scheme


def test_the_button_trains_the_chosen_schemes() -> None:
    with private_world(striped_data()):
        at = run_app("en", page=PAGE, timeout=300, stability_schemes="kaiming", stability_epochs="1")
        config = exp.DeepTrainSettings(schemes=("kaiming",), epochs=1).train_configs()["kaiming"]
        assert at.button(key=GO).label == "Train the 1 networks" and not is_trained(config)
        at.button(key=GO).click().run()
        assert not at.exception and not at.error
        assert is_trained(config)  # trained and stored for the next visitor
        assert not any(b.key == GO for b in at.button)
        assert "kaiming" in at.get("vega_lite_chart")[-1].proto.spec


def test_every_scheme_has_a_caption() -> None:
    from mlp_lab.ui.i18n import CATALOGUE

    for scheme in INITS:
        assert f"stability.init_{scheme}" in CATALOGUE
    for act in exp.STUDY_ACTIVATIONS:
        assert f"stability.act_{act}" in CATALOGUE


def test_missing_data_is_explained(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("MLP_LAB_DATA", str(tmp_path / "none"))

    def offline(root, download):
        raise OSError("offline")

    monkeypatch.setattr(data, "_arrays_from_torchvision", offline)
    at = run_app("zh", page=PAGE, timeout=300, stability_units="7")  # a symmetry run nobody computed yet
    assert not at.exception
    assert any("MLP_LAB_DATA" in e.value for e in at.error)
    assert len(at.get("vega_lite_chart")) >= 5  # the studies that need no data still show
