"""What a board shows: one Altair chart of every run in the room (the learner's own marks large), the
runs as a table, the mean and spread per setting, and the teacher's actions. Nicknames are data:
they appear only in table cells and tooltips, never in markdown."""

from __future__ import annotations

import datetime as dt
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from mlp_lab.board import Board, Point
from mlp_lab.boards import BOARDS, BoardSpec, summary
from mlp_lab.ui import a11y
from mlp_lab.ui.a11y import PALETTE, SHAPES
from mlp_lab.ui.i18n import t


def name(field: str) -> str:
    return t(f"board.f.{field}")


def show(spec: BoardSpec, field: str, value: Any) -> str:
    """A figure as a learner reads it (fractions as %, losses to 4 significant digits)."""
    if not isinstance(value, int | float):
        return str(value)
    if field in spec.percent:
        return f"{100 * value:.1f}%"
    return f"{value:.4g}"


def frame(spec: BoardSpec, points: list[Point], own: set[int]) -> pd.DataFrame:
    """One row per run, columns named in the learner's language."""
    rows = []
    for p in points:
        row = {name("nickname"): p.nickname, name("seed"): p.seed}
        row.update({name(k): v for k, v in p.settings.items()})
        row.update({name(k): (100 * v if k in spec.percent else v) for k, v in p.figures.items() if k != "diverged"})
        row[t("board.col.mine")] = t("board.yes") if p.id in own else t("board.no")
        row[t("board.col.id")] = p.id
        row[t("board.col.time")] = dt.datetime.fromtimestamp(p.created, dt.UTC).strftime("%H:%M:%S")
        rows.append(row)
    return pd.DataFrame(rows)


def _nominal(spec: BoardSpec, field: str, data: pd.DataFrame) -> bool:
    """Text settings, and a number every run shares (one value is no scale: a category)."""
    col = name(field)
    return col not in data or not pd.api.types.is_numeric_dtype(data[col]) or data[col].nunique() < 2


def chart(spec: BoardSpec, data: pd.DataFrame) -> alt.Chart:
    x, color, y = name(spec.x), name(spec.color), name(spec.y)
    y_title = f"{y} (%)" if spec.y in spec.percent else y
    mine = t("board.col.mine")
    x_enc = (
        alt.X(f"{x}:N", title=x)
        if _nominal(spec, spec.x, data)
        else alt.X(f"{x}:Q", title=x, scale=alt.Scale(type="log") if spec.log_x else alt.Scale(zero=False))
    )
    tooltip = [c for c in data.columns if c != mine]
    return (
        alt.Chart(data)
        .mark_point(filled=True, opacity=0.85)
        .encode(
            x_enc,
            alt.Y(f"{y}:Q", title=y_title, scale=alt.Scale(type="log") if spec.log_y else alt.Scale(zero=False)),
            alt.Color(f"{color}:N", title=color, scale=alt.Scale(range=list(PALETTE))),
            alt.Shape(f"{color}:N", title=color, scale=alt.Scale(range=list(SHAPES))),
            alt.Size(f"{mine}:N", title=mine, scale=alt.Scale(domain=[t("board.no"), t("board.yes")], range=[60, 260])),
            tooltip=tooltip,
        )
        .properties(height=320)
    )


def board_view(spec: BoardSpec, points: list[Point], room: str, own: set[int], seconds: float) -> None:
    """The chart, its words, the runs and the spread per setting (or a line when there are none);
    ``seconds``: how often the board re-reads, as the caption tells."""
    if not points:
        st.caption(t("board.empty", room=room))
        return
    data = frame(spec, points, own)
    groups = summary(spec, points)
    ys = [float(p.figures[spec.y]) for p in points if isinstance(p.figures.get(spec.y), int | float)]
    best = (min if spec.y.endswith("loss") else max)(groups, key=lambda g: g["mean"]) if groups else None
    alt_text = t("board.empty", room=room)
    if ys and best:
        lo, hi = show(spec, spec.y, min(ys)), show(spec, spec.y, max(ys))
        alt_text = t("board.alt", n=len(points), room=room, y=name(spec.y), lo=lo, hi=hi, runs=best["runs"],
                     best=_setting_text(spec, best["settings"]), mean=show(spec, spec.y, best["mean"]))  # fmt: skip
    st.caption(t("board.live", n=len(points), seconds=seconds))
    a11y.chart(chart(spec, data), alt_text, data)
    st.markdown(f"**{t('board.spread')}**")
    st.dataframe(spread_frame(spec, groups), hide_index=True)


def _setting_text(spec: BoardSpec, settings: dict[str, str]) -> str:
    shown = [k for k in spec.fields if k in settings] or list(settings)[:2]
    return ", ".join(f"{name(k)} {settings[k]}" for k in shown)


def spread_frame(spec: BoardSpec, groups: list[dict[str, Any]]) -> pd.DataFrame:
    rows = []
    for g in groups:
        row = {name(k): v for k, v in g["settings"].items()}
        row[t("board.col.runs")] = g["runs"]
        row[t("board.col.seeds")] = g["seeds"]
        for stat in ("mean", "std", "min", "max"):
            row[f"{name(spec.y)} · {t(f'board.col.{stat}')}"] = show(spec, spec.y, g[stat])
        rows.append(row)
    return pd.DataFrame(rows)


def teacher_actions(board: Board, room: str) -> None:
    """Freeze, remove one run, clear (with a confirmation); each a callback, said on the next run."""
    from mlp_lab.ui.board import show_messages

    state = board.room(room)
    st.toggle(t("board.freeze"), value=state.frozen, key="board_freeze", on_change=_act, args=(board, room, "freeze"))
    points = board.points(room).points
    if points:
        labels = {p.id: _point_label(p) for p in points}
        st.selectbox(t("board.remove_pick"), options=list(labels), format_func=labels.get, key="board_pick")
        st.button(t("board.remove"), key="board_remove", icon="🗑️", on_click=_act, args=(board, room, "remove"))
    sure = st.checkbox(t("board.clear_sure"), key="board_clear_sure")
    st.button(
        t("board.clear"), key="board_clear", icon="🧹", disabled=not sure, on_click=_act, args=(board, room, "clear")
    )
    show_messages()


def _act(board: Board, room: str, action: str) -> None:
    from mlp_lab.board import Unavailable
    from mlp_lab.ui.board import _say

    try:
        if action == "freeze":
            board.freeze(room, bool(st.session_state.get("board_freeze")))
        elif action == "remove" and st.session_state.get("board_pick") is not None:
            pick = int(st.session_state["board_pick"])
            if board.remove(room, pick):
                _say("success", "board.removed", "🗑️", id=pick)
        elif action == "clear":
            _say("success", "board.cleared", "🧹", n=board.clear(room))
            st.session_state["board_clear_sure"] = False
    except Unavailable:
        _say("warning", "board.unavailable", "🔌")


def _point_label(p: Point) -> str:
    spec = BOARDS.get(p.page)
    figure = show(spec, spec.y, p.figures.get(spec.y)) if spec else ""
    who = f" · {p.nickname}" if p.nickname else ""
    return f"#{p.id} · {t('page.' + p.page.replace('-', '_'))}{who} · {figure}"
