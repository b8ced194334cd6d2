import gzip
import urllib.error
from pathlib import Path

import numpy as np
import pytest
import torch

from mlp_lab import data
from mlp_lab.data import (
    CLASS_NAMES,
    FILES,
    DataCorrupt,
    DataUnavailable,
    iter_batches,
    load_arrays,
    load_fashion_mnist,
    locate,
    to_float,
)
from tests.conftest import idx_bytes, tiny_arrays, write_idx_folder


def test_flat_gz_folder_loads_exact_arrays(tiny_dir: Path) -> None:
    arrays, source = load_arrays(tiny_dir, download=False)
    expected = tiny_arrays()
    for got, want in zip(arrays, expected, strict=True):
        np.testing.assert_array_equal(got, want)
    assert source == str(tiny_dir)
    assert locate(tiny_dir) == tiny_dir


def test_torchvision_layout_uncompressed(tmp_path: Path) -> None:
    write_idx_folder(tmp_path / "FashionMNIST" / "raw", tiny_arrays(), gz=False)
    arrays, source = load_arrays(tmp_path, download=False)
    assert arrays[0].shape == (64, 28, 28) and arrays[3].shape == (32,)
    assert source.endswith("raw")


def test_tensors_on_device_are_uint8_and_loaded_once(tiny_dir: Path) -> None:
    data.clear_cache()
    d1 = load_fashion_mnist("cpu", root=tiny_dir, download=False)
    d2 = load_fashion_mnist("cpu", root=tiny_dir, download=False)
    assert d1 is d2
    assert d1.train_x.dtype == torch.uint8 and d1.train_y.dtype == torch.int64
    assert d1.device == torch.device("cpu")


def test_offline_and_no_files_names_folder_files_and_both_fixes(tmp_path: Path, monkeypatch) -> None:
    def no_network(root, download):
        raise urllib.error.URLError("no route to host")

    monkeypatch.setattr(data, "_arrays_from_torchvision", no_network)
    with pytest.raises(DataUnavailable) as info:
        load_arrays(tmp_path / "empty", download=True)
    msg = str(info.value)
    assert str(tmp_path / "empty") in msg
    for name in FILES:
        assert name in msg
    assert "MLP_LAB_DATA" in msg and "internet" in msg


def test_no_download_requested_is_unavailable(tmp_path: Path) -> None:
    with pytest.raises(DataUnavailable):
        load_arrays(tmp_path, download=False)


@pytest.mark.parametrize(
    "damage",
    ["truncated_gzip", "not_gzip", "wrong_magic", "short_payload", "bad_label"],
)
def test_corrupt_files_give_a_clear_error(tmp_path: Path, damage: str) -> None:
    folder = write_idx_folder(tmp_path, tiny_arrays())
    target = folder / FILES[0]
    if damage == "truncated_gzip":
        target.write_bytes(target.read_bytes()[:100])
    elif damage == "not_gzip":
        target.write_bytes(b"this is not a gzip file")
    elif damage == "wrong_magic":
        target.write_bytes(gzip.compress(b"\x00\x00\x08\x01" + idx_bytes(tiny_arrays()[0])[4:]))
    elif damage == "short_payload":
        target.write_bytes(gzip.compress(idx_bytes(tiny_arrays()[0])[:-10]))
    else:
        labels = tiny_arrays()[1].copy()
        labels[0] = 42
        (folder / FILES[1]).write_bytes(gzip.compress(idx_bytes(labels)))
    with pytest.raises(DataCorrupt) as info:
        load_arrays(folder, download=False)
    assert "Traceback" not in str(info.value)
    assert len(str(info.value)) > 20


def test_batches_cover_every_sample_and_are_seeded() -> None:
    x = torch.arange(10).reshape(10, 1)
    y = torch.arange(10)
    orders = []
    for _ in range(2):
        gen = torch.Generator().manual_seed(3)
        batches = list(iter_batches(x, y, 4, gen))
        assert [len(b[1]) for b in batches] == [4, 4, 2]
        orders.append(torch.cat([b[1] for b in batches]))
    assert torch.equal(orders[0], orders[1])
    assert sorted(orders[0].tolist()) == list(range(10))
    assert not torch.equal(orders[0], y)  # shuffled
    in_order = torch.cat([b[1] for b in iter_batches(x, y, 4, None)])
    assert torch.equal(in_order, y)


def test_to_float_matches_totensor_scaling() -> None:
    x = torch.tensor([[0, 128, 255]], dtype=torch.uint8)
    assert torch.allclose(to_float(x), torch.tensor([[0.0, 128 / 255, 1.0]]))


def test_class_names_both_languages() -> None:
    assert CLASS_NAMES["zh"] == ("T恤", "裤子", "套衫", "连衣裙", "外套", "凉鞋", "衬衫", "运动鞋", "包", "短靴")
    assert len(CLASS_NAMES["en"]) == 10 and CLASS_NAMES["en"][9] == "ankle boot"


def test_real_fashion_mnist_shapes(fmnist) -> None:
    assert fmnist.train_x.shape == (60000, 28, 28) and fmnist.test_x.shape == (10000, 28, 28)
    assert torch.bincount(fmnist.train_y).tolist() == [6000] * 10
