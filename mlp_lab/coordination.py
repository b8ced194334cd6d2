"""One computation per result key across server processes, and across machines.

The store's per-key ``threading.Lock`` covers one process. Several processes on one machine share
the cache folder: a ``FileCoordinator`` takes an OS file lock per key there (``filelock``: flock on
Linux, so a process that dies holding it releases it with its file descriptors, and nobody waits
for a dead holder). Several machines share the class board's PostgreSQL server: a
``PostgresCoordinator`` takes a session-level advisory lock per key there (released by the server
when the holder's connection ends, also when its machine dies) and keeps finished results in a
table every machine reads, so a configuration is trained once across machines.

A coordinator that cannot work (a read-only folder, a database down) says so in the log and lets
the caller compute anyway: a result computed twice is slower, never wrong. No streamlit here.
"""

from __future__ import annotations

import hashlib
import io
import logging
import time
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, Protocol

log = logging.getLogger("mlp_lab")
Waiting = Callable[[float], None] | None  # seconds waited so far, about once a second


def key_digest(key: Hashable, version: str = "") -> str:
    """A stable name for a result key (its repr is deterministic: frozen dataclasses and tuples)."""
    return hashlib.sha256(f"{version}\n{key!r}".encode()).hexdigest()[:32]


class Coordinator(Protocol):
    def hold(self, key: Hashable, waiting: Waiting = None) -> Any: ...  # a context manager

    def load(self, key: Hashable) -> Any | None: ...

    def save(self, key: Hashable, value: Any) -> None: ...


def _wait_loop(try_once: Callable[[float], bool], waiting: Waiting, poll: float = 1.0) -> None:
    """Call ``try_once(timeout)`` until it succeeds, telling ``waiting`` how long it has been (an
    exception from ``waiting``, e.g. Streamlit stopping the script, ends the wait)."""
    start = time.monotonic()
    while not try_once(poll):
        if waiting is not None:
            waiting(time.monotonic() - start)


class FileCoordinator:
    """An OS file lock per key in ``folder`` (the shared cache folder's ``locks/``)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def path(self, key: Hashable) -> Path:
        return self.folder / f"{key_digest(key)}.lock"

    @contextmanager
    def hold(self, key: Hashable, waiting: Waiting = None) -> Iterator[None]:
        from filelock import FileLock, Timeout

        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            lock = FileLock(str(self.path(key)), thread_local=False)
        except OSError as exc:  # a read-only cache folder: this process's own lock still holds
            log.warning("no cross-process lock for a result (%s): it may be computed twice", exc)
            yield
            return

        def once(timeout: float) -> bool:
            try:
                lock.acquire(timeout=timeout)
                return True
            except Timeout:
                return False

        try:
            _wait_loop(once, waiting)
        except OSError as exc:
            log.warning("no cross-process lock for a result (%s): it may be computed twice", exc)
            yield
            return
        try:
            yield
        finally:
            lock.release()

    def load(self, key: Hashable) -> Any | None:
        return None  # the disk cache in the same folder has it

    def save(self, key: Hashable, value: Any) -> None:
        return None


class PostgresCoordinator:
    """A PostgreSQL advisory lock per key, and the finished results in a table (several machines)."""

    TABLE = "mlp_lab_results"

    def __init__(self, engine: Any, version: str = "") -> None:
        import sqlalchemy as sa

        self.engine = engine
        self.version = version  # the code version: another version's result is another key
        self.sa = sa
        self.table = sa.Table(
            self.TABLE,
            sa.MetaData(),
            sa.Column("digest", sa.String(32), primary_key=True),
            sa.Column("value", sa.LargeBinary, nullable=False),
            sa.Column("created", sa.Float, nullable=False),
        )
        self._ready = False

    def _ensure(self) -> None:
        if not self._ready:
            with suppress(self.sa.exc.IntegrityError, self.sa.exc.ProgrammingError):  # another machine made it
                self.table.create(self.engine, checkfirst=True)
            self._ready = True

    def lock_id(self, key: Hashable) -> int:
        """The advisory lock's 64-bit number for ``key``."""
        return int.from_bytes(bytes.fromhex(key_digest(key, self.version)[:16]), "big", signed=True)

    @contextmanager
    def hold(self, key: Hashable, waiting: Waiting = None) -> Iterator[None]:
        sa = self.sa
        try:
            conn = self.engine.connect()
        except sa.exc.SQLAlchemyError as exc:
            log.warning("no cross-machine lock for a result (%s): it may be computed twice", str(exc).splitlines()[0])
            yield
            return
        lock = self.lock_id(key)
        try:

            def once(timeout: float) -> bool:
                got = conn.execute(sa.text("SELECT pg_try_advisory_lock(:k)"), {"k": lock}).scalar()
                conn.commit()
                if not got:
                    time.sleep(timeout)
                return bool(got)

            _wait_loop(once, waiting, poll=0.5)
        except sa.exc.SQLAlchemyError as exc:
            log.warning("no cross-machine lock for a result (%s)", str(exc).splitlines()[0])
            conn.close()
            yield
            return
        try:
            yield
        finally:
            try:
                conn.execute(sa.text("SELECT pg_advisory_unlock(:k)"), {"k": lock})
                conn.commit()
            except sa.exc.SQLAlchemyError:  # gone, or unsure: drop the connection, which ends the lock
                conn.invalidate()
            conn.close()

    def load(self, key: Hashable) -> Any | None:
        import torch

        sa = self.sa
        try:
            self._ensure()
            with self.engine.connect() as conn:
                data = conn.execute(
                    sa.select(self.table.c.value).where(self.table.c.digest == key_digest(key, self.version))
                ).scalar()
            if data is None:
                return None
            payload = torch.load(io.BytesIO(data), map_location="cpu", weights_only=False)  # our own rows
            return payload["value"] if payload.get("key") == repr(key) else None
        except Exception as exc:  # the database down, or a row that does not load: compute instead
            log.warning("shared result unreadable (%s): computing it here", str(exc).splitlines()[0])
            return None

    def save(self, key: Hashable, value: Any) -> None:
        import torch
        from sqlalchemy.dialects.postgresql import insert

        buf = io.BytesIO()
        try:
            torch.save({"key": repr(key), "value": value}, buf)
            self._ensure()
            row = {"digest": key_digest(key, self.version), "value": buf.getvalue(), "created": time.time()}
            with self.engine.begin() as conn:
                conn.execute(insert(self.table).values(**row).on_conflict_do_nothing())
        except Exception as exc:
            log.warning("could not share a result (%s): other machines will compute it", str(exc).splitlines()[0])


@contextmanager
def holding(coordinators: tuple[Coordinator, ...], key: Hashable, waiting: Waiting = None) -> Iterator[None]:
    """Hold every coordinator's lock on ``key``, in order (file first: a machine's processes queue
    on their own disk before one of them asks the shared server)."""
    if not coordinators:
        yield
        return
    first, rest = coordinators[0], coordinators[1:]
    with first.hold(key, waiting), holding(rest, key, waiting):
        yield
