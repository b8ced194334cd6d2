"""Process-wide result store and the one way pages compute shareable results."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Hashable
from typing import TypeVar

import streamlit as st

from mlp_lab.cache import DiskCache
from mlp_lab.data import FILES, DataCorrupt, DataError, data_root
from mlp_lab.store import ResultStore
from mlp_lab.ui.i18n import t

T = TypeVar("T")
log = logging.getLogger("mlp_lab")


def configure_logging() -> None:
    """Our log lines (trainings started, cache problems, caught errors) on the server's stderr."""
    logger = logging.getLogger("mlp_lab")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False


@st.cache_resource(show_spinner=False)
def result_store() -> ResultStore:
    """One store per server process, shared by every session, over the disk cache."""
    return ResultStore(disk=DiskCache())


def wait_for_lock(key: Hashable, store: ResultStore):
    """Take the key's lock. While another session computes, say so once a second: each update
    also lets Streamlit interrupt this wait when the user changes a widget, and once a second is
    cheap enough for a classroom of waiting browsers."""
    lock = store.lock(key)
    if lock.acquire(blocking=False):
        return lock
    note = st.empty()
    start = time.monotonic()
    while not lock.acquire(timeout=1.0):
        note.info(t("train.waiting", seconds=time.monotonic() - start), icon="⏳")
    note.empty()
    return lock


def cached_run(key: Hashable, compute: Callable[[], T], should_store: Callable[[T], bool] = lambda _: True) -> T:
    """The stored result for ``key``, computing it once per server on a miss (see ``mlp_lab.ui``)."""
    store = result_store()
    hit = store.get(key)
    if hit is not None:
        return hit
    lock = wait_for_lock(key, store)
    try:
        hit = store.get(key)
        if hit is not None:
            return hit
        store.computations += 1
        log.info("computing: %.150r", key)  # a miss; after `warm` a page's defaults never log this
        value = compute()
        if should_store(value):
            store.put(key, value)
        return value
    finally:
        lock.release()


def show_data_error(exc: DataError) -> None:
    """Say in the user's language what is wrong with the data and how to fix it."""
    if isinstance(exc, DataCorrupt):
        st.error(t("data.corrupt", detail=str(exc)), icon="🧩")
    else:
        st.error(t("data.unavailable", folder=str(data_root()), files=", ".join(f"`{f}`" for f in FILES)), icon="📦")
    with st.expander(t("data.details")):
        st.text(str(exc))


def show_unexpected(exc: Exception) -> None:
    """Last line of defence: a clear message instead of a traceback; the details go to the log."""
    log.exception("unexpected error on a page")
    st.error(t("error.generic", kind=type(exc).__name__), icon="⚠️")
