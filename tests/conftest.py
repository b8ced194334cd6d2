"""Shared fixtures: tiny IDX files, synthetic data, and the real Fashion-MNIST when present."""

from __future__ import annotations

import contextlib
import gzip
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import torch

from mlp_lab.data import FILES, DataUnavailable, FashionMNIST, load_fashion_mnist

ROOT = Path(__file__).resolve().parent.parent
# Where the project's machines keep the four original files (beside the checkout).
SHARED_FMNIST = ROOT.parent / "shared" / "data" / "fashion-mnist"

if not os.environ.get("MLP_LAB_DATA") and SHARED_FMNIST.is_dir():
    os.environ["MLP_LAB_DATA"] = str(SHARED_FMNIST)
os.environ.setdefault("MLP_LAB_THREADS", "2")
# Tests never read or leave results in the project's cache folder.
os.environ["MLP_LAB_CACHE"] = tempfile.mkdtemp(prefix="mlp-lab-test-cache-")


def _navigation_mode_only() -> None:
    """AppTest builds a fresh PagesManager for every run, which re-enables Streamlit's legacy
    ``pages/`` mode; a widget click would then run the page without app.py, and the page's
    ``ensure_shell`` rerun would drop the click. A real server leaves that mode after its first run."""
    from streamlit.runtime.pages_manager import PagesManager

    original = PagesManager.__init__

    def init(self, *args, **kwargs) -> None:
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = init


_navigation_mode_only()


def idx_bytes(arr: np.ndarray) -> bytes:
    magic = 2051 if arr.ndim == 3 else 2049
    header = magic.to_bytes(4, "big") + b"".join(int(s).to_bytes(4, "big") for s in arr.shape)
    return header + np.ascontiguousarray(arr, dtype=np.uint8).tobytes()


def tiny_arrays(n_train: int = 64, n_test: int = 32, seed: int = 0) -> list[np.ndarray]:
    rng = np.random.default_rng(seed)
    return [
        rng.integers(0, 256, size=(n_train, 28, 28), dtype=np.uint8),
        rng.integers(0, 10, size=n_train, dtype=np.uint8),
        rng.integers(0, 256, size=(n_test, 28, 28), dtype=np.uint8),
        rng.integers(0, 10, size=n_test, dtype=np.uint8),
    ]


def write_idx_folder(folder: Path, arrays: list[np.ndarray], gz: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, arr in zip(FILES, arrays, strict=True):
        data = idx_bytes(arr)
        if gz:
            (folder / name).write_bytes(gzip.compress(data))
        else:
            (folder / name.removesuffix(".gz")).write_bytes(data)
    return folder


@pytest.fixture
def tiny_dir(tmp_path: Path) -> Path:
    """Four tiny gzip IDX files, flat, as MLP_LAB_DATA may hold them."""
    return write_idx_folder(tmp_path / "fmnist", tiny_arrays())


def striped_data(n_train: int = 1024, n_test: int = 256, source: str = "synthetic") -> FashionMNIST:
    """A learnable stand-in for Fashion-MNIST: each class has its own bright stripe."""
    g = torch.Generator().manual_seed(0)

    def make(n: int) -> tuple[torch.Tensor, torch.Tensor]:
        y = torch.randint(0, 10, (n,), generator=g)
        x = torch.randint(0, 60, (n, 28, 28), generator=g, dtype=torch.uint8)
        for c in range(10):
            x[y == c, 2 * c + 4, :] = 250
        return x, y

    tx, ty = make(n_train)
    vx, vy = make(n_test)
    return FashionMNIST(tx, ty, vx, vy, source=source)


@contextlib.contextmanager
def private_world(dataset: FashionMNIST) -> Iterator[None]:
    """``dataset`` behind every Fashion-MNIST loader and an empty, memory-only result store for the
    app, both restored afterwards: small-data results never reach another test."""
    from mlp_lab import data
    from mlp_lab.device import pick_device
    from mlp_lab.ui.runner import result_store

    key = (str(data.data_root().resolve()), str(pick_device()))
    saved_data = data._cache.get(key)
    data._cache[key] = dataset
    store = result_store()
    saved = dict(store._results), store.disk
    store._results.clear()
    store.disk = None
    try:
        yield
    finally:
        store._results.clear()
        store._results.update(saved[0])
        store.disk = saved[1]
        if saved_data is None:
            data._cache.pop(key, None)
        else:
            data._cache[key] = saved_data


@pytest.fixture
def synthetic_data() -> FashionMNIST:
    """Trains in milliseconds."""
    return striped_data()


@pytest.fixture(scope="session")
def fmnist() -> FashionMNIST:
    """The real data set. Skips only when it is genuinely absent, and never under CI (``CI`` set by
    .ci/run): there a missing data set fails. A damaged file or a broken loader always fails."""
    try:
        return load_fashion_mnist("cpu", download=False)
    except DataUnavailable as exc:
        if os.environ.get("CI"):
            pytest.fail(f"Fashion-MNIST must be present under CI: {exc}")
        pytest.skip(f"Fashion-MNIST not available: {exc}")


@pytest.fixture(scope="module")
def server():
    """A real ``streamlit run app.py`` for a browser-test module (tests/browser.py)."""
    from tests.browser import streamlit_server

    with streamlit_server() as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    from tests.browser import chromium

    with chromium() as b:
        yield b


@pytest.fixture
def page(browser):
    """A fresh browser context (no cookies, no session) and one tall page in it."""
    context = browser.new_context(viewport={"width": 1400, "height": 2400})
    pg = context.new_page()
    yield pg
    context.close()


def pytest_collection_modifyitems(config, items) -> None:
    """Browser tests last: their servers share this session's disk cache (MLP_LAB_CACHE), so the
    results the AppTest tests computed are read instead of trained again. Every test that uses the
    real data set carries the ``fmnist`` marker."""
    for item in items:
        if "fmnist" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.fmnist)
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.fixture(scope="session")
def pg_url():
    """One throwaway PostgreSQL server for the session (tests/pg.py). Skips only where none can be
    started and ``CI`` is unset: .ci/run installs PostgreSQL, so under CI a server that does not
    start is a failure."""
    from tests.pg import ClusterUnavailable, start_cluster

    try:
        cluster = start_cluster()
    except ClusterUnavailable as exc:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL must start under CI: {exc}", pytrace=False)
        pytest.skip(f"no PostgreSQL server: {exc}")
    with cluster:
        yield cluster.url
