"""WCAG 2.2 AA, checked by axe-core in a real browser: every page, English and Chinese, light and dark
theme, with every expander and tab opened, and again after the MLP page's main action (a training
stopped and started again from the keyboard alone)."""

from __future__ import annotations

import os
import re

import pytest
from playwright.sync_api import expect

from mlp_lab.ui.i18n import CATALOGUE
from mlp_lab.ui.pages import BOARD, BOOK, HOME, TOPICS
from tests.axe import audit, axe_source, report
from tests.browser import page_problems, require_browser, wait_idle

pytestmark = pytest.mark.browser
require_browser()
COUNTS: dict[str, int] = {}


@pytest.fixture(scope="module")
def axe() -> str:
    source = axe_source()
    if source is None:
        if os.environ.get("CI"):
            pytest.fail("axe-core must run under CI (npm is missing)", pytrace=False)
        pytest.skip("npm is missing: axe-core cannot be installed")
    return source


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("spec", [HOME, *TOPICS, BOOK, BOARD], ids=lambda s: s.url_path or "home")
def test_no_axe_violations(server, browser, axe, spec, lang) -> None:
    """Light theme as loaded, then the same page in the dark theme (the browser's preference, which
    Streamlit follows when the config has both)."""
    page = browser.new_page(viewport={"width": 1400, "height": 2000}, color_scheme="light")
    try:
        page.goto(f"{server}/{spec.url_path}?lang={lang}")
        wait_idle(page)
        # read out in its language (set by a script in a frame of its own: it may land after the idle signal)
        page.wait_for_function("lang => document.documentElement.lang === lang", arg=lang, timeout=15_000)
        light = audit(page, axe)
        page.emulate_media(color_scheme="dark")
        page.wait_for_timeout(500)
        assert page.evaluate("() => getComputedStyle(document.querySelector('.stApp')).colorScheme") == "dark"
        dark = audit(page, axe)
        name = f"/{spec.url_path} {lang}"
        COUNTS[name] = len(light) + len(dark)
        print(f"axe {name}: {len(light)} light, {len(dark)} dark")
        assert light == [], report(f"{name} light", light)
        assert dark == [], report(f"{name} dark", dark)
    finally:
        page.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_rooms_board_has_no_axe_violations(server, browser, axe, lang) -> None:
    """The board as a class sees it: a room with runs (chart, tables, its link and QR code). The
    board page's first tab is the MLP's; a topic page's board section is the same view."""
    from mlp_lab.board import Board, sqlite_engine
    from mlp_lab.cache import cache_dir

    cache_dir().mkdir(parents=True, exist_ok=True)
    room = f"axe-{lang}"
    board = Board(sqlite_engine(str(cache_dir() / "board.sqlite3")))  # the server's own database
    for seed, hidden in ((0, 64), (1, 256), (2, 256)):
        figures = {"test_acc": 0.8 + 0.01 * seed, "train_acc": 0.85, "train_loss": 0.4}
        settings = {"model": "scratch", "hidden": hidden, "lr": 0.1}
        board.add(room, "mlp", settings=settings, figures=figures, seed=seed, nickname="<i>Kim</i>")
    page = browser.new_page(viewport={"width": 1400, "height": 2000}, color_scheme="light")
    try:
        for path in ("board", ""):
            page.goto(f"{server}/{path}?lang={lang}&room={room}")
            wait_idle(page)
            page.wait_for_function("lang => document.documentElement.lang === lang", arg=lang, timeout=15_000)
            found = audit(page, axe)
            assert found == [], report(f"/{path} in a room, {lang}", found)
    finally:
        page.close()


def test_the_audit_sees_a_violation(server, browser, axe) -> None:
    """The check can fail: grey text on white (2.3:1) and an image without a text alternative."""
    page = browser.new_page()
    try:
        page.goto(f"{server}/?lang=en")
        wait_idle(page)
        page.evaluate("""() => {
            const main = document.querySelector('[data-testid="stMain"]');
            const p = document.createElement('p'); p.textContent = 'faint'; p.style.color = '#aaaaaa';
            const img = document.createElement('img'); img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
            main.prepend(p, img);
        }""")
        rules = {v["rule"] for v in audit(page, axe)}
        assert {"color-contrast", "image-alt"} <= rules
    finally:
        page.close()


def en(key: str) -> str:
    return CATALOGUE[key]["en"]


def _tab_to(page, target, presses: int = 120) -> None:
    """Press Tab until ``target`` has the focus: it must be reachable in the page's order."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if target.evaluate("e => e === document.activeElement"):
            return
    pytest.fail(f"{target} cannot be reached with the Tab key")


def test_keyboard_alone_stops_and_trains_the_mlp_and_reads_the_result(server, browser, axe) -> None:
    """The MLP page trains what its controls say. From the keyboard alone: Tab to Stop and press
    Enter, Tab to "Train again" and press Enter; the progress is read out by a live region; the
    result is there to read; and axe finds nothing on the finished page."""
    page = browser.new_page(viewport={"width": 1400, "height": 2000})
    try:
        page.goto(f"{server}/mlp?lang=en&mlp_impl=concise&mlp_hidden=16&mlp_epochs=12&mlp_batch=1024&seed=4242")
        main = page.get_by_test_id("stMain")
        status = main.locator("[role='status'][aria-live='polite']")
        expect(status.filter(has_text=re.compile(r"Epoch [1-6] of 12 done"))).to_have_count(1, timeout=120_000)
        _tab_to(page, main.get_by_role("button", name=en("train.stop"), exact=True))
        page.keyboard.press("Enter")
        expect(page.get_by_text(re.compile(r"Stopped after \d+ complete epoch"))).to_be_visible(timeout=60_000)
        again = main.get_by_role("button", name=en("train.restart"))
        _tab_to(page, again)
        page.keyboard.press("Enter")
        expect(status.filter(has_text=re.compile("Training started: 12 epochs"))).to_have_count(1, timeout=60_000)
        expect(status.filter(has_text=re.compile(r"Trained in .* s on"))).to_have_count(1, timeout=180_000)
        wait_idle(page)
        accuracy = main.get_by_test_id("stMetric").filter(has_text=en("mlp.final_test_acc"))
        expect(accuracy.get_by_test_id("stMetricValue")).to_have_text(re.compile(r"\d+\.\d\d%"))
        assert main.get_by_text(re.compile(r"Training curves over 12 epochs")).count() >= 1  # the chart in words
        assert page_problems(page) == []
        found = audit(page, axe)
        assert found == [], report("/mlp after training", found)
    finally:
        page.close()
