"""The class board on the pages, through AppTest: adding a run, seeing a room's runs, rooms kept
apart, the teacher's controls with and without the operator's key, the limits, bad nicknames and
room codes, and each database fault (the page goes on, the run waits in the session, and is added
once the database is back)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa

from mlp_lab import board as core
from mlp_lab.board import Board
from tests.test_app import run_app

WD = "pages/weight-decay.py"
BOARD = "pages/board.py"
ADD = "board_add_go_weight-decay"
NICK = "board_nick_weight-decay"


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A board database of this test's own (a fresh SQLite file), so limits and faults stay here."""
    path = tmp_path / "board.sqlite3"
    monkeypatch.setenv("MLP_LAB_BOARD_URL", f"sqlite:///{path}")
    return path


def texts(at, kind: str) -> list[str]:
    return [e.value for e in getattr(at, kind)]


def live_caption(at) -> str:
    return next((c for c in texts(at, "caption") if c.startswith(("Live:", "实时："))), "")


def add(at, nickname: str = ""):
    at.text_input(key=NICK).set_value(nickname)
    at.button(key=ADD).click()
    return at.run()


def rows(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute("select room, page, nickname, settings, figures, seed from mlp_lab_board_points").fetchall()


def test_a_run_added_lands_on_the_rooms_board_and_only_there(db: Path) -> None:
    at = run_app("en", page=WD, room="Class-7A")
    assert not at.exception
    assert at.query_params["room"] == "class-7a"  # the room as stored, kept in the address bar
    assert any("No runs on room class-7a" in c for c in texts(at, "caption"))
    add(at, "<b>Ann</b>")
    assert not at.exception
    assert "Added 2 run(s) to the board." in texts(at, "success")
    assert live_caption(at).startswith("Live: 2 run(s)")
    stored = rows(db)
    assert {r[0] for r in stored} == {"class-7a"} and {r[2] for r in stored} == {"<b>Ann</b>"}  # verbatim text
    # A classmate in the room sees both points (not theirs); another room sees none.
    mate = run_app("zh", page=WD, room="class-7a")
    assert live_caption(mate).startswith("实时：本房间 2 次运行")
    table = next(d.value for d in mate.dataframe if "昵称" in d.value.columns)
    assert set(table["昵称"]) == {"<b>Ann</b>"} and set(table["我的"]) == {"否"}
    mine = next(d.value for d in at.dataframe if "nickname" in d.value.columns)
    assert set(mine["mine"]) == {"yes"}
    other = run_app("en", page=WD, room="class-7b")
    assert not live_caption(other) and any("No runs on room class-7b" in c for c in texts(other, "caption"))


def test_the_points_carry_the_runs_settings_and_figures(db: Path) -> None:
    at = add(run_app("en", page=WD, room="fig", wd_lambda="3", seed="4"))
    assert "Added 2 run(s) to the board." in texts(at, "success")
    import json

    from mlp_lab.experiments import weight_decay as exp
    from mlp_lab.store import cached

    for room, page, _nick, settings, figures, seed in rows(db):
        s, f = json.loads(settings), json.loads(figures)
        assert (room, page, seed, s["lambd"], s["penalty"]) == ("fig", "weight-decay", 4, 3.0, "L2")
        result = cached(exp.train_at_lambda, exp.WDSettings(lambd=3.0, seed=4).run(s["implementation"]))
        assert f["test_loss"] == pytest.approx(float(result.test_loss[-1, 0, 0]))  # the run's own figure
        assert f["norm"] == pytest.approx(float(result.norms[0, 0]))


def test_adding_the_same_run_twice_keeps_one_point(db: Path) -> None:
    at = add(run_app("en", page=WD, room="twice"))
    add(at)
    assert any("already" in i for i in texts(at, "info"))
    assert len(rows(db)) == 2


def test_a_bad_nickname_is_refused_in_the_learners_language(db: Path) -> None:
    at = add(run_app("zh", page=WD, room="nick"), "a\x07b")
    assert any("昵称最多 24 个字符" in e for e in texts(at, "error"))
    assert not rows(db)
    assert at.text_input(key=NICK).max_chars == core.NICK_MAX == 24  # the browser stops at 24
    assert core.parse_nickname("x" * 25) is None and core.parse_nickname(" 小明 ") == "小明"


@pytest.mark.parametrize("code", ["bad!code", "a" * 33, "-lead", "ünï"])
def test_a_bad_room_code_in_the_link_is_dropped_with_a_notice(code: str) -> None:
    at = run_app("en", page=WD, room=code)
    assert not at.exception
    assert any("the room code (`room`)" in w for w in texts(at, "warning"))
    assert "room" not in at.query_params
    assert any("Join or create a room" in c for c in texts(at, "caption"))


def test_home_creates_and_joins_rooms_and_refuses_bad_codes(db: Path) -> None:
    at = run_app("en")
    at.text_input(key="board_code").set_value("no spaces")
    at.button(key="board_join_go").click().run()
    assert any("not a room code" in e for e in texts(at, "error")) and "room" not in at.query_params
    at.text_input(key="board_code").set_value("Math-101")
    at.button(key="board_join_go").click().run()
    assert at.query_params["room"] == "math-101"
    assert any("math-101" in m for m in texts(at, "markdown"))
    assert any("?room=math-101" in c.value for c in at.code)  # the link to show the class
    at.button(key="board_leave").click().run()
    assert "room" not in at.query_params
    at.button(key="board_create").click().run()
    code = at.query_params["room"]
    assert core.parse_room(code) == code and len(code) == 11
    assert Board(core.sqlite_engine(str(db))).room(code).created is not None  # its days count from now


def test_the_qr_code_holds_the_rooms_link() -> None:
    png = __import__("mlp_lab.ui.board", fromlist=["qr_png"]).qr_png("http://host/?room=abc-def-ghj&lang=en")
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 200


def test_teacher_controls_need_the_operators_key(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MLP_LAB_TEACHER_KEY", raising=False)
    add(run_app("en", page=WD, room="t1"), "Bo")
    at = run_app("en", page=BOARD, room="t1")
    assert not at.exception
    assert "Teacher controls" not in texts(at, "subheader")
    assert not [w for w in at.text_input if w.key == "board_key_input"]
    assert not [b for b in at.button if b.key in ("board_clear", "board_remove")]
    monkeypatch.setenv("MLP_LAB_TEACHER_KEY", "correct horse")
    at = run_app("en", page=BOARD, room="t1")
    assert "Teacher controls" in texts(at, "subheader")
    assert not [b for b in at.button if b.key in ("board_clear", "board_remove")]
    at.text_input(key="board_key_input").set_value("wrong").run()
    assert any("not right" in e for e in texts(at, "error"))
    assert not [b for b in at.button if b.key == "board_clear"]
    at.text_input(key="board_key_input").set_value("correct horse").run()
    # Remove one run, freeze, then clear.
    first = int(at.selectbox(key="board_pick").value)
    at.button(key="board_remove").click().run()
    assert any(f"Removed run {first}" in s for s in texts(at, "success")) and len(rows(db)) == 1
    at.toggle(key="board_freeze").set_value(True).run()
    frozen = add(run_app("en", page=WD, room="t1", seed="3"))
    assert any("frozen this board" in w for w in texts(frozen, "warning")) and len(rows(db)) == 1
    at.checkbox(key="board_clear_sure").check().run()
    at.button(key="board_clear").click().run()
    assert any("Deleted 1 run(s)" in s for s in texts(at, "success")) and not rows(db)


def test_the_rate_limit_and_the_rooms_cap_say_so(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MLP_LAB_BOARD_PER_MINUTE", "2")
    monkeypatch.setenv("MLP_LAB_BOARD_MAX_POINTS", "3")
    at = add(run_app("en", page=WD, room="cap"))  # 2 points: the session's 2 a minute used
    at.slider(key="wd_lambda").set_value(1.0).run()  # another run, at once
    add(at)
    assert any("At most 2 runs a minute" in w for w in texts(at, "warning")) and len(rows(db)) == 2
    other = add(run_app("en", page=WD, room="cap", seed="6"))  # another session: 1 fits under the cap of 3
    assert any("This room is full (3 runs)" in w for w in texts(other, "warning"))
    assert len(rows(db)) == 3


def test_an_expired_room_says_so_and_takes_no_runs(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    monkeypatch.setenv("MLP_LAB_BOARD_DAYS", "7")
    Board(core.sqlite_engine(str(db)), clock=lambda: time.time() - 8 * 86400).open_room("old")
    at = run_app("en", page=WD, room="old")
    assert any("Room old has expired (rooms last 7 days)" in w for w in texts(at, "warning"))
    add(at)
    assert any("This room has expired" in w for w in texts(at, "warning")) and not rows(db)


# --- faults: the page goes on, the run waits in the session ----------------------------------------------
def test_database_unreachable_then_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "not-yet"  # a SQLite file in a folder that does not exist: cannot open
    monkeypatch.setenv("MLP_LAB_BOARD_URL", f"sqlite:///{folder / 'board.sqlite3'}")
    at = run_app("en", page=WD, room="down")
    assert not at.exception and any("unavailable right now" in w for w in texts(at, "warning"))
    assert at.title[0].value == "3.5 Weight decay" and len(at.metric) >= 2  # the page itself is whole
    add(at, "Cy")
    assert any("2 of your runs wait to be added" in i for i in texts(at, "info"))
    folder.mkdir()  # the database is back
    at.button(key="board_retry").click().run()
    assert "Added 2 run(s) to the board." in texts(at, "success")
    assert not [b for b in at.button if b.key == "board_retry"]
    assert [r[2] for r in rows(folder / "board.sqlite3")] == ["Cy", "Cy"]


def test_postgresql_unreachable_is_one_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.browser import free_port

    monkeypatch.setenv("MLP_LAB_BOARD_URL", f"postgresql+psycopg://nobody@127.0.0.1:{free_port()}/none")
    at = add(run_app("en", page=WD, room="pgdown"))
    assert not at.exception
    assert any("unavailable right now" in w for w in texts(at, "warning"))
    assert any("2 of your runs wait" in i for i in texts(at, "info"))


def test_a_read_only_database_still_shows_the_board(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Board(core.sqlite_engine(str(db))).add("ro", "weight-decay", settings={"lambd": 1.0, "implementation": "scratch",
                                           "penalty": "L2"}, figures={"test_loss": 0.5}, seed=9)  # fmt: skip
    monkeypatch.setenv("MLP_LAB_BOARD_URL", f"sqlite:///file:{db}?mode=ro&uri=true")
    at = run_app("en", page=WD, room="ro")
    assert live_caption(at).startswith("Live: 1 run(s)")
    add(at)
    assert any("unavailable right now" in w for w in texts(at, "warning")) and len(rows(db)) == 1
    assert any("2 of your runs wait" in i for i in texts(at, "info"))


def test_a_full_disk_keeps_the_run_in_the_session(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mlp_lab.ui import board as ui

    engine = core.sqlite_engine(str(db))
    full = Board(engine)
    full.open_room("full")
    pages = engine.connect().exec_driver_sql("PRAGMA page_count").scalar()

    @sa.event.listens_for(engine, "connect")
    def _cap(dbapi_conn, _record) -> None:  # the disk holds not one page more: SQLITE_FULL on write
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

    engine.dispose()
    for size in (4000, 400, 40, 0):  # fill every page, down to the last few bytes
        with pytest.raises(core.Unavailable, match="full"):
            for _ in range(200):
                full.add("full", "weight-decay", settings={"pad": "x" * size}, figures={}, seed=0)
    monkeypatch.setattr(ui, "the_board", lambda: full)
    at = add(run_app("en", page=WD, room="full"))
    assert not at.exception and any("unavailable right now" in w for w in texts(at, "warning"))
    assert any("2 of your runs wait" in i for i in texts(at, "info"))


def test_a_corrupt_row_is_left_out_and_counted(db: Path) -> None:
    add(run_app("en", page=WD, room="rot"))
    with sqlite3.connect(db) as conn:
        conn.execute(
            "update mlp_lab_board_points set figures = '{not json'"
            " where id = (select min(id) from mlp_lab_board_points)"
        )
    at = run_app("en", page=WD, room="rot")
    assert any("1 point(s) of this board could not be read" in c for c in texts(at, "caption"))
    assert live_caption(at).startswith("Live: 1 run(s)")


def test_the_board_page_shows_every_page_of_the_room(db: Path) -> None:
    add(run_app("en", page=WD, room="all"))
    at = run_app("en", page=BOARD, room="all")
    assert not at.exception
    assert len(at.tabs) == 5
    assert any(c.startswith("Live: 2 run(s)") for c in texts(at, "caption"))
    assert sum("No runs on room all" in c for c in texts(at, "caption")) >= 1  # the other tabs' boards are empty


def test_the_operators_secrets_choose_the_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``[connections.board]`` in secrets.toml (as on Community Cloud) is the database the board uses."""
    from streamlit import config
    from streamlit.runtime.secrets import secrets_singleton
    from streamlit.testing.v1 import AppTest

    from tests.test_app import ROOT

    monkeypatch.delenv("MLP_LAB_BOARD_URL", raising=False)
    path = tmp_path / "from-secrets.sqlite3"
    secrets = tmp_path / "secrets.toml"  # a real secrets file, read by Streamlit's own loader
    secrets.write_text(f'[connections.board]\nurl = "sqlite:///{path}"\n')
    before = config.get_option("secrets.files")
    config.set_option("secrets.files", [str(secrets)])
    secrets_singleton._reset()
    try:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        at.secrets["connections"] = {"board": {"url": f"sqlite:///{path}"}}  # AppTest's own st.secrets
        at.query_params["lang"] = "en"
        at.run()
        at.query_params["room"] = "secret-room"
        at.switch_page(WD)
        at.run()
        add(at)
    finally:
        config.set_option("secrets.files", before)
        secrets_singleton._reset()
    assert "Added 2 run(s) to the board." in texts(at, "success")
    assert {r[0] for r in rows(path)} == {"secret-room"}
