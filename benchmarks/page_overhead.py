"""What the live page costs on top of training: the book's default run through the CLI and through
the MLP page (progress bar, curves redrawn every epoch, Stop button), same config, same machine.

    MLP_LAB_DATA=/path/to/fashion-mnist python benchmarks/page_overhead.py
Goal from the MLP-page issue: page time <= 1.3x the CLI's ``seconds``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def cli_seconds() -> float:
    out = subprocess.run(
        [sys.executable, "-m", "mlp_lab", "train", "--model", "scratch", "--json"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])["seconds"]


def page_seconds() -> tuple[float, float]:
    """(training seconds measured inside the page, wall seconds of the whole page run)."""
    os.environ["MLP_LAB_CACHE"] = tempfile.mkdtemp(prefix="mlp-lab-overhead-")  # nothing cached
    from streamlit.testing.v1 import AppTest

    from mlp_lab.store import key_of, shared_store
    from mlp_lab.training import TrainConfig, train

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=900)
    at.switch_page("pages/mlp.py")
    start = time.perf_counter()
    at.run()
    wall = time.perf_counter() - start
    assert not at.exception, at.exception
    return shared_store().get(key_of(train, TrainConfig())).seconds, wall


def main() -> None:
    cli = cli_seconds()
    trained, wall = page_seconds()
    print(f"CLI  train --json seconds         : {cli:7.2f} s")
    print(f"page: training with live panel    : {trained:7.2f} s   ratio {trained / cli:.2f}x (goal <= 1.3x)")
    print(f"page: whole run incl. result views: {wall:7.2f} s   ratio {wall / cli:.2f}x")


if __name__ == "__main__":
    main()
