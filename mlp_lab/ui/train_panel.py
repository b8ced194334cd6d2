"""The one live-training panel: every page that trains on Fashion-MNIST calls ``training_panel``.

It shows the cached result at once when this server has trained the config before; otherwise it
trains with a progress bar, curves redrawn each epoch and a Stop button, and stores the result
only when the run is complete (a widget change or Stop leaves no half-written entry).
"""

from __future__ import annotations

import copy
import logging
import time

import streamlit as st

from mlp_lab.data import DataError
from mlp_lab.training import History, Progress, TrainConfig, TrainResult, store_key, train
from mlp_lab.ui.charts import history_chart
from mlp_lab.ui.i18n import t
from mlp_lab.ui.runner import result_store, show_data_error, wait_for_lock

log = logging.getLogger("mlp_lab.train_panel")
REDRAW_SECONDS = 0.5  # progress-bar updates at most this often: redraws cost training time


def _request_stop(key: str, config: TrainConfig) -> None:
    st.session_state[f"{key}__stopped"] = config


def _clear_stop(key: str) -> None:
    st.session_state.pop(f"{key}__stopped", None)


def cached_result(config: TrainConfig) -> TrainResult | None:
    return result_store().get(store_key(config))


def training_panel(config: TrainConfig, *, key: str, show_chart: bool = True) -> TrainResult | None:
    """Train ``config`` (or fetch it) with live progress; returns the result, or None on no data.

    ``key`` must be unique on the page (two panels side by side need two keys).
    A Stop click interrupts the run (Streamlit reruns the script); the next run shows the epochs
    finished so far, kept in the session, and returns None until "Train again".
    """
    store = result_store()
    skey = store_key(config)
    hit = store.get(skey)
    if hit is not None:
        _report(hit, cached=True, show_chart=show_chart)
        return hit

    partial_key = f"{key}__partial"
    if st.session_state.get(f"{key}__stopped") == config:
        partial = st.session_state.get(partial_key)
        history = partial[1] if partial and partial[0] == config else History()
        st.info(t("train.stopped", epochs=len(history)), icon="⏹️")
        st.button(t("train.restart"), key=f"{key}__restart", on_click=_clear_stop, args=(key,), type="primary")
        if show_chart and len(history):
            st.altair_chart(history_chart(history, config.epochs), width="stretch")
        return None

    lock = wait_for_lock(skey, store)
    try:
        hit = store.get(skey)
        if hit is None:
            store.computations += 1
            log.info("training started: %s", config)
            result = _train_live(config, key, partial_key, show_chart)
            if result is None:
                return None
            if result.complete:
                store.put(skey, result)
        else:
            result = hit
    finally:
        lock.release()
    _report(result, cached=hit is not None, show_chart=show_chart)
    return result


def _train_live(config: TrainConfig, key: str, partial_key: str, show_chart: bool) -> TrainResult | None:
    bar = st.progress(0.0, text=t("train.epoch_progress", epoch=1, epochs=config.epochs))
    chart_slot = st.empty() if show_chart else None
    stop_slot = st.empty()  # emptied when the run ends, so no dead Stop button is left behind
    stop_slot.button(t("train.stop"), key=f"{key}__stop", on_click=_request_stop, args=(key, config))
    last = [0.0]

    def on_progress(p: Progress) -> bool:
        now = time.perf_counter()
        # Touching an element also lets Streamlit interrupt us when a widget changes.
        if p.epoch_end or now - last[0] > REDRAW_SECONDS:
            bar.progress(p.fraction, text=t("train.epoch_progress", epoch=p.epoch, epochs=p.epochs))
            last[0] = now
        if p.epoch_end:
            # Kept so that a Stop (which interrupts this run) still shows what was learned.
            st.session_state[partial_key] = (config, copy.deepcopy(p.history))
            if chart_slot is not None:
                chart_slot.altair_chart(history_chart(p.history, config.epochs), width="stretch")
        return False

    try:
        result = train(config, callback=on_progress, every_steps=10)
    except DataError as exc:
        bar.empty()
        show_data_error(exc)
        return None
    bar.empty()
    stop_slot.empty()
    if chart_slot is not None:
        chart_slot.empty()
    return result


def _report(result: TrainResult, cached: bool, show_chart: bool) -> None:
    if result.diverged:
        st.warning(t("train.diverged", epoch=result.diverged_epoch, lr=result.config.lr), icon="💥")
    elif cached:
        st.caption(t("train.cached", seconds=result.seconds, device=result.device))
    else:
        st.caption(t("train.done", seconds=result.seconds, device=result.device))
    if show_chart and len(result.history):
        st.altair_chart(history_chart(result.history, result.config.epochs), width="stretch")
