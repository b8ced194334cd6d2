"""The disk cache under the result store: atomic, self-checking, bounded, and never fatal."""

import errno
import os

import numpy as np
import pytest
import torch

from mlp_lab.cache import DiskCache
from mlp_lab.store import ResultStore, key_of
from mlp_lab.training import History, TrainConfig, TrainResult, train


def result(seed: int = 0) -> TrainResult:
    h = History([0.5], [0.8], [0.6], [0.79])
    return TrainResult(TrainConfig(seed=seed), h, {"W1": torch.ones(3, 2)}, np.arange(5, dtype=np.uint8), 1.5, "cpu")


def test_round_trip_survives_a_restart(tmp_path) -> None:
    key = key_of(train, TrainConfig())
    ResultStore(disk=DiskCache(tmp_path)).put(key, result())
    fresh = ResultStore(disk=DiskCache(tmp_path))  # a new process: empty memory, same folder
    back = fresh.get(key)
    assert back is not None and back.config == TrainConfig() and back.history.test_acc == [0.79]
    assert torch.equal(back.state_dict["W1"], torch.ones(3, 2))
    assert fresh.get(key_of(train, TrainConfig(seed=1))) is None


def test_interrupted_write_leaves_no_entry(tmp_path, monkeypatch) -> None:
    disk = DiskCache(tmp_path)

    def crash(src, dst):
        raise KeyboardInterrupt("server killed mid-write")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        disk.save("k", result())
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []  # neither a half entry nor a temporary file
    assert disk.load("k") is None


@pytest.mark.parametrize("content", [b"", b"garbage", b"PK\x03\x04 truncated zip"])
def test_corrupt_entry_is_ignored_and_removed(tmp_path, content, caplog) -> None:
    disk = DiskCache(tmp_path)
    disk.save("k", result())
    disk.path_for("k").write_bytes(content)
    assert disk.load("k") is None
    assert disk.errors == 1 and not disk.path_for("k").exists()
    assert "recomputed" in caplog.text


def test_foreign_entry_is_ignored(tmp_path) -> None:
    disk = DiskCache(tmp_path)
    disk.save("other key", result())
    disk.path_for("other key").rename(disk.path_for("k"))  # right file name, wrong content
    assert disk.load("k") is None


def test_new_code_version_does_not_read_old_entries(tmp_path) -> None:
    old = DiskCache(tmp_path)
    old.save("k", result())
    new = DiskCache(tmp_path)
    new.version = "something-else"
    assert new.load("k") is None


def test_size_bound_evicts_the_oldest(tmp_path) -> None:
    disk = DiskCache(tmp_path, max_bytes=10**9)
    disk.save("a", result(1))
    one = disk.size()
    disk.max_bytes = int(one * 2.5)
    os.utime(disk.path_for("a"), (1000, 1000))  # the oldest entry
    for i, key in enumerate(["b", "c", "d"]):
        disk.save(key, result(i + 2))
    assert disk.size() <= disk.max_bytes
    assert disk.load("a") is None and disk.load("d") is not None


def test_unwritable_folder_is_not_fatal(tmp_path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder should be")
    store = ResultStore(disk=DiskCache(blocker))
    store.put("k", result())  # logs, keeps the result in memory
    assert store.get("k") is not None and store.disk.errors == 1


def test_full_disk_is_not_fatal_and_leaves_no_temp(tmp_path, monkeypatch) -> None:
    disk = DiskCache(tmp_path)

    def full(fd, mode):
        os.close(fd)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fdopen", full)
    assert disk.save("k", result()) is False
    assert [p for p in tmp_path.iterdir()] == []
