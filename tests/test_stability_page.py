"""AppTest of the stability page (3.8): defaults, widgets, URL state, extremes, bad links."""

import numpy as np
import pytest

from mlp_lab import data
from mlp_lab.experiments import stability as exp
from mlp_lab.models import INITS
from mlp_lab.training import History, TrainResult, store_key
from mlp_lab.ui.runner import result_store
from tests.test_app import run_app

PAGE = "pages/stability.py"


@pytest.fixture(scope="module")
def default_run(fmnist):
    """The page opened as is (the symmetry study reads Fashion-MNIST), once for the module."""
    at = run_app("en", page=PAGE, timeout=300)
    assert not at.exception
    return at


def test_defaults_show_every_study_and_the_book_box(default_run) -> None:
    at = default_run
    assert at.title[0].value == "3.8 Numerical stability and initialisation"
    assert len(at.get("vega_lite_chart")) >= 7  # sigmoid, depth, product, growth, symmetry, variance, histograms
    assert not at.error and not at.warning
    metrics = {m.label: m.value for m in at.metric}
    assert 20 <= float(metrics["Largest |entry| of the product"].removeprefix("1e")) <= 32
    assert 0.5 < float(metrics["Stable σ, measured"]) < 0.65
    assert "[-8.3012e+24" in at.get("code")[1].value or "e+2" in at.get("code")[1].value
    book = at.dataframe[-1].value
    assert len(book) == 4 and "1e+25" in book.iloc[1, 2]
    assert any("Train the 6 networks" in t.label for t in at.toggle)


def test_chinese_page(fmnist) -> None:
    at = run_app("zh", page=PAGE, timeout=300)
    assert not at.exception
    assert at.title[0].value == "3.8 数值稳定性和模型初始化"
    assert any("sigmoid" in c.value and "层" in c.value for c in at.caption)


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


@pytest.mark.parametrize(
    "params",
    [
        {"stability_sigma": "abc", "stability_depth": "999", "stability_init": "zeros"},
        {"stability_schemes": "bogus", "stability_units": "-3", "stability_width": "7", "stability_act": ""},
        {"stability_count": "1e9", "stability_dropout": "nan", "stability_epochs": "0", "stability_train": "maybe"},
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


def test_trained_schemes_come_back_side_by_side(default_run) -> None:
    """Results already on the server show at once, without switching training on."""
    schemes = ["constant", "kaiming"]
    for scheme, acc in zip(schemes, (0.1, 0.8), strict=True):
        config = exp.deep_config(scheme, epochs=2)
        history = History([2.3, 2.2], [acc, acc], [2.3, 2.2], [acc, acc])
        result = TrainResult(config, history, {}, np.zeros(10, dtype=np.uint8), seconds=1.0, device="cpu")
        result_store().put(store_key(config), result)
    charts_before = len(default_run.get("vega_lite_chart"))
    at = run_app("en", page=PAGE, timeout=300, stability_schemes=schemes, stability_epochs="2")
    assert not at.exception
    assert not at.toggle(key="stability_train").value  # nothing trains: both were stored
    assert sum("shown from the cache" in c.value for c in at.caption) == 2
    assert len(at.get("vega_lite_chart")) == charts_before + 1  # the comparison chart
    assert at.pills(key="stability_schemes").value == schemes


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
