"""Widgets from the control declarations (``mlp_lab.controls``), and the one gate for the address bar.

A page never repeats a range or a list of choices: it says which fields of a settings dataclass it
shows and where, and gets the settings object back::

    s = form(MLPSettings, ["impl", [("hidden", "layers"), ("activation", "init"), "lr", "epochs"]])

``gate_address_bar()`` (called by app.py before any page runs) checks every bound value in the
address bar against its declaration; a bad one is dropped, so its widget falls back to the
default, and the visitor sees one short notice naming it.
"""

from __future__ import annotations

import logging
from dataclasses import fields
from typing import Any

import streamlit as st

from mlp_lab import topics  # noqa: F401 (registers every control)
from mlp_lab.controls import BadValue, Control, all_controls, controls_of
from mlp_lab.ui.i18n import t

log = logging.getLogger("mlp_lab.controls")
Layout = list  # of names, or rows: a list of columns, each a name or a tuple of names stacked
NOTICE_KEY = "_mlp_lab_bad_params"


def widget(
    spec: Control, where: Any = None, *, label_visibility: str = "visible", hi: float | None = None, key: str = ""
) -> Any:
    """Draw ``spec``'s widget (bound to the address bar) in ``where`` and return its value.

    ``hi`` narrows a slider's declared maximum for this drawing (a walk-through shorter than the
    longest one); the declaration still bounds what a link may ask for. ``key``: a widget of the
    same declaration that is not the control itself (the home page's link builder): own key, not
    bound to the address bar, never locked or hidden.
    """
    from mlp_lab.ui import teacher  # here: teacher reads the registry this module fills

    if not key and teacher.hidden(spec.key):  # hidden by a teacher's link: its value (or the default) holds
        return link_value(spec)
    where = where if where is not None else st
    help_text = t(spec.help) if spec.help else None
    common = {"key": key or spec.key, "help": help_text, "label_visibility": label_visibility}
    if not key:
        common["bind"] = "query-params"
    label = t(spec.label)
    if not key and teacher.locked(spec.key):  # shown, fixed by a teacher's link
        label = f"🔒 {label}"
        common |= {"disabled": True, "help": t("teacher.locked_help") + (f"\n\n{help_text}" if help_text else "")}
    fmt = (lambda v: f"{v:g}") if spec.fmt == "g" else None
    kind = spec.widget_kind
    if kind == "slider":
        # A value set through the session (Prev/Next buttons) wins; passing the default as well
        # would only make Streamlit log a warning.
        start = None if common["key"] in st.session_state and spec.kind != "range" else spec.default
        top = spec.hi if hi is None else min(hi, spec.hi)
        if spec.kind == "int":
            value = where.slider(label, int(spec.lo), int(top), start, int(spec.step or 1), **common)
        else:
            value = where.slider(label, float(spec.lo), float(top), start, float(spec.step or 0.1), **common)
    elif kind == "number":
        if spec.kind == "int":
            value = where.number_input(label, int(spec.lo), int(spec.hi), spec.default, int(spec.step or 1), **common)
        else:
            value = where.number_input(label, float(spec.lo), float(spec.hi), spec.default, float(spec.step or 0.1),
                                       format="%g", **common)  # fmt: skip
    elif kind == "select":
        value = where.selectbox(label, spec.choices, spec.choices.index(spec.default), **common)
    elif kind == "select_slider":
        kwargs = {"format_func": fmt} if fmt else {}
        value = where.select_slider(label, spec.choices, spec.default, **kwargs, **common)
    elif kind == "segmented":
        value = where.segmented_control(label, spec.choices, default=spec.default, required=True, **common)
    elif kind == "pills":
        value = where.pills(label, spec.choices, selection_mode="multi", default=list(spec.default), **common)
    elif kind == "multiselect":
        value = where.multiselect(label, spec.choices, default=list(spec.default), **common)
    elif kind == "toggle":
        value = where.toggle(label, value=spec.default, **common)
    else:
        raise ValueError(f"{spec.key}: unknown widget {kind!r}")
    return settle(spec, value)


def link_value(spec: Control) -> Any:
    """``spec``'s value in the address bar (the gate has checked it), else its default."""
    if spec.key not in st.query_params:
        return spec.default
    raw = st.query_params.get_all(spec.key)
    try:
        return spec.parse(raw if spec.kind in ("multi", "range") else raw[0])
    except BadValue:
        return spec.default


def settle(spec: Control, value: Any) -> Any:
    """The widget's value as the settings field wants it. A link can still clear a required
    control (``?key=``), which Streamlit reports as None: then the default holds."""
    if spec.kind in ("multi", "range"):
        value = tuple(value or ())
        if spec.kind == "multi":
            return value
    try:
        return spec.check(value)
    except BadValue:
        return spec.default


def form(settings: type, layout: Layout, where: Any = None, **fixed: Any) -> Any:
    """Draw the controls named in ``layout`` and return ``settings(**values, **fixed)``.

    ``layout``: each item is a field name (full width) or a list of columns; a column is a name or
    a tuple of names stacked in it. Fields neither placed nor fixed keep their declared default.
    """
    from mlp_lab.ui import teacher

    boxed = teacher.form_container() if where is None else None
    where = boxed if boxed is not None else (where if where is not None else st)
    specs = controls_of(settings)
    values: dict[str, Any] = {}

    def place(name: str, container: Any) -> None:
        values[name] = widget(specs[name], container)

    for item in layout:
        if isinstance(item, str):
            place(item, where)
            continue
        for col, entry in zip(where.columns(len(item)), item, strict=True):
            for name in (entry,) if isinstance(entry, str) else entry:
                place(name, col)
    names = {f.name for f in fields(settings)}
    result = settings(**values, **{k: v for k, v in fixed.items() if k in names and k not in values})
    teacher.register_form(result, boxed)
    return result


def gate_address_bar() -> None:
    """Drop every address-bar value that does not fit its control, before any widget reads it.

    Runs once per script run, first thing in app.py; unknown keys are left alone (they bind to
    nothing). The notice names each dropped parameter by its label in the learner's language.
    """
    specs = all_controls()
    bad = []
    for key in list(st.query_params.keys()):
        spec = specs.get(key)
        if spec is None:
            continue
        raw = st.query_params.get_all(key)
        try:
            spec.parse(raw if spec.kind in ("multi", "range") else (raw if len(raw) != 1 else raw[0]))
        except BadValue as exc:
            log.info("address bar: dropped %s (%s)", key, exc)
            _forget_url_value(key)
            bad.append(spec)
    from mlp_lab import teacher

    link_params = {k: st.query_params.get_all(k) for k in teacher.KEYS if k in st.query_params}
    refused = teacher.parse(link_params)[1]
    for key in refused:
        log.info("address bar: dropped the teacher link's %s", key)
        _forget_url_value(key)
    from mlp_lab.board import parse_room

    if "room" in st.query_params and parse_room(st.query_params.get("room")) is None:
        log.info("address bar: dropped the room code")
        _forget_url_value("room")
        refused = (*refused, "room")
    if bad or refused:
        st.session_state[NOTICE_KEY] = (*(spec.key for spec in bad), *refused)


def _forget_url_value(key: str) -> None:
    """Remove ``key`` from the address bar *and* from the values Streamlit seeds bound widgets with
    (1.67 keeps those apart; an integer ``number_input`` raises on ``inf`` there). Its public
    ``del st.query_params[key]`` refuses a key already bound to a widget (a rerun in a session that
    drew it before), so this goes through the binding system's own removal."""
    from streamlit.runtime.state.session_state_proxy import get_session_state

    with get_session_state().query_params() as qp:  # no public API for either in 1.67
        qp.remove_param(key)
        qp._initial_query_params.pop(key, None)


def _param_name(key: str, specs: dict) -> str:
    if key in specs:
        return t(specs[key].label)
    return t("board.param.room") if key == "room" else t(f"teacher.param.{key}")


def show_address_notice() -> None:
    """The one short notice for dropped address-bar values (shown at the top of the page)."""
    keys = st.session_state.pop(NOTICE_KEY, ())
    specs = all_controls()
    if keys:
        names = ", ".join(f"{_param_name(k, specs)} (`{k}`)" for k in keys)
        st.warning(t("url.bad_values", names=names), icon="🔗")
