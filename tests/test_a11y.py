"""Colour and text alternatives without a browser: the palette survives the common colour-vision
deficiencies, charts take their colours from it, and the training curves' description follows the run."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import numpy as np
import pytest

from mlp_lab.training import History
from mlp_lab.ui import a11y

# Machado, Oliveira and Fernandes (2009), severity 1: dichromat vision as a matrix on linear RGB.
SIMULATIONS = {
    "normal": np.eye(3),
    "protanopia": np.array(
        [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]
    ),
    "deuteranopia": np.array(
        [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]
    ),
}
MIN_DISTANCE = 15.0  # CIELAB Delta E 1976; about 2.3 is "just noticeable", 10+ reads as different


def _linear(hex_colour: str) -> np.ndarray:
    c = np.array([int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)])
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def _lab(linear_rgb: np.ndarray) -> np.ndarray:
    rgb = np.clip(linear_rgb, 0, 1)
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]) @ rgb
    xyz = xyz / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def closest_pair(colours: tuple[str, ...], vision: str) -> tuple[float, str, str]:
    seen = [(c, _lab(SIMULATIONS[vision] @ _linear(c))) for c in colours]
    return min((float(np.linalg.norm(a - b)), x, y) for (x, a), (y, b) in itertools.combinations(seen, 2))


@pytest.mark.parametrize("vision", SIMULATIONS)
def test_palette_colours_stay_apart(vision: str) -> None:
    distance, x, y = closest_pair(a11y.PALETTE, vision)
    assert distance >= MIN_DISTANCE, f"{x} and {y} look alike under {vision}: Delta E {distance:.1f}"


def test_the_simulation_catches_a_red_green_pair() -> None:
    """matplotlib's default red and green, distinct to most eyes, merge for a deuteranope."""
    assert closest_pair(("#d62728", "#2ca02c"), "normal")[0] > 60
    assert closest_pair(("#d62728", "#2ca02c"), "deuteranopia")[0] < MIN_DISTANCE


def test_first_four_reach_3_to_1_on_white() -> None:
    assert all(a11y.contrast(c) >= 3.0 for c in a11y.PALETTE[:4])
    assert round(a11y.contrast("#777777"), 2) == 4.48  # the WCAG formula itself (a known value)


def test_ui_modules_take_colours_from_the_palette() -> None:
    """No hex colour outside a11y.py and the theme: a new chart cannot bring its own palette."""
    root = Path(a11y.__file__).parent
    offenders = []
    for path in [*root.glob("*.py"), *(root.parent.parent / "pages").glob("*.py")]:
        if path.name != "a11y.py":
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if re.search(r"#[0-9A-Fa-f]{6}\b|#[0-9A-Fa-f]{3}\b(?![\w-])", line):
                    offenders.append(f"{path.name}:{n}: {line.strip()}")
    assert offenders == []


def test_training_description_follows_the_run() -> None:
    from mlp_lab.ui.charts import describe_history

    h = History([0.9, 0.5, 0.4], [0.70, 0.80, 0.84], [0.8, 0.55, 0.45], [0.72, 0.83, 0.81])
    text = describe_history(h)
    assert "3 epochs" in text and "72.0% → 81.0%" in text and "best 83.0% at epoch 2" in text
    h.test_acc[-1] = 0.9
    assert "72.0% → 90.0%" in describe_history(h) and "best 90.0% at epoch 3" in describe_history(h)
