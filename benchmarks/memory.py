"""RSS of an app-like process: streamlit, torch, torchvision and altair imported, Fashion-MNIST loaded.

    MLP_LAB_DATA=/path/to/fashion-mnist python benchmarks/memory.py
Floor from the foundation issue: under 1.2 GB.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere

import resource


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    base = rss_mb()
    import altair  # noqa: F401
    import streamlit  # noqa: F401
    import torch  # noqa: F401
    import torchvision  # noqa: F401

    imported = rss_mb()
    from mlp_lab.data import load_fashion_mnist
    from mlp_lab.device import pick_device

    load_fashion_mnist(pick_device())
    loaded = rss_mb()
    print(f"python start        : {base:7.1f} MB")
    print(f"after imports       : {imported:7.1f} MB")
    print(f"after Fashion-MNIST : {loaded:7.1f} MB   (floor: < 1200 MB)")


if __name__ == "__main__":
    main()
