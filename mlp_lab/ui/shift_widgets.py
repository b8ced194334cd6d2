"""Multi-element views of the distribution-shift page (3.9): each correction's charts, tables and notes."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from mlp_lab.controls import controls_of
from mlp_lab.data import class_names
from mlp_lab.experiments import shift as exp
from mlp_lab.ui import shift_charts as charts
from mlp_lab.ui.controls import form, widget
from mlp_lab.ui.i18n import current_lang, t

KINDS = ("covariate", "label", "concept")
COVARIATE_RISK = (
    r"\beta_i = \frac{p(\mathbf{x}_i)}{q(\mathbf{x}_i)} = \exp(h(\mathbf{x}_i)), \qquad "
    r"\min_f \frac{1}{n}\sum_{i=1}^{n} \beta_i\, l(f(\mathbf{x}_i), y_i)"
)
# Our C has a row per true class (as scikit-learn's), so the book's C p(y) = mu(y_hat) reads C^T p(y) here.
LABEL_SYSTEM = r"\mathbf{C}^\top p(\mathbf{y}) = \mu(\hat{\mathbf{y}}), \qquad \beta_i = \frac{p(y_i)}{q(y_i)}"
COVARIATE_COLUMNS = ("shift.model", "shift.acc_plain", "shift.acc_weighted", "shift.risk_plain", "shift.risk_weighted")
WEIGHT_COLUMNS = [(f"w{k}", f"w{k + 5}") for k in range(5)]  # two rows of five class weights
ILL_CONDITIONED = 1e3  # a condition number of C above this deserves a warning


def kinds_view(pictures: dict) -> None:
    """The three kinds of shift side by side, each a small source/target picture and a sentence."""
    for col, kind in zip(st.columns(len(KINDS)), KINDS, strict=True):
        col.markdown(f"**{t('shift.kind_' + kind)}**")
        col.altair_chart(charts.kind_chart(pictures[kind]), width="content")
        col.caption(t(f"shift.kind_{kind}_text"))


def covariate_view(cov: exp.CovariateResult) -> None:
    """The weighted and unweighted fits on the plane, their target scores, and what the weights are worth."""
    st.altair_chart(charts.covariate_chart(cov), width="stretch")
    rows = [
        (
            t(f"shift.features_{kind}"),
            cov.fits[(kind, False)].target_acc,
            cov.fits[(kind, True)].target_acc,
            cov.fits[(kind, False)].target_loss,
            cov.fits[(kind, True)].target_loss,
        )
        for kind in ("linear", "quadratic")
    ]
    columns = [t(k) for k in COVARIATE_COLUMNS]
    st.dataframe(pd.DataFrame(rows, columns=columns).style.format(precision=3), hide_index=True, width="stretch")
    ess = cov.beta.sum() ** 2 / (cov.beta**2).sum()
    st.caption(t("shift.covariate_caption", bayes=cov.bayes_acc, ess=ess, n=len(cov.beta), top=cov.beta.max()))


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


def label_shift_view(classifier: exp.LabelClassifier, target: exp.TargetSettings) -> None:
    """Estimate the target's p(y) from unlabelled images and show how reweighting by it scores."""
    names = class_names(current_lang())
    try:
        shifted = exp.label_shift(classifier, target.target())
    except ValueError:  # every weight 0: no target to draw
        st.warning(t("shift.all_zero"), icon="⚖️")
        return
    left, right = st.columns([3, 2])
    left.altair_chart(charts.distribution_chart(shifted, classifier.q_y, names), width="stretch")
    right.altair_chart(charts.confusion_chart(classifier.confusion, names), width="stretch")
    m1, m2, m3 = st.columns(3)
    m1.metric(t("shift.l1"), f"{shifted.l1_error:.3f}")
    m2.metric(t("shift.cond"), f"{shifted.condition_number:.3g}", help=t("shift.cond_help"))
    m3.metric(t("shift.val_acc"), f"{classifier.val_acc:.2%}")
    if shifted.condition_number > ILL_CONDITIONED:
        st.warning(t("shift.ill_conditioned", cond=shifted.condition_number), icon="⚠️")
    if shifted.safeguard_used:
        st.info(t("shift.safeguard", low=float(shifted.raw_estimate.min())), icon="🛡️")
    scores = {"shift.plain": shifted.plain, "shift.reweighted": shifted.reweighted, "shift.oracle": shifted.oracle}
    table = pd.DataFrame(
        [(t(k), s.accuracy, s.loss) for k, s in scores.items()],
        columns=[t("shift.model"), t("shift.accuracy"), t("shift.loss")],
    )
    st.dataframe(table.style.format(precision=4), hide_index=True, width="stretch")
    st.caption(t("shift.reweight_caption"))
