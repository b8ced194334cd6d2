"""A learner in a real browser: move a slider, press Stop, switch language, open a shared link,
close a tab mid-training. Small configurations keep each training to seconds."""

from __future__ import annotations

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

SMALL = "mlp_impl=concise&mlp_hidden=32&mlp_batch=512"


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 2400})
    pg = context.new_page()
    yield pg
    context.close()


def slider(page, label: str):
    return page.locator("[data-testid='stSlider']").filter(has_text=label).locator("input[type='range']")


def test_moving_a_slider_retrains_and_redraws(server, page) -> None:
    page.goto(f"{server}/mlp?lang=en&{SMALL}&mlp_epochs=2")
    wait_idle(page)
    chart = page.locator("[data-testid='stVegaLiteChart']").first
    before = chart.screenshot()
    slider(page, "Epochs").focus()
    page.keyboard.press("ArrowRight")
    expect(page).to_have_url(re.compile(r"mlp_epochs=3"))
    wait_idle(page)
    expect(page.get_by_text(re.compile(r"Trained in .* s on cpu"))).to_be_visible()
    assert page_problems(page) == []
    assert page.locator("[data-testid='stVegaLiteChart']").first.screenshot() != before


def test_stop_keeps_what_was_learned(server, page) -> None:
    page.goto(f"{server}/mlp?lang=en&{SMALL}&mlp_epochs=40&mlp_hidden=256&mlp_batch=64")
    page.wait_for_selector("[data-testid='stProgress']", timeout=60_000)
    page.wait_for_timeout(2500)
    page.get_by_test_id("stMain").get_by_role("button", name="Stop").click()  # ours, not the header's
    wait_idle(page)
    expect(page.get_by_text(re.compile(r"Stopped after \d+ complete epoch"))).to_be_visible()
    expect(page.get_by_role("button", name="Train again")).to_be_visible()
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
    first = page.locator("[data-testid='stMetricValue']").first.inner_text()
    other = browser.new_context().new_page()  # another learner, another session
    try:
        other.goto(link)
        wait_idle(other)
        expect(other.get_by_text(re.compile(r"shown from the cache"))).to_be_visible()
        assert other.locator("[data-testid='stMetricValue']").first.inner_text() == first
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
