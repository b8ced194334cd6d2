"""The book's training loop against mlp_lab's trainer, same config, one process.

The book (3.3 with d2l.train_ch3): torchvision ``ToTensor`` per sample + ``DataLoader(batch_size=256,
shuffle=True)``, concise 784-256-10 MLP, SGD lr 0.1, 10 epochs, test accuracy each epoch.
mlp_lab: uint8 tensors on the device, batches sliced from memory, the same model and optimiser.

    MLP_LAB_DATA=/path/to/fashion-mnist python benchmarks/train_speed.py [--epochs 10] [--device auto]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere

import argparse
import tempfile
import time
from pathlib import Path

import torch
from torch import nn

from mlp_lab.data import load_arrays, load_fashion_mnist
from mlp_lab.device import configure_threads, describe, pick_device
from mlp_lab.training import TrainConfig, train


def _torchvision_root(tmp: Path) -> Path:
    """torchvision wants root/FashionMNIST/raw/<uncompressed files>; write them from our arrays."""
    import numpy as np

    raw = tmp / "FashionMNIST" / "raw"
    raw.mkdir(parents=True)
    names = ("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")
    arrays, _ = load_arrays()
    for name, arr in zip(names, arrays, strict=True):
        magic = 2051 if arr.ndim == 3 else 2049
        header = magic.to_bytes(4, "big") + b"".join(int(s).to_bytes(4, "big") for s in arr.shape)
        (raw / name).write_bytes(header + np.ascontiguousarray(arr, dtype=np.uint8).tobytes())
    return tmp


def book_loop(epochs: int, device: torch.device) -> tuple[float, float]:
    """d2l's train_ch3 on DataLoader batches, as the chapter runs it. Returns (seconds, test acc)."""
    import torchvision
    from torch.utils import data
    from torchvision import transforms

    with tempfile.TemporaryDirectory() as tmp:
        root = _torchvision_root(Path(tmp))
        trans = transforms.ToTensor()
        train_set = torchvision.datasets.FashionMNIST(root=str(root), train=True, transform=trans, download=False)
        test_set = torchvision.datasets.FashionMNIST(root=str(root), train=False, transform=trans, download=False)
        train_iter = data.DataLoader(train_set, batch_size=256, shuffle=True)
        test_iter = data.DataLoader(test_set, batch_size=256, shuffle=False)
        torch.manual_seed(0)
        net = nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10)).to(device)
        for m in net:
            if isinstance(m, nn.Linear):
                nn.init.normal_(m.weight, std=0.01)
        loss = nn.CrossEntropyLoss(reduction="none")
        trainer = torch.optim.SGD(net.parameters(), lr=0.1)
        start = time.perf_counter()
        test_acc = 0.0
        for _ in range(epochs):
            net.train()
            metric = [0.0, 0.0, 0.0]  # d2l.Accumulator(3): loss sum, correct, count
            for X, y in train_iter:
                X, y = X.to(device), y.to(device)
                y_hat = net(X)
                lv = loss(y_hat, y)
                trainer.zero_grad()
                lv.mean().backward()
                trainer.step()
                metric[0] += float(lv.detach().sum())
                metric[1] += float((y_hat.argmax(axis=1) == y).sum())
                metric[2] += y.numel()
            net.eval()
            correct = total = 0
            with torch.no_grad():
                for X, y in test_iter:
                    X, y = X.to(device), y.to(device)
                    correct += float((net(X).argmax(axis=1) == y).sum())
                    total += y.numel()
            test_acc = correct / total
        if device.type == "cuda":
            torch.cuda.synchronize()
        return time.perf_counter() - start, test_acc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--device", default="auto")
    parser.add_argument("--skip-book", action="store_true", help="time only mlp_lab (e.g. on a GPU)")
    args = parser.parse_args()
    configure_threads()
    device = pick_device(args.device)
    print(f"device: {describe(device)}; epochs: {args.epochs}")
    data = load_fashion_mnist(device)
    ours = train(TrainConfig(model="concise", epochs=args.epochs, device=str(device)), data=data)
    ours_acc = ours.history.test_acc[-1]
    print(f"mlp_lab trainer : {ours.seconds:7.2f} s   test acc {ours_acc:.4f}")
    if args.skip_book:
        return
    book_s, book_acc = book_loop(args.epochs, device)
    print(f"book loop       : {book_s:7.2f} s   test acc {book_acc:.4f}")
    print(f"ratio book/ours : {book_s / ours.seconds:7.2f}x")


if __name__ == "__main__":
    main()
