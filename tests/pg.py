"""A throwaway PostgreSQL cluster for the class board's tests and benchmarks.

``start_cluster()`` runs ``initdb`` and ``pg_ctl start`` in a fresh temporary folder: a free TCP port
on 127.0.0.1, the unix socket inside that folder, trust authentication, no fsync (speed over
durability: the data dies with the cluster). ``Cluster.stop()`` stops it and removes the folder.
With ``MLP_LAB_TEST_PG_URL`` set, that server is used instead and nothing is started or stopped.

PostgreSQL refuses to run as root, so as root the folder belongs to an unprivileged user
(``nobody``, else a system user ``mlplab-pg`` made on the spot) and the tools run through ``runuser``.

    python -m tests.pg     # start one, print its URL, keep it until Ctrl-C (for benchmarks)
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import os
import pwd
import re
import shlex
import shutil
import signal
import socket
import stat
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

ENV_URL = "MLP_LAB_TEST_PG_URL"
DATABASE = "mlp_lab_test"
SUPERUSER = "postgres"


class ClusterUnavailable(RuntimeError):
    """No PostgreSQL server could be started (the message says why)."""


class Cluster:
    """A running server: ``url`` is a SQLAlchemy URL (psycopg 3) of a database made for the tests."""

    def __init__(self, url: str, admin_url: str, stop: Callable[[], None] | None = None) -> None:
        self.url = url
        self.admin_url = admin_url  # the maintenance database, for CREATE/DROP DATABASE
        self._stop = stop

    def stop(self) -> None:
        """Stop the server and remove its files (idempotent; a no-op for a server we did not start)."""
        stop, self._stop = self._stop, None
        if stop is not None:
            stop()

    def __enter__(self) -> Cluster:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.stop()


def _version(path: str) -> tuple[int, ...]:
    found = re.search(r"postgresql/([\d.]+)/", path)
    return tuple(int(p) for p in found.group(1).split(".") if p) if found else (0,)


def find_bin_dir() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl``: PATH first, then Debian's newest version."""
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(on_path).resolve().parent
    for initdb in sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_version, reverse=True):
        folder = Path(initdb).parent
        if (folder / "pg_ctl").exists():
            return folder
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _unprivileged_user() -> str:
    """As root, the user that owns and runs the cluster."""
    for name in ("nobody", "mlplab-pg"):
        with contextlib.suppress(KeyError):
            pwd.getpwnam(name)
            return name
    # No nobody: make a system user (no home, no login) just for this.
    made = subprocess.run(
        ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", "mlplab-pg"],
        capture_output=True,
        text=True,
    )
    if made.returncode != 0:
        raise ClusterUnavailable(f"running as root and cannot create a user for PostgreSQL: {made.stderr.strip()}")
    return "mlplab-pg"


def _temp_root(user: str | None) -> str:
    """The temp folder, unless the cluster's user could not reach into it (a root-only TMPDIR)."""
    base = tempfile.gettempdir()
    if user is None:
        return base
    reachable = all(p.stat().st_mode & stat.S_IXOTH for p in [Path(base), *Path(base).parents])
    return base if reachable else "/tmp"


def _run(cmd: list[str], as_user: str | None, cwd: Path, timeout: float) -> subprocess.CompletedProcess[str]:
    if as_user is not None:
        runner = shutil.which("runuser")
        # runuser keeps the environment; su needs a shell, so the command is quoted into one.
        cmd = [runner, "-u", as_user, "--", *cmd] if runner else ["su", as_user, "-s", "/bin/sh", "-c", _quote(cmd)]
    # cwd: the tools look up their own folder and fail where the current one is not readable to them.
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout)


def _quote(cmd: list[str]) -> str:
    return " ".join(shlex.quote(c) for c in cmd)


def _create_database(admin_url: str, name: str) -> None:
    import sqlalchemy as sa

    engine = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            if not conn.execute(sa.text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).scalar():
                conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    finally:
        engine.dispose()


def start_cluster(timeout: float = 60.0) -> Cluster:
    """A PostgreSQL server for tests: ``MLP_LAB_TEST_PG_URL``'s, else a fresh local cluster.

    Raises ``ClusterUnavailable`` with the reason when there is none."""
    if os.environ.get(ENV_URL):
        url = os.environ[ENV_URL]
        return Cluster(url, url)
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise ClusterUnavailable("no initdb/pg_ctl on PATH or under /usr/lib/postgresql/*/bin")

    user = _unprivileged_user() if os.geteuid() == 0 else None
    top = Path(tempfile.mkdtemp(prefix="mlp-lab-pg-", dir=_temp_root(user)))
    if user is not None:
        entry = pwd.getpwnam(user)
        os.chown(top, entry.pw_uid, entry.pw_gid)
    data, log = top / "data", top / "server.log"
    started = False

    def stop() -> None:
        if started:
            _run([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"], user, top, 60)
        shutil.rmtree(top, ignore_errors=True)

    try:
        made = _run(
            [str(bin_dir / "initdb"), "-D", str(data), "-U", SUPERUSER, "-A", "trust", "-E", "UTF8",
             "--locale=C", "--no-sync"],
            user, top, timeout,
        )  # fmt: skip
        if made.returncode != 0:
            raise ClusterUnavailable(f"initdb failed ({made.returncode}): {(made.stderr or made.stdout).strip()}")
        with (data / "postgresql.conf").open("a") as conf:
            # The options live in the config, not on pg_ctl's -o line, which passes through a shell.
            conf.write(
                f"\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '{top}'\n"
                "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\nmax_connections = 100\n"
            )
        last = ""
        for _ in range(3):  # the free port may be taken between finding it and binding it
            port = _free_port()
            with (data / "postgresql.auto.conf").open("w") as conf:
                conf.write(f"port = {port}\n")
            ran = _run(
                [str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-t", str(int(timeout)), "start"],
                user, top, timeout + 10,
            )  # fmt: skip
            if ran.returncode == 0:
                started = True
                break
            last = (ran.stderr or ran.stdout).strip()
            with contextlib.suppress(OSError):
                last += "\n" + log.read_text()[-2000:]
        else:
            raise ClusterUnavailable(f"pg_ctl start failed: {last}")
        admin = f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{port}/postgres"
        _create_database(admin, DATABASE)
    except (OSError, subprocess.SubprocessError, ClusterUnavailable) as exc:
        stop()
        if isinstance(exc, ClusterUnavailable):
            raise
        raise ClusterUnavailable(f"cannot start PostgreSQL: {exc}") from exc
    except BaseException:
        stop()
        raise
    cluster = Cluster(f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{port}/{DATABASE}", admin, stop)
    atexit.register(cluster.stop)  # a crashed test run must not leave a server behind
    return cluster


def _interrupt(*_: object) -> None:
    raise KeyboardInterrupt


def main() -> None:
    with start_cluster() as cluster:
        print(cluster.url, flush=True)
        signal.signal(signal.SIGTERM, _interrupt)  # `kill` stops it as cleanly as Ctrl-C
        with contextlib.suppress(KeyboardInterrupt):
            while True:
                time.sleep(3600)


if __name__ == "__main__":
    main()
