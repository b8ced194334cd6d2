"""``python -m mlp_lab warm``: a headless visit of every page at its defaults, so the cache holds
exactly what the pages ask for, found from the pages themselves (no list to keep in step).

Each page runs through app.py in Streamlit's AppTest, in this process, with ``WARMING_KEY`` set in
its session: every gate (``runner.gate``) and lazy tab (``runner.lazy_tabs``) opens, so the
trainings a visitor would ask for with a click are computed too. Results go to the process's one
store (``mlp_lab.store.shared_store``) and from there to the disk cache.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from streamlit.testing.v1 import AppTest

from mlp_lab.store import shared_store
from mlp_lab.ui.pages import BOOK, HOME, TOPICS, PageSpec
from mlp_lab.ui.runner import WARMING_KEY

APP = Path(__file__).resolve().parents[2] / "app.py"
PAGE_TIMEOUT = 3600.0  # seconds; a cold page trains for minutes on a CPU


@dataclass
class WarmRow:
    page: str
    computed: int  # results computed (and stored) by this visit; 0: all were cached already
    status: str  # "ok" or "error: ..." (what the page showed instead of its results)
    seconds: float


def visit(spec: PageSpec, timeout: float = PAGE_TIMEOUT) -> AppTest:
    """Run ``spec``'s page once through app.py at its defaults, gates open."""
    at = AppTest.from_file(str(APP), default_timeout=timeout)
    at.session_state[WARMING_KEY] = True
    if spec.url_path != Path(spec.path).stem and spec is not HOME:
        at.run()  # st.navigation must run once before a page with its own url_path can be opened
    if spec is not HOME:
        at.switch_page(spec.path)
    at.run()
    return at


def problems(at: AppTest) -> list[str]:
    """What went wrong on a visited page: exceptions and error boxes (a data problem, say)."""
    return [str(e.value) for e in at.exception] + [e.value for e in at.error]


def warm(
    pages: tuple[PageSpec, ...] = (*TOPICS, BOOK), on_row: Callable[[WarmRow], None] | None = None
) -> list[WarmRow]:
    """Visit ``pages``; ``on_row`` hears about each one as it finishes (warming takes minutes)."""
    store = shared_store()
    rows = []
    for spec in pages:
        start, before = time.perf_counter(), store.computations
        try:
            found = problems(visit(spec))
        except Exception as exc:  # one failing page must not stop the others
            found = [f"{type(exc).__name__}: {exc}"]
        status = "ok" if not found else "error: " + found[0][:300]
        row = WarmRow(spec.url_path, store.computations - before, status, round(time.perf_counter() - start, 2))
        rows.append(row)
        if on_row is not None:
            on_row(row)
    return rows
