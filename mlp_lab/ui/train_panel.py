"""The one live-training panel: every page that trains on Fashion-MNIST calls ``training_panel``.

It shows the stored result at once when this server has trained the config before; otherwise it
trains through the one path to a result (``mlp_lab.store.cached``) with a progress bar, curves
redrawn each epoch and a Stop button, and stores the result only when the run is complete (a
widget change or Stop leaves no half-written entry).
"""

from __future__ import annotations

import copy
import time

import streamlit as st

from mlp_lab.data import DataError
from mlp_lab.queue import shared_queue
from mlp_lab.store import cached
from mlp_lab.training import History, Progress, TrainConfig, TrainResult, train
from mlp_lab.ui import a11y
from mlp_lab.ui.charts import describe_history, history_chart, history_table
from mlp_lab.ui.i18n import t
from mlp_lab.ui.runner import REDRAW_SECONDS, is_cached, queue_note, show_data_error, waiting_note


def _request_stop(key: str, config: TrainConfig) -> None:
    st.session_state[f"{key}__stopped"] = config


def _clear_stop(key: str) -> None:
    st.session_state.pop(f"{key}__stopped", None)


def is_trained(config: TrainConfig) -> bool:
    return is_cached(train, config)


def training_panel(config: TrainConfig, *, key: str, show_chart: bool = True) -> TrainResult | None:
    """Train ``config`` (or fetch it) with live progress; returns the result, or None on no data.

    ``key`` must be unique on the page (two panels side by side need two keys).
    A Stop click interrupts the run (Streamlit reruns the script); the next run shows the epochs
    finished so far, kept in the session, and returns None until "Train again".
    """
    partial_key = f"{key}__partial"
    if not is_trained(config) and st.session_state.get(f"{key}__stopped") == config:
        partial = st.session_state.get(partial_key)
        history = partial[1] if partial and partial[0] == config else History()
        st.info(t("train.stopped", epochs=len(history)), icon="⏹️")
        st.button(t("train.restart"), key=f"{key}__restart", on_click=_clear_stop, args=(key,), type="primary")
        if show_chart and len(history):
            a11y.chart(history_chart(history, config.epochs), describe_history(history), history_table(history))
        return None

    was_cached = is_trained(config)
    live = _LiveRun(config, key, partial_key, show_chart)
    try:
        result = cached(train, config, progress=live, should_store=lambda r: r.complete, waiting=waiting_note(),
                        queue=shared_queue(), queued=live.queued)  # fmt: skip
    except DataError as exc:
        live.clear()
        show_data_error(exc)
        return None
    live.clear()
    _report(result, cached=was_cached, show_chart=show_chart)
    return result


class _LiveRun:
    """The progress callback of one live training: bar, redrawn curves, Stop button."""

    def __init__(self, config: TrainConfig, key: str, partial_key: str, show_chart: bool) -> None:
        self.config, self.key, self.partial_key, self.show_chart = config, key, partial_key, show_chart
        self.slots: list = []
        self.last = 0.0

    def queued(self, place: int, eta: float | None) -> None:
        """Waiting for a training slot: the place and a countdown, and a Stop that leaves the queue."""
        if not hasattr(self, "queue_note"):
            note = st.empty()  # the runner's note (place and countdown) and, under it, a Stop of the panel's
            self.queue_note, self.queue_clear = queue_note(note)
            self.queue_stop = st.empty()
            self.queue_stop.button(t("train.leave_queue"), key=f"{self.key}__leave", on_click=_request_stop,
                                   args=(self.key, self.config))  # fmt: skip
            self.slots += [note, self.queue_stop]
        self.queue_note(place, eta)

    def _start(self) -> None:
        if hasattr(self, "queue_note"):  # our turn: the queue's note and its Stop give way to the run's
            self.queue_clear()
            self.queue_stop.empty()
        self.bar = st.progress(0.0, text=t("train.epoch_progress", epoch=1, epochs=self.config.epochs))
        self.status = st.empty()  # the same progress, read out by screen readers at each epoch's end
        a11y.announce(t("train.started", epochs=self.config.epochs), self.status)
        self.chart = st.empty() if self.show_chart else None
        self.stop = st.empty()  # emptied when the run ends, so no dead Stop button is left behind
        self.stop.button(t("train.stop"), key=f"{self.key}__stop", on_click=_request_stop, args=(self.key, self.config))
        self.slots = [s for s in (*self.slots, self.bar, self.status, self.chart, self.stop) if s is not None]

    def __call__(self, p: Progress) -> bool:
        if not hasattr(self, "bar"):
            self._start()
        now = time.perf_counter()
        # Touching an element also lets Streamlit interrupt us when a widget changes.
        if p.epoch_end or now - self.last > REDRAW_SECONDS:
            self.bar.progress(p.fraction, text=t("train.epoch_progress", epoch=p.epoch, epochs=p.epochs))
            self.last = now
        if p.epoch_end:
            # Kept so that a Stop (which interrupts this run) still shows what was learned.
            st.session_state[self.partial_key] = (self.config, copy.deepcopy(p.history))
            a11y.announce(
                t("train.epoch_done", epoch=p.epoch, epochs=p.epochs, acc=p.history.test_acc[-1]), self.status
            )
            if self.chart is not None:
                self.chart.altair_chart(
                    history_chart(p.history, self.config.epochs), width="stretch", alt=describe_history(p.history)
                )
        return False

    def clear(self) -> None:
        for slot in self.slots:
            slot.empty()


def _report(result: TrainResult, cached: bool, show_chart: bool) -> None:
    if result.diverged:
        st.warning(t("train.diverged", epoch=result.diverged_epoch, lr=result.config.lr), icon="💥")
    elif cached:
        st.caption(t("train.cached", seconds=result.seconds, device=result.device))
    else:
        a11y.announce(t("train.done", seconds=result.seconds, device=result.device))
    if show_chart and len(result.history):
        h = result.history
        a11y.chart(history_chart(h, result.config.epochs), describe_history(h), history_table(h))
