"""3.8 Numerical stability and initialisation: vanishing and exploding, symmetry, Xavier, and training."""

import streamlit as st

from mlp_lab.data import DataError
from mlp_lab.experiments import stability as exp
from mlp_lab.ui import stability_charts as charts
from mlp_lab.ui import stability_widgets as views
from mlp_lab.ui.book import book_box
from mlp_lab.ui.controls import form
from mlp_lab.ui.i18n import t
from mlp_lab.ui.runner import cached, show_data_error
from mlp_lab.ui.shell import ensure_shell
from mlp_lab.ui.sidebar import global_seed

ensure_shell()
seed = global_seed()

st.title(t("page.stability"))
st.markdown(t("stability.intro"))
st.latex(views.CHAIN_RULE)

# --- 3.8.1 vanishing gradients ---------------------------------------------------------------------
st.subheader(t("stability.vanish"))
st.markdown(t("stability.vanish_text"))
left, right = st.columns(2)
curve = exp.sigmoid_curve()
left.altair_chart(charts.sigmoid_chart(curve), width="stretch")
left.caption(t("stability.sigmoid_caption", top=float(curve.grad.max())))
vanishing = form(exp.VanishingConfig, ["max_depth"], where=right, seed=seed)
vanish = cached(exp.vanishing_gradients, vanishing)
right.altair_chart(charts.vanishing_chart(vanish), width="stretch")
sigmoid = vanish.first_layer_grad["sigmoid"]
right.caption(t("stability.vanish_caption", depth=vanishing.max_depth, first=sigmoid[0], last=sigmoid[-1]))

# --- 3.8.1 exploding gradients ---------------------------------------------------------------------
st.subheader(t("stability.explode"))
st.markdown(t("stability.explode_text"))
st.code(views.PRODUCT_LOOP)
product = form(exp.MatrixProductConfig, [["count", "size", "sigma"]], seed=seed)
views.product_view(cached(exp.matrix_product, product))

# --- 3.8.2 symmetry --------------------------------------------------------------------------------
st.subheader(t("stability.symmetry"))
st.markdown(t("stability.symmetry_text"))
symmetry = form(exp.SymmetryConfig, [["hidden", "dropout", "steps"]], seed=seed)
try:
    views.symmetry_view(cached(exp.symmetry, symmetry, label="stability.symmetry_running"))
except DataError as exc:
    show_data_error(exc)

# --- 3.8.3 Xavier initialisation -------------------------------------------------------------------
st.subheader(t("stability.xavier"))
st.markdown(t("stability.xavier_text"))
st.latex(views.XAVIER)
variance = views.variance_form(seed)
views.variance_view(cached(exp.layer_variances, variance))

# --- training a deeper MLP under each scheme -------------------------------------------------------
st.subheader(t("stability.train"))
st.markdown(t("stability.train_text"))
deep = form(exp.DeepTrainSettings, ["schemes", ["activation", "epochs"]], seed=seed)
views.training_section(deep)

book_box("stability")
