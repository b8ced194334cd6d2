"""The class board's storage (``mlp_lab/board.py``) on SQLite and on a real PostgreSQL server.

Every database test runs twice: on a SQLite file of its own and on a throwaway PostgreSQL cluster
(``tests/pg.py``, started once per session; its tables are dropped before each test). Concurrency
is real: separate processes (spawned, as a second server process would be) write into one room.
Faults are real too: a closed port, a read-only database, a full disk, a file of random bytes.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing as mp
import os
import random
import stat
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from mlp_lab import board as store
from mlp_lab.board import (
    SCHEMA_VERSION,
    Board,
    Limits,
    Refused,
    Unavailable,
    allow_rate,
    info_table,
    new_room_code,
    parse_nickname,
    parse_room,
    points_table,
    prepare,
    rooms_table,
    sqlite_engine,
)

DAY = 86400.0
T0 = 1_750_000_000.0


def make_engine(kind: str, target: str, **kwargs: Any) -> Engine:
    """An engine as the app makes one: a SQLite file (WAL, busy timeout) or a PostgreSQL URL."""
    if kind == "sqlite":
        return sqlite_engine(target, **kwargs)
    engine = sa.create_engine(target, **kwargs)
    prepare(engine)
    return engine


@dataclass
class Db:
    """One test's empty database: ``engine()`` opens another engine on it (disposed at the end)."""

    kind: str
    target: str  # the SQLite file's path, or the PostgreSQL URL
    engines: list[Engine] = field(default_factory=list)

    def engine(self, **kwargs: Any) -> Engine:
        engine = make_engine(self.kind, self.target, **kwargs)
        self.engines.append(engine)
        return engine

    def board(self, limits: Limits | None = None, clock: Callable[[], float] | None = None) -> Board:
        return Board(self.engine(), limits, clock or Clock())

    def raw(self, statement: Any, **params: Any) -> Any:
        """Run one statement behind the board's back (committed)."""
        engine = self.engine()
        with engine.begin() as conn:
            result = conn.execute(statement, params) if params else conn.execute(statement)
            return result.all() if result.returns_rows else result.rowcount


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Db]:
    if request.param == "sqlite":
        found = Db("sqlite", str(tmp_path / "board.db"))
    else:
        found = Db("postgresql", request.getfixturevalue("pg_url"))
        engine = found.engine()
        store.meta.drop_all(engine)  # a fresh, empty board for every test
        engine.dispose()
    yield found
    for engine in found.engines:
        engine.dispose()


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: float = T0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def put(board: Board, room: str = "a", page: str = "mlp", **kw: Any) -> int:
    kw.setdefault("settings", {"lr": 0.1})
    kw.setdefault("figures", {"test_acc": 0.8})
    kw.setdefault("seed", 0)
    return board.add(room, page, **kw)


# --- schema ------------------------------------------------------------------------------------------
def test_schema_is_created_on_first_use_with_its_version(db: Db) -> None:
    engine = db.engine()
    assert not sa.inspect(engine).has_table("mlp_lab_board_points")
    room = Board(engine).room("a")
    assert room == store.Room("a", None, False, 0, False)  # nobody has used the code yet
    tables = set(sa.inspect(engine).get_table_names())
    assert {"mlp_lab_board_info", "mlp_lab_board_rooms", "mlp_lab_board_points"} <= tables
    assert db.raw(sa.select(info_table.c.value).where(info_table.c.name == "schema_version")) == [
        (str(SCHEMA_VERSION),)
    ]
    # A second board (another server process) finds the schema and leaves it as it is.
    put(Board(db.engine()))
    assert len(db.raw(sa.select(info_table))) == 1


@pytest.mark.parametrize("found", [str(SCHEMA_VERSION + 1), "x"])
def test_a_newer_or_unknown_schema_version_makes_the_board_unavailable(db: Db, found: str) -> None:
    put(db.board())
    db.raw(info_table.update().where(info_table.c.name == "schema_version").values(value=found))
    board = db.board()
    for call in (lambda: board.room("a"), lambda: board.points("a"), lambda: put(board)):
        with pytest.raises(Unavailable, match="schema version"):
            call()
    db.raw(info_table.update().values(value=str(SCHEMA_VERSION)))
    assert len(db.board().points("a").points) == 1  # our own version again: the board works


# --- points ------------------------------------------------------------------------------------------
def test_add_and_points_round_trip(db: Db) -> None:
    import numpy as np  # here, not at the top: the race's spawned writers import this module

    clock = Clock()
    board = db.board(clock=clock)
    settings = {"lr": 0.1, "hidden": 256, "act": "relu", "dropout": [0.2, 0.5], "scaled": True, "np": np.float32(2.5)}
    figures = {"test_acc": 0.8531, "loss": float("nan"), "epochs": np.int64(10)}
    first = board.add("a", "mlp", settings=settings, figures=figures, seed=7, nickname="  Ann ")
    clock.now += 5
    second = board.add("a", "dropout", settings={"p": 0.5}, figures={"test_acc": 0.84}, seed=1)
    assert second > first

    read = board.points("a")
    assert read.corrupt == 0
    assert [p.id for p in read.points] == [first, second]  # oldest first
    p = read.points[0]
    assert (p.room, p.page, p.nickname, p.seed, p.created) == ("a", "mlp", "Ann", 7, T0)
    assert p.settings == {"lr": 0.1, "hidden": 256, "act": "relu", "dropout": [0.2, 0.5], "scaled": True, "np": 2.5}
    assert p.figures == {"test_acc": 0.8531, "loss": None, "epochs": 10}  # NaN is stored as "no number"
    assert read.points[1].created == T0 + 5 and read.points[1].nickname == ""

    only = board.points("a", page="dropout").points
    assert [q.id for q in only] == [second]
    assert board.points("a", page="weight-decay").points == []
    assert board.room("a") == store.Room("a", T0, False, 2, False)


def test_open_room_starts_the_clock_once(db: Db) -> None:
    clock = Clock()
    board = db.board(clock=clock)
    assert board.open_room("a") == store.Room("a", T0, False, 0, False)
    clock.now += 3600
    put(board)
    assert board.open_room("a") == store.Room("a", T0, False, 1, False)  # opening again keeps its start


def test_rooms_are_isolated(db: Db) -> None:
    board = db.board()
    in_a = [put(board, "a", seed=i) for i in range(3)]
    in_b = put(board, "b", nickname="bea")
    assert [p.id for p in board.points("a").points] == in_a
    assert [p.id for p in board.points("b").points] == [in_b]
    assert all(p.room == "a" for p in board.points("a").points)
    assert board.points("ab").points == [] and board.points("A").points == []
    assert board.remove("b", in_a[0]) is False  # a point of room a cannot be removed through room b
    assert board.clear("a") == 3
    assert [p.id for p in board.points("b").points] == [in_b]
    assert (board.room("a").points, board.room("b").points) == (0, 1)


def test_add_rejects_what_a_learner_should_never_get_through(db: Db) -> None:
    board = db.board()
    with pytest.raises(ValueError, match="room"):
        put(board, room="A")  # codes are stored lower case: callers parse first
    with pytest.raises(ValueError, match="room"):
        put(board, room="a b")
    with pytest.raises(ValueError, match="nickname"):
        put(board, nickname="x" * 25)
    with pytest.raises(TypeError):
        put(board, settings={"model": object()})
    assert board.points("a").points == []


def test_markup_in_a_nickname_is_stored_verbatim_as_text(db: Db) -> None:
    board = db.board()
    put(board, nickname="<b>x</b>")
    put(board, nickname="'); DROP TABLE x; --")
    assert [p.nickname for p in board.points("a").points] == ["<b>x</b>", "'); DROP TABLE x; --"]


# --- limits ------------------------------------------------------------------------------------------
def test_the_cap_refuses_the_point_after_the_last(db: Db) -> None:
    board = db.board(Limits(max_points=3))
    ids = [put(board, seed=i) for i in range(3)]
    with pytest.raises(Refused) as refused:
        put(board, seed=3)
    assert refused.value.reason == "full" and refused.value.numbers == {"cap": 3}
    assert board.room("a").points == 3 and len(board.points("a").points) == 3
    put(board, "b")  # the cap is per room
    assert board.remove("a", ids[0])
    put(board, seed=4)  # a removed point makes room again
    assert board.room("a").points == 3


def test_a_frozen_board_refuses_and_unfreezing_accepts(db: Db) -> None:
    board = db.board()
    put(board)
    board.freeze("a")
    assert board.room("a").frozen
    with pytest.raises(Refused) as refused:
        put(board)
    assert refused.value.reason == "frozen"
    put(board, "b")  # other rooms are not frozen
    board.freeze("a", False)
    put(board)
    assert board.room("a") == store.Room("a", T0, False, 2, False)
    board.freeze("new")  # freezing a room nobody used yet starts it, frozen
    assert board.room("new").frozen and board.room("new").created == T0


def test_a_room_expires_and_its_points_are_purged(db: Db) -> None:
    clock = Clock()
    board = db.board(Limits(days=1), clock)
    put(board, "a")
    put(board, "a")
    clock.now = T0 + DAY  # a day to the second is still within the lifetime
    assert not board.room("a").expired
    put(board, "a")
    clock.now = T0 + 2 * DAY
    assert board.room("a").expired
    with pytest.raises(Refused) as refused:
        put(board, "a")
    assert refused.value.reason == "expired" and refused.value.numbers == {"days": 1}
    put(board, "b")  # the next add anywhere purges the expired room's points
    assert board.points("a").points == [] and board.room("a").points == 0
    assert board.room("a").expired and not board.room("b").expired
    assert len(board.points("b").points) == 1
    clock.now = T0 + 3.5 * DAY  # after twice the lifetime the code is forgotten and can start afresh
    put(board, "c")
    assert board.room("a").created is None
    put(board, "a")
    assert board.room("a") == store.Room("a", T0 + 3.5 * DAY, False, 1, False)


def test_allow_rate_five_a_minute() -> None:
    times: list[float] = []
    for t in (0.0, 10.0, 20.0, 30.0, 40.0):
        assert allow_rate(times, t, 5) == (True, 0.0)
        times.append(t)
    assert allow_rate(times, 50.0, 5) == (False, 10.0)  # the first falls out of the minute at 60
    assert allow_rate(times, 59.5, 5) == (False, 0.5)
    assert allow_rate(times, 60.0, 5) == (True, 0.0)
    assert allow_rate([*times, 45.0], 55.0, 5) == (False, 15.0)  # six in the minute: two must leave
    assert allow_rate([100.0] * 5, 100.0, 5) == (False, 60.0)
    assert allow_rate([0.0] * 5, 1000.0, 5) == (True, 0.0)
    assert allow_rate([], 0.0, 1) == (True, 0.0) and allow_rate([0.0], 1.0, 1) == (False, 59.0)


@pytest.mark.parametrize(
    ("raw", "code"),
    [("abc-def-ghj", "abc-def-ghj"), ("  ABC-123 ", "abc-123"), ("a", "a"), ("0" * 32, "0" * 32), ("a-", "a-")],
)
def test_parse_room_good(raw: str, code: str) -> None:
    assert parse_room(raw) == code


@pytest.mark.parametrize(
    "raw", ["", "   ", "-abc", "a" * 33, "a b", "a_b", "a.b", "é", "<b>x</b>", "a\nb", "a\x00", None, 5, ["a"]]
)
def test_parse_room_bad(raw: object) -> None:
    assert parse_room(raw) is None


def test_new_room_codes_parse_and_avoid_lookalikes() -> None:
    codes = {new_room_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        assert parse_room(code) == code and len(code) == 11
        assert not set(code) & set("01ilo")


@pytest.mark.parametrize(
    ("raw", "nick"),
    [
        (None, ""),
        ("", ""),
        ("  Ann  ", "Ann"),
        ("<b>x</b>", "<b>x</b>"),  # markup is text: the board never renders it
        ("小明", "小明"),
        ("e\u0301", "\u00e9"),  # NFC: one way to write é
        ("x" * 24, "x" * 24),
    ],
)
def test_parse_nickname_good(raw: object, nick: str) -> None:
    assert parse_nickname(raw) == nick


@pytest.mark.parametrize(
    "raw", ["x" * 25, "a\x00b", "a\nb", "a\tb", "\x1b[31mred", "a\u202eb", "a\u200bb", "a\u2028b", 5]
)
def test_parse_nickname_bad(raw: object) -> None:
    assert parse_nickname(raw) is None


# --- the teacher's actions ---------------------------------------------------------------------------
def test_teacher_clears_removes_and_freezes(db: Db) -> None:
    board = db.board()
    ids = [put(board, seed=i) for i in range(4)]
    assert board.remove("a", ids[1]) is True
    assert board.remove("a", ids[1]) is False  # already gone: the count must not drop twice
    assert board.remove("a", 10**9) is False
    assert board.room("a").points == 3
    assert [p.id for p in board.points("a").points] == [ids[0], ids[2], ids[3]]
    board.freeze("a")
    assert board.clear("a") == 3  # the teacher may clear a frozen board
    assert board.room("a") == store.Room("a", T0, True, 0, False)
    assert board.clear("a") == 0 and board.clear("never-used") == 0
    board.freeze("a", False)
    put(board)
    assert board.room("a").points == 1


# --- concurrency: real processes ---------------------------------------------------------------------
class CheckThenInsert(Board):
    """A plausible wrong board: it reads the count, then inserts in a second transaction. Between the
    two (here a slow network, 20 ms) other writers get in, and the cap no longer holds."""

    def add(self, room: str, page: str, *, settings: Any, figures: Any, seed: int, nickname: str = "") -> int:
        if self.room(room).points >= self.limits.max_points:
            raise Refused("full", cap=self.limits.max_points)
        time.sleep(0.02)
        with self._tx() as conn:
            conn.execute(self._insert_ignore(rooms_table, code=room, created=self.clock(), frozen=0, points=0))
            conn.execute(rooms_table.update().where(rooms_table.c.code == room).values(points=rooms_table.c.points + 1))
            values = dict(room=room, page=page, nickname=nickname, settings=json.dumps(settings),
                          figures=json.dumps(figures), seed=seed, created=self.clock())  # fmt: skip
            return int(conn.execute(points_table.insert().values(**values)).inserted_primary_key[0])


WRITERS, EACH = 4, 25  # processes, and points each tries to add
_start: Any = None  # the writers' shared barrier, inherited when the pool starts them


def _init_writer(start: Any) -> None:
    global _start
    _start = start


def _writer(kind: str, target: str, cap: int, board_class: str) -> tuple[list[int], list[str], list[str]]:
    """One process: wait for all, then open the board (racing the others to create the schema) and
    add EACH points. What it stored, what was refused, and any other failure, for the parent."""
    ids: list[int] = []
    refused: list[str] = []
    errors: list[str] = []
    try:
        _start.wait(60)  # all at once, from the first statement
    except threading.BrokenBarrierError:
        return ids, refused, ["the other writers never came"]
    engine = make_engine(kind, target)
    try:
        board = {"Board": Board, "CheckThenInsert": CheckThenInsert}[board_class](engine, Limits(max_points=cap))
        for i in range(EACH):
            try:
                ids.append(board.add("class-1", "mlp", settings={"i": i, "pid": os.getpid()}, figures={}, seed=i))
            except Refused as exc:
                refused.append(exc.reason)
            except Unavailable as exc:
                errors.append(str(exc))
    except Exception as exc:  # reported by the parent: a silent child would just look slow
        errors.append(f"{type(exc).__name__}: {exc}")
    finally:
        engine.dispose()
    return ids, refused, errors


@pytest.fixture(scope="session")
def writers() -> Iterator[tuple[Any, Any]]:
    """WRITERS spawned processes (fresh interpreters, as other server processes would be), started
    once and reused by every race: spawning costs more than the race itself on a small machine."""
    ctx = mp.get_context("spawn")
    start = ctx.Barrier(WRITERS)
    with ctx.Pool(WRITERS, initializer=_init_writer, initargs=(start,)) as pool:
        yield pool, start


@dataclass
class Race:
    ids: list[int]
    refused: list[str]
    errors: list[str]
    room_count: int  # the room row's count
    rows: int  # points actually stored
    pids: int  # processes whose points were stored


def race(db: Db, writers: tuple[Any, Any], cap: int, board_class: str = "Board") -> Race:
    """WRITERS processes each add EACH points to one room at once. Each task blocks on the barrier
    until all have started, so no process can take two of them: every task runs in its own process."""
    pool, start = writers
    args = [(db.kind, db.target, cap, board_class)] * WRITERS
    try:
        results = pool.starmap_async(_writer, args, chunksize=1).get(timeout=180)
    finally:
        if start.broken:
            start.reset()
    board = db.board()
    stored = board.points("class-1").points
    return Race(
        ids=[i for r in results for i in r[0]],
        refused=[x for r in results for x in r[1]],
        errors=[e for r in results for e in r[2]],
        room_count=board.room("class-1").points,
        rows=len(stored),
        pids=len({p.settings["pid"] for p in stored}),
    )


def check_exact(result: Race, stored: int, refused: int) -> None:
    """Exactly ``stored`` points kept, each once, and ``refused`` turned away as full: no more, no less."""
    assert result.errors == []
    assert len(result.ids) == len(set(result.ids)) == stored
    assert result.refused == ["full"] * refused
    assert result.rows == stored and result.room_count == stored


def test_concurrent_writers_lose_no_point(db: Db, writers: tuple[Any, Any]) -> None:
    result = race(db, writers, cap=300)
    check_exact(result, stored=100, refused=0)
    assert result.pids == WRITERS
    assert sorted(p.id for p in db.board().points("class-1").points) == sorted(result.ids)


def test_concurrent_writers_keep_the_cap_exactly(db: Db, writers: tuple[Any, Any]) -> None:
    check_exact(race(db, writers, cap=60), stored=60, refused=40)


def test_the_race_check_catches_a_board_that_counts_then_inserts(db: Db, writers: tuple[Any, Any]) -> None:
    """The same race against ``CheckThenInsert`` stores more than the cap, and ``check_exact`` says so."""
    result = race(db, writers, cap=60, board_class="CheckThenInsert")
    assert result.errors == [] and result.rows > 60  # it fails on the cap, not on anything else
    with pytest.raises(AssertionError):
        check_exact(result, stored=60, refused=40)


# --- faults: always Unavailable, and a healthy database works again -----------------------------------
def assert_recovers(db: Db) -> None:
    board = db.board()
    before = len(board.points("a").points)
    put(board)
    assert len(board.points("a").points) == before + 1


def closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens there once the socket is closed


@pytest.mark.parametrize("db", ["postgresql"], indirect=True)
def test_an_unreachable_server_is_unavailable(db: Db) -> None:
    url = f"postgresql+psycopg://postgres@127.0.0.1:{closed_port()}/mlp_lab_test?connect_timeout=3"
    engine = make_engine("postgresql", url)
    db.engines.append(engine)
    board = Board(engine)
    for call in (lambda: board.room("a"), lambda: put(board), lambda: board.points("a"),
                 lambda: board.open_room("a"), lambda: board.clear("a"), lambda: board.freeze("a")):  # fmt: skip
        with pytest.raises(Unavailable):
            call()
    assert_recovers(db)


@pytest.mark.parametrize("db", ["postgresql"], indirect=True)
def test_a_dropped_connection_fails_one_call_and_the_next_reconnects(db: Db) -> None:
    board = db.board()
    put(board)
    with board.engine.connect() as conn:  # the board's one pooled connection
        pid = conn.execute(sa.text("SELECT pg_backend_pid()")).scalar()
    assert db.raw(sa.text("SELECT pg_terminate_backend(:pid)"), pid=pid) == [(True,)]  # as a server restart would
    with pytest.raises(Unavailable):
        put(board)
    put(board)
    assert len(board.points("a").points) == 2


def test_a_read_only_database_reads_but_refuses_writes_as_unavailable(db: Db, tmp_path: Path) -> None:
    put(db.board())
    for engine in db.engines:
        engine.dispose()
    restore: list[tuple[Path, int]] = []
    if db.kind == "postgresql":
        engine = db.engine(connect_args={"options": "-c default_transaction_read_only=on"})
    elif os.geteuid() == 0:  # root writes through any file mode: ask SQLite itself for read-only
        engine = make_engine("sqlite", f"file:{db.target}?mode=ro&uri=true")
        db.engines.append(engine)
    else:
        for path in (Path(db.target), tmp_path):
            restore.append((path, stat.S_IMODE(path.stat().st_mode)))
        Path(db.target).chmod(0o444)
        tmp_path.chmod(0o555)
        engine = db.engine()
    try:
        board = Board(engine)
        if restore:  # a read-only folder may keep SQLite from opening its WAL index: then reads fail too
            with contextlib.suppress(Unavailable):
                assert len(board.points("a").points) == 1
        else:
            assert len(board.points("a").points) == 1
            assert board.room("a").points == 1
        for call in (lambda: put(board), lambda: board.clear("a"), lambda: board.freeze("a"),
                     lambda: board.open_room("b")):  # fmt: skip
            with pytest.raises(Unavailable):
                call()
    finally:
        engine.dispose()
        for path, mode in reversed(restore):
            path.chmod(mode)
    assert_recovers(db)


def test_a_full_disk_is_unavailable_and_loses_nothing_stored(tmp_path: Path) -> None:
    db = Db("sqlite", str(tmp_path / "full.db"))
    engine = db.engine()

    @sa.event.listens_for(engine, "connect")
    def _small(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute("PRAGMA max_page_count = 24")  # a disk with 24 pages (96 KiB) free

    board = Board(engine)
    stored = []
    with pytest.raises(Unavailable, match="full"):
        for i in range(200):
            stored.append(put(board, settings={"notes": "x" * 3000}, seed=i))
    assert len(stored) > 3  # it filled up, rather than failing at once
    read = board.points("a")
    assert [p.id for p in read.points] == stored and read.corrupt == 0
    assert board.room("a").points == len(stored)  # the refused add's count went back with it
    engine.dispose()
    assert_recovers(db)  # the same file with room to grow
    assert_recovers(Db("sqlite", str(tmp_path / "other.db")))


@pytest.mark.parametrize("damage", ["random bytes", "damaged pages"])
def test_a_corrupt_file_is_unavailable(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "board.db"
    healthy = Db("sqlite", str(path))
    board = healthy.board()
    for i in range(50):
        put(board, settings={"notes": "y" * 500}, seed=i)
    for engine in healthy.engines:
        engine.dispose()
    rng = random.Random(0)
    data = bytearray(path.read_bytes())
    if damage == "random bytes":
        data = bytearray(rng.randbytes(len(data)))
    else:  # a valid header, garbage behind it (e.g. a torn copy)
        data[100:] = rng.randbytes(len(data) - 100)
    path.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)

    board = Db("sqlite", str(path)).board()
    for call in (lambda: board.room("a"), lambda: board.points("a"), lambda: put(board), lambda: board.clear("a")):
        with pytest.raises(Unavailable):
            call()
    assert_recovers(Db("sqlite", str(tmp_path / "new.db")))


def test_a_corrupt_row_is_left_out_and_counted(db: Db) -> None:
    board = db.board()
    ids = [put(board, seed=i) for i in range(4)]
    db.raw(points_table.update().where(points_table.c.id == ids[1]).values(settings="{not json"))
    read = board.points("a")
    assert [p.id for p in read.points] == [ids[0], ids[2], ids[3]] and read.corrupt == 1
    db.raw(points_table.update().where(points_table.c.id == ids[2]).values(figures="[1, 2]"))  # JSON, not an object
    read = board.points("a")
    assert [p.id for p in read.points] == [ids[0], ids[3]]
    assert read.corrupt == 2
    assert board.points("a", page="mlp").corrupt == 2 and board.points("b").corrupt == 0
    assert_recovers(db)
    assert db.board().points("a").corrupt == 2  # the good rows stay readable beside the bad
