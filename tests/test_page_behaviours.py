"""AppTest of behaviours no page test covered: a diverged run shown on the fitting, weight-decay and
stability pages; Chinese body text on every page; the stability page's real training path."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df
from streamlit.testing.v1 import AppTest

from mlp_lab.experiments import fitting, stability, weight_decay
from mlp_lab.store import key_of
from mlp_lab.training import train
from mlp_lab.ui.i18n import CATALOGUE, lookup
from mlp_lab.ui.pages import BOOK, HOME, TOPICS
from mlp_lab.ui.runner import result_store
from tests.conftest import private_world, striped_data
from tests.test_app import run_app

HUGE_LR = 1e6  # far past any stable SGD step on the pages' problems
STABILITY = "pages/stability.py"
GO = "stability_train__go"  # the stability page's training gate
QUICK_SYMMETRY = {"stability_steps": "10"}  # the symmetry study is not what these tests look at


@pytest.fixture
def world() -> Iterator[None]:
    """Small learnable data behind every loader and an empty, memory-only result store."""
    with private_world(striped_data(512, 128)):
        yield


def warnings(at: AppTest) -> list[str]:
    return [w.value for w in at.warning]


# --- a diverged run, shown -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("lr", "finite"), [(0.5, 3), (HUGE_LR, 0)], ids=["k>3-diverge", "all-diverge"])
def test_fitting_page_says_its_sweep_diverged(world, monkeypatch, lang: str, lr: float, finite: int) -> None:
    page = "pages/fitting.py"
    assert lookup("fit.diverged", lang) not in warnings(run_app(lang, page=page))  # the book's lr: stable
    degrees = fitting.FitSettings.degrees
    monkeypatch.setattr(fitting.FitSettings, "degrees", lambda self: replace(degrees(self), lr=lr))
    at = run_app(lang, page=page)
    assert not at.exception and not at.error
    sweep = result_store().get(key_of(fitting.degree_sweep, replace(fitting.FitSettings().degrees(), lr=lr)))
    assert sweep.diverged  # the page's own sweep blew up (lr 0.5: every model with more than 3 features) ...
    assert np.isfinite(sweep.test_loss[-1]).tolist() == [k <= finite for k in range(1, fitting.MAX_DEGREE + 1)]
    assert lookup("fit.diverged", lang) in warnings(at)  # ... and the page says so
    assert at.title[0].value == lookup("page.fitting", lang)  # and goes on: the rest of the page still shows
    assert len(at.get("vega_lite_chart")) == 4


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_weight_decay_page_says_each_run_diverged(world, monkeypatch, lang: str) -> None:
    page = "pages/weight-decay.py"
    assert lookup("wd.diverged", lang) not in warnings(run_app(lang, page=page))
    run = weight_decay.WDSettings.run
    monkeypatch.setattr(weight_decay.WDSettings, "run", lambda self, impl: replace(run(self, impl), lr=HUGE_LR))
    at = run_app(lang, page=page)
    assert not at.exception and not at.error
    for impl in weight_decay.IMPLEMENTATIONS:
        config = replace(weight_decay.WDSettings().run(impl), lr=HUGE_LR)
        assert result_store().get(key_of(weight_decay.train_at_lambda, config)).diverged
    assert warnings(at).count(lookup("wd.diverged", lang)) == 2  # one per implementation's column
    assert len(at.get("vega_lite_chart")) == 5


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_stability_page_says_a_start_blew_up(world, lang: str) -> None:
    """N(0, 1) weights in five ReLU layers of 256 diverge at the page's usual lr 0.1: no patch needed."""
    at = run_app(lang, page=STABILITY, timeout=300, stability_schemes="normal1", stability_epochs="1", **QUICK_SYMMETRY)
    assert not any(lookup("stability.diverged_init", lang) == c.value for c in at.caption)  # nothing trained yet
    at.button(key=GO).click().run()
    assert not at.exception and not at.error
    config = stability.DeepTrainSettings(schemes=("normal1",), epochs=1).train_configs()["normal1"]
    result = result_store().get(key_of(train, config))
    assert result.diverged and result.diverged_epoch == 1 and config.lr == 0.1
    said = lookup("train.diverged", lang).format(epoch=1, lr=0.1)
    assert said in warnings(at)  # the training panel's warning ...
    assert any(c.value == lookup("stability.diverged_init", lang) for c in at.caption)  # ... and the page's note
    assert compare_chart(at) is None  # nothing to compare: no epoch finished
    diverged = lookup("stability.outcome_diverged", lang).format(schemes="normal1")
    assert any(diverged in m.value for m in at.markdown)  # the page's sentence, read off the run


# --- Chinese beyond the titles ---------------------------------------------------------------------

CJK = re.compile(r"[\u3400-\u9fff]")
LETTERS = re.compile(r"[A-Za-z\u3400-\u9fff]")
TEXT_KINDS = ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success")
LABEL_KINDS = (
    "button", "download_button", "slider", "select_slider", "selectbox", "number_input", "toggle", "checkbox",
    "multiselect", "radio", "text_input", "button_group", "metric", "tab", "expander", "page_link",
)  # fmt: skip
ALL_PAGES = [HOME, *TOPICS, BOOK]


def page_texts(at: AppTest) -> list[str]:
    """Every text element's value and every widget's, button's, metric's and tab's label."""
    texts = [el.value for kind in TEXT_KINDS for el in at.get(kind)]
    for kind in LABEL_KINDS:
        for el in at.get(kind):
            label = getattr(el, "label", None)
            texts.append(label if label is not None else getattr(el.proto, "label", ""))
    return [s for s in texts if isinstance(s, str) and LETTERS.search(s)]


def english_sentences() -> set[str]:
    """The catalogue's English, cut at placeholders and sentence ends: pieces of four words or more."""
    pieces = set()
    for entry in CATALOGUE.values():
        for part in re.split(r"\{[^}]*\}", entry["en"]):
            for sentence in re.split(r"(?<=[.!?;:])\s+|\n+", part):
                sentence = sentence.strip(" ,.;:()*`-")
                if len(re.findall(r"\b[A-Za-z]{2,}\b", sentence)) >= 4:
                    pieces.add(sentence)
    return pieces


ENGLISH = english_sentences()


def english_in(texts: list[str]) -> set[str]:
    return {sentence for sentence in ENGLISH if any(sentence in text for text in texts)}


def open_page(lang: str, spec) -> AppTest:
    at = run_app(lang, page=None if spec is HOME else spec.path, timeout=300, **QUICK_SYMMETRY)
    assert not at.exception
    return at


@pytest.mark.parametrize("spec", ALL_PAGES, ids=[s.url_path or "home" for s in ALL_PAGES])
def test_every_page_speaks_chinese_in_its_body(world, spec) -> None:
    texts = page_texts(open_page("zh", spec))
    assert len(texts) >= 15, texts  # a page, not an error message
    chinese = [s for s in texts if CJK.search(s)]
    assert len(chinese) >= 0.9 * len(texts), [s for s in texts if not CJK.search(s)]
    assert not english_in(texts)


@pytest.mark.parametrize("spec", [HOME, *(s for s in TOPICS if s.url_path in ("fitting", "shift")), BOOK])
def test_the_english_check_sees_english_pages(world, spec) -> None:
    """The same checks on the English pages find English: they would notice an untranslated page."""
    texts = page_texts(open_page("en", spec))
    assert sum(bool(CJK.search(s)) for s in texts) < 0.1 * len(texts)
    assert len(english_in(texts)) >= 3


# --- the stability page's training path ------------------------------------------------------------


def compare_chart(at: AppTest):
    """The comparison chart (train loss and test accuracy, one colour per scheme), if shown."""
    charts = [c for c in at.get("vega_lite_chart") if "hconcat" in json.loads(c.proto.spec)]
    return next((c for c in charts if "scheme" in c.proto.spec), None)


def chart_accuracies(chart) -> dict[str, list[float]]:
    """Scheme -> the test accuracies the chart plots, epoch by epoch (from the data sent to the browser)."""
    rows = pd.concat([convert_arrow_bytes_to_pandas_df(d.data.data) for d in chart.proto.datasets])
    acc = rows[rows["metric"] == "test_acc"].sort_values("epoch")
    return {scheme: list(group["value"]) for scheme, group in acc.groupby("scheme", sort=False)}


def test_stability_gate_trains_each_scheme_and_a_new_activation_trains_anew(world) -> None:
    schemes = ("kaiming", "xavier_normal")
    store = result_store()
    at = run_app("en", page=STABILITY, timeout=300, stability_schemes=list(schemes), stability_epochs="1",
                 **QUICK_SYMMETRY)  # fmt: skip
    relu = stability.DeepTrainSettings(schemes=schemes, epochs=1).train_configs()
    assert not at.exception and compare_chart(at) is None
    assert all(store.get(key_of(train, c)) is None for c in relu.values())  # nothing trains before the click
    before = store.computations
    at.button(key=GO).click().run()
    assert not at.exception and not at.error
    assert not any(b.key == GO for b in at.button)
    assert store.computations - before == 2  # one training per chosen scheme
    results = {s: store.get(key_of(train, c)) for s, c in relu.items()}
    for result in results.values():
        assert not result.diverged and len(result.history) == 1
        assert result.history.test_acc[-1] > 0.5  # the stripes are easy; chance is 0.1
    chart = compare_chart(at)
    assert chart is not None
    assert chart_accuracies(chart) == {s: r.history.test_acc for s, r in results.items()}

    at.segmented_control(key="stability_tact").set_value("tanh").run()  # the gate stays open
    assert not at.exception and not at.error
    tanh = stability.DeepTrainSettings(schemes=schemes, activation="tanh", epochs=1).train_configs()
    assert store.computations - before == 4  # both schemes again, with tanh
    again = {s: store.get(key_of(train, c)) for s, c in tanh.items()}
    assert all(r is not None and r.config.activation == "tanh" and len(r.history) == 1 for r in again.values())
    assert chart_accuracies(compare_chart(at)) == {s: r.history.test_acc for s, r in again.items()}
    assert all(store.get(key_of(train, c)) is results[s] for s, c in relu.items())  # the ReLU runs stay stored
