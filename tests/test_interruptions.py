"""Failure paths around a page: damaged data, an unusable cache folder, many sessions at once."""

from __future__ import annotations

import threading
import time

from mlp_lab import data
from mlp_lab.cache import DiskCache
from mlp_lab.data import FILES
from mlp_lab.store import ResultStore, cached, key_of
from mlp_lab.ui import runner
from tests.conftest import tiny_arrays, write_idx_folder
from tests.test_app import run_app


def test_corrupt_data_file_gives_a_clear_message_then_recovers(tmp_path, monkeypatch) -> None:
    folder = write_idx_folder(tmp_path / "fm", tiny_arrays(256, 64))
    good = (folder / FILES[0]).read_bytes()
    (folder / FILES[0]).write_bytes(good[:200])  # truncated download
    monkeypatch.setenv("MLP_LAB_DATA", str(folder))
    at = run_app("en", page="pages/mlp.py", mlp_epochs="1", mlp_hidden="24", mlp_impl="concise")
    assert not at.exception
    assert any("damaged" in e.value for e in at.error)
    (folder / FILES[0]).write_bytes(good)  # the teacher replaces the file
    again = run_app("en", page="pages/mlp.py", mlp_epochs="1", mlp_hidden="24", mlp_impl="concise")
    assert not again.exception and not again.error
    assert any(m.label.startswith("test accuracy") for m in again.metric)
    data.clear_cache()


def test_unusable_cache_folder_still_serves_the_page(tmp_path, monkeypatch) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file, not a folder: nothing can be written here")
    store = runner.result_store()
    saved = store.disk
    store.disk = DiskCache(blocker)
    try:
        at = run_app("zh", page="pages/activations.py", act_units="40")  # a config not computed before
        assert not at.exception and not at.error
        assert store.disk.errors >= 1  # it tried, logged, and carried on in memory
    finally:
        store.disk = saved


CALLS: list[int] = []


def slow_answer(config: int) -> dict:
    CALLS.append(config)
    time.sleep(0.5)
    return {"answer": 42 + config}


def test_many_sessions_one_computation() -> None:
    """Eight sessions ask for the same missing result together: one computes, all get it; the
    ones that waited were told so (the ``waiting`` callback), once a second."""
    store, waits = ResultStore(), []
    CALLS.clear()

    def ask() -> None:
        results.append(cached(slow_answer, 1, store=store, waiting=waits.append))

    results: list[dict] = []
    threads = [threading.Thread(target=ask) for _ in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert CALLS == [1] and store.computations == 1 and store.computed == [key_of(slow_answer, 1)]
    assert len(results) == 8 and all(r is results[0] for r in results) and results[0]["answer"] == 43
    assert cached(slow_answer, 2, store=store)["answer"] == 44 and CALLS == [1, 2]  # another config: computed


def test_a_result_that_should_not_be_stored_is_computed_again() -> None:
    """A stopped training (incomplete) goes back to the caller but is never stored."""
    store = ResultStore()
    CALLS.clear()
    for _ in range(2):
        assert cached(slow_answer, 5, store=store, should_store=lambda r: False)["answer"] == 47
    assert CALLS == [5, 5] and len(store) == 0
