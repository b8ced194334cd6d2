"""3.1 Activation functions: each one with its autograd derivative, the chapter's claims measured,
and universal approximation with one hidden layer."""

import streamlit as st

from mlp_lab.experiments.activations import ApproxConfig, CurveConfig, CurveView, claims, curves, fit_one_hidden_layer
from mlp_lab.ui import runner
from mlp_lab.ui.activation_charts import approximation
from mlp_lab.ui.activation_widgets import claims_table, curve_charts
from mlp_lab.ui.book import book_box
from mlp_lab.ui.controls import form
from mlp_lab.ui.i18n import t
from mlp_lab.ui.shell import ensure_shell
from mlp_lab.ui.sidebar import global_seed

ensure_shell()

st.title(t("page.activations"))
st.markdown(t("act.intro"))

# --- 3.1.2: the functions and their derivatives ---------------------------------------------------
config = form(CurveConfig, [[("names", "span"), ("alpha", "step")]])
view = form(CurveView, ["overlay"])
if not config.names:
    st.info(t("act.none"))
else:
    curve_charts(runner.cached(curves, config), overlaid=view.overlay)
    st.caption(t("act.saturated"))

# --- the chapter's claims, measured ---------------------------------------------------------------
st.subheader(t("act.claims"))
claims_table(runner.cached(claims, global_seed()))

# --- universal approximation ----------------------------------------------------------------------
st.subheader(t("act.uat"))
st.write(t("act.uat_intro"))
settings = form(ApproxConfig, [["units", "activation", "target"]], seed=global_seed())
fits = [runner.cached(fit_one_hidden_layer, c) for c in settings.ladder()]
st.altair_chart(approximation(fits), width="stretch")
st.caption(" · ".join(t("act.mse", k=r.config.units, mse=r.mse) for r in fits))

book_box("activations")
