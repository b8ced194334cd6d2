"""The class board's storage: a room's runs, pooled in a real SQL database.

A **room** is a short code (letters, digits, dashes; at most 32; case does not matter). A **point**
is one finished run added to a room's board: the page, its settings, its result figures, its seed,
the time, and an optional nickname. Nothing else about the person is stored: which points are a
learner's own is kept in their browser session, not here.

The same code runs on SQLite (the default, a file in the cache folder) and on PostgreSQL (several
server processes or machines), through a SQLAlchemy engine. Every query is SQLAlchemy Core with
bound parameters; every change is one transaction. A room's row carries its point count, and
adding a point first increments it under the cap in one ``UPDATE``: concurrent writers, from any
number of processes, serialise on that row, so none is lost and the cap holds.

Any database failure (unreachable, read-only, disk full, a corrupt file) surfaces as
``Unavailable``; a refused point (frozen board, full room, expired room) as ``Refused`` with the
reason. No streamlit here: the tests and benchmarks use it directly.
"""

from __future__ import annotations

import json
import logging
import math
import re
import secrets
import time
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

log = logging.getLogger("mlp_lab")

SCHEMA_VERSION = 1
ROOM_MAX = 32
NICK_MAX = 24
_ROOM = re.compile(rf"^[a-z0-9](?:[a-z0-9-]{{0,{ROOM_MAX - 1}}})$")
_CODE_LETTERS = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: read off a projector

meta = sa.MetaData()
info_table = sa.Table(
    "mlp_lab_board_info", meta, sa.Column("name", sa.String(32), primary_key=True), sa.Column("value", sa.String(64))
)
rooms_table = sa.Table(
    "mlp_lab_board_rooms",
    meta,
    sa.Column("code", sa.String(ROOM_MAX), primary_key=True),
    sa.Column("created", sa.Float, nullable=False),
    sa.Column("frozen", sa.Integer, nullable=False, default=0),
    sa.Column("points", sa.Integer, nullable=False, default=0),
)
points_table = sa.Table(
    "mlp_lab_board_points",
    meta,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("room", sa.String(ROOM_MAX), nullable=False),
    sa.Column("page", sa.String(32), nullable=False),
    sa.Column("nickname", sa.String(NICK_MAX * 4), nullable=False, default=""),
    sa.Column("settings", sa.Text, nullable=False),
    sa.Column("figures", sa.Text, nullable=False),
    sa.Column("seed", sa.Integer, nullable=False),
    sa.Column("created", sa.Float, nullable=False),
    sa.Index("mlp_lab_board_points_room", "room", "page"),
)


class Unavailable(Exception):
    """The database cannot be used now (unreachable, read-only, full, corrupt, or newer than us)."""


class Refused(Exception):
    """The board turned a point away: ``reason`` is "frozen", "full" or "expired"."""

    def __init__(self, reason: str, **numbers: Any) -> None:
        super().__init__(reason)
        self.reason = reason
        self.numbers = numbers


@dataclass(frozen=True)
class Limits:
    """How much a board takes: points per room, points per session per minute, days a room lives."""

    max_points: int = 300
    per_minute: int = 5
    days: float = 7.0


@dataclass(frozen=True)
class Point:
    id: int
    room: str
    page: str
    nickname: str
    settings: Mapping[str, Any]
    figures: Mapping[str, float]
    seed: int
    created: float


@dataclass(frozen=True)
class Room:
    code: str
    created: float | None  # None: nobody has used the code yet
    frozen: bool
    points: int
    expired: bool


@dataclass(frozen=True)
class Read:
    """A room's points as read now; ``corrupt`` counts rows that could not be read (left out)."""

    points: list[Point]
    corrupt: int = 0


# --- what a learner types ---------------------------------------------------------------------------
def parse_room(raw: object) -> str | None:
    """A room code as stored (lower case), or None when ``raw`` is not one."""
    if not isinstance(raw, str):
        return None
    code = raw.strip().lower()
    return code if _ROOM.match(code) else None


def new_room_code(rng: secrets.SystemRandom | None = None) -> str:
    """A fresh code to read off a projector: ``abc-def-ghj`` (31^9, about 2.6e13, codes)."""
    pick = rng or secrets.SystemRandom()
    return "-".join("".join(pick.choice(_CODE_LETTERS) for _ in range(3)) for _ in range(3))


def parse_nickname(raw: object) -> str | None:
    """A nickname as stored ("" for none), or None when it is too long or has control characters.

    Shown only as text (a table cell, a tooltip), never as markdown or HTML."""
    if raw is None:
        return ""
    if not isinstance(raw, str):
        return None
    nick = unicodedata.normalize("NFC", raw.strip())
    if len(nick) > NICK_MAX or any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Zl", "Zp") for c in nick):
        return None
    return nick


def allow_rate(times: list[float], now: float, per_minute: int) -> tuple[bool, float]:
    """Whether a session that added points at ``times`` may add one more now; else the seconds to
    wait. The session keeps its own times (nothing about it goes to the database)."""
    recent = sorted(s for s in times if now - s < 60.0)
    if len(recent) < per_minute:
        return True, 0.0
    return False, max(0.0, 60.0 - (now - recent[-per_minute]))


def _clean(value: Any) -> Any:
    """A setting or figure as JSON keeps it: numbers, text, booleans, lists of them."""
    if isinstance(value, bool | int | str) or value is None:
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    if hasattr(value, "item"):  # a numpy scalar
        return _clean(value.item())
    raise TypeError(f"not a plain value: {type(value).__name__}")


# --- the database -------------------------------------------------------------------------------------
def _is_transient(exc: Exception) -> bool:
    text = str(exc).lower()
    return "database is locked" in text or "database is busy" in text or "deadlock detected" in text


def _lost_create_race(exc: sa.exc.DBAPIError) -> bool:
    """Another process created a table first: PostgreSQL says so with an integrity or programming
    error, SQLite with an OperationalError "table ... already exists"."""
    if isinstance(exc, sa.exc.IntegrityError | sa.exc.ProgrammingError):
        return True
    return "already exists" in str(exc).lower()


class Board:
    """One database's boards (every room). Thread-safe: each call takes a pooled connection."""

    def __init__(self, engine: Engine, limits: Limits | None = None, clock: Callable[[], float] = time.time) -> None:
        self.engine = engine
        self.limits = limits or Limits()
        self.clock = clock
        self._ready = False

    @property
    def database(self) -> str:
        return "postgresql" if self.engine.dialect.name == "postgresql" else self.engine.dialect.name

    @contextmanager
    def _tx(self) -> Iterator[Connection]:
        """One transaction; any database failure becomes ``Unavailable`` (transient locks retried)."""
        self.ensure_schema()
        try:
            with self.engine.begin() as conn:
                yield conn
        except (Refused, Unavailable):
            raise
        except sa.exc.SQLAlchemyError as exc:
            log.warning("class board: database error: %s", str(exc).splitlines()[0])  # not the values
            raise Unavailable(str(exc).splitlines()[0]) from exc

    def _retry(self, action: Callable[[], Any], attempts: int = 8) -> Any:
        for i in range(attempts):
            try:
                return action()
            except Unavailable as exc:
                if i == attempts - 1 or not _is_transient(exc.__cause__ or exc):
                    raise
                time.sleep(0.05 * (i + 1))
        raise AssertionError("unreachable")

    def ensure_schema(self) -> None:
        """Create the tables on first use (any process may race to it), then check the version."""
        if self._ready:
            return
        try:
            for attempt in range(3):
                try:
                    meta.create_all(self.engine, checkfirst=True)
                    with self.engine.begin() as conn:
                        found = conn.execute(
                            sa.select(info_table.c.value).where(info_table.c.name == "schema_version")
                        ).scalar()
                        if found is None:
                            conn.execute(
                                self._insert_ignore(info_table, name="schema_version", value=str(SCHEMA_VERSION))
                            )
                    break
                except sa.exc.DBAPIError as exc:
                    if attempt == 2 or not _lost_create_race(exc):
                        raise
                    time.sleep(0.1)
            with self.engine.connect() as conn:
                found = conn.execute(
                    sa.select(info_table.c.value).where(info_table.c.name == "schema_version")
                ).scalar()
        except sa.exc.SQLAlchemyError as exc:
            log.warning("class board: cannot open the database: %s", exc)
            raise Unavailable(str(exc).splitlines()[0]) from exc
        if found is None or not str(found).isdigit() or int(found) > SCHEMA_VERSION:
            raise Unavailable(f"board schema version {found!r}; this code knows {SCHEMA_VERSION}")
        self._ready = True

    def _insert_ignore(self, table: sa.Table, **values: Any) -> Any:
        """INSERT that leaves an existing row alone (both SQLite and PostgreSQL say ON CONFLICT)."""
        if self.engine.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        return insert(table).values(**values).on_conflict_do_nothing()

    def _expired(self, created: float | None, now: float) -> bool:
        return created is not None and now - created > self.limits.days * 86400.0

    def _purge(self, conn: Connection, now: float) -> None:
        """Expired rooms lose their points; their codes are forgotten after twice the lifetime."""
        old = now - self.limits.days * 86400.0
        stale = sa.select(rooms_table.c.code).where(rooms_table.c.created < old)
        conn.execute(points_table.delete().where(points_table.c.room.in_(stale)))
        conn.execute(rooms_table.update().where(rooms_table.c.created < old).values(points=0))
        conn.execute(rooms_table.delete().where(rooms_table.c.created < old - self.limits.days * 86400.0))

    def open_room(self, code: str) -> Room:
        """Start the room's clock (creating it if new) and say how it stands."""
        now = self.clock()

        def go() -> None:
            with self._tx() as conn:
                conn.execute(self._insert_ignore(rooms_table, code=code, created=now, frozen=0, points=0))

        self._retry(go)
        return self.room(code)

    def room(self, code: str) -> Room:
        with self._tx() as conn:
            row = conn.execute(sa.select(rooms_table).where(rooms_table.c.code == code)).mappings().first()
        if row is None:
            return Room(code, None, False, 0, False)
        created = float(row["created"])
        return Room(code, created, bool(row["frozen"]), int(row["points"]), self._expired(created, self.clock()))

    def add(
        self,
        room: str,
        page: str,
        *,
        settings: Mapping[str, Any],
        figures: Mapping[str, float],
        seed: int,
        nickname: str = "",
    ) -> int:
        """Store one point; its id. Refused when the board is frozen, the room full or expired."""
        if parse_room(room) != room:
            raise ValueError(f"not a room code: {room!r}")
        nick = parse_nickname(nickname)
        if nick is None:
            raise ValueError("not a nickname")
        body = json.dumps({k: _clean(v) for k, v in settings.items()}, sort_keys=True)
        figs = json.dumps({k: _clean(v) for k, v in figures.items()}, sort_keys=True)
        now = self.clock()

        def go() -> int:
            with self._tx() as conn:
                self._purge(conn, now)
                conn.execute(self._insert_ignore(rooms_table, code=room, created=now, frozen=0, points=0))
                # The room's row is the lock: the UPDATE serialises writers and keeps the cap.
                taken = conn.execute(
                    rooms_table.update()
                    .where(rooms_table.c.code == room, rooms_table.c.frozen == 0)
                    .where(rooms_table.c.points < self.limits.max_points)
                    .where(rooms_table.c.created >= now - self.limits.days * 86400.0)
                    .values(points=rooms_table.c.points + 1)
                ).rowcount
                if taken != 1:
                    row = conn.execute(sa.select(rooms_table).where(rooms_table.c.code == room)).mappings().one()
                    if row["frozen"]:
                        raise Refused("frozen")
                    if self._expired(float(row["created"]), now):
                        raise Refused("expired", days=self.limits.days)
                    raise Refused("full", cap=self.limits.max_points)
                values = dict(
                    room=room, page=page, nickname=nick, settings=body, figures=figs, seed=int(seed), created=now
                )
                return int(conn.execute(points_table.insert().values(**values)).inserted_primary_key[0])

        return self._retry(go)

    def points(self, room: str, page: str | None = None) -> Read:
        """The room's points (of one page, or all), oldest first; unreadable rows left out and counted."""
        query = sa.select(points_table).where(points_table.c.room == room)
        if page is not None:
            query = query.where(points_table.c.page == page)
        with self._tx() as conn:
            rows = conn.execute(query.order_by(points_table.c.id)).mappings().all()
        out, corrupt = [], 0
        for row in rows:
            try:
                settings, figures = json.loads(row["settings"]), json.loads(row["figures"])
                if not isinstance(settings, dict) or not isinstance(figures, dict):
                    raise ValueError("not an object")
                out.append(
                    Point(
                        int(row["id"]),
                        row["room"],
                        row["page"],
                        str(row["nickname"] or ""),
                        settings,
                        figures,
                        int(row["seed"]),
                        float(row["created"]),
                    )
                )
            except (ValueError, TypeError, KeyError) as exc:
                corrupt += 1
                log.warning("class board: unreadable point %s: %s", row.get("id"), exc)
        return Read(out, corrupt)

    # --- the teacher's actions (the UI offers them only with the operator's key) ---------------------
    def clear(self, room: str) -> int:
        """Remove every point of the room; how many."""
        with self._tx() as conn:
            gone = conn.execute(points_table.delete().where(points_table.c.room == room)).rowcount
            conn.execute(rooms_table.update().where(rooms_table.c.code == room).values(points=0))
        return int(gone)

    def remove(self, room: str, point_id: int) -> bool:
        with self._tx() as conn:
            gone = conn.execute(
                points_table.delete().where(points_table.c.room == room, points_table.c.id == int(point_id))
            ).rowcount
            if gone:
                conn.execute(
                    rooms_table.update().where(rooms_table.c.code == room).values(points=rooms_table.c.points - gone)
                )
        return bool(gone)

    def freeze(self, room: str, frozen: bool = True) -> None:
        now = self.clock()
        with self._tx() as conn:
            conn.execute(self._insert_ignore(rooms_table, code=room, created=now, frozen=0, points=0))
            conn.execute(rooms_table.update().where(rooms_table.c.code == room).values(frozen=int(frozen)))


def sqlite_engine(path: str, **kwargs: Any) -> Engine:
    """An engine on a SQLite file, set up for several writers (WAL, a 30 s busy timeout)."""
    engine = sa.create_engine(f"sqlite:///{path}", connect_args={"timeout": 30}, **kwargs)
    prepare(engine)
    return engine


def prepare(engine: Engine) -> None:
    """SQLite: write-ahead logging (readers never wait for a writer) and waiting on a busy file."""
    if engine.dialect.name != "sqlite":
        return

    @sa.event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        try:
            cur.execute("PRAGMA busy_timeout = 30000")
            cur.execute("PRAGMA journal_mode = WAL")
        except Exception as exc:  # a read-only file cannot switch modes: reads still work
            log.info("class board: SQLite pragmas: %s", exc)
        finally:
            cur.close()
