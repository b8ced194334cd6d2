"""Views of the distribution-shift page (3.9): each correction's charts, tables and the sentence that
says what the run shows. Every such sentence is chosen by the experiment's own predicate
(``line_corrected``, ``support_fails``, ``weighted_training_helps``, ``updated_keeps_up``) and, where
the draw matters, followed by the same study on other seeds."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import streamlit as st

from mlp_lab.controls import controls_of
from mlp_lab.data import class_names
from mlp_lab.experiments import shift as exp
from mlp_lab.ui import a11y
from mlp_lab.ui import shift_charts as charts
from mlp_lab.ui.controls import form, widget
from mlp_lab.ui.i18n import current_lang, t
from mlp_lab.ui.runner import cached

SECTION_URL = "https://zh.d2l.ai/chapter_multilayer-perceptrons/environment.html"
KINDS = ("covariate", "label", "concept")
COVARIATE_RISK = (
    r"\beta_i = \frac{p(\mathbf{x}_i)}{q(\mathbf{x}_i)} = \exp(h(\mathbf{x}_i)), \qquad "
    r"\min_f \frac{1}{n}\sum_{i=1}^{n} \beta_i\, l(f(\mathbf{x}_i), y_i)"
)
# Our C has a row per true class (as scikit-learn's), so the book's C p(y) = mu(y_hat) reads C^T p(y) here.
LABEL_SYSTEM = r"\mathbf{C}^\top p(\mathbf{y}) = \mu(\hat{\mathbf{y}}), \qquad \beta_i = \frac{p(y_i)}{q(y_i)}"
COVARIATE_COLUMNS = (
    "shift.model", "shift.acc_plain", "shift.acc_output", "shift.acc_weighted", "shift.risk_plain",
    "shift.risk_weighted",
)  # fmt: skip
WEIGHT_COLUMNS = [(f"w{k}", f"w{k + 5}") for k in range(5)]  # two rows of five class weights
ILL_CONDITIONED = 1e3  # a condition number of C above this deserves a warning
SPREAD_SEEDS = range(5)
SUPPORT_CUT = 0.5


def kinds_view(pictures: dict) -> None:
    """The three kinds of shift side by side, each a small source/target picture and a sentence."""
    for col, kind in zip(st.columns(len(KINDS)), KINDS, strict=True):
        col.markdown(f"**{t('shift.kind_' + kind)}**")
        a11y.chart(*charts.kind_chart(pictures[kind], kind), where=col, width="content")
        col.caption(t(f"shift.kind_{kind}_text"))


def _others(seeds: list[int], key: str) -> str:
    return t(key, seeds=", ".join(map(str, seeds))) if seeds else ""


def covariate_view(cov: exp.CovariateResult) -> None:
    """The fits on the plane, the sentence chosen by the run, the scores table, the other seeds."""
    a11y.chart(*charts.covariate_chart(cov))
    lin = (cov.fits[("linear", False)].target_acc, cov.fits[("linear", True)].target_acc)
    quad = (cov.fits[("quadratic", False)].target_acc, cov.fits[("quadratic", True)].target_acc)
    ess, n, top = cov.effective_size, len(cov.beta), float(cov.beta.max())
    if exp.line_corrected(cov) and not exp.weights_collapse(cov):
        sentence = t("shift.cov_yes", plain=lin[0], weighted=lin[1], bayes=cov.bayes_acc)
    else:
        reason = t("shift.cov_collapse", ess=ess, n=n, top=top) if exp.weights_collapse(cov) else ""
        shows = [s for s in SPREAD_SEEDS if s != cov.config.seed and _corrected(replace(cov.config, seed=s))]
        hint = _others(shows, "shift.try_seeds") or t("shift.cov_no_seed")
        sentence = t("shift.cov_no", plain=lin[0], weighted=lin[1], bayes=cov.bayes_acc, reason=reason, hint=hint)
    quad_key = "shift.cov_quad_kept" if exp.quadratic_unmoved(cov) else "shift.cov_quad_moved"
    st.markdown(sentence + t("shift.space") + t(quad_key, plain=quad[0], weighted=quad[1]))
    rows = [
        (
            t(f"shift.features_{kind}"),
            cov.fits[(kind, False)].target_acc,
            cov.output_reweighted_acc[kind],
            cov.fits[(kind, True)].target_acc,
            cov.fits[(kind, False)].target_loss,
            cov.fits[(kind, True)].target_loss,
        )
        for kind in ("linear", "quadratic")
    ]
    columns = [t(k) for k in COVARIATE_COLUMNS]
    st.dataframe(pd.DataFrame(rows, columns=columns).style.format(precision=3), hide_index=True, width="stretch")
    st.caption(t("shift.covariate_caption", bayes=cov.bayes_acc, ess=ess, n=n, top=top))
    st.markdown(t("shift.cov_output_note", lin=cov.output_reweighted_acc["linear"],
                  quad=cov.output_reweighted_acc["quadratic"]))  # fmt: skip
    covariate_spread(cov.config)


def _corrected(config: exp.CovariateConfig) -> bool:
    result = cached(exp.covariate_shift, config)
    return exp.line_corrected(result) and not exp.weights_collapse(result)


def covariate_spread(config: exp.CovariateConfig) -> None:
    """The same study on seeds 0-4: a small table of the four accuracies per seed."""
    results = [cached(exp.covariate_shift, replace(config, seed=s)) for s in SPREAD_SEEDS]
    arrow = lambda r, kind: f"{r.fits[(kind, False)].target_acc:.3f} → {r.fits[(kind, True)].target_acc:.3f}"  # noqa: E731
    table = pd.DataFrame(
        {
            t("shift.seed"): list(SPREAD_SEEDS),
            t("shift.features_linear"): [arrow(r, "linear") for r in results],
            t("shift.features_quadratic"): [arrow(r, "quadratic") for r in results],
            t("shift.shows"): ["✓" if exp.line_corrected(r) and not exp.weights_collapse(r) else "✗" for r in results],
        }
    )
    st.caption(t("shift.cov_spread"))
    st.dataframe(table, hide_index=True)


def support_view(config: exp.CovariateConfig) -> None:
    """The page's target with a source that stops at x1 = cut: q(x) = 0 where much of p(x) lies."""
    st.markdown(t("shift.support_text", link=SECTION_URL, cut=SUPPORT_CUT))
    cut = cached(exp.covariate_shift, exp.support_config(config, SUPPORT_CUT))
    full = cached(exp.covariate_shift, config)
    fmt = dict(
        beyond=cut.target_beyond_cut,
        cut=SUPPORT_CUT,
        cut_acc=cut.fits[("linear", True)].target_acc,
        full_acc=full.fits[("linear", True)].target_acc,
    )
    st.markdown(t("shift.support_yes" if exp.support_fails(cut, full) else "shift.support_no", **fmt))
    a11y.chart(*charts.covariate_chart(cut))


def target_form(seed: int) -> exp.TargetSettings:
    """The target's label distribution: a preset (explained under it), its size, and for "custom"
    the ten class weights."""
    specs = controls_of(exp.TargetSettings)
    preset = widget(specs["preset"])
    st.caption(t(f"shift.preset_{preset}"))
    n = widget(specs["n"])
    if preset != "custom":
        return exp.TargetSettings(preset=preset, n=n, seed=seed)
    with st.expander(t("shift.custom"), expanded=True):
        return form(exp.TargetSettings, [WEIGHT_COLUMNS], preset=preset, n=n, seed=seed)


def conditions_check(classifier: exp.LabelClassifier) -> str:
    """The label-shift conditions measured on this classifier: accuracy, conditioning, and how far
    its confusion matrix on the test split is from the validation one (p(x|y) unchanged?)."""
    names = class_names(current_lang())
    on_test = exp.confusion_matrix(classifier.test_probs.argmax(axis=1), classifier.test_labels)
    rows = np.abs(on_test - classifier.confusion).sum(axis=1)
    k = int(np.argmax(rows))
    return t(
        "shift.cond_check",
        acc=classifier.val_acc,
        cond=classifier.condition_number,
        name=names[k],
        diff=float(rows[k]),
        val=float(classifier.confusion[k, k]),
        test=float(on_test[k, k]),
    )


def label_shift_view(classifier: exp.LabelClassifier, target: exp.TargetSettings) -> None:
    """Estimate the target's p(y) from unlabelled images, correct by weighted training, compare."""
    names = class_names(current_lang())
    try:
        target_config = target.target()
        target_config.distribution()
    except ValueError:  # every weight 0: no target to draw
        st.warning(t("shift.all_zero"), icon="⚖️")
        return
    config = exp.CorrectionConfig(classifier=classifier.config, target=target_config)
    corr = cached(exp.label_corrections, config, label="shift.correcting")
    shifted = corr.shift
    left, right = st.columns([3, 2])
    a11y.chart(*charts.distribution_chart(shifted, classifier.q_y, names), where=left)
    a11y.chart(*charts.confusion_chart(classifier.confusion, names), where=right)
    m1, m2, m3 = st.columns(3)
    m1.metric(t("shift.l1"), f"{shifted.l1_error:.3f}")
    m2.metric(t("shift.cond"), f"{shifted.condition_number:.3g}", help=t("shift.cond_help"))
    m3.metric(t("shift.val_acc"), f"{classifier.val_acc:.2%}")
    if shifted.condition_number > ILL_CONDITIONED:
        st.warning(t("shift.ill_conditioned", cond=shifted.condition_number), icon="⚠️")
    if shifted.safeguard_used:
        st.info(t("shift.safeguard", low=float(shifted.raw_estimate.min())), icon="🛡️")
    fmt = dict(plain=corr.plain.accuracy, weighted=corr.weighted.accuracy, control=corr.control.accuracy)
    if exp.weighted_training_helps(corr):
        st.markdown(t("shift.label_yes", **fmt))
    else:
        shows = [s for s in SPREAD_SEEDS if s != target.seed and exp.weighted_training_helps(_draw(config, s))]
        hint = _others(shows, "shift.label_other_seeds") or t("shift.label_other_target")
        st.markdown(t("shift.label_no", hint=hint, **fmt))
    scores = {
        "shift.plain": shifted.plain,
        "shift.reweighted": shifted.reweighted,
        "shift.weighted": corr.weighted,
        "shift.control": corr.control,
        "shift.oracle": corr.weighted_oracle,
    }
    table = pd.DataFrame(
        [(t(k), s.accuracy, s.loss) for k, s in scores.items()],
        columns=[t("shift.model"), t("shift.accuracy"), t("shift.loss")],
    )
    st.dataframe(table.style.format(precision=4), hide_index=True, width="stretch")
    st.caption(t("shift.label_note", output=shifted.reweighted.accuracy))
    cells = [f"{s}: {r.plain.accuracy:.3f} → {r.weighted.accuracy:.3f}"
             for s, r in ((s, _draw(config, s)) for s in SPREAD_SEEDS)]  # fmt: skip
    st.caption(t("shift.label_spread", cells=t("shift.sep").join(cells)))


def _draw(config: exp.CorrectionConfig, seed: int) -> exp.LabelCorrections:
    return cached(
        exp.label_corrections, replace(config, target=replace(config.target, seed=seed)), label="shift.correcting"
    )


def concept_view(config: exp.ConceptConfig) -> None:
    """The stream's two models on a chart, the sentence chosen by the run, the other seeds."""
    concept = cached(exp.concept_shift, config)
    a11y.chart(*charts.concept_chart(concept))
    last = slice(-10, None)  # the sentence's "last 10 rounds"
    fmt = dict(
        frozen=float(concept.frozen_acc[last].mean()),
        updated=float(concept.updated_acc[last].mean()),
        turned=float(concept.rule_angle[-1]),
    )
    st.markdown(t("shift.concept_yes" if exp.updated_keeps_up(concept) else "shift.concept_no", **fmt))
    runs = [cached(exp.concept_shift, replace(config, seed=s)) for s in SPREAD_SEEDS]
    cells = [f"{s}: {r.frozen_acc[last].mean():.2f} / {r.updated_acc[last].mean():.2f}"
             for s, r in zip(SPREAD_SEEDS, runs, strict=True)]  # fmt: skip
    st.caption(t("shift.concept_spread", cells=t("shift.sep").join(cells)))
