"""The page side of the one path to a result (``mlp_lab.store.cached``) and the one gate for long
computations.

- ``cached(fn, config)``: the shared result for ``fn(config)``; on a miss it computes once per
  server with a progress bar (when ``fn`` reports progress) and, while another session computes the
  same thing, a note that says so.
- ``gate(key, ready)``: a long computation runs only once the learner asks (a button), or at once
  when its results are already stored; during ``warm``'s headless visit every gate is open.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

import streamlit as st

from mlp_lab import store as core
from mlp_lab.data import FILES, DataCorrupt, DataError
from mlp_lab.queue import shared_queue
from mlp_lab.store import ResultStore
from mlp_lab.ui.i18n import t

T = TypeVar("T")
log = logging.getLogger("mlp_lab")
WARMING_KEY = "_mlp_lab_warming"  # set by warm's headless visit: every gate and lazy tab opens
REDRAW_SECONDS = 0.5  # progress-bar updates at most this often: redraws cost computing time


def configure_logging() -> None:
    """Our log lines (trainings started, cache problems, caught errors) on the server's stderr."""
    logger = logging.getLogger("mlp_lab")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False


def result_store() -> ResultStore:
    """The process's one store (shared by every session, over the disk cache)."""
    return core.shared_store()


def waiting_note() -> Callable[[float], None]:
    """Say once a second that another session is computing this; each update also lets Streamlit
    interrupt the wait when the learner changes a widget."""
    note = st.empty()
    return lambda seconds: note.info(t("train.waiting", seconds=seconds), icon="⏳")


def queue_note(note: Any = None) -> tuple[Callable[[int, float | None], None], Callable[[], None]]:
    """Say twice a second where this learner stands in the training queue and about how long until
    their training starts (counting down); each update also lets Streamlit interrupt, so leaving the
    page or pressing Stop leaves the queue. ``note``: the placeholder to write in (a new one by
    default). Returns (show, clear)."""
    note = note if note is not None else st.empty()

    def show(place: int, eta: float | None) -> None:
        if eta is None:
            note.info(t("train.queued", place=place), icon="🕒")
        else:
            note.info(t("train.queued_eta", place=place, seconds=max(1, round(eta))), icon="🕒")

    return show, note.empty


def live_bar(text: str) -> tuple[Callable[[float], None], Callable[[], None]]:
    """A progress bar that redraws at most every REDRAW_SECONDS; returns (report, clear)."""
    bar = st.progress(0.0, text=text)
    last = [0.0]

    def report(done: Any) -> None:
        fraction = float(getattr(done, "fraction", done))  # a float, or the trainer's Progress
        now = time.perf_counter()
        if fraction >= 1.0 or now - last[0] > REDRAW_SECONDS:
            bar.progress(min(max(fraction, 0.0), 1.0), text=text)
            last[0] = now

    return report, bar.empty


def cached(fn: Callable[..., T], config: Hashable, *, label: str = "compute.running", **kwargs: Any) -> T:
    """The shared result of ``fn(config)``; on a miss, computed once per server with progress."""
    if is_cached(fn, config):
        return core.cached(fn, config, **kwargs)
    queued, unqueue = queue_note()
    report, clear = live_bar(t(label)) if core.takes_progress(fn) else (None, lambda: None)
    if report is not None:
        bar = report

        def report(done: Any) -> None:  # the first progress means the slot is ours: the queue note goes
            unqueue()
            bar(done)

    try:
        return core.cached(fn, config, progress=report, waiting=waiting_note(), queue=shared_queue(), queued=queued,
                           **kwargs)  # fmt: skip
    finally:
        clear()
        unqueue()


def is_cached(fn: Callable, config: Hashable) -> bool:
    return result_store().get(core.key_of(fn, config)) is not None


def warming() -> bool:
    return bool(st.session_state.get(WARMING_KEY))


def gate(key: str, ready: bool, *, label: str, note: str, **fmt: Any) -> bool:
    """True when a long computation may run: its results are stored already (``ready``), the
    learner pressed the button (remembered for the session), or ``warm`` is visiting."""
    if ready or warming() or st.session_state.get(key):
        return True
    st.info(t(note, **fmt), icon="⏱️")
    st.button(
        t(label, **fmt), key=f"{key}__go", type="primary", on_click=st.session_state.__setitem__, args=(key, True)
    )
    return False


def _open(key: str) -> None:
    st.session_state[key] = True


def lazy_tabs(labels: list[str], key: str) -> list[Any]:
    """Tabs whose content is computed only when open (and, for ``warm``, all of them)."""
    tabs = st.tabs(labels, key=key, on_change="rerun")
    return [tab if (tab.open or warming()) else None for tab in tabs]


def show_data_error(exc: DataError) -> None:
    """Say in the user's language what is wrong with the data and how to fix it (no server path:
    the operator finds the folder in the server log)."""
    log.warning("data problem: %s", exc)
    if isinstance(exc, DataCorrupt):
        st.error(t("data.corrupt"), icon="🧩")
    else:
        st.error(t("data.unavailable", files=", ".join(f"`{f}`" for f in FILES)), icon="📦")


def show_unexpected(exc: Exception) -> None:
    """Last line of defence: a clear message instead of a traceback; the details go to the log."""
    log.exception("unexpected error on a page")
    st.error(t("error.generic", kind=type(exc).__name__), icon="⚠️")
