"""3.1 Activation functions: each one with its autograd derivative, the chapter's claims measured,
and universal approximation with one hidden layer."""

import pandas as pd
import streamlit as st

from mlp_lab.experiments.activations import (
    ACTIVATIONS,
    IN_BOOK,
    TARGETS,
    ApproxConfig,
    CurveConfig,
    approx_k_steps,
    claims,
    curves,
)
from mlp_lab.experiments.activations import fit_one_hidden_layer as fit
from mlp_lab.ui.activation_charts import approximation, function_and_derivative, overlay
from mlp_lab.ui.book import book_link
from mlp_lab.ui.i18n import t
from mlp_lab.ui.runner import cached_run
from mlp_lab.ui.shell import ensure_shell
from mlp_lab.ui.sidebar import global_seed

ensure_shell()

FORMULAS = {
    "relu": r"\operatorname{ReLU}(x) = \max(x, 0)",
    "prelu": r"\operatorname{pReLU}(x) = \max(0, x) + \alpha \min(0, x)",
    "sigmoid": r"\operatorname{sigmoid}(x) = \frac{1}{1 + \exp(-x)},\quad "
    r"\operatorname{sigmoid}'(x) = \operatorname{sigmoid}(x)\,(1 - \operatorname{sigmoid}(x))",
    "tanh": r"\tanh(x) = \frac{1 - \exp(-2x)}{1 + \exp(-2x)},\quad \tanh'(x) = 1 - \tanh^2(x)",
    "gelu": r"\operatorname{GELU}(x) = x\,\Phi(x)",
    "silu": r"\operatorname{SiLU}(x) = x \operatorname{sigmoid}(x)",
    "leaky_relu": r"\operatorname{LeakyReLU}(x) = \max(0, x) + 0.01 \min(0, x)",
    "elu": r"\operatorname{ELU}(x) = x \text{ if } x > 0 \text{ else } \exp(x) - 1",
}  # fmt: skip

st.title(t("page.activations"))
st.markdown(t("act.intro"))

left, right = st.columns([3, 2])
names = left.multiselect(
    t("act.functions"), list(ACTIVATIONS), default=list(IN_BOOK), key="act_fns", bind="query-params",
    help=t("act.functions_help"),
)  # fmt: skip
overlaid = right.toggle(t("act.overlay"), value=False, key="act_overlay", bind="query-params")
alpha = right.slider(t("act.alpha"), 0.0, 1.0, 0.1, 0.05, key="act_alpha", bind="query-params")
lo, hi = left.slider(t("act.range"), -20.0, 20.0, (-8.0, 8.0), 0.5, key="act_range", bind="query-params")
step = right.select_slider(t("act.step"), [0.01, 0.02, 0.05, 0.1, 0.2, 0.5], 0.1, key="act_step", bind="query-params")

if not names or hi <= lo:
    st.info(t("act.none"))
else:
    result = curves(CurveConfig(tuple(names), lo, hi, step, alpha))
    if overlaid:
        st.altair_chart(overlay(result), width="stretch")
    for curve in result if not overlaid else []:
        tag = t("act.in_book") if curve.name in IN_BOOK else t("act.beyond")
        st.latex(FORMULAS[curve.name] + rf"\qquad\text{{({tag})}}")
        st.altair_chart(function_and_derivative(curve), width="stretch")
    st.caption(t("act.saturated"))

st.subheader(t("act.claims"))
rows = [
    {
        t("act.claim"): t(f"act.claim.{c.key}"),
        t("act.measured"): f"{c.measured:.6g}",
        t("act.error"): f"{c.error:.1e}",
        t("act.holds"): "✅" if c.holds else "❌",
    }
    for c in claims(global_seed())
]
st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")

st.subheader(t("act.uat"))
st.write(t("act.uat_intro"))
c1, c2, c3 = st.columns(3)
k = c1.slider(t("act.units"), 1, 128, 16, key="act_units", bind="query-params")
activation = c2.selectbox(t("act.uat_activation"), list(ACTIVATIONS), 0, key="act_uat_fn", bind="query-params")
target = c3.selectbox(
    t("act.target"), list(TARGETS), 0, key="act_target", bind="query-params", help=t("act.target_help")
)
configs = [ApproxConfig(units=u, activation=activation, target=target, seed=global_seed()) for u in approx_k_steps(k)]
fits = [cached_run(("activations.fit", c), lambda c=c: fit(c)) for c in configs]
st.altair_chart(approximation(fits), width="stretch")
st.caption(" · ".join(t("act.mse", k=r.config.units, mse=r.mse) for r in fits))
book_link("activations")
