"""The class board on the pages (``mlp_lab.board`` stores it, ``mlp_lab.boards`` says what each
page puts on it): the room, adding a finished run, the live chart, and the teacher's controls.

The database comes through ``st.connection("board", type="sql")``: PostgreSQL when the operator
sets ``[connections.board]`` in ``.streamlit/secrets.toml`` (or ``MLP_LAB_BOARD_URL``), otherwise a
SQLite file in the cache folder, so ``streamlit run app.py`` just works. Whatever goes wrong with
the database, the page goes on: the board says so in one sentence and keeps the learner's runs in
their session to add again.
"""

from __future__ import annotations

import contextlib
import hmac
import io
import logging
import os
import time
from collections.abc import Callable
from typing import Any

import streamlit as st

from mlp_lab import board as core
from mlp_lab.board import Board, Limits, Refused, Unavailable
from mlp_lab.boards import BOARDS, BoardSpec, figures_of
from mlp_lab.cache import cache_dir
from mlp_lab.store import key_of
from mlp_lab.ui.i18n import t
from mlp_lab.ui.runner import result_store

log = logging.getLogger("mlp_lab")

ROOM = "room"  # the address-bar key
ROOM_KEY = "_board_room"  # the session's room (kept in the address bar on every run)
OWN_KEY = "_board_own"  # ids of the points this session added (its marks are drawn large)
SENT_KEY = "_board_sent"  # (room, page, settings, seed) already added: one point per run
TIMES_KEY = "_board_times"  # when this session added points (the rate limit)
PENDING_KEY = "_board_pending"  # points that could not be stored yet (database down)
TEACHER_KEY = "_board_teacher"  # the operator's key was given in this session
SECONDS = float(os.environ.get("MLP_LAB_BOARD_SECONDS", "3"))  # how often a board re-reads


def limits() -> Limits:
    """The operator's limits (environment), else the defaults."""
    env = os.environ.get
    try:
        return Limits(
            max_points=int(env("MLP_LAB_BOARD_MAX_POINTS", Limits.max_points)),
            per_minute=int(env("MLP_LAB_BOARD_PER_MINUTE", Limits.per_minute)),
            days=float(env("MLP_LAB_BOARD_DAYS", Limits.days)),
        )
    except ValueError:
        log.warning("class board: a limit in the environment is not a number; using the defaults")
        return Limits()


def _secret(section: str, name: str) -> Any:
    try:
        return st.secrets.get(section, {}).get(name)
    except Exception:  # no secrets file, or an unreadable one: nothing configured
        return None


def _has_secret_connection() -> bool:
    try:
        return "board" in st.secrets.get("connections", {})
    except Exception:
        return False


def _timeout(url: str) -> dict[str, Any]:
    """A server that does not answer costs a page 5 s, not the operating system's TCP timeout."""
    return {"connect_args": {"connect_timeout": 5}} if url.startswith("postgres") else {}


_BOARDS: dict[int, Board] = {}


def the_board() -> Board:
    """This process's board over the configured database (raises ``Unavailable``)."""
    try:
        url = os.environ.get("MLP_LAB_BOARD_URL")
        if url:
            conn = st.connection("board", type="sql", url=url, pool_pre_ping=True, **_timeout(url))
        elif _has_secret_connection():
            found = _secret("connections", "board") or {}
            kind = str(found.get("url") or found.get("dialect") or "")
            conn = st.connection("board", type="sql", pool_pre_ping=True, **_timeout(kind))
        else:
            folder = cache_dir()
            folder.mkdir(parents=True, exist_ok=True)
            conn = st.connection("board", type="sql", url=f"sqlite:///{folder / 'board.sqlite3'}")
        engine = conn.engine
    except Exception as exc:  # a bad URL, a missing driver, a folder that cannot be made
        log.warning("class board: no connection: %s", exc)
        raise Unavailable(str(exc)) from exc
    found = _BOARDS.get(id(engine))
    if found is None or found.engine is not engine:
        core.prepare(engine)
        found = _BOARDS[id(engine)] = Board(engine, limits())
    return found


def current_room() -> str | None:
    return st.session_state.get(ROOM_KEY)


def sync_room() -> None:
    """app.py, after the gate: the address bar's room joins it; the session's room stays in the
    address bar on every page, so a link copied anywhere brings a classmate into the room."""
    wanted = core.parse_room(st.query_params.get(ROOM))
    if wanted:
        st.session_state[ROOM_KEY] = wanted
    room = current_room()
    if room and st.query_params.get(ROOM) != room:
        st.query_params[ROOM] = room


def sidebar_room() -> None:
    """app.py, once the navigation exists: the room, linking to its board page."""
    room = current_room()
    if room:
        st.sidebar.page_link("pages/board.py", label=t("board.sidebar_room", room=room))


def join(code: str) -> None:
    st.session_state[ROOM_KEY] = code
    st.query_params[ROOM] = code


def leave() -> None:
    st.session_state.pop(ROOM_KEY, None)
    st.query_params.pop(ROOM, None)


# --- adding a finished run ---------------------------------------------------------------------------
def finished_runs(spec: BoardSpec, settings: Any) -> list[tuple[Any, dict[str, float]]]:
    """The page's runs at ``settings`` that are finished (in the store), with their figures."""
    store = result_store()
    out = []
    for run in spec.runs(settings):
        figures = figures_of(spec, store.get(key_of(run.fn, run.config)), run)
        if figures is not None:
            out.append((run, figures))
    return out


MSG_KEY = "_board_msgs"  # what the last action said, shown on the next run (actions run as callbacks)


def _say(kind: str, key: str, icon: str, **fmt: Any) -> None:
    st.session_state.setdefault(MSG_KEY, []).append((kind, key, icon, fmt))


def show_messages() -> None:
    for kind, key, icon, fmt in st.session_state.pop(MSG_KEY, []):
        getattr(st, kind)(t(key, **fmt), icon=icon)


def _store_points(points: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Store each point; those not stored because the database is down come back (kept pending).
    A refusal (frozen, full, expired) is said and drops the point: retrying cannot help."""
    board, left, stored = the_board_or_none(), [], 0
    for i, point in enumerate(points):
        if board is None:
            left.extend(points[i:])
            break
        try:
            pid = board.add(**point)
        except Unavailable:
            left.extend(points[i:])
            break
        except Refused as exc:
            _say("warning", f"board.refused.{exc.reason}", "🚫", **exc.numbers)
            continue
        stored += 1
        st.session_state.setdefault(OWN_KEY, set()).add(pid)
        st.session_state.setdefault(SENT_KEY, set()).add(_sent_key(point))
        st.session_state.setdefault(TIMES_KEY, []).append(time.time())
    if stored:
        _say("success", "board.added", "✅", n=stored)
    if left:
        _say("warning", "board.unavailable", "🔌")
    return left


def the_board_or_none() -> Board | None:
    try:
        board = the_board()
        board.ensure_schema()
        return board
    except Unavailable:
        return None


def _sent_key(point: dict[str, Any]) -> tuple:
    return (point["room"], point["page"], tuple(sorted(point["settings"].items())), point["seed"])


def add_form(page: str, settings: Any, room: str) -> None:
    """The nickname and the Add button, once the page's run at ``settings`` is finished."""
    runs = finished_runs(BOARDS[page], settings)
    if not runs:
        st.caption(t("board.finish_first", room=room))
        return
    points = [dict(room=room, page=page, settings=dict(r.settings), figures=f, seed=r.seed) for r, f in runs]
    with st.form(f"board_add_{page}", border=False, enter_to_submit=False):
        st.text_input(t("board.nickname"), max_chars=core.NICK_MAX, help=t("board.nickname_help"),
                      key=f"board_nick_{page}")  # fmt: skip
        label = t("board.add", room=room) if len(points) == 1 else t("board.add_n", n=len(points), room=room)
        st.form_submit_button(label, icon="➕", key=f"board_add_go_{page}", on_click=add_points, args=(page, points))


def add_points(page: str, points: list[dict[str, Any]]) -> None:
    """The Add button (a callback: it runs before the page, so a rerun cannot lose the click)."""
    nick = core.parse_nickname(st.session_state.get(f"board_nick_{page}", ""))
    if nick is None:
        return _say("error", "board.bad_nickname", "✏️")
    sent = st.session_state.get(SENT_KEY, set())
    new = [p for p in points if _sent_key(p) not in sent]
    if not new:
        return _say("info", "board.already", "📌")
    lim = the_limits()
    ok, wait = core.allow_rate(st.session_state.get(TIMES_KEY, []), time.time(), lim.per_minute)
    if not ok:
        return _say("warning", "board.rate", "⏳", n=lim.per_minute, seconds=wait)
    left = _store_points([{**p, "nickname": nick} for p in new[: lim.per_minute]])
    st.session_state[PENDING_KEY] = [*st.session_state.get(PENDING_KEY, []), *left]
    return None


def the_limits() -> Limits:
    board = the_board_or_none()
    return board.limits if board is not None else limits()


def _retry() -> None:
    st.session_state[PENDING_KEY] = _store_points(st.session_state.get(PENDING_KEY, []))


def pending_note() -> None:
    """Runs kept while the database was down: one button adds them again."""
    pending = st.session_state.get(PENDING_KEY, [])
    if pending:
        st.info(t("board.pending", n=len(pending)), icon="📦")
        st.button(t("board.retry"), key="board_retry", icon="🔁", on_click=_retry)


# --- the page's section ------------------------------------------------------------------------------
def section(page: str, settings: Any) -> None:
    """On a topic page: add the finished run to the room's board, and the board, live."""
    st.subheader(t("board.title"))
    room = current_room()
    if room is None:
        st.caption(t("board.no_room"))
        return
    add_form(page, settings, room)
    show_messages()
    pending_note()
    live(page, room)


def live(page: str, room: str) -> None:
    _live_board(page, room)


@st.fragment(run_every=SECONDS)
def _live_board(page: str, room: str) -> None:
    """Re-read every SECONDS without rerunning the page."""
    from mlp_lab.ui.board_views import board_view

    board = the_board_or_none()
    if board is None:
        st.warning(t("board.unavailable"), icon="🔌")
        return
    try:
        state = board.room(room)
        read = board.points(room, page)
    except Unavailable:
        st.warning(t("board.unavailable"), icon="🔌")
        return
    if state.expired:
        st.warning(t("board.expired", room=room, days=board.limits.days), icon="⌛")
        return
    if state.frozen:
        st.caption(t("board.frozen_note"))
    if read.corrupt:
        st.caption(t("board.corrupt", n=read.corrupt))
    board_view(BOARDS[page], read.points, room, st.session_state.get(OWN_KEY, set()), SECONDS)


# --- rooms: create, join, share -----------------------------------------------------------------------
def room_picker() -> None:
    """Join a room by its code, or create one; in a room: its link, its QR code, and Leave."""
    room = current_room()
    if room:
        st.markdown(t("board.in_room", room=room))
        share(room)
        st.button(t("board.leave"), key="board_leave", icon="🚪", on_click=leave)
        return
    left, right = st.columns(2)
    with left.form("board_join", border=False):
        st.text_input(t("board.room_label"), max_chars=core.ROOM_MAX, help=t("board.room_help"), key="board_code")
        st.form_submit_button(t("board.join"), icon="🚪", key="board_join_go", on_click=_join_typed)
    right.button(t("board.create"), key="board_create", icon="✨", on_click=_create)
    show_messages()


def _join_typed() -> None:
    parsed = core.parse_room(st.session_state.get("board_code", ""))
    if parsed is None:
        _say("error", "board.bad_room", "✏️")
    else:
        join(parsed)


def _create() -> None:
    code = core.new_room_code()
    board = the_board_or_none()
    if board is not None:
        with contextlib.suppress(Unavailable):
            board.open_room(code)  # its days count from now
    join(code)


def room_link(room: str) -> str:
    """The app's address with this room (and the language) in it."""
    from mlp_lab.ui.i18n import current_lang

    try:
        base = (st.context.url or "").split("?")[0]
    except Exception:
        base = ""
    base = base.rsplit("/", 1)[0] + "/" if base.count("/") > 2 else (base or "/")
    return f"{base}?{ROOM}={room}&lang={current_lang()}"


def share(room: str) -> None:
    link = room_link(room)
    st.caption(t("board.share"))
    st.code(link, language=None)
    st.image(qr_png(link), width=180, caption=t("board.qr_alt"), alt=t("board.qr_alt"))


def qr_png(text: str) -> bytes:
    import segno

    buf = io.BytesIO()
    segno.make(text, error="m").save(buf, kind="png", scale=6, border=2)
    return buf.getvalue()


# --- the teacher's controls (only with the operator's key) -------------------------------------------
def teacher_key() -> str | None:
    key = os.environ.get("MLP_LAB_TEACHER_KEY") or _secret("class_board", "teacher_key")
    return str(key) if key else None


def _check_key() -> None:
    given, expected = st.session_state.pop("board_key_input", ""), teacher_key()
    if expected and given and hmac.compare_digest(str(given).encode(), expected.encode()):
        st.session_state[TEACHER_KEY] = True
    elif given:
        _say("error", "board.key_wrong", "🔑")


def teacher_controls(room: str, on_change: Callable[[], None] | None = None) -> None:
    """Clear, remove a point, freeze: shown only once the operator's key is given in this session."""
    expected = teacher_key()
    if expected is None:
        return
    st.subheader(t("board.teacher"))
    if not st.session_state.get(TEACHER_KEY):
        st.text_input(t("board.key"), type="password", help=t("board.key_help"), key="board_key_input",
                      on_change=_check_key)  # fmt: skip
        show_messages()
        return
    st.caption(t("board.key_ok"))
    from mlp_lab.ui.board_views import teacher_actions

    board = the_board_or_none()
    if board is None:
        st.warning(t("board.unavailable"), icon="🔌")
        return
    try:
        teacher_actions(board, room)
    except Unavailable:
        st.warning(t("board.unavailable"), icon="🔌")
