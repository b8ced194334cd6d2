"""A learner in a real browser: move a slider, press Stop, switch language, open a shared link,
close a tab mid-training. Small configurations keep each training to seconds."""

from __future__ import annotations

import json
import re

import pytest

from tests.browser import (
    SCREENSHOTS,
    page_problems,
    require_browser,
    wait_idle,
)

pytestmark = pytest.mark.browser
require_browser()

from playwright.sync_api import expect  # noqa: E402

from mlp_lab.ui.i18n import CATALOGUE  # noqa: E402

SMALL = "mlp_impl=concise&mlp_hidden=32&mlp_batch=512"


def slider(page, key: str):
    """A control's slider by its address-bar key (labels repeat: the exercises have Epochs too)."""
    return page.locator(f".st-key-{key} input[type='range']")


def test_moving_a_slider_retrains_and_redraws(server, page) -> None:
    page.goto(f"{server}/mlp?lang=en&{SMALL}&mlp_epochs=2")
    wait_idle(page)
    chart = page.locator("[data-testid='stVegaLiteChart']").first
    before = chart.screenshot()
    slider(page, "mlp_epochs").focus()
    page.keyboard.press("ArrowRight")
    expect(page).to_have_url(re.compile(r"mlp_epochs=3"))
    wait_idle(page)
    expect(page.get_by_text(re.compile(r"Trained in .* s on cpu"))).to_be_visible()
    assert page_problems(page) == []
    assert page.locator("[data-testid='stVegaLiteChart']").first.screenshot() != before


def en(key: str) -> str:
    return CATALOGUE[key]["en"]


def metric(page, label_key: str):
    """The value of the result metric whose label is ``label_key``'s text."""
    return page.get_by_test_id("stMetric").filter(has_text=en(label_key)).get_by_test_id("stMetricValue")


def test_stop_keeps_what_was_learned_and_train_again_finishes(server, page) -> None:
    epochs = 5  # long enough to press Stop between epochs even on a fast machine
    page.goto(f"{server}/mlp?lang=en&mlp_impl=concise&mlp_hidden=16&mlp_batch=1024&mlp_epochs={epochs}&seed=9311")
    # "Epoch 2 of 5" shows once epoch 1 is complete: the stop then has something to keep.
    progress = page.get_by_test_id("stProgress")
    expect(progress).to_contain_text(re.compile(rf"Epoch [2-4] of {epochs}"), timeout=120_000)
    stop = page.get_by_test_id("stMain").get_by_role("button", name=en("train.stop"), exact=True)  # not the header's
    stop.click()
    wait_idle(page)
    stopped = page.get_by_text(re.compile(r"Stopped after \d+ complete epoch"))
    expect(stopped).to_be_visible()
    kept = int(re.search(r"Stopped after (\d+)", stopped.inner_text()).group(1))
    assert 1 <= kept < epochs, f"kept {kept} of {epochs} epochs"
    charts = page.get_by_test_id("stMain").get_by_test_id("stVegaLiteChart")
    expect(charts).to_have_count(2)  # the kept curves, and the accuracy sketch's pad (a prediction)
    expect(metric(page, "mlp.final_test_acc")).to_have_count(0)  # a stopped run is not a result
    assert page_problems(page) == []

    page.get_by_role("button", name=en("train.restart")).click()
    expect(metric(page, "mlp.final_test_acc")).to_have_text(re.compile(r"\d+\.\d\d%"), timeout=180_000)
    wait_idle(page)
    expect(page.get_by_text(re.compile(r"Trained in .* s on"))).to_be_visible()
    expect(stopped).to_have_count(0)
    expect(page.get_by_role("button", name=en("train.restart"))).to_have_count(0)
    assert page_problems(page) == []


def test_switching_language(server, page) -> None:
    page.goto(f"{server}/activations?lang=en")
    wait_idle(page)
    expect(page.get_by_role("heading", name="3.1 Activation functions")).to_be_visible()
    page.get_by_test_id("stSidebar").get_by_text("中文").click()
    wait_idle(page)
    expect(page.get_by_role("heading", name="3.1 激活函数")).to_be_visible()
    expect(page).to_have_url(re.compile(r"lang=zh"))
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "interaction-language-zh.png"))


def test_a_shared_link_opens_the_same_experiment(server, browser, page) -> None:
    link = f"{server}/mlp?lang=en&{SMALL}&mlp_epochs=2&mlp_lr=0.2&seed=5"
    page.goto(link)
    wait_idle(page)
    first = metric(page, "mlp.final_test_acc").inner_text()
    other = browser.new_context().new_page()  # another learner, another session
    try:
        other.goto(link)
        wait_idle(other)
        expect(other.get_by_text(re.compile(r"shown from the cache"))).to_be_visible()
        # by its label, and retried while the page settles (one CI run read the train accuracy as the first metric)
        expect(metric(other, "mlp.final_test_acc")).to_have_text(first)
        assert other.locator("[data-testid='stNumberInputContainer'] input").nth(1).input_value() == "0.2"
    finally:
        other.context.close()


def test_closing_a_tab_mid_training_leaves_the_server_healthy(server, browser) -> None:
    link = f"{server}/mlp?lang=en&{SMALL}&mlp_epochs=8&seed=11"
    first = browser.new_context().new_page()
    first.goto(link)
    first.wait_for_selector("[data-testid='stProgress']", timeout=60_000)
    first.context.close()  # the learner closes the tab while it trains
    second = browser.new_context().new_page()
    try:
        second.goto(link)
        wait_idle(second)
        assert page_problems(second) == []
        expect(second.locator("[data-testid='stMetricValue']").first).to_be_visible()
    finally:
        second.context.close()


def test_sessions_do_not_share_state(server, browser, page) -> None:
    page.goto(f"{server}/activations?lang=zh")
    wait_idle(page)
    page.get_by_test_id("stMain").get_by_text("叠加在同一张图中").click()  # one learner's toggle
    wait_idle(page)
    expect(page).to_have_url(re.compile(r"act_overlay=true"))
    other = browser.new_context().new_page()  # another learner opens the page meanwhile
    try:
        other.goto(f"{server}/activations")
        wait_idle(other)
        expect(other.get_by_role("heading", name="3.1 Activation functions")).to_be_visible()
        assert "act_overlay" not in other.url and "lang=zh" not in other.url
        assert not other.get_by_role("switch").first.is_checked()
    finally:
        other.context.close()


# One short run for the seed and export tests: 2 epochs of a 784-16-10 net on big batches.
SHORT = "mlp_impl=concise&mlp_hidden=16&mlp_batch=2048&mlp_epochs=2"
SEED_A, SEED_B = 4242, 4343


def final_metrics(page) -> tuple[str, str, str]:
    return tuple(
        metric(page, k).inner_text() for k in ("mlp.final_test_acc", "mlp.final_train_acc", "mlp.final_train_loss")
    )


def test_changing_the_seed_changes_the_run(server, page) -> None:
    page.goto(f"{server}/mlp?lang=en&{SHORT}&seed={SEED_A}")
    wait_idle(page)
    at_a = final_metrics(page)
    seed = page.get_by_test_id("stSidebar").get_by_label(en("sidebar.seed"), exact=True)
    seed.fill(str(SEED_B))
    seed.press("Enter")
    expect(page).to_have_url(re.compile(rf"[?&]seed={SEED_B}(&|$)"))
    expect(metric(page, "mlp.final_test_acc")).not_to_have_text(at_a[0], timeout=120_000)
    wait_idle(page)
    at_b = final_metrics(page)
    assert at_b != at_a
    assert page_problems(page) == []
    # Back to seed A: the same numbers again (from the cache), so the change came from the seed.
    seed.fill(str(SEED_A))
    seed.press("Enter")
    expect(page).to_have_url(re.compile(rf"[?&]seed={SEED_A}(&|$)"))
    expect(metric(page, "mlp.final_test_acc")).to_have_text(at_a[0])
    wait_idle(page)
    assert final_metrics(page) == at_a


def download(page, label_key: str, folder):
    with page.expect_download() as info:
        page.get_by_role("button", name=en(label_key)).click()
    d = info.value
    path = folder / d.suggested_filename
    d.save_as(path)
    return path


def test_exports_download_and_parse(server, page, tmp_path) -> None:
    import pandas as pd
    import torch

    page.goto(f"{server}/mlp?lang=en&{SHORT}&seed={SEED_B}")
    wait_idle(page)
    shown_acc = metric(page, "mlp.final_test_acc").inner_text()
    page.get_by_role("tab", name=en("mlp.tab_export")).click()

    csv = download(page, "mlp.download_csv", tmp_path)
    assert csv.name == f"mlp_concise_seed{SEED_B}.csv"
    history = pd.read_csv(csv)
    assert list(history.columns) == ["epoch", "train_loss", "train_acc", "test_loss", "test_acc"]
    assert history["epoch"].tolist() == [1, 2]  # one row per epoch
    for col in ("train_acc", "test_acc"):
        assert history[col].between(0, 1).all(), col
    for col in ("train_loss", "test_loss"):
        assert (history[col] > 0).all() and history[col].notna().all(), col
    assert f"{history['test_acc'].iloc[-1]:.2%}" == shown_acc  # the file holds the run on the page

    config = json.loads(download(page, "mlp.download_json", tmp_path).read_text())
    expected = {"model": "concise", "hiddens": [16], "activation": "relu", "lr": 0.1, "batch_size": 2048,
                "epochs": 2, "init": "normal", "seed": SEED_B}  # fmt: skip
    assert {k: config.get(k) for k in expected} == expected

    state = torch.load(download(page, "mlp.download_pt", tmp_path), weights_only=True)
    assert all(isinstance(v, torch.Tensor) for v in state.values())
    shapes = [tuple(v.shape) for v in state.values()]
    assert shapes == [(16, 784), (16,), (10, 16), (10,)]  # nn.Linear(784, 16), nn.Linear(16, 10)
    assert all(torch.isfinite(v).all() for v in state.values())
    assert page_problems(page) == []
