"""3.9's exercises as guided tasks on the shift page: the detector and the correction read the page's
covariate study at its current target (recomputed here and compared), the risk-gap run follows its
own controls, and the discussions' worked answers reveal in both languages."""

from __future__ import annotations

from dataclasses import replace

from mlp_lab.experiments import shift as exp
from tests.learn_helpers import exercise_box, finding_chart, reveal_answer, run_exercise
from tests.test_app import run_app

PAGE = "pages/shift.py"


def test_detector_fires_on_a_moved_target_and_not_on_the_source_itself() -> None:
    # the target centred where the source is, only narrower: the page's quadratic classifier sees it,
    # a straight line cannot
    at = run_app("en", page=PAGE, shift_x1=0.0, shift_x2=0.0)
    text = run_exercise(at, "3.9.2")
    narrow = exp.covariate_detector(exp.CovariateConfig(target_x1=0.0, target_x2=0.0))
    q, lin = narrow.scores["quadratic"], narrow.scores["linear"]
    assert "shift detected" in text and "no shift" not in text
    assert f"AUC {q.auc:.3f}" in text and f"{q.z:.1f} standard errors" in text and f"AUC {lin.auc:.3f}" in text
    assert q.auc > 0.6 and abs(lin.auc - 0.5) < 0.05
    rows = finding_chart(at, "3.9.2")
    assert len(rows) == 3 * len(exp.ROC_GRID)
    at.slider(key="shift_spread").set_value(1.0).run()  # now the target is the source's N(0, I)
    same = run_exercise(at, "3.9.2")
    none = exp.covariate_detector(exp.CovariateConfig(target_x1=0.0, target_x2=0.0, target_spread=1.0))
    assert "no shift detected" in same and f"AUC is {none.scores['quadratic'].auc:.3f}" in same
    assert none.scores["quadratic"].z < exp.DETECTED_Z


def test_correction_reads_the_page_study_and_follows_the_clip() -> None:
    at = run_app("en", page=PAGE)
    text = run_exercise(at, "3.9.3")
    sweep = exp.correction_sweep(exp.CovariateConfig())
    r = sweep.result
    plain, weighted = r.fits[("linear", False)].target_acc, r.fits[("linear", True)].target_acc
    assert f"from {plain:.1%} to {weighted:.1%}" in text and weighted > plain + exp.LINE_GAIN_MIN
    assert f"worth {r.effective_size:.0f} of the 1,000" in text
    rows = finding_chart(at, "3.9.3")
    assert len(rows) == 3 * len(sweep.x1)
    at.select_slider(key="shift_clip").set_value(2.0).run()
    clipped = run_exercise(at, "3.9.3")
    c = exp.correction_sweep(replace(exp.CovariateConfig(), clip=2.0)).result
    assert f"to {c.fits[('linear', True)].target_acc:.1%}" in clipped and clipped != text
    answer, _ = reveal_answer(at, "3.9.3")
    assert "exp(h" in answer


def test_risk_gap_follows_the_degree_and_the_discussions_reveal_in_chinese() -> None:
    at = run_app("zh", page=PAGE, x394_degree=6, x394_repeats=2)
    text = run_exercise(at, "3.9.4")
    r = exp.risk_gap(exp.RiskGapConfig(degree=6, repeats=2))
    assert "次数为 6" in text
    assert f"{r.empirical[0]:.3f}" in text and f"{r.true[0]:.3f}" in text and f"{r.true[-1]:.3f}" in text
    assert r.true[0] - r.empirical[0] > r.true[-1] - r.empirical[-1]  # the gap closes with more data
    at.slider(key="x394_degree").set_value(1).run()
    line = run_exercise(at, "3.9.4")
    r1 = exp.risk_gap(exp.RiskGapConfig(degree=1, repeats=2))
    assert "次数为 1" in line and f"{r1.true[0]:.3f}" in line
    answer, _ = reveal_answer(at, "3.9.4")
    assert "独立同分布" in answer and "过拟合" in answer
    assert not exercise_box(at, "3.9.1").info  # a discussion: no run, only the worked answer
    answer, checks = reveal_answer(at, "3.9.1")
    assert "反馈回路" in answer and not checks
