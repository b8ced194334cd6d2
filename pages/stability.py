"""3.8 Numerical stability and initialisation: vanishing and exploding, number formats, symmetry,
Xavier, and training."""

import streamlit as st

from mlp_lab.data import DataError
from mlp_lab.experiments import stability as exp
from mlp_lab.ui import board, learn
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
st.markdown(t("stability.intro", link=views.SECTION_URL))
st.latex(views.CHAIN_RULE)

# --- 3.8.1 vanishing gradients ---------------------------------------------------------------------
st.subheader(t("stability.vanish"))
st.markdown(t("stability.vanish_text"))
vanishing = views.vanishing_section(seed)
learn.predict("stability.first_layer", vanishing)

# --- 3.8.1 exploding gradients ---------------------------------------------------------------------
st.subheader(t("stability.explode"))
st.markdown(t("stability.explode_text"))
st.code(views.PRODUCT_LOOP)
product = form(exp.MatrixProductConfig, [["count", "size", "sigma"]], seed=seed)
learn.predict("stability.product", product)
views.product_view(cached(exp.matrix_product, product))

# --- number formats: float16 against float32 -------------------------------------------------------
st.subheader(t("stability.formats"))
st.markdown(t("stability.formats_text"))
views.precision_section(product, vanishing)

# --- 3.8.2 symmetry --------------------------------------------------------------------------------
st.subheader(t("stability.symmetry"))
st.markdown(t("stability.permutation_text", link=views.SECTION_URL))
symmetry = form(exp.SymmetryConfig, [["hidden", "dropout", "steps"]], seed=seed)
views.permutation_view(symmetry)
st.markdown(t("stability.symmetry_text"))
try:
    views.symmetry_view(cached(exp.symmetry, symmetry, label="stability.symmetry_running"))
    views.symmetry_spread(symmetry)
except DataError as exc:
    show_data_error(exc)

# --- 3.8.3 Xavier initialisation -------------------------------------------------------------------
st.subheader(t("stability.xavier"))
st.markdown(t("stability.xavier_text"))
st.latex(views.XAVIER)
st.markdown(t("stability.xavier_assumptions", link=views.SECTION_URL))
variance = views.variance_form(seed)
learn.predict("stability.variance", variance)
views.variance_view(cached(exp.layer_variances, variance))
learn.challenge("stability.relu_init", variance)

# --- training a deeper MLP under each scheme -------------------------------------------------------
st.subheader(t("stability.train"))
st.markdown(t("stability.train_text"))
deep = form(exp.DeepTrainSettings, ["schemes", ["activation", "epochs"]], seed=seed)
views.training_section(deep)
board.section("stability", deep)

learn.exercises_heading("3.8")
learn.exercise("3.8.1")
learn.exercise("3.8.2")
learn.exercise("3.8.3", product)  # reads the page's product of random matrices
learn.exercise("3.8.4")

book_box("stability")
