"""Fashion-MNIST, loaded once and kept as uint8 tensors on the training device.

Training slices shuffled batches straight from memory with a seeded generator: no per-sample
transform and no DataLoader in the hot loop (that loop is what makes the book's run slow).
"""

from __future__ import annotations

import gzip
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

FILES = (
    "train-images-idx3-ubyte.gz",
    "train-labels-idx1-ubyte.gz",
    "t10k-images-idx3-ubyte.gz",
    "t10k-labels-idx1-ubyte.gz",
)

# d2l's get_fashion_mnist_labels, in both languages (zh as in d2l-zh).
CLASS_NAMES = {
    "en": (
        "t-shirt", "trouser", "pullover", "dress", "coat",
        "sandal", "shirt", "sneaker", "bag", "ankle boot",
    ),
    "zh": ("T恤", "裤子", "套衫", "连衣裙", "外套", "凉鞋", "衬衫", "运动鞋", "包", "短靴"),
}  # fmt: skip

_IDX_MAGIC = {3: 2051, 1: 2049}  # images (n, rows, cols), labels (n,)


class DataError(RuntimeError):
    """Base class for data problems; the message is meant for the learner."""


class DataUnavailable(DataError):
    """The files are not there and could not be downloaded."""


class DataCorrupt(DataError):
    """A file is there but truncated or not an IDX file."""


def data_root() -> Path:
    """``MLP_LAB_DATA`` if set, else ``./data`` (where torchvision downloads to)."""
    return Path(os.environ.get("MLP_LAB_DATA") or "data")


def class_names(lang: str = "en") -> tuple[str, ...]:
    return CLASS_NAMES.get(lang, CLASS_NAMES["en"])


def unavailable_message(root: Path) -> str:
    files = ", ".join(FILES)
    return (
        f"Fashion-MNIST was not found in '{root}' and could not be downloaded. "
        f"Fix 1: connect to the internet once, and it downloads (~30 MB) into '{root}'. "
        f"Fix 2: put the four original files ({files}) in one folder and set "
        f"MLP_LAB_DATA to that folder."
    )


def read_idx(path: Path, ndim: int) -> np.ndarray:
    """Parse one IDX file (gzip or raw) and check its header against its size."""
    try:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rb") as fh:
            raw = fh.read()
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise DataCorrupt(f"{path.name} cannot be read ({exc}); replace it with the original file.") from exc
    header = 4 + 4 * ndim
    if len(raw) < header:
        raise DataCorrupt(f"{path.name} is truncated ({len(raw)} bytes); replace it with the original file.")
    magic = int.from_bytes(raw[0:4], "big")
    if magic != _IDX_MAGIC[ndim]:
        raise DataCorrupt(f"{path.name} is not an IDX file of the expected kind (magic {magic}).")
    shape = tuple(int.from_bytes(raw[4 + 4 * i : 8 + 4 * i], "big") for i in range(ndim))
    expected = int(np.prod(shape))
    if len(raw) - header != expected:
        raise DataCorrupt(
            f"{path.name} is truncated or padded: header says {expected} bytes of data, "
            f"found {len(raw) - header}; replace it with the original file."
        )
    return np.frombuffer(raw, dtype=np.uint8, offset=header).reshape(shape)


def _find(folder: Path, name: str) -> Path | None:
    for candidate in (folder / name, folder / name.removesuffix(".gz")):
        if candidate.is_file():
            return candidate
    return None


@dataclass(frozen=True)
class FashionMNIST:
    """The whole data set as tensors on one device (images uint8 (n, 28, 28), labels int64)."""

    train_x: torch.Tensor
    train_y: torch.Tensor
    test_x: torch.Tensor
    test_y: torch.Tensor
    source: str

    @property
    def device(self) -> torch.device:
        return self.train_x.device

    def first(self, n_train: int) -> FashionMNIST:
        """The first ``n_train`` training images (all of them if there are fewer) and the whole
        test set: the exercises' cheaper runs, tested on the same 10,000 images as the page's."""
        if n_train >= self.train_x.shape[0]:
            return self
        return FashionMNIST(self.train_x[:n_train], self.train_y[:n_train], self.test_x, self.test_y, self.source)


def locate(root: Path | None = None) -> Path | None:
    """The folder that holds all four files (flat or torchvision's layout), or None. Reads nothing."""
    root = Path(root) if root is not None else data_root()
    for folder in (root, root / "FashionMNIST" / "raw"):
        if all(_find(folder, name) for name in FILES):
            return folder
    return None


def _arrays_from_folder(folder: Path) -> tuple[np.ndarray, ...] | None:
    paths = [_find(folder, name) for name in FILES]
    if any(p is None for p in paths):
        return None
    dims = (3, 1, 3, 1)
    arrays = tuple(read_idx(p, d) for p, d in zip(paths, dims, strict=True))  # type: ignore[arg-type]
    if arrays[0].shape[0] != arrays[1].shape[0] or arrays[2].shape[0] != arrays[3].shape[0]:
        raise DataCorrupt(f"images and labels in '{folder}' do not have the same count.")
    if max(int(arrays[1].max(initial=0)), int(arrays[3].max(initial=0))) > 9:
        raise DataCorrupt(f"a label file in '{folder}' holds labels outside 0..9.")
    return arrays


def _arrays_from_torchvision(root: Path, download: bool) -> tuple[np.ndarray, ...]:
    # Imported here only: torchvision is heavy and only this path needs it.
    import torchvision

    out = []
    for train in (True, False):
        ds = torchvision.datasets.FashionMNIST(root=str(root), train=train, download=download)
        out += [ds.data.numpy(), ds.targets.numpy().astype(np.uint8)]
    return tuple(out)


def load_arrays(root: Path | None = None, download: bool = True) -> tuple[tuple[np.ndarray, ...], str]:
    """The four arrays (train images, train labels, test images, test labels) and where they came from.

    Looks for the four files flat in ``root``, then torchvision's ``root/FashionMNIST/raw``,
    then lets torchvision download them into ``root``.
    """
    root = Path(root) if root is not None else data_root()
    flat = _arrays_from_folder(root)
    if flat is not None:
        return flat, str(root)
    raw = root / "FashionMNIST" / "raw"
    layered = _arrays_from_folder(raw)
    if layered is not None:
        return layered, str(raw)
    if not download:
        raise DataUnavailable(unavailable_message(root))
    try:
        return _arrays_from_torchvision(root, download=True), f"{root} (torchvision)"
    except DataError:
        raise
    except Exception as exc:  # network errors come in many types; all mean "not available"
        raise DataUnavailable(unavailable_message(root) + f" ({type(exc).__name__}: {exc})") from exc


_cache: dict[tuple[str, str], FashionMNIST] = {}
_lock = threading.Lock()


def load_fashion_mnist(
    device: torch.device | str = "cpu", root: Path | None = None, download: bool = True
) -> FashionMNIST:
    """Load once per (folder, device) per process; later calls return the same tensors."""
    root = Path(root) if root is not None else data_root()
    device = torch.device(device)
    key = (str(root.resolve()), str(device))
    with _lock:
        if key not in _cache:
            arrays, source = load_arrays(root, download=download)
            tx, ty, vx, vy = (torch.from_numpy(a.copy()) for a in arrays)
            _cache[key] = FashionMNIST(
                train_x=tx.to(device),
                train_y=ty.long().to(device),
                test_x=vx.to(device),
                test_y=vy.long().to(device),
                source=source,
            )
        return _cache[key]


def clear_cache() -> None:
    with _lock:
        _cache.clear()


def to_float(x: torch.Tensor) -> torch.Tensor:
    """uint8 images -> float32 in [0, 1], exactly what ``transforms.ToTensor`` gives."""
    return x.to(torch.float32).div_(255.0)


def iter_batches(
    x: torch.Tensor, y: torch.Tensor, batch_size: int, generator: torch.Generator | None
) -> Iterator[tuple[torch.Tensor, torch.Tensor]]:
    """Shuffled minibatches sliced from memory (the last one may be smaller, like d2l's loader).

    With ``generator=None`` the order is kept (for evaluation).
    """
    n = x.shape[0]
    # The permutation is drawn on the CPU so a seed gives the same order on every device.
    order = None if generator is None else torch.randperm(n, generator=generator).to(x.device)
    for start in range(0, n, batch_size):
        if order is None:
            yield x[start : start + batch_size], y[start : start + batch_size]
        else:
            idx = order[start : start + batch_size]
            yield x[idx], y[idx]
