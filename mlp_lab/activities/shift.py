"""3.9 distribution shift: predict the plain straight line's accuracy on the covariate-shifted
target and the Fashion-MNIST classifier's accuracy on a label-shifted target; then move the target
until the covariate correction works on a source cut short (the support condition). All read the
page's own studies (``covariate_shift``, ``train_label_classifier``, ``label_shift``) at the current
settings: the covariate fits take a fraction of a second, the label-shift target draws reuse the
classifier the page trained."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from mlp_lab.experiments import shift as exp
from mlp_lab.learn import Answer, Finding, Verdict, challenge, exercise, prediction
from mlp_lab.store import cached

# --- 1. covariate shift: the plain straight line on the target ------------------------------------
SWEEP_X1 = (-1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0)  # target centres the evidence curve shows


@dataclass
class LineSweep:
    config: exp.CovariateConfig
    x1: tuple[float, ...]
    plain_acc: tuple[float, ...]  # the unweighted straight line's target accuracy at each target x1
    result: exp.CovariateResult  # the page's run at the current settings


def plain_line_sweep(config: exp.CovariateConfig) -> LineSweep:
    """The page's covariate study at ``config``, and the same with the target centre moved along x1."""
    xs = tuple(sorted({*SWEEP_X1, round(config.target_x1, 6)}))
    result = cached(exp.covariate_shift, config)
    runs = {x: result if x == round(config.target_x1, 6) else exp.covariate_shift(replace(config, target_x1=x))
            for x in xs}  # fmt: skip
    return LineSweep(config, xs, tuple(runs[x].fits[("linear", False)].target_acc for x in xs), result)


def _plain_line(sweep: LineSweep, s: exp.CovariateConfig) -> Answer:
    r = sweep.result
    plain, weighted = r.fits[("linear", False)].target_acc, r.fits[("linear", True)].target_acc
    return Answer(
        100 * plain, {"plain": plain, "weighted": weighted, "bayes": r.bayes_acc},
        x=sweep.x1, y=tuple(100 * a for a in sweep.plain_acc), x_title="shift.target_x1",
        y_title="learn.shift.axis_acc", at=round(s.target_x1, 6),
    )  # fmt: skip


prediction(
    "shift.plain_line", section="3.9", plan=lambda s: (plain_line_sweep, s), answer=_plain_line, lo=0.0,
    hi=100.0, step=1.0, start=90.0, unit="%", digits=1, tol=5.0,
    ask=lambda s: {"x1": s.target_x1, "x2": s.target_x2},
)  # fmt: skip


# --- 2. label shift: the classifier as trained, on the target ---------------------------------------
@dataclass
class TargetAccuracies:
    config: exp.CorrectionConfig
    names: tuple[str, ...]  # the presets, and "custom" when the page's target is one
    plain_acc: tuple[float, ...]  # the classifier as trained, on each target draw
    val_acc: float  # on held-out data with the training mix of classes
    current: str


def target_accuracies(config: exp.CorrectionConfig) -> TargetAccuracies:
    """The page's classifier (trained once, from the store) on the page's target and on each preset
    target of the same size and seed."""
    classifier = cached(exp.train_label_classifier, config.classifier)
    weights = {name: tuple(float(w) for w in p) for name, p in exp.PRESETS.items()}
    mine = tuple(float(w) for w in config.target.p_y)
    current = next((name for name, p in weights.items() if p == mine), "custom")
    if current == "custom":
        weights["custom"] = mine
    accs = {name: exp.label_shift(classifier, replace(config.target, p_y=p)).plain.accuracy
            for name, p in weights.items()}  # fmt: skip
    return TargetAccuracies(config, tuple(accs), tuple(accs.values()), classifier.val_acc, current)


def _label_plain(result: TargetAccuracies, s: exp.CorrectionConfig) -> Answer:
    acc = result.plain_acc[result.names.index(result.current)]
    return Answer(
        100 * acc, {"acc": acc, "val": result.val_acc, "drop": result.val_acc - acc},
        why="why" if acc < result.val_acc else "why_up", x=result.names, y=tuple(100 * a for a in result.plain_acc),
        x_title="shift.preset", y_title="learn.shift.axis_acc", at=result.current,
    )  # fmt: skip


def _preset_of(s: exp.CorrectionConfig) -> str:
    mine = tuple(float(w) for w in s.target.p_y)
    return next((name for name, p in exp.PRESETS.items() if tuple(float(w) for w in p) == mine), "custom")


prediction(
    "shift.label_plain", section="3.9", plan=lambda s: (target_accuracies, s), answer=_label_plain, lo=0.0,
    hi=100.0, step=1.0, start=85.0, unit="%", digits=1, tol=5.0, ask=lambda s: {"preset": _preset_of(s)},
    label="shift.correcting",
)  # fmt: skip


# --- challenge: the covariate correction on a source cut short --------------------------------------
CUT = 0.5  # the page's support section cuts the source here (SUPPORT_CUT of the page's views)
WITHIN = 0.02  # the corrected line on the cut source within 2 points of the one on the full source


@dataclass
class SupportPair:
    cut: exp.CovariateResult
    full: exp.CovariateResult


def support_pair(config: exp.CovariateConfig) -> SupportPair:
    """The page's covariate study with the source cut at x1 = CUT, and with the full source."""
    return SupportPair(
        cached(exp.covariate_shift, exp.support_config(config, CUT)), cached(exp.covariate_shift, config)
    )


def _check_support(pair: SupportPair, s: exp.CovariateConfig) -> Verdict:
    cut, full = pair.cut.fits[("linear", True)].target_acc, pair.full.fits[("linear", True)].target_acc
    gap = full - cut
    numbers: dict[str, Any] = {"cut_acc": cut, "full_acc": full, "gap_pts": 100 * gap, "gap_abs": 100 * abs(gap),
                               "pts": 100 * WITHIN, "cut": CUT, "beyond": pair.cut.target_beyond_cut}  # fmt: skip
    return Verdict(gap <= WITHIN, numbers)


challenge(
    "shift.support", section="3.9", plan=lambda s: (support_pair, s), check=_check_support,
    ask=lambda s: {"pts": 100 * WITHIN, "cut": CUT},
)  # fmt: skip


# --- the book's exercises (3.9) ------------------------------------------------------------------
# 3.9.1 (discuss): a search engine that changes its behaviour; a worked answer only.
exercise("3.9.1")


# 3.9.2 (explore): a covariate-shift detector, the page's source-vs-target classifier on held-out points.
def _read_detector(r: exp.DetectorResult, s: exp.CovariateConfig) -> Finding:
    q, lin = r.scores["quadratic"], r.scores["linear"]
    numbers = {"auc": q.auc, "acc": q.accuracy, "z": q.z, "auc_lin": lin.auc, "z_lin": lin.z,
               "n": r.n_source + r.n_target, "limit": exp.DETECTED_Z, "x1": s.target_x1, "x2": s.target_x2,
               "spread": s.target_spread}  # fmt: skip
    return Finding(
        numbers, says="finding" if q.z >= exp.DETECTED_Z else "finding_none", x=exp.ROC_GRID,
        series={"quadratic": q.roc, "linear": lin.roc, "chance": exp.ROC_GRID},
        x_title="ex.3.9.2.axis_fpr", y_title="ex.3.9.2.axis_tpr",
    )  # fmt: skip


exercise(
    "3.9.2", plan=lambda s: (exp.covariate_detector, s), read=_read_detector,
    controls=("shift_x1", "shift_x2", "shift_spread"),
)  # fmt: skip


# 3.9.3 (explore): the page's covariate-shift correction, read at its settings and along the target's centre.
def _read_correction(r: exp.CorrectionSweep, s: exp.CovariateConfig) -> Finding:
    res = r.result
    numbers = {"plain": res.fits[("linear", False)].target_acc, "weighted": res.fits[("linear", True)].target_acc,
               "bayes": res.bayes_acc, "q_plain": res.fits[("quadratic", False)].target_acc,
               "q_weighted": res.fits[("quadratic", True)].target_acc, "ess": res.effective_size,
               "n": len(res.beta), "gain_pts": 100 * res.gain("linear"), "x1": s.target_x1}  # fmt: skip
    says = "finding" if exp.line_corrected(res) else "finding_small"
    if exp.weights_collapse(res):
        says = "finding_collapse"
    return Finding(
        numbers, says=says, x=r.x1,
        series={"plain": tuple(100 * a for a in r.plain), "weighted": tuple(100 * a for a in r.weighted),
                "bayes": tuple(100 * a for a in r.bayes)},
        x_title="shift.target_x1", y_title="learn.shift.axis_acc",
    )  # fmt: skip


exercise(
    "3.9.3", plan=lambda s: (exp.correction_sweep, s), read=_read_correction,
    controls=("shift_x1", "shift_x2", "shift_spread", "shift_clip"),
)  # fmt: skip


# 3.9.4 (discuss): what else separates the empirical risk from the true one; evidence without any shift.
def _read_risk(r: exp.RiskGapResult, s: exp.RiskGapConfig) -> Finding:
    gap = [t - e for e, t in zip(r.empirical, r.true, strict=True)]
    numbers = {"degree": s.degree, "repeats": s.repeats, "n_small": r.sizes[0], "emp_small": r.empirical[0],
               "true_small": r.true[0], "gap_small": gap[0], "n_big": r.sizes[-1], "emp_big": r.empirical[-1],
               "true_big": r.true[-1], "gap_big": gap[-1]}  # fmt: skip
    return Finding(
        numbers, says="finding" if gap[-1] < gap[0] else "finding_grows", x=r.sizes,
        series={"empirical": r.empirical, "true": r.true}, x_title="ex.3.9.4.axis_n", y_title="ex.3.9.4.axis_risk",
        log_x=True,
    )  # fmt: skip


exercise(
    "3.9.4", plan=lambda s: (exp.risk_gap, s), read=_read_risk, settings=exp.RiskGapConfig,
    layout=(["degree", "repeats"],), controls=("x394_degree", "x394_repeats"),
)  # fmt: skip
