"""Small views of the activation page: each function with its formula and charts, the claims table."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from mlp_lab.experiments.activations import FORMULAS, IN_BOOK, Claim, Curve
from mlp_lab.ui.activation_charts import function_and_derivative, overlay
from mlp_lab.ui.i18n import t


def curve_charts(curves: list[Curve], overlaid: bool) -> None:
    """All curves in one pair of charts, or each with its formula (in the book or beyond it)."""
    if overlaid:
        st.altair_chart(overlay(curves), width="stretch")
        return
    for curve in curves:
        tag = t("act.in_book") if curve.name in IN_BOOK else t("act.beyond")
        st.latex(FORMULAS[curve.name] + rf"\qquad\text{{({tag})}}")
        st.vega_lite_chart(spec=function_and_derivative(curve), width="stretch")


def claims_table(claims: list[Claim]) -> None:
    rows = [
        {
            t("act.claim"): t(f"act.claim.{c.key}"),
            t("act.measured"): f"{c.measured:.6g}",
            t("act.error"): f"{c.error:.1e}",
            t("act.holds"): "✅" if c.holds else "❌",
        }
        for c in claims
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
