"""One module per chapter section: pure functions, settings dataclass in, result dataclass out.

No streamlit and no printing here: a notebook, the CLI and the pages all call the same code.
Each module declares its controls on its settings dataclasses (``mlp_lab.controls.control``).
"""

from __future__ import annotations

from dataclasses import dataclass

from mlp_lab.controls import control

SEED_MAX = 2**31 - 1


@dataclass(frozen=True)
class Shared:
    """The settings every page shares (the sidebar's)."""

    seed: int = control(0, key="seed", label="sidebar.seed", help="sidebar.seed_help", lo=0, hi=SEED_MAX, step=1,
                        widget="number", doc="random seed: initial weights, batches, data draws")  # fmt: skip
