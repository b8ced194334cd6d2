"""AppTest of the distribution-shift page (3.9): defaults, the label-shift path, extremes, bad links."""

import json

import pytest

from mlp_lab import data
from mlp_lab.experiments import shift as exp
from mlp_lab.store import key_of
from mlp_lab.ui.runner import is_cached, result_store
from tests.conftest import private_world, striped_data
from tests.test_app import run_app

PAGE = "pages/shift.py"
SMALL = {"shift_train_size": "5000", "shift_epochs": "1"}
SMALL_CONFIG = exp.LabelClassifierConfig(train_size=5000, epochs=1)
GO = "shift_train__go"  # the classifier's gate button


@pytest.fixture(scope="module")
def trained(fmnist):
    """The page with a small real classifier (5,000 images, one epoch), trained once for the module."""
    at = run_app("en", page=PAGE, timeout=300, **SMALL)
    assert not at.exception
    if any(b.key == GO for b in at.button):  # not trained yet by an earlier test (the activities' test trains it too)
        at.button(key=GO).click().run()
    assert not at.exception and not any(b.key == GO for b in at.button)
    return at


def covariate_table(at):
    """The covariate study's scores table (the charts' data tables are dataframes too)."""
    return next(d.value for d in at.dataframe if list(d.value.columns)[:2] == ["Model", "target accuracy, unweighted"])


def scores_table(at):
    """The label-shift study's scores table."""
    return next(d.value for d in at.dataframe if list(d.value.columns) == ["Model", "target accuracy", "target loss"])


def stored_classifier() -> exp.LabelClassifier:
    """The small classifier the module's page trained, as the store holds it."""
    classifier = result_store().get(
        key_of(exp.train_label_classifier, exp.LabelClassifierConfig(train_size=5000, epochs=1))
    )
    assert classifier is not None
    return classifier


@pytest.fixture
def fresh_store(monkeypatch):
    """A server that has trained nothing yet (other tests may have trained the default classifier)."""
    from mlp_lab import store

    monkeypatch.setattr(store, "_shared", store.ResultStore())


def test_defaults_explain_and_wait_for_the_classifier(fresh_store) -> None:
    at = run_app("en", page=PAGE, timeout=120)
    assert not at.exception and not at.error
    assert at.title[0].value == "3.9 Environment and distribution shift"
    assert any("Train the classifier" in i.value for i in at.info)
    assert at.button(key=GO).label == "Train the classifier"
    assert len(at.get("vega_lite_chart")) == 6  # three kinds, covariate, the cut source, concept
    table = covariate_table(at)
    linear_gain = table.iloc[0, 3] - table.iloc[0, 1]  # weighted training against unweighted
    quadratic_change = abs(table.iloc[1, 3] - table.iloc[1, 1])
    assert linear_gain > 0.15 and quadratic_change < 0.03
    assert list(table.iloc[:, 2]) == list(table.iloc[:, 1])  # outputs times beta(x): no prediction changes
    assert len(at.dataframe[-1].value) == 6  # the book box: the topic's 2 book rows and 4 claims


def test_chinese_page(fresh_store) -> None:
    at = run_app("zh", page=PAGE, timeout=120)
    assert not at.exception and not at.error
    assert at.title[0].value == "3.9 环境和分布偏移"
    assert any("训练分类器" in i.value for i in at.info)


def test_label_shift_with_a_trained_classifier(trained) -> None:
    at = trained
    assert any("validation accuracy" in c.value for c in at.caption)
    labels = {m.label for m in at.metric}
    assert {"L1 error of the estimate", "Condition number of C", "Validation accuracy"} <= labels
    assert len(at.get("vega_lite_chart")) == 8  # + p(y) bars and the confusion matrix
    assert is_cached(exp.train_label_classifier, SMALL_CONFIG)
    # The scores table is the default target's label-shift study, recomputed from the stored classifier.
    expected = exp.label_shift(stored_classifier(), exp.TargetSettings().target())
    corr = exp.label_corrections(exp.CorrectionConfig(classifier=SMALL_CONFIG, target=exp.TargetSettings().target()))
    rows = (expected.plain, expected.reweighted, corr.weighted, corr.control, corr.weighted_oracle)
    scores = scores_table(at)
    assert list(scores.iloc[:, 1]) == pytest.approx([s.accuracy for s in rows])
    assert list(scores.iloc[:, 2]) == pytest.approx([s.loss for s in rows])


def test_confusion_matrix_chart_has_true_classes_as_rows(trained) -> None:
    spec = next(json.loads(c.proto.spec) for c in trained.get("vega_lite_chart") if "true class" in c.proto.spec)
    encoding = spec["layer"][0]["encoding"] if "layer" in spec else spec["encoding"]
    assert encoding["y"]["field"] == "true" and encoding["y"]["title"] == "true class i"
    assert encoding["x"]["field"] == "pred" and encoding["x"]["title"] == "predicted class j"


def test_a_stored_classifier_shows_without_a_click(trained) -> None:
    at = run_app("zh", page=PAGE, timeout=120, **SMALL)
    assert not at.exception and not at.error
    assert not any(b.key == GO for b in at.button)
    assert len(at.get("vega_lite_chart")) == 8


def test_one_class_target_and_the_biggest_target(trained) -> None:
    at = trained
    before = float(next(m.value for m in at.metric if m.label == "L1 error of the estimate"))
    at.segmented_control(key="shift_preset").set_value("bags")
    at.select_slider(key="shift_n").set_value(10000)
    at.run()
    assert not at.exception and not at.error
    l1 = next(m.value for m in at.metric if m.label == "L1 error of the estimate")
    bags = exp.label_shift(stored_classifier(), exp.TargetConfig(p_y=exp.PRESETS["bags"], n=10000))
    assert l1 == f"{bags.l1_error:.3f}" and float(l1) != float(before)  # another target, another estimate
    assert (bags.target_labels == 8).all() and bags.oracle.accuracy == 1.0  # one class: the oracle is sure


def test_custom_target_with_every_weight_zero_says_so(trained) -> None:
    zeros = {f"shift_w{k}": "0" for k in range(10)}
    at = run_app("en", page=PAGE, timeout=300, shift_preset="custom", **SMALL, **zeros)
    assert not at.exception
    assert any("weight 0" in w.value for w in at.warning)
    assert at.slider(key="shift_w3").label == "dress"
    at.slider(key="shift_w3").set_value(4).run()  # dresses only
    assert not at.exception and not any("weight 0" in w.value for w in at.warning)
    assert len(at.get("vega_lite_chart")) == 8


def test_far_target_and_clipping_and_a_frozen_stream() -> None:
    default = covariate_table(run_app("en", page=PAGE, timeout=120))
    at = run_app(
        "en", page=PAGE, timeout=120, shift_x1="3", shift_x2="3", shift_spread="0.3", shift_clip="100",
        shift_drift="0", shift_updates="0",
    )  # fmt: skip
    assert not at.exception and not at.error
    assert at.slider(key="shift_x1").value == 3.0 and at.select_slider(key="shift_clip").value == 100
    assert not covariate_table(at).equals(default)  # the controls reach the covariate study
    still = exp.concept_shift(exp.ConceptConfig(drift_degrees=0.0, update_steps=0))
    acc = still.frozen_acc[-10:].mean()
    assert (still.updated_acc == still.frozen_acc).all() and acc > 0.9  # no drift and no updates: one model
    stream = next(m.value for m in at.markdown if "over the last 10 rounds" in m.value)
    assert f"the updated model is right on {acc:.1%} of the new points, the frozen one on {acc:.1%}" in stream


@pytest.mark.parametrize(
    "params",
    [
        {"shift_preset": "bogus", "shift_clip": "7", "shift_x1": "99", "shift_w3": "-5"},
        {"shift_train_size": "123", "shift_epochs": "0", "shift_drift": "abc", "shift_w0": "11"},
        {"shift_preset": "", "shift_n": "1", "shift_spread": "-1", "shift_updates": "1e9"},
    ],
)
def test_bad_url_values_fall_back(params) -> None:
    at = run_app("en", page=PAGE, timeout=120, **params)
    assert not at.exception and not at.error
    assert at.slider(key="shift_x1").value == 1.5
    assert at.select_slider(key="shift_train_size").value == 50000


def test_missing_data_is_explained(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("MLP_LAB_DATA", str(tmp_path / "none"))

    def offline(root, download):
        raise OSError("offline")

    monkeypatch.setattr(data, "_arrays_from_torchvision", offline)
    at = run_app("en", page=PAGE, timeout=120, shift_train_size="10000", shift_epochs="2")
    at.button(key=GO).click().run()
    assert not at.exception
    assert any("MLP_LAB_DATA" in e.value for e in at.error)
    assert len(at.get("vega_lite_chart")) == 6  # the studies that need no data still show


def test_a_data_set_too_small_for_the_classifier_says_so() -> None:
    with private_world(striped_data()):  # 1,024 training images; the classifier asks for 60,000
        at = run_app("en", page=PAGE, timeout=120)
        at.button(key=GO).click().run()
        assert not at.exception
        assert any("exceeds the 1024 training images" in e.value for e in at.error)
        assert len(at.get("vega_lite_chart")) == 6  # the rest of the page still shows
