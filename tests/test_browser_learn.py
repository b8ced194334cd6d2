"""A learner in a real browser, in both languages: commit a guess and see the run's answer drawn
over it; reach a challenge's goal with the page's slider and see it checked."""

from __future__ import annotations

import os
from dataclasses import replace

import numpy as np
import pytest

from tests.axe import axe_source, report, run_axe
from tests.browser import SCREENSHOTS, page_problems, require_browser, wait_idle

pytestmark = pytest.mark.browser
require_browser()

from playwright.sync_api import expect  # noqa: E402

from mlp_lab import teacher  # noqa: E402
from mlp_lab.activities import weight_decay as act  # noqa: E402
from mlp_lab.experiments.weight_decay import WDSettings  # noqa: E402
from mlp_lab.ui.i18n import lookup  # noqa: E402


def runs(seed: int):
    return act.slider_lambdas(replace(WDSettings(seed=seed).sweep(), implementation="scratch"))


@pytest.mark.parametrize(("lang", "seed"), [("en", 0), ("zh", 2)])
def test_a_prediction_and_a_challenge_in_the_browser(server, page, lang: str, seed: int) -> None:
    answer = float(runs(seed).norms[0, 0])  # lambda 0, the page's default
    page.goto(f"{server}/weight-decay?lang={lang}&seed={seed}")  # the first visit to a fresh server
    wait_idle(page)
    assert page_problems(page) == []  # no spurious "page not found" for an address with a dash
    box = page.get_by_test_id("stLayoutWrapper").filter(has_text=lookup("learn.predict", lang)).first
    expect(box.get_by_test_id("stVegaLiteChart")).to_have_count(0)  # nothing before the commit
    box.get_by_role("button", name=lookup("learn.reveal", lang)).click()
    wait_idle(page)
    expect(box.get_by_role("status")).to_contain_text(f"{answer:.2f}")  # the run's answer, announced
    expect(box.get_by_test_id("stVegaLiteChart")).to_have_count(1)  # the guess over the run
    box.screenshot(path=str(SCREENSHOTS / f"learn_prediction_{lang}.png"))
    source = axe_source()
    if source is not None or os.environ.get("CI"):  # the revealed state meets WCAG AA too
        violations = run_axe(page, source)
        assert violations == [], report(f"revealed prediction {lang}", violations)

    _, smallest = act.smallest_within(runs(seed))
    page.goto(f"{server}/weight-decay?lang={lang}&seed={seed}&wd_lambda={smallest:g}")
    wait_idle(page)
    goal = lookup("learn.challenge", lang)
    box = page.get_by_test_id("stLayoutWrapper").filter(has_text=goal).last
    check = box.get_by_role("button", name=lookup("learn.check", lang))
    if check.count():
        check.click()
        wait_idle(page)
    expect(box).to_contain_text(lookup("learn.passed", lang))
    box.get_by_role("button", name=lookup("learn.hint", lang).format(n=1, of=2)).click()
    wait_idle(page)
    expect(box).to_contain_text(lookup("learn.wd.smallest_within.hint1", lang)[:20])
    assert page_problems(page) == []


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_curve_sketched_by_clicking_on_the_chart(server, page, lang: str) -> None:
    """The tanh′ sketch: a click high above x = 0 raises that point alone; the reveal compares the
    sketch as drawn with tanh′ (by its formula here) and meets WCAG AA, pad and overlay alike."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{server}/activations?lang={lang}&act_units=1")
    wait_idle(page)
    question = lookup("learn.act.tanh_sketch.q", lang).format(lo=-8.0, hi=8.0)
    box = page.get_by_test_id("stLayoutWrapper").filter(has_text=question).first
    values = box.get_by_test_id("stSliderThumbValue")
    expect(values).to_have_text(["0.50"] * 9)
    pad = box.get_by_test_id("stVegaLiteChart")
    expect(pad).to_have_count(1)
    pad.scroll_into_view_if_needed()
    frame = pad.bounding_box()
    page.mouse.click(frame["x"] + 0.5 * frame["width"], frame["y"] + 0.1 * frame["height"])  # high above x = 0
    wait_idle(page)
    expect(values.nth(4)).not_to_have_text("0.50")
    drawn = np.array([float(v) for v in values.all_inner_texts()])
    assert drawn[4] >= 0.7 and set(np.delete(drawn, 4)) == {0.5}  # that column's point alone moved
    box.screenshot(path=str(SCREENSHOTS / f"learn_sketch_drawn_{lang}.png"))
    source = axe_source()
    if source is not None or os.environ.get("CI"):  # the pad meets WCAG AA too
        violations = run_axe(page, source)
        assert violations == [], report(f"sketch pad {lang}", violations)
    box.get_by_role("button", name=lookup("learn.reveal", lang)).click()
    wait_idle(page)
    xs = np.linspace(-8, 8, 9)
    off = np.abs(drawn - (1 - np.tanh(xs) ** 2)).mean()
    expect(box.get_by_role("status")).to_contain_text(f"{off:.2f}")
    expect(box.get_by_test_id("stVegaLiteChart")).to_have_count(1)  # the sketch over the run
    box.screenshot(path=str(SCREENSHOTS / f"learn_sketch_revealed_{lang}.png"))
    if source is not None or os.environ.get("CI"):
        violations = run_axe(page, source)
        assert violations == [], report(f"revealed sketch {lang}", violations)
    assert page_problems(page) == []


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_presenter_mode_and_a_locked_link_in_the_browser(server, page, lang: str) -> None:
    steps = len(teacher.page_activities(("3.5",)))
    page.goto(f"{server}/weight-decay?lang={lang}&wd_lambda=3.0&lock=wd_lambda&hide=wd_penalty&focus=wd.norm&present=1")
    wait_idle(page)
    assert page_problems(page) == []
    expect(page.get_by_test_id("stSidebar")).to_be_hidden()
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "22px"  # large text
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_text(lookup("present.step", lang).format(n=1, of=steps))).to_be_visible()
    lam = page.get_by_role("slider").first  # the locked control, and only the controls this step reads
    expect(lam).to_be_disabled()
    expect(lam).to_have_value("3")
    expect(page.get_by_text(lookup("wd.penalty", lang), exact=True)).to_have_count(0)  # hidden
    visible_charts = page.locator("[data-testid='stVegaLiteChart']:visible")
    expect(visible_charts).to_have_count(0)  # the page's charts stay out of view: predict first
    page.get_by_role("button", name=lookup("learn.reveal", lang)).click()
    wait_idle(page)
    expect(visible_charts).to_have_count(1)  # revealed on click: the guess over the run
    page.screenshot(path=str(SCREENSHOTS / f"presenter_{lang}.png"))
    source = axe_source()
    if source is not None or os.environ.get("CI"):
        violations = run_axe(page, source)
        assert violations == [], report(f"presenter mode {lang}", violations)
    page.get_by_role("button", name=lookup("present.next", lang)).click()
    wait_idle(page)
    expect(page.get_by_text(lookup("present.step", lang).format(n=2, of=steps))).to_be_visible()
    expect(page.get_by_role("radiogroup")).to_be_visible()  # the next prediction, a choice
    page.get_by_role("button", name=lookup("present.leave", lang)).click()
    wait_idle(page)
    expect(page.get_by_test_id("stSidebar")).to_be_visible()
    expect(page.get_by_text(lookup("teacher.note", lang))).to_be_visible()  # still the teacher's lesson
    expect(page.get_by_role("slider").first).to_be_disabled()
    assert page_problems(page) == []
