"""3.1 Multilayer perceptrons: why a linear model is not enough, the activation functions with their
autograd derivatives, the chapter's claims measured, universal approximation with one hidden
layer, and why depth beats width."""

import streamlit as st

from mlp_lab.experiments import activations as exp
from mlp_lab.ui import learn, runner
from mlp_lab.ui.activation_widgets import (
    approximation_section,
    claims_table,
    curve_charts,
    depth_section,
    monotone_section,
)
from mlp_lab.ui.book import book_box
from mlp_lab.ui.controls import form
from mlp_lab.ui.i18n import t
from mlp_lab.ui.shell import ensure_shell
from mlp_lab.ui.sidebar import global_seed

ensure_shell()

st.title(t("page.activations"))
st.markdown(t("act.intro"))

# --- 3.1.1: a linear model forces monotone effects -------------------------------------------------
st.subheader(t("act.mono"))
st.markdown(t("act.mono_text"))
monotone_section(form(exp.MonotoneConfig, ["units"], seed=global_seed()))

# --- 3.1.2: the functions and their derivatives ---------------------------------------------------
st.subheader(t("act.functions_heading"))
config = form(exp.CurveConfig, [[("names", "span"), ("alpha", "step")]])
view = form(exp.CurveView, ["overlay"])
learn.predict("act.sigmoid_grad_max", config)
learn.predict("act.tanh_sketch", config)
if not config.names:
    st.info(t("act.none"))
else:
    curve_charts(runner.cached(exp.curves, config), config.span, overlaid=view.overlay)

# --- the chapter's claims, measured ---------------------------------------------------------------
st.subheader(t("act.claims"))
claims_table(runner.cached(exp.claims, global_seed()))

# --- universal approximation, and why one wide layer is not the answer -----------------------------
st.subheader(t("act.uat"))
st.markdown(t("act.uat_intro"))
approx = form(exp.ApproxConfig, [["units", "activation", "target"]], seed=global_seed())
approximation_section(approx)
learn.challenge("act.few_units", approx)
st.subheader(t("act.wide"))
st.markdown(t("act.wide_text"))
depth = form(exp.DepthConfig, ["depth"], seed=global_seed())
learn.predict("act.deep_pieces", depth)
depth_section(depth)

learn.exercises_heading("3.1")
learn.exercise("3.1.1")
learn.exercise("3.1.2")
learn.exercise("3.1.3")
learn.exercise("3.1.4")

book_box("activations")
