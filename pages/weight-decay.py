"""3.5 Weight decay: from scratch and concise, ||w|| over seeds, a sweep over lambda, and L1 against L2."""

import streamlit as st

from mlp_lab.experiments import weight_decay as exp
from mlp_lab.ui import board, learn
from mlp_lab.ui import weight_decay_widgets as views
from mlp_lab.ui.book import book_box
from mlp_lab.ui.controls import form
from mlp_lab.ui.i18n import t
from mlp_lab.ui.shell import ensure_shell
from mlp_lab.ui.sidebar import global_seed

ensure_shell()

st.title(t("page.weight_decay"))
st.markdown(t("wd.intro"))
st.latex(r"L(\mathbf{w}, b) + \frac{\lambda}{2}\|\mathbf{w}\|^2")
st.markdown(t("wd.update"))
st.latex(
    r"\mathbf{w} \leftarrow (1 - \eta\lambda)\,\mathbf{w} - \frac{\eta}{|\mathcal{B}|}\sum_{i \in \mathcal{B}}"
    r"\mathbf{x}^{(i)}\left(\mathbf{w}^\top \mathbf{x}^{(i)} + b - y^{(i)}\right)"
)
st.markdown(t("wd.data"))
st.latex(r"y = 0.05 + \sum_{i=1}^{200} 0.01\,x_i + \epsilon,\qquad \epsilon \sim \mathcal{N}(0, 0.01^2)")

seed = global_seed()
settings = form(exp.WDSettings, [["lambd", "penalty"]], seed=seed)
learn.predict("wd.norm", settings)
learn.predict("wd.test_effect", settings)
for col, impl in zip(st.columns(2), exp.IMPLEMENTATIONS, strict=True):
    with col:
        views.run_column(settings, impl)

# --- ||w|| and the test loss without and with weight decay, over seeds -------------------------------
views.norm_spread(settings)

# --- the lambda sweep (exercises 1 to 3) -------------------------------------------------------------
st.subheader(t("wd.sweep"))
views.sweep_view(settings)
learn.challenge("wd.smallest_within", settings)

# --- ridge against lasso: L2 spreads the weight, L1 selects features (3.5.1) -------------------------
st.subheader(t("wd.sparse"))
views.sparse_view(seed)

board.section("weight-decay", settings)

learn.exercises_heading("3.5")
learn.exercise("3.5.1", settings)
learn.exercise("3.5.2", settings)
learn.exercise("3.5.3", settings)
learn.exercise("3.5.4", settings)
learn.exercise("3.5.5", settings)
learn.exercise("3.5.6", settings)

book_box("weight_decay")
