"""3.9 Environment and distribution shift: covariate, label and concept shift, and their corrections."""

import pandas as pd
import streamlit as st

from mlp_lab.data import DataError, class_names, load_fashion_mnist
from mlp_lab.device import pick_device
from mlp_lab.experiments import shift as exp
from mlp_lab.ui import shift_charts as charts
from mlp_lab.ui.book import book_link
from mlp_lab.ui.i18n import current_lang, t
from mlp_lab.ui.runner import cached_run, result_store, show_data_error
from mlp_lab.ui.shell import ensure_shell
from mlp_lab.ui.sidebar import global_seed

ensure_shell()

seed = global_seed()
names = class_names(current_lang())
PRESETS = (*exp.PRESETS, "custom")

st.title(t("page.shift"))
st.markdown(t("shift.intro"))

# --- 3.9.1 the three kinds ---------------------------------------------------------------------------
st.subheader(t("shift.kinds"))
pictures = exp.shift_pictures(seed=seed)
for col, kind in zip(st.columns(3), ("covariate", "label", "concept"), strict=True):
    col.markdown(f"**{t('shift.kind_' + kind)}**")
    col.altair_chart(charts.kind_chart(pictures[kind]), width="content")
    col.caption(t(f"shift.kind_{kind}_text"))

# --- covariate shift -------------------------------------------------------------------------------
st.subheader(t("shift.covariate"))
st.markdown(t("shift.covariate_text"))
st.latex(r"\beta_i = \frac{p(\mathbf{x}_i)}{q(\mathbf{x}_i)} = \exp(h(\mathbf{x}_i)), \qquad "
         r"\min_f \frac{1}{n}\sum_{i=1}^{n} \beta_i\, l(f(\mathbf{x}_i), y_i)")  # fmt: skip
c1, c2, c3, c4 = st.columns(4)
tx1 = c1.slider(t("shift.target_x1"), -1.0, 3.0, 1.5, 0.1, key="shift_x1", bind="query-params")
tx2 = c2.slider(t("shift.target_x2"), -1.0, 3.0, 0.6, 0.1, key="shift_x2", bind="query-params")
spread = c3.slider(t("shift.spread"), 0.3, 1.5, 0.7, 0.1, key="shift_spread", bind="query-params")
clip = c4.select_slider(t("shift.clip"), [0, 2, 5, 10, 20, 50, 100], 0, key="shift_clip", bind="query-params",
                        help=t("shift.clip_help"))  # fmt: skip
cov_config = exp.CovariateConfig(tx1, tx2, spread, clip=float(clip), seed=seed)
cov = cached_run(exp.result_key(cov_config), lambda: exp.covariate_shift(cov_config))
st.altair_chart(charts.covariate_chart(cov), width="stretch")
rows = [
    (t(f"shift.features_{kind}"), cov.fits[(kind, False)].target_acc, cov.fits[(kind, True)].target_acc,
     cov.fits[(kind, False)].target_loss, cov.fits[(kind, True)].target_loss)
    for kind in ("linear", "quadratic")
]  # fmt: skip
cols = [
    t("shift.model"),
    t("shift.acc_plain"),
    t("shift.acc_weighted"),
    t("shift.risk_plain"),
    t("shift.risk_weighted"),
]
st.dataframe(pd.DataFrame(rows, columns=cols).style.format(precision=3), hide_index=True, width="stretch")
ess = cov.beta.sum() ** 2 / (cov.beta**2).sum()
st.caption(t("shift.covariate_caption", bayes=cov.bayes_acc, ess=ess, n=len(cov.beta), top=cov.beta.max()))

# --- label shift -----------------------------------------------------------------------------------
st.subheader(t("shift.label"))
st.markdown(t("shift.label_text"))
st.latex(r"\mathbf{C}\, p(\mathbf{y}) = \mu(\hat{\mathbf{y}}), \qquad \beta_i = \frac{p(y_i)}{q(y_i)}")
c1, c2 = st.columns(2)
train_size = c1.select_slider(t("shift.train_size"), [5000, 10000, 20000, 50000], 50000, key="shift_train_size",
                              bind="query-params", help=t("shift.train_size_help"))  # fmt: skip
epochs = c2.slider(t("shift.epochs"), 1, 10, 5, key="shift_epochs", bind="query-params")
clf_config = exp.LabelClassifierConfig(train_size=train_size, epochs=epochs, seed=seed)
clf_key = exp.result_key(clf_config)
go = st.toggle(t("shift.train_go"), value=False, key="shift_train", bind="query-params", help=t("shift.train_help"))


def train_classifier() -> exp.LabelClassifier:
    bar = st.progress(0.0, text=t("shift.training"))
    data = load_fashion_mnist(pick_device())
    result = exp.train_label_classifier(
        clf_config, data, callback=lambda p: bar.progress(p.fraction, t("shift.training"))
    )
    bar.empty()
    return result


shifted = None
classifier = result_store().get(clf_key)
if classifier is None and go:
    try:
        classifier = cached_run(clf_key, train_classifier)
    except DataError as exc:
        show_data_error(exc)
if classifier is None:
    st.info(t("shift.need_classifier"), icon="👆")
else:
    st.caption(t("shift.classifier_done", acc=classifier.val_acc, seconds=classifier.seconds, n=train_size))
    preset = st.segmented_control(t("shift.preset"), PRESETS, default="shoes", key="shift_preset",
                                  bind="query-params", required=True) or "shoes"  # fmt: skip
    st.caption(t(f"shift.preset_{preset}"))
    n_target = st.select_slider(t("shift.n_target"), [500, 1000, 2000, 5000, 10000], 5000, key="shift_n",
                                bind="query-params")  # fmt: skip
    weights = exp.PRESETS.get(preset)
    if weights is None:
        with st.expander(t("shift.custom"), expanded=True):
            cols = st.columns(5)
            weights = tuple(cols[k % 5].slider(names[k], 0, 10, 1, key=f"shift_w{k}", bind="query-params")
                            for k in range(exp.NUM_CLASSES))  # fmt: skip
    try:
        shifted = exp.label_shift(classifier, exp.TargetConfig(p_y=weights, n=n_target, seed=seed))
    except ValueError:
        st.warning(t("shift.all_zero"), icon="⚖️")
    if shifted is not None:
        left, right = st.columns([3, 2])
        left.altair_chart(charts.distribution_chart(shifted, classifier.q_y, names), width="stretch")
        right.altair_chart(charts.confusion_chart(classifier.confusion, names), width="stretch")
        m1, m2, m3 = st.columns(3)
        m1.metric(t("shift.l1"), f"{shifted.l1_error:.3f}")
        m2.metric(t("shift.cond"), f"{shifted.condition_number:.3g}", help=t("shift.cond_help"))
        m3.metric(t("shift.val_acc"), f"{classifier.val_acc:.2%}")
        if shifted.condition_number > 1e3:
            st.warning(t("shift.ill_conditioned", cond=shifted.condition_number), icon="⚠️")
        if shifted.safeguard_used:
            st.info(t("shift.safeguard", low=float(shifted.raw_estimate.min())), icon="🛡️")
        scores = {t("shift.plain"): shifted.plain, t("shift.reweighted"): shifted.reweighted,
                  t("shift.oracle"): shifted.oracle}  # fmt: skip
        table = pd.DataFrame([(k, s.accuracy, s.loss) for k, s in scores.items()],
                             columns=[t("shift.model"), t("shift.accuracy"), t("shift.loss")])  # fmt: skip
        st.dataframe(table.style.format(precision=4), hide_index=True, width="stretch")
        st.caption(t("shift.reweight_caption"))

# --- concept shift ---------------------------------------------------------------------------------
st.subheader(t("shift.concept"))
st.markdown(t("shift.concept_text"))
c1, c2 = st.columns(2)
drift = c1.slider(t("shift.drift"), 0.0, 20.0, 5.0, 0.5, key="shift_drift", bind="query-params")
updates = c2.slider(
    t("shift.updates"), 0, 20, 5, key="shift_updates", bind="query-params", help=t("shift.updates_help")
)
concept = exp.concept_shift(exp.ConceptConfig(drift_degrees=drift, update_steps=updates, seed=seed))
st.altair_chart(charts.concept_chart(concept), width="stretch")
tail = slice(-10, None)
st.caption(t("shift.concept_caption", frozen=concept.frozen_acc[tail].mean(), updated=concept.updated_acc[tail].mean()))

# --- check against the book ------------------------------------------------------------------------
with st.container(border=True):
    st.markdown(f"**📖 {t('book.title')}**")
    lin, quad = cov.fits[("linear", False)], cov.fits[("quadratic", False)]
    rows = [
        (t("shift.book_covariate"), t("shift.book_covariate_book"),
         f"{lin.target_acc:.3f} → {cov.fits[('linear', True)].target_acc:.3f} · "
         f"{quad.target_acc:.3f} → {cov.fits[('quadratic', True)].target_acc:.3f}"),
        (t("shift.book_concept"), t("shift.book_concept_book"),
         f"{concept.frozen_acc[tail].mean():.3f} / {concept.updated_acc[tail].mean():.3f}"),
    ]  # fmt: skip
    if shifted is not None:
        rows += [
            (t("shift.book_label"), t("shift.book_label_book"), f"{shifted.l1_error:.3f}"),
            (t("shift.book_reweight"), t("shift.book_reweight_book"),
             f"{shifted.plain.accuracy:.4f} → {shifted.reweighted.accuracy:.4f}"),
        ]  # fmt: skip
    cols = [t("book.col_quantity"), t("book.col_book"), t("book.col_ours")]
    st.dataframe(pd.DataFrame(rows, columns=cols), hide_index=True, width="stretch")

book_link("shift")
