"""The page registry: app.py builds the navigation from it, the home page its chapter map.

A topic issue adds its page file under pages/ and one ``PageSpec`` here; nothing else routes. A
page's file is named as its address (``pages/weight-decay.py`` for /weight-decay): until a fresh
server has run ``st.navigation`` once, Streamlit resolves the first visitor's address against the
file names of pages/, and a mismatch shows a spurious "page not found" dialog.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageSpec:
    path: str  # file under pages/
    title_key: str  # i18n key of the page title
    icon: str
    sections: tuple[str, ...]  # chapter sections the page covers, e.g. ("3.2", "3.3")
    url_path: str  # the page's address, e.g. "mlp" for /mlp; "" for the home page at /


HOME = PageSpec("pages/home.py", "page.home", "🏠", (), "")

# In chapter order. Only pages that exist are listed: no placeholders.
TOPICS: tuple[PageSpec, ...] = (
    PageSpec("pages/activations.py", "page.activations", "📈", ("3.1",), "activations"),
    PageSpec("pages/mlp.py", "page.mlp", "🧠", ("3.2", "3.3"), "mlp"),
    PageSpec("pages/fitting.py", "page.fitting", "🎯", ("3.4",), "fitting"),
    PageSpec("pages/weight-decay.py", "page.weight_decay", "🪶", ("3.5",), "weight-decay"),
    PageSpec("pages/dropout.py", "page.dropout", "🎲", ("3.6",), "dropout"),
    PageSpec("pages/backprop.py", "page.backprop", "🔁", ("3.7",), "backprop"),
    PageSpec("pages/stability.py", "page.stability", "⚖️", ("3.8",), "stability"),
    PageSpec("pages/shift.py", "page.shift", "🌍", ("3.9",), "shift"),
)

# Not a section: the reproduce table of every section (linked from each topic page).
BOOK = PageSpec("pages/book.py", "page.book", "📖", (), "book")

# Not a section either: a room's class board, every page's runs (for the teacher's projector).
BOARD = PageSpec("pages/board.py", "page.board", "🧑‍🤝‍🧑", (), "board")

SECTIONS = ("3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8", "3.9")


def page_for_section(section: str) -> PageSpec | None:
    return next((p for p in TOPICS if section in p.sections), None)
