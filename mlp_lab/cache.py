"""Finished results on disk, so a restarted server answers at once what it computed before.

Entries are keyed by a hash of the full key (topic + frozen config) and the code version, written
atomically (temporary file, then rename), checked on load (a corrupt or foreign entry is ignored,
logged and recomputed), and bounded in size (the oldest entries go first). Problems with the folder
(read-only, full) never stop the app: it logs and carries on with the in-memory result.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import os
import tempfile
from collections.abc import Hashable
from functools import lru_cache
from pathlib import Path
from typing import Any

import torch

import mlp_lab

log = logging.getLogger("mlp_lab.cache")
SUFFIX = ".pt"
DEFAULT_MAX_MB = 512


def cache_dir() -> Path:
    return Path(os.environ.get("MLP_LAB_CACHE") or Path(".cache") / "mlp_lab")


def cache_max_bytes() -> int:
    try:
        mb = float(os.environ.get("MLP_LAB_CACHE_MB", DEFAULT_MAX_MB))
    except ValueError:
        mb = DEFAULT_MAX_MB
    return int(max(mb, 1) * 2**20)


_NOT_COMPUTING = {"__main__.py", "warm.py"}  # the command line and the job list change no result


@lru_cache(maxsize=1)
def code_version() -> str:
    """The package version plus a hash of the code that computes results (not the UI): a change to
    a trainer or an experiment makes old entries foreign instead of silently wrong."""
    root = Path(mlp_lab.__file__).parent
    h = hashlib.sha256(mlp_lab.__version__.encode())
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root)
        if "ui" not in rel.parts and rel.name not in _NOT_COMPUTING:
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def key_text(key: Hashable) -> str:
    # Frozen dataclasses and tuples of them have a deterministic repr: field names and values.
    return repr(key)


class DiskCache:
    def __init__(self, folder: Path | None = None, max_bytes: int | None = None) -> None:
        self.folder = Path(folder) if folder is not None else cache_dir()
        self.max_bytes = max_bytes if max_bytes is not None else cache_max_bytes()
        self.version = code_version()
        self.errors = 0  # failed reads or writes (logged), for tests and the status line

    def path_for(self, key: Hashable) -> Path:
        digest = hashlib.sha256(f"{self.version}\n{key_text(key)}".encode()).hexdigest()[:32]
        return self.folder / f"{digest}{SUFFIX}"

    def load(self, key: Hashable) -> Any | None:
        path = self.path_for(key)
        if not path.is_file():
            return None
        try:
            # Our own folder, written by this app: trusted, so full unpickling is fine.
            payload = torch.load(path, map_location="cpu", weights_only=False)
            if not (
                isinstance(payload, dict)
                and payload.get("version") == self.version
                and payload.get("key") == key_text(key)
            ):
                raise ValueError("entry belongs to another key or code version")
            os.utime(path)  # recently used: evict it last
            return payload["value"]
        except Exception as exc:  # corrupt, truncated, foreign: recompute instead
            self.errors += 1
            log.warning("ignoring cache entry %s (%s: %s); it will be recomputed", path.name, type(exc).__name__, exc)
            with contextlib.suppress(OSError):
                path.unlink()
            return None

    def save(self, key: Hashable, value: Any) -> bool:
        """Write atomically; False (and a log line) when the folder cannot take it."""
        path = self.path_for(key)
        tmp_name = None
        try:
            buf = io.BytesIO()
            torch.save({"version": self.version, "key": key_text(key), "value": value}, buf)
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp_name = tempfile.mkstemp(dir=self.folder, prefix=".tmp-", suffix=SUFFIX)
            with os.fdopen(fd, "wb") as fh:
                fh.write(buf.getvalue())
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp_name, path)  # atomic: readers see the old file or the whole new one
            tmp_name = None
            self.evict()
            return True
        except Exception as exc:  # read-only, full disk, unpicklable value
            self.errors += 1
            log.warning("could not store %s in %s (%s: %s)", path.name, self.folder, type(exc).__name__, exc)
            return False
        finally:
            if tmp_name is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp_name)

    def entries(self) -> list[Path]:
        try:
            return [p for p in self.folder.glob(f"*{SUFFIX}") if not p.name.startswith(".tmp-")]
        except OSError:
            return []

    def size(self) -> int:
        return sum(p.stat().st_size for p in self.entries() if p.exists())

    def evict(self) -> None:
        """Delete the least recently used entries until the folder is within its bound."""
        files = sorted(self.entries(), key=lambda p: p.stat().st_mtime)
        total = sum(p.stat().st_size for p in files)
        while files and total > self.max_bytes:
            oldest = files.pop(0)
            total -= oldest.stat().st_size
            try:
                oldest.unlink()
            except OSError:
                break
