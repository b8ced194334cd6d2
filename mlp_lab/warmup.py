"""Warm-up without a shell: on a server's first start, fill the results cache in the background.

Community Cloud gives no shell to run ``python -m mlp_lab warm`` before class. With
``MLP_LAB_WARM_ON_START=1`` (an environment variable; on Community Cloud a root-level secret, which
Streamlit exports as one) the app starts that same warm-up itself, once per machine, as a child
process at the lowest CPU priority (``nice`` 19) with one torch thread. A child process and not a
thread: torch's thread count and the scheduler's priority are per process, so only a process of its
own can yield to the visitors' trainings. It shares the cache folder and its per-key file locks
(``mlp_lab.coordination``): a visitor who asks for a result being warmed waits for that one
computation and never computes it twice.

Progress goes to ``warm-progress.json`` in the cache folder (the home page shows it); a warm-up
finished for this code version is not started again. No streamlit here.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mlp_lab.cache import cache_dir, code_version

log = logging.getLogger("mlp_lab")
ENV = "MLP_LAB_WARM_ON_START"
ONLY_ENV = "MLP_LAB_WARM_ONLY"  # warm only pages whose address starts with this (tests, small servers)
ROOT = Path(__file__).resolve().parent.parent


def enabled() -> bool:
    return os.environ.get(ENV, "").strip().lower() in ("1", "true", "yes", "on")


def progress_path() -> Path:
    return cache_dir() / "warm-progress.json"


def lock_path() -> Path:
    return cache_dir() / "locks" / "warm.lock"


def read_progress() -> dict[str, Any] | None:
    """The warm-up's state for this code version (None: none started, or another version's)."""
    try:
        state = json.loads(progress_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return state if isinstance(state, dict) and state.get("version") == code_version() else None


def write_progress(**state: Any) -> None:
    """Replace the progress file atomically (the home page may read it at any moment)."""
    path = progress_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-warm-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"version": code_version(), "updated": time.time(), **state}, fh)
        os.replace(tmp, path)
    except OSError as exc:  # a read-only cache folder: the warm-up still fills memory, nobody sees it
        log.warning("warm-up progress not written: %s", exc)


def start_background() -> bool:
    """Start the background warm-up if the setting is on and this code version is not warmed yet;
    True when a child process was started (it exits at once if another process is warming)."""
    if not enabled():
        return False
    state = read_progress()
    if state is not None and state.get("finished"):
        return False
    env = {**os.environ, "MLP_LAB_THREADS": "1", "OMP_NUM_THREADS": "1"}
    args = [sys.executable, "-m", "mlp_lab", "warm", "--background"]
    if os.environ.get(ONLY_ENV):
        args += ["--only", os.environ[ONLY_ENV]]
    try:
        cache_dir().mkdir(parents=True, exist_ok=True)
        out = open(cache_dir() / "warm.log", "a")  # noqa: SIM115 (the child keeps it)
        subprocess.Popen(args, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    except OSError as exc:
        log.warning("background warm-up not started: %s", exc)
        return False
    log.info("background warm-up started (%s)", " ".join(args[2:]))
    return True


def run_background(pages: tuple[Any, ...], warm: Callable[..., list[Any]]) -> int:
    """The child's side: take the machine's warm lock (or leave: another process is warming), lower
    its priority, visit ``pages`` with ``warm`` (``mlp_lab.ui.warm.warm``: the command line passes
    it, so this module stays free of streamlit), writing progress after each, and mark the version
    finished."""
    from filelock import FileLock, Timeout

    lock_path().parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(lock_path()), thread_local=False)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        log.info("another process is warming the cache")
        return 0
    try:
        if hasattr(os, "nice"):
            os.nice(19)  # visitors' trainings first
        import torch

        torch.set_num_threads(1)

        names = [p.url_path for p in pages]
        started = time.time()
        done: list[dict[str, Any]] = []
        write_progress(total=len(names), done=0, current=names[0] if names else "", started=started, rows=[])

        def row(r: Any) -> None:
            done.append(r.__dict__)
            nxt = names[len(done)] if len(done) < len(names) else ""
            write_progress(total=len(names), done=len(done), current=nxt, started=started, rows=done)

        rows = warm(pages, on_row=row)
        ok = all(r.status == "ok" for r in rows)
        write_progress(total=len(names), done=len(done), current="", started=started, rows=done,
                       finished=time.time(), ok=ok)  # fmt: skip
        return 0 if ok else 1
    finally:
        lock.release()
