"""One computation per result key across real processes: two processes sharing a cache folder train
once; a holder killed mid-computation releases the key; two processes with separate cache folders
sharing one PostgreSQL server (two machines) also train once, the second reading the first's result."""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import time
from pathlib import Path

import pytest

from mlp_lab.cache import DiskCache
from mlp_lab.coordination import FileCoordinator, PostgresCoordinator
from mlp_lab.store import ResultStore

KEY = ("tests.test_coordination.slow", ("lr", 0.1, "seed", 7))
CTX = mp.get_context("spawn")  # a fresh interpreter, as a second server process is


def _store(folder: str, pg: str | None, coordinate: bool = True) -> ResultStore:
    coordinators: list = []
    if coordinate:
        coordinators.append(FileCoordinator(Path(folder) / "locks"))
        if pg:
            import sqlalchemy as sa

            coordinators.append(PostgresCoordinator(sa.create_engine(pg), version="test"))
    return ResultStore(disk=DiskCache(Path(folder)), coordinators=tuple(coordinators))


def _worker(folder: str, log: str, start_at: float, pg: str | None, coordinate: bool, out: mp.Queue) -> None:
    store = _store(folder, pg, coordinate)

    def compute() -> dict:
        with open(log, "a") as fh:  # one line per training, from any process
            fh.write(f"{os.getpid()}\n")
        time.sleep(1.5)
        return {"weights": [1.0, 2.0], "by": os.getpid()}

    time.sleep(max(0.0, start_at - time.time()))  # both ask at the same moment
    waited = []
    value = store.get_or_compute(KEY, compute, waiting=waited.append)
    out.put((os.getpid(), value["by"], len(waited)))


def _run_two(folders: list[Path], log: Path, pg: str | None = None, coordinate: bool = True) -> list[tuple]:
    out = CTX.Queue()
    start_at = time.time() + 4.0  # after both interpreters have imported torch
    procs = [CTX.Process(target=_worker, args=(str(f), str(log), start_at, pg, coordinate, out)) for f in folders]
    for p in procs:
        p.start()
    results = [out.get(timeout=90) for _ in procs]
    for p in procs:
        p.join(timeout=30)
    return results


def trainings(log: Path) -> int:
    return len(log.read_text().split()) if log.exists() else 0


def test_two_processes_one_configuration_one_training(tmp_path: Path) -> None:
    log = tmp_path / "trainings.log"
    results = _run_two([tmp_path / "cache"] * 2, log)
    assert trainings(log) == 1
    (_, by_a, _), (_, by_b, _) = results
    assert by_a == by_b  # both got the one training's result
    assert max(w for *_, w in results) >= 1  # the other process waited, and said so


def test_without_the_file_lock_both_processes_train(tmp_path: Path) -> None:
    """The check above can fail: the same two processes with only their in-process locks."""
    log = tmp_path / "trainings.log"
    _run_two([tmp_path / "cache"] * 2, log, coordinate=False)
    assert trainings(log) == 2


def _holder(folder: str, holding: str) -> None:
    store = _store(folder, None)

    def compute() -> None:
        Path(holding).write_text("holding")
        time.sleep(600)  # killed long before this

    store.get_or_compute(KEY, compute)


def test_a_killed_holder_releases_the_key(tmp_path: Path) -> None:
    folder, holding = tmp_path / "cache", tmp_path / "holding"
    proc = CTX.Process(target=_holder, args=(str(folder), str(holding)))
    proc.start()
    deadline = time.time() + 60
    while not holding.exists():
        assert time.time() < deadline and proc.is_alive(), "the holder never started computing"
        time.sleep(0.1)
    waited: list[float] = []

    def kill_after_a_while(seconds: float) -> None:  # this process waits, as a visitor's page would
        waited.append(seconds)
        if len(waited) == 2:
            os.kill(proc.pid, signal.SIGKILL)

    start = time.monotonic()
    value = _store(str(folder), None).get_or_compute(KEY, lambda: "computed here", waiting=kill_after_a_while)
    proc.join(timeout=10)
    assert value == "computed here" and proc.exitcode == -signal.SIGKILL
    assert len(waited) >= 2 and time.monotonic() - start < 10  # released with the dead process


def test_two_machines_sharing_postgresql_train_once(tmp_path: Path, pg_url: str) -> None:
    import sqlalchemy as sa

    with sa.create_engine(pg_url).begin() as conn:  # a clean results table
        conn.execute(sa.text(f"DROP TABLE IF EXISTS {PostgresCoordinator.TABLE}"))
    log = tmp_path / "trainings.log"
    results = _run_two([tmp_path / "machine-a", tmp_path / "machine-b"], log, pg=pg_url)
    assert trainings(log) == 1
    assert results[0][1] == results[1][1]
    # The second machine kept the shared result on its own disk as well.
    assert all(DiskCache(tmp_path / m).entries() for m in ("machine-a", "machine-b"))


def test_two_machines_without_the_shared_server_train_twice(tmp_path: Path) -> None:
    """Separate cache folders and no PostgreSQL: file locks cannot see each other."""
    log = tmp_path / "trainings.log"
    _run_two([tmp_path / "machine-a", tmp_path / "machine-b"], log)
    assert trainings(log) == 2


def test_a_coordinator_that_cannot_lock_lets_the_caller_compute(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    store = ResultStore(coordinators=(FileCoordinator(blocker / "locks"),))  # cannot make the folder
    assert store.get_or_compute(KEY, lambda: 42) == 42


@pytest.mark.parametrize("down", ["postgresql+psycopg://nobody@127.0.0.1:9/none"])
def test_a_shared_server_that_is_down_costs_only_sharing(tmp_path: Path, down: str) -> None:
    import sqlalchemy as sa

    store = ResultStore(coordinators=(PostgresCoordinator(sa.create_engine(down), version="t"),))
    assert store.get_or_compute(KEY, lambda: 7) == 7
