"""Every page of the navigation in a real browser, in both languages: no exception, no error box."""

from __future__ import annotations

import pytest

from mlp_lab.ui.i18n import CATALOGUE
from mlp_lab.ui.pages import BOOK, HOME, TOPICS
from tests.browser import (
    SCREENSHOTS,
    page_problems,
    require_browser,
    wait_idle,
)

pytestmark = pytest.mark.browser
require_browser()


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("spec", [HOME, *TOPICS, BOOK], ids=lambda s: s.url_path or "home")
def test_page_renders_in_browser(server, browser, spec, lang) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 3600})  # tall: Streamlit scrolls inside
    try:
        page.goto(f"{server}/{spec.url_path}?lang={lang}")
        wait_idle(page)
        assert page_problems(page) == []
        assert page.query_selector("[data-testid='stSidebar']") is not None
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{spec.url_path or 'home'}-{lang}.png"), full_page=True)
        body = page.inner_text("body")
        assert CATALOGUE[spec.title_key][lang] in body  # the page speaks the asked language
    finally:
        page.close()


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
