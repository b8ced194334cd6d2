"""What each page puts on the class board, declared once.

A page's **runs** at its current settings are the very (function, config) pairs the page caches,
so a run the learner finished is a lookup. ``figures`` reads one finished run into the numbers a
point stores (None while it is not finished, or when it has nothing to show); ``settings`` are the
choices that made it. The board's chart plots ``y`` against the setting ``x``, coloured by the
setting ``color``; every other setting but the seed groups runs for the mean and spread.

Words: ``board.<page>.<name>`` for each setting and figure (the i18n ``board`` module).
No streamlit here.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from typing import Any

from mlp_lab.experiments import dropout, fitting, mlp, stability, weight_decay
from mlp_lab.training import TrainConfig, TrainResult, train


@dataclass(frozen=True)
class Run:
    """One run a page shows: computed by ``fn(config)``; stored as ``settings`` and ``seed``."""

    fn: Callable[..., Any]
    config: Hashable
    settings: Mapping[str, Any]
    seed: int


@dataclass(frozen=True)
class BoardSpec:
    page: str  # the page's url_path
    runs: Callable[[Any], list[Run]]  # the page's settings -> its runs there
    figures: Callable[[Any, Run], Mapping[str, float] | None]  # (result, run) -> the point's figures
    y: str  # the figure plotted
    x: str  # the setting along x
    color: str  # the setting that colours the marks
    log_x: bool = False
    log_y: bool = False
    percent: tuple[str, ...] = ()  # figures that are fractions, shown as %

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.x, self.color)))


# --- runs of the Fashion-MNIST trainer (the MLP, dropout and stability pages) ---------------------------
def _train_settings(c: TrainConfig, **extra: Any) -> dict[str, Any]:
    return {
        "model": c.model, "hidden": c.hiddens[0], "layers": len(c.hiddens), "activation": c.activation,
        "init": c.init, "lr": c.lr, "batch_size": c.batch_size, "epochs": c.epochs, **extra,
    }  # fmt: skip


def _trained(result: TrainResult, _run: Run) -> dict[str, float] | None:
    """A run's last epoch; None when no epoch finished (nothing learned to compare)."""
    h = result.history
    if result is None or not len(h):
        return None
    return {"test_acc": h.test_acc[-1], "train_acc": h.train_acc[-1], "train_loss": h.train_loss[-1],
            "diverged": float(bool(result.diverged))}  # fmt: skip


def _mlp_runs(s: mlp.MLPSettings) -> list[Run]:
    return [Run(train, c, _train_settings(c), c.seed) for c in s.train_configs()]


def _dropout_runs(s: dropout.DropoutSettings) -> list[Run]:
    out = []
    for c in s.train_configs().values():
        p1, p2 = (*c.dropout, 0.0, 0.0)[:2]
        extra = {"dropout1": p1, "dropout2": p2, "weight_decay": c.weight_decay}
        out.append(Run(train, c, _train_settings(c, **extra), c.seed))
    return out


def _stability_runs(s: stability.DeepTrainSettings) -> list[Run]:
    return [Run(train, c, _train_settings(c), c.seed) for c in s.train_configs().values()]


# --- the weight-decay and polynomial pages' runs --------------------------------------------------------
def _wd_runs(s: weight_decay.WDSettings) -> list[Run]:
    return [
        Run(
            weight_decay.train_at_lambda,
            c,
            {"implementation": c.implementation, "lambd": c.lambd, "penalty": c.penalty},
            c.seed,
        )
        for c in (s.run(impl) for impl in weight_decay.IMPLEMENTATIONS)
    ]


def _wd_figures(result: Any, _run: Run) -> dict[str, float] | None:
    return {"test_loss": result.test_loss[-1, 0, 0], "train_loss": result.train_loss[-1, 0, 0],
            "norm": result.norms[0, 0], "diverged": float(bool(result.diverged))}  # fmt: skip


def _fit_runs(s: fitting.FitSettings) -> list[Run]:
    c = s.degrees()
    return [Run(fitting.degree_sweep, c, {"features": s.features, "n_train": s.n_train, "noise": s.noise,
                                          "epochs": s.epochs}, s.seed)]  # fmt: skip


def _fit_figures(result: Any, run: Run) -> dict[str, float] | None:
    train_loss, test_loss = result.final()
    k = int(run.settings["features"])
    return {"test_loss": test_loss[k - 1], "train_loss": train_loss[k - 1], "diverged": float(bool(result.diverged))}


ACC = ("test_acc", "train_acc")  # fractions, shown as %
BOARDS: dict[str, BoardSpec] = {
    spec.page: spec
    for spec in (
        BoardSpec("mlp", _mlp_runs, _trained, y="test_acc", x="hidden", color="lr", log_x=True, percent=ACC),
        BoardSpec("fitting", _fit_runs, _fit_figures, y="test_loss", x="features", color="n_train", log_y=True),
        BoardSpec("weight-decay", _wd_runs, _wd_figures, y="test_loss", x="lambd", color="implementation", log_y=True),
        BoardSpec("dropout", _dropout_runs, _trained, y="test_acc", x="dropout1", color="dropout2", percent=ACC),
        BoardSpec("stability", _stability_runs, _trained, y="test_acc", x="init", color="activation", percent=ACC),
    )
}  # fmt: skip


def group_key(spec: BoardSpec, settings: Mapping[str, Any]) -> tuple:
    """The settings that make runs comparable (all but the seed, which the spread is over)."""
    return tuple(sorted((k, str(v)) for k, v in settings.items()))


def summary(spec: BoardSpec, points: list[Any]) -> list[dict[str, Any]]:
    """Per setting: runs, seeds, mean, spread (standard deviation across seeds), min and max of ``y``."""
    import numpy as np

    groups: dict[tuple, list[Any]] = {}
    for p in points:
        if isinstance(p.figures.get(spec.y), int | float):
            groups.setdefault(group_key(spec, p.settings), []).append(p)
    out = []
    for key, members in groups.items():
        ys = np.array([float(p.figures[spec.y]) for p in members])
        out.append({
            "settings": dict(key), "runs": len(members), "seeds": len({p.seed for p in members}),
            "mean": float(ys.mean()), "std": float(ys.std(ddof=1)) if len(ys) > 1 else 0.0,
            "min": float(ys.min()), "max": float(ys.max()),
        })  # fmt: skip
    return sorted(out, key=lambda r: (-r["runs"], str(r["settings"])))


def figures_of(spec: BoardSpec, result: Any, run: Run) -> dict[str, float] | None:
    """``spec.figures`` as plain floats (what the database and the chart take)."""
    if result is None:
        return None
    figs = spec.figures(result, run)
    return None if figs is None else {k: float(v) for k, v in figs.items()}
