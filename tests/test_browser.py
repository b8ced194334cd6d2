"""Every page of the navigation in a real browser, in both languages: no exception, no error box,
no detail of the server (paths, host name, MLP_LAB_* values) in what a visitor can read or fetch."""

from __future__ import annotations

import os
import shutil

import pytest

from mlp_lab.ui.i18n import CATALOGUE
from mlp_lab.ui.pages import BOARD, BOOK, HOME, TOPICS
from tests.browser import (
    ROOT,
    SCREENSHOTS,
    leaked,
    page_problems,
    require_browser,
    server_details,
    wait_idle,
)

pytestmark = pytest.mark.browser
require_browser()

# The README's picture: the home page in English at this size. Written to docs/ only when asked
# (MLP_LAB_UPDATE_SCREENSHOT=1), so an ordinary test run leaves tracked files alone.
README_VIEWPORT = {"width": 1280, "height": 900}
README_SCREENSHOT = ROOT / "docs" / "screenshot.png"


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("spec", [HOME, *TOPICS, BOOK, BOARD], ids=lambda s: s.url_path or "home")
def test_page_renders_in_browser(server, browser, spec, lang) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 3600})  # tall: Streamlit scrolls inside
    name = spec.url_path or "home"
    try:
        page.goto(f"{server}/{spec.url_path}?lang={lang}")
        wait_idle(page)
        assert page_problems(page) == []
        assert page.query_selector("[data-testid='stSidebar']") is not None
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{lang}.png"), full_page=True)
        body = page.inner_text("body")
        assert CATALOGUE[spec.title_key][lang] in body  # the page speaks the asked language
        # Hidden tabs and expanders are in the HTML though not in the visible text: check both.
        details = server_details()
        assert leaked(body, details) == [], "the page shows a server detail"
        assert leaked(page.content(), details) == [], "the page's HTML holds a server detail"
        if spec == HOME and lang == "en":
            readme_screenshot(page)
    finally:
        page.close()


def readme_screenshot(page) -> None:
    page.set_viewport_size(README_VIEWPORT)
    page.wait_for_timeout(800)  # let Streamlit lay the page out again at the new width
    shot = SCREENSHOTS / "readme-home-en.png"
    page.screenshot(path=str(shot))
    if os.environ.get("MLP_LAB_UPDATE_SCREENSHOT") == "1":
        shutil.copyfile(shot, README_SCREENSHOT)


def test_home_links_reach_every_page(server, browser) -> None:
    page = browser.new_page()
    try:
        page.goto(f"{server}/?lang=en")
        wait_idle(page)
        hrefs = {a.get_attribute("href") for a in page.query_selector_all("[data-testid='stPageLink-NavLink']")}
        for spec in TOPICS:
            assert any(h and h.rstrip("/").endswith(spec.url_path) for h in hrefs), spec.url_path
    finally:
        page.close()
