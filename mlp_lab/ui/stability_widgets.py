"""Multi-element views of the stability page (3.8): each study's charts, numbers and warnings."""

from __future__ import annotations

import streamlit as st

from mlp_lab.controls import controls_of
from mlp_lab.experiments import stability as exp
from mlp_lab.training import TrainResult
from mlp_lab.ui import stability_charts as charts
from mlp_lab.ui.controls import form, widget
from mlp_lab.ui.i18n import t
from mlp_lab.ui.runner import gate
from mlp_lab.ui.train_panel import is_trained, training_panel

CHAIN_RULE = (
    r"\partial_{\mathbf{W}^{(l)}} \mathbf{o} = "
    r"\underbrace{\partial_{\mathbf{h}^{(L-1)}} \mathbf{h}^{(L)}}_{\mathbf{M}^{(L)}} \cdots "
    r"\underbrace{\partial_{\mathbf{h}^{(l)}} \mathbf{h}^{(l+1)}}_{\mathbf{M}^{(l+1)}}"
    r" \underbrace{\partial_{\mathbf{W}^{(l)}} \mathbf{h}^{(l)}}_{\mathbf{v}^{(l)}}"
)
PRODUCT_LOOP = (  # the book's loop in 3.8.1, which the exploding-gradient study runs
    "M = torch.normal(0, 1, size=(4, 4))\nfor i in range(100):\n    M = torch.mm(M, torch.normal(0, 1, size=(4, 4)))"
)
XAVIER = (
    r"\mathrm{Var}[h_i^{(t)}] = n_{t-1}\,\gamma_t\,\mathrm{Var}[h_j^{(t-1)}],\qquad "
    r"\frac{1}{2}(n_{t-1}+n_t)\,\gamma_t = 1 \;\Rightarrow\; \gamma_t = \frac{2}{n_{t-1}+n_t}"
)
PRINT_UP_TO = 4  # the product is printed, as torch would, for matrices up to this size


def product_view(product: exp.MatrixProductResult) -> None:
    """The product's norm and growth, its largest entry, the stable sigma, float32's limits."""
    config = product.config
    left, right = st.columns(2)
    left.altair_chart(charts.product_chart(product), width="stretch")
    right.altair_chart(charts.growth_chart(product), width="stretch")
    m1, m2, m3 = st.columns(3)
    m1.metric(t("stability.max_entry"), f"1e{product.log10_max_entry:+.1f}")
    m2.metric(t("stability.stable_sigma"), f"{product.stable_sigma:.3f}", help=t("stability.stable_help"))
    theory = exp.lyapunov_stable_sigma(config.size)
    m3.metric(t("stability.theory_sigma"), f"{theory:.3f}", help=t("stability.theory_help"))
    if product.log10_max_entry > exp.FLOAT32_MAX_LOG10:
        st.warning(t("stability.overflow"), icon="💥")
    elif product.log10_max_entry < exp.FLOAT32_TINY_LOG10:
        st.warning(t("stability.underflow"), icon="🕳️")
    if config.size <= PRINT_UP_TO:
        st.code("\n".join([t("stability.product_print", k=config.count + 1), *product.printed()]), language=None)


def symmetry_view(sym: exp.SymmetryResult) -> None:
    """Both runs side by side: the tracked weights, each unit's weights as an image, the spread."""
    config = sym.config
    labels = (t("stability.no_dropout"), t("stability.with_dropout", p=config.dropout))
    for col, label, run in zip(st.columns(2), labels, (sym.plain, sym.with_dropout), strict=True):
        col.markdown(f"**{label}**")
        col.altair_chart(charts.symmetry_chart(run), width="stretch")
        units = [t("stability.unit", i=i + 1) for i in range(config.hidden)]
        col.image(exp.unit_images(run), width=84, caption=units)
        col.caption(t("stability.images", run=label))
    spreads = {"plain": sym.plain.final_spread, "dropped": sym.with_dropout.final_spread}
    st.caption(t("stability.symmetry_caption", steps=config.steps, **spreads))


def variance_form(seed: int) -> exp.LayerVarianceConfig:
    """The variance study's controls, each choice explained under its control."""
    specs = controls_of(exp.LayerVarianceConfig)
    init = widget(specs["init"])
    st.caption(t(f"stability.init_{init}"))
    activation = widget(specs["activation"])
    st.caption(t(f"stability.act_{activation}"))
    return form(exp.LayerVarianceConfig, [["depth", "width"]], init=init, activation=activation, seed=seed)


def variance_view(var: exp.LayerVarianceResult) -> None:
    """Variance per layer against the theory line, where float32 would give up, the histograms."""
    st.altair_chart(charts.variance_chart(var), width="stretch")
    gain = var.gain_per_layer
    st.caption(t("stability.theory_line", gain=gain) if gain else t("stability.no_theory"))
    for direction, values in (("forward", var.forward_max), ("backward", var.backward_max)):
        over, under = exp.float32_overflow_layer(values), exp.float32_underflow_layer(values)
        for kind, layer in (("over", over), ("under", under)):
            if layer is not None:
                st.info(t(f"stability.f32_{kind}", layer=layer, direction=t(f"stability.{direction}")), icon="🔢")
    st.altair_chart(charts.histogram_chart(var), width="content")


def training_section(settings: exp.DeepTrainSettings, columns: int = 3) -> None:
    """One live panel per chosen scheme (after a click, or at once when all are stored), then the comparison."""
    configs = settings.train_configs()
    if not configs:
        st.info(t("stability.pick_scheme"), icon="👆")
        return
    ready = all(is_trained(c) for c in configs.values())
    if not gate("stability_train", ready, label="stability.train_go", note="stability.train_note", n=len(configs)):
        return
    results: dict[str, TrainResult | None] = {}
    for i, (scheme, config) in enumerate(configs.items()):
        if i % columns == 0:
            cols = st.columns(columns)
        with cols[i % columns]:
            st.markdown(f"**{scheme}**")
            results[scheme] = result = training_panel(config, key=f"stability_train_{scheme}", show_chart=False)
            if result is not None and result.diverged:
                st.caption(t("stability.diverged_init"))  # the panel blames the learning rate; here it is the start
    done = {s: r for s, r in results.items() if r is not None and len(r.history)}
    if done:
        st.altair_chart(charts.training_compare_chart(done, settings.epochs), width="stretch")
        st.caption(t("stability.train_caption"))
