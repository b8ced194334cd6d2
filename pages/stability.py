"""3.8 Numerical stability and initialisation: vanishing and exploding, symmetry, Xavier, and training."""

import pandas as pd
import streamlit as st

from mlp_lab.data import DataError
from mlp_lab.experiments import stability as exp
from mlp_lab.models import INITS
from mlp_lab.ui import stability_charts as charts
from mlp_lab.ui.book import book_link
from mlp_lab.ui.i18n import t
from mlp_lab.ui.runner import cached_run, show_data_error
from mlp_lab.ui.shell import ensure_shell
from mlp_lab.ui.sidebar import global_seed
from mlp_lab.ui.train_panel import cached_result, training_panel

ensure_shell()

seed = global_seed()
SIGMAS = sorted({round(k * 10.0**e, 6) for e in range(-3, 2) for k in (1, 1.5, 2, 3, 4, 5, 6, 7, 8, 9)} | {100.0})
WIDTHS = [16, 32, 64, 128, 256, 512, 1024]
STUDY_ACTS = tuple(exp.STUDY_ACTIVATIONS)
TRAIN_ACTS = ("relu", "sigmoid", "tanh")
run = lambda config: cached_run(exp.result_key(config), lambda: exp.compute(config))  # noqa: E731

st.title(t("page.stability"))
st.markdown(t("stability.intro"))
st.latex(r"\partial_{\mathbf{W}^{(l)}} \mathbf{o} = "
         r"\underbrace{\partial_{\mathbf{h}^{(L-1)}} \mathbf{h}^{(L)}}_{\mathbf{M}^{(L)}} \cdots "
         r"\underbrace{\partial_{\mathbf{h}^{(l)}} \mathbf{h}^{(l+1)}}_{\mathbf{M}^{(l+1)}}"
         r" \underbrace{\partial_{\mathbf{W}^{(l)}} \mathbf{h}^{(l)}}_{\mathbf{v}^{(l)}}")  # fmt: skip

# --- 3.8.1 vanishing gradients ---------------------------------------------------------------------
st.subheader(t("stability.vanish"))
st.markdown(t("stability.vanish_text"))
left, right = st.columns(2)
curve = exp.sigmoid_curve()
left.altair_chart(charts.sigmoid_chart(curve), width="stretch")
left.caption(t("stability.sigmoid_caption", top=float(curve.grad.max())))
depth = right.slider(t("stability.vdepth"), 2, 50, 30, key="stability_vdepth", bind="query-params")
vanish = run(exp.VanishingConfig(max_depth=depth, seed=seed))
right.altair_chart(charts.vanishing_chart(vanish), width="stretch")
sig = vanish.first_layer_grad["sigmoid"]
right.caption(t("stability.vanish_caption", depth=depth, first=sig[0], last=sig[-1]))

# --- 3.8.1 exploding gradients ---------------------------------------------------------------------
st.subheader(t("stability.explode"))
st.markdown(t("stability.explode_text"))
st.code(
    "M = torch.normal(0, 1, size=(4, 4))\nfor i in range(100):\n    M = torch.mm(M, torch.normal(0, 1, size=(4, 4)))"
)
c1, c2, c3 = st.columns(3)
count = c1.slider(t("stability.count"), 1, 300, 100, key="stability_count", bind="query-params")
size = c2.select_slider(t("stability.size"), [2, 3, 4, 8, 16, 32, 64, 128, 256], 4, key="stability_size",
                        bind="query-params")  # fmt: skip
sigma = c3.select_slider("σ", SIGMAS, 1.0, key="stability_sigma", bind="query-params", format_func=lambda v: f"{v:g}",
                         help=t("stability.sigma_help"))  # fmt: skip
product = run(exp.MatrixProductConfig(count, size, sigma, seed))
left, right = st.columns(2)
left.altair_chart(charts.product_chart(product), width="stretch")
right.altair_chart(charts.growth_chart(product), width="stretch")
m1, m2, m3 = st.columns(3)
m1.metric(t("stability.max_entry"), f"1e{product.log10_max_entry:+.1f}")
m2.metric(t("stability.stable_sigma"), f"{product.stable_sigma:.3f}", help=t("stability.stable_help"))
m3.metric(t("stability.theory_sigma"), f"{exp.lyapunov_stable_sigma(size):.3f}", help=t("stability.theory_help"))
if product.log10_max_entry > exp.FLOAT32_MAX_LOG10:
    st.warning(t("stability.overflow"), icon="💥")
elif product.log10_max_entry < exp.FLOAT32_TINY_LOG10:
    st.warning(t("stability.underflow"), icon="🕳️")
if size <= 4:
    st.code("\n".join([t("stability.product_print", k=count + 1), *product.printed()]), language=None)

# --- 3.8.2 symmetry --------------------------------------------------------------------------------
st.subheader(t("stability.symmetry"))
st.markdown(t("stability.symmetry_text"))
c1, c2, c3 = st.columns(3)
units = c1.slider(t("stability.units"), 2, 8, 2, key="stability_units", bind="query-params")
p = c2.slider(t("stability.dropout"), 0.05, 0.9, 0.5, 0.05, key="stability_dropout", bind="query-params")
steps = c3.slider(t("stability.steps"), 10, 500, 100, 10, key="stability_steps", bind="query-params",
                  help=t("stability.steps_help"))  # fmt: skip
try:
    sym = run(exp.SymmetryConfig(hidden=units, steps=steps, dropout=p, seed=seed))
except DataError as exc:
    show_data_error(exc)
    sym = None
if sym is not None:
    labels = (t("stability.no_dropout"), t("stability.with_dropout", p=p))
    for col, label, r in zip(st.columns(2), labels, (sym.plain, sym.with_dropout), strict=True):
        col.markdown(f"**{label}**")
        col.altair_chart(charts.symmetry_chart(r), width="stretch")
        col.image(exp.unit_images(r), width=84, caption=[t("stability.unit", i=i + 1) for i in range(units)])
        col.caption(t("stability.images", run=label))
    st.caption(t("stability.symmetry_caption", steps=steps, plain=sym.plain.final_spread,
                 dropped=sym.with_dropout.final_spread))  # fmt: skip

# --- 3.8.3 Xavier initialisation -------------------------------------------------------------------
st.subheader(t("stability.xavier"))
st.markdown(t("stability.xavier_text"))
st.latex(r"\mathrm{Var}[h_i^{(t)}] = n_{t-1}\,\gamma_t\,\mathrm{Var}[h_j^{(t-1)}],\qquad "
         r"\frac{1}{2}(n_{t-1}+n_t)\,\gamma_t = 1 \;\Rightarrow\; \gamma_t = \frac{2}{n_{t-1}+n_t}")  # fmt: skip
# "or default": a link with an empty value (?stability_init=) clears even a required control.
init = st.segmented_control(t("stability.init"), INITS, default="xavier_normal", key="stability_init",
                            bind="query-params", required=True) or "xavier_normal"  # fmt: skip
st.caption(t(f"stability.init_{init}"))
act = st.segmented_control(t("stability.activation"), STUDY_ACTS, default="linear", key="stability_act",
                           bind="query-params", required=True) or "linear"  # fmt: skip
st.caption(t(f"stability.act_{act}"))
c1, c2 = st.columns(2)
vdepth = c1.slider(t("stability.depth"), 1, 50, 20, key="stability_depth", bind="query-params")
width = c2.select_slider(t("stability.width"), WIDTHS, 256, key="stability_width", bind="query-params")
var = run(exp.VarianceConfig(init, act, vdepth, width, seed=seed))
st.altair_chart(charts.variance_chart(var), width="stretch")
gain = var.gain_per_layer
st.caption(t("stability.theory_line", gain=gain) if gain else t("stability.no_theory"))
for direction, values in (("forward", var.forward_max), ("backward", var.backward_max)):
    over, under = exp.float32_overflow_layer(values), exp.float32_underflow_layer(values)
    for kind, layer in (("over", over), ("under", under)):
        if layer is not None:
            st.info(t(f"stability.f32_{kind}", layer=layer, direction=t(f"stability.{direction}")), icon="🔢")
st.altair_chart(charts.histogram_chart(var), width="content")

# --- training a deeper MLP under each scheme -------------------------------------------------------
st.subheader(t("stability.train"))
st.markdown(t("stability.train_text"))
schemes = st.pills(t("stability.schemes"), INITS, selection_mode="multi", default=list(INITS), key="stability_schemes",
                   bind="query-params")  # fmt: skip
c1, c2 = st.columns(2)
tact = c1.segmented_control(t("stability.activation"), TRAIN_ACTS, default="relu", key="stability_tact",
                            bind="query-params", required=True) or "relu"  # fmt: skip
epochs = c2.slider(t("stability.epochs"), 1, 10, exp.DEEP_EPOCHS, key="stability_epochs", bind="query-params")
configs = {s: exp.deep_config(s, tact, epochs, seed) for s in schemes}
ready = bool(configs) and all(cached_result(c) is not None for c in configs.values())
go = st.toggle(t("stability.train_go", n=len(configs)), value=False, key="stability_train", bind="query-params",
               help=t("stability.train_help"))  # fmt: skip
if not configs:
    st.info(t("stability.pick_scheme"), icon="👆")
elif go or ready:
    results = {}
    for i, (scheme, config) in enumerate(configs.items()):
        if i % 3 == 0:
            cols = st.columns(3)
        with cols[i % 3]:
            st.markdown(f"**{scheme}**")
            results[scheme] = training_panel(config, key=f"stability_train_{scheme}", show_chart=False)
            if results[scheme] is not None and results[scheme].diverged:
                st.caption(t("stability.diverged_init"))  # the panel blames the learning rate; here it is the start
    done = {s: r for s, r in results.items() if r is not None and len(r.history)}
    if done:
        st.altair_chart(charts.training_compare_chart(done, epochs), width="stretch")
        st.caption(t("stability.train_caption"))

# --- check against the book ------------------------------------------------------------------------
with st.container(border=True):
    st.markdown(f"**📖 {t('book.title')}**")
    book_product = run(exp.MatrixProductConfig(seed=seed))
    book_var = run(exp.VarianceConfig(seed=seed)).ratio_to_input()[1:]
    rows = [
        (t("stability.book_sigmoid"), "1/4", f"{curve.grad.max():.4f}"),
        (t("stability.book_product"), "~1e25", f"1e{book_product.log10_max_entry:+.1f}"),
        (t("stability.book_xavier"), t("stability.book_xavier_book"), f"{book_var.min():.2f} … {book_var.max():.2f}"),
    ]
    if sym is not None:
        rows.append((t("stability.book_symmetry", steps=steps), t("stability.book_symmetry_book"),
                     f"{sym.plain.final_spread:.1e} / {sym.with_dropout.final_spread:.1e}"))  # fmt: skip
    cols = [t("book.col_quantity"), t("book.col_book"), t("book.col_ours")]
    st.dataframe(pd.DataFrame(rows, columns=cols), hide_index=True, width="stretch")

book_link("stability")
