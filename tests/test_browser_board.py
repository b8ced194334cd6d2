"""The class board in real browsers: three learners on the weight-decay page, two in one room (one
reads English, one Chinese) and one in another. A run added in the first reaches the second's live
board within seconds, without a reload, and never the third's; the nickname is text, never HTML.

The server has its own empty cache folder, so its board is a fresh SQLite file there (the no-set-up
default), and re-reads every second (``MLP_LAB_BOARD_SECONDS=1``).
"""

from __future__ import annotations

import re
import secrets
import time
from pathlib import Path

import pytest

from tests.browser import SCREENSHOTS, page_problems, require_browser, streamlit_server, wait_idle

pytestmark = pytest.mark.browser
require_browser()

from mlp_lab.ui.i18n import lookup  # noqa: E402

NICK_A, NICK_B = "<b>Ann</b>", "<i>Bo</i>"  # markup: it must show as these characters
SEEN_WITHIN = 12.0  # seconds: the board re-reads every 1 s; the rest is a shared 2-core machine


@pytest.fixture(scope="module")
def board_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("board-cache")


@pytest.fixture(scope="module")
def board_server(board_cache: Path):
    # An empty MLP_LAB_BOARD_URL pins the default SQLite board even where CI exports a server's URL.
    env = {"MLP_LAB_CACHE": str(board_cache), "MLP_LAB_BOARD_SECONDS": "1", "MLP_LAB_BOARD_URL": ""}
    with streamlit_server(env=env) as url:
        yield url


def board_count(page, lang: str, room: str) -> int | None:
    """How many runs the page's live board says it holds: N from its "Live: N run(s)" caption, 0
    from its "no runs yet" caption, None while it shows neither."""
    live = re.compile(re.escape(lookup("board.live", lang).split("{n}")[0]) + r"(\d+)")
    empty = lookup("board.empty", lang).format(room=room)
    for text in page.get_by_test_id("stCaptionContainer").all_inner_texts():
        if found := live.search(text):
            return int(found.group(1))
        if empty in text:
            return 0
    return None


def wait_count(page, lang: str, room: str, want: int, timeout: float) -> float:
    """Seconds until the board shows ``want`` runs, reading the page as it is (never reloading)."""
    start = time.monotonic()
    while (seen := board_count(page, lang, room)) != want:
        assert time.monotonic() - start < timeout, f"room {room} board shows {seen} runs, not {want}"
        page.wait_for_timeout(200)
    return time.monotonic() - start


def table_cells(page, lang: str, text: str) -> int:
    """Cells holding ``text`` in the board's data table, opened first (Streamlit renders a grid's
    cells into the DOM as an accessible table, so a cell's text is readable there)."""
    label = lookup("a11y.data_table", lang)
    caption = page.get_by_test_id("stCaptionContainer").filter(has_text=lookup("board.live", lang).split("{n}")[0])
    if caption.count():  # the board's own block: the innermost one holding its live caption
        block = page.get_by_test_id("stVerticalBlock").filter(has=caption).last
        details = block.get_by_test_id("stExpander").filter(has_text=label).locator("details")
        if details.count() and details.first.get_attribute("open") is None:
            details.first.locator("summary").click()
    return page.locator("td").filter(has_text=text).count()


def wait_cell(page, lang: str, text: str, timeout: float = 15) -> None:
    """Until the board's table shows a cell with ``text`` (the grid draws a moment after opening)."""
    start = time.monotonic()
    while not table_cells(page, lang, text):
        assert time.monotonic() - start < timeout, f"no table cell shows {text!r}"
        page.wait_for_timeout(300)


def as_html(page, nick: str) -> int:
    """Elements that render ``nick`` as markup (e.g. a ``<b>`` element whose text is Ann)."""
    tag, text = re.fullmatch(r"<(\w+)>(.*)</\1>", nick).groups()
    return page.locator(tag).filter(has_text=re.compile(rf"^{re.escape(text)}$")).count()


def mark(page) -> None:
    page.evaluate("window.__boardMark = 'no reload since'")


def not_reloaded(page) -> bool:
    return page.evaluate("window.__boardMark") == "no reload since"


def add_run(page, nick: str, room: str) -> None:
    page.locator(".st-key-board_nick_weight-decay input").fill(nick)
    button = page.locator(".st-key-board_add_go_weight-decay button")
    assert room in button.inner_text()  # "Add my 2 runs to room <code>"
    button.click()


def test_a_run_reaches_its_room_live_and_never_the_other(board_server, board_cache, browser) -> None:
    room_a, room_b = f"class-{secrets.token_hex(3)}", f"other-{secrets.token_hex(3)}"
    who = {"A1": (room_a, "en"), "A2": (room_a, "zh"), "B": (room_b, "en")}
    contexts = {k: browser.new_context(viewport={"width": 1400, "height": 2400}) for k in who}
    pages = {k: c.new_page() for k, c in contexts.items()}
    start = time.monotonic()
    try:
        for k, (room, lang) in who.items():  # all three load together, as a class does
            pages[k].goto(f"{board_server}/weight-decay?room={room}&lang={lang}", wait_until="commit")
        for k, (room, lang) in who.items():
            wait_idle(pages[k])
            assert page_problems(pages[k]) == [], k
            assert board_count(pages[k], lang, room) == 0, f"{k}: a fresh board must say it has no runs"
        a1, a2, b = pages["A1"], pages["A2"], pages["B"]
        mark(a2)
        mark(b)

        print(f"three pages ready after {time.monotonic() - start:.1f} s")
        add_run(a1, NICK_A, room_a)
        added = time.monotonic()
        seen_after = wait_count(a2, "zh", room_a, 2, SEEN_WITHIN)  # the classmate, live
        print(f"A2 saw the 2 runs {seen_after:.1f} s after A1 clicked Add")
        assert not_reloaded(a2)
        wait_cell(a2, "zh", NICK_A)  # the nickname is a table cell, exactly as typed
        a1.get_by_text(lookup("board.added", "en").format(n=2)).wait_for(timeout=60_000)
        assert (board_cache / "board.sqlite3").is_file()  # the default board: SQLite in the cache folder
        assert f"room={room_a}" in a1.url  # the room stays in the address bar after the rerun

        # The other room, given as long as A2 needed plus three re-reads, still has no runs.
        b.wait_for_timeout(1000 * max(0.0, seen_after + 3 - (time.monotonic() - added)))
        assert board_count(b, "en", room_b) == 0
        assert not_reloaded(b)
        assert table_cells(b, "en", "Ann") == 0
        print(f"B still empty {time.monotonic() - added:.1f} s after the click")

        # The other way round: B's own run reaches B's board and not room A's (A2 keeps reading live).
        add_run(b, NICK_B, room_b)
        wait_count(b, "en", room_b, 2, 60)
        wait_cell(b, "en", NICK_B)
        assert table_cells(b, "en", "Ann") == 0  # the table is drawn (Bo is there) and Ann is not
        a2.wait_for_timeout(3000)
        assert board_count(a2, "zh", room_a) == 2 and not_reloaded(a2)
        assert table_cells(a2, "zh", "Bo") == 0 and table_cells(a2, "zh", "Ann") >= 1
        wait_count(a1, "en", room_a, 2, SEEN_WITHIN)
        print(f"B's run checked in both rooms {time.monotonic() - added:.1f} s after A1's click")

        for k, page in pages.items():
            assert page_problems(page) == [], k
            assert as_html(page, NICK_A) == 0 and as_html(page, NICK_B) == 0, f"{k}: a nickname became HTML"
        SCREENSHOTS.mkdir(exist_ok=True)
        live = a2.get_by_test_id("stCaptionContainer").filter(has_text=lookup("board.live", "zh").split("{n}")[0])
        board_block = a2.get_by_test_id("stVerticalBlock").filter(has=live).last
        board_block.screenshot(path=str(SCREENSHOTS / "board_live_zh.png"))

        # The markup check is not vacuous: a real <b>Ann</b> on the page is caught.
        a1.evaluate("document.body.insertAdjacentHTML('beforeend', '<b>Ann</b>')")
        assert as_html(a1, NICK_A) == 1
    finally:
        for c in contexts.values():
            c.close()
