"""AppTest of the MLP page: the book's default run, URL round trip, divergence, missing data."""

import pytest

from mlp_lab import data
from tests.test_app import run_app

PAGE = "pages/mlp.py"


@pytest.fixture(scope="module")
def default_run(fmnist):
    """The book's default run (10 epochs, from scratch), once for the module (~15 s)."""
    at = run_app("en", page=PAGE, timeout=300)
    assert not at.exception
    return at


def test_default_run_reaches_the_books_accuracy(default_run) -> None:
    at = default_run
    metrics = {m.label: m.value for m in at.metric}
    acc = float(metrics["test accuracy · scratch"].rstrip("%")) / 100
    assert 0.82 <= acc <= 0.87
    assert len(at.get("vega_lite_chart")) >= 3  # curves, confusion matrix, per-class accuracy
    captions = " ".join(c.value for c in at.caption)
    assert "true: ankle boot" in captions  # the first test image, as in d2l.predict_ch3
    code = at.get("code")[0].value
    assert "def relu(X" in code and "class ScratchMLP" in code and "def train_ch3(" in code
    assert len(at.get("download_button")) == 3
    # the book box lists the section's rows from the registry (run on request)
    box = at.dataframe[-1].value
    assert len(box) == 3 and box.iloc[0, 0] == "3.2"


def test_equivalence_tab_shows_float_rounding(default_run) -> None:
    texts = [m.value for m in default_run.markdown if "Largest difference" in m.value]
    assert texts
    diff = float(texts[0].rsplit(" ", 1)[-1])
    assert diff < 1e-5


def test_a_trained_config_comes_back_at_once(default_run) -> None:
    at = run_app("zh", page=PAGE, timeout=30)
    assert not at.exception
    assert any("缓存" in c.value for c in at.caption)  # "shown from the cache"


def test_url_round_trip_both_implementations(fmnist) -> None:
    at = run_app(
        "en", page=PAGE, mlp_impl="both", mlp_epochs="1", mlp_hidden="64", mlp_lr="0.2", mlp_act="tanh", mlp_batch="512"
    )  # fmt: skip
    assert not at.exception
    assert at.slider(key="mlp_epochs").value == 1 and at.slider(key="mlp_hidden").value == 64
    assert at.selectbox(key="mlp_act").value == "tanh"
    assert at.number_input(key="mlp_lr").value == pytest.approx(0.2)
    labels = [m.label for m in at.metric]
    assert "test accuracy · scratch" in labels and "test accuracy · concise" in labels
    at.slider(key="mlp_hidden").set_value(32).run()
    assert not at.exception


def test_divergent_learning_rate_says_so(fmnist) -> None:
    at = run_app("en", page=PAGE, mlp_lr="5", mlp_epochs="2", mlp_impl="concise")
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert "diverged in epoch 1" in warnings and "learning rate (5)" in warnings
    assert not at.metric  # no results from a run that learned nothing


def test_missing_data_is_explained_and_other_pages_work(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("MLP_LAB_DATA", str(tmp_path / "none"))

    def offline(root, download):
        raise OSError("offline")

    monkeypatch.setattr(data, "_arrays_from_torchvision", offline)
    at = run_app("zh", page=PAGE, mlp_epochs="1", mlp_hidden="48")  # a config nobody trained yet
    assert not at.exception
    assert any("MLP_LAB_DATA" in e.value for e in at.error)
    other = run_app("zh", page="pages/activations.py")
    assert not other.exception and not other.error


@pytest.mark.parametrize(
    "params",
    [
        {"mlp_lr": "abc"},
        {"mlp_lr": "-1"},
        {"mlp_lr": "inf"},
        {"mlp_epochs": "1000"},
        {"mlp_batch": "7"},
        {"mlp_impl": "<script>alert(1)</script>"},
        {"mlp_layers": "99"},
        {"mlp_init": "zeros"},
    ],
)
def test_bad_url_values_fall_back_to_defaults(default_run, params) -> None:
    at = run_app("en", page=PAGE, timeout=60, **params)  # defaults are cached: instant
    assert not at.exception
    assert at.slider(key="mlp_epochs").value == 10 and at.number_input(key="mlp_lr").value == pytest.approx(0.1)
    (key,) = params
    assert any(f"`{key}`" in w.value for w in at.warning)  # the notice names the dropped parameter


def test_changing_a_control_or_the_seed_changes_the_run(default_run) -> None:
    """What is shown comes from the run of the current settings: another seed, another run."""
    base = {m.label: m.value for m in default_run.metric}
    other = run_app("en", page=PAGE, timeout=300, seed="1")
    assert not other.exception
    assert {m.label: m.value for m in other.metric} != base
