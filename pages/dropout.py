"""3.6 Dropout: the layer from scratch, its unbiasedness, and the book's network with and without it."""

import inspect

import pandas as pd
import streamlit as st

from mlp_lab.data import DataError
from mlp_lab.experiments import dropout as exp
from mlp_lab.models import dropout_layer
from mlp_lab.training import TrainResult
from mlp_lab.ui import dropout_charts as charts
from mlp_lab.ui.book import book_link
from mlp_lab.ui.charts import history_chart, history_frame
from mlp_lab.ui.i18n import t
from mlp_lab.ui.mlp_widgets import export_buttons
from mlp_lab.ui.runner import cached_run, show_data_error
from mlp_lab.ui.shell import ensure_shell
from mlp_lab.ui.sidebar import global_seed
from mlp_lab.ui.train_panel import cached_result, training_panel

ensure_shell()

GO_KEY = "dropout_go"


def start_training() -> None:
    st.session_state[GO_KEY] = True


seed = global_seed()
st.title(t("page.dropout"))
st.markdown(t("dropout.intro"))
st.latex(r"h' = \begin{cases} 0 & \text{" + t("dropout.prob_p") + r"} \\ \dfrac{h}{1-p} & \text{"
         + t("dropout.otherwise") + r"} \end{cases} \qquad E[h'] = p\cdot 0 + (1-p)\dfrac{h}{1-p} = h")  # fmt: skip

# --- 3.6.1 the layer ------------------------------------------------------------------------------
st.subheader(t("dropout.layer"))
st.markdown(t("dropout.layer_text"))
st.code(inspect.getsource(dropout_layer), language="python")
st.markdown(t("dropout.demo_text"))
for col, (p, out) in zip(st.columns(3), exp.book_demo(seed).items(), strict=True):
    col.markdown(f"`dropout_layer(X, {p:g})`")
    col.latex(r"\begin{bmatrix}" + r" \\ ".join(" & ".join(f"{v:g}" for v in row) for row in out) + r"\end{bmatrix}")

st.markdown(f"**{t('dropout.mask')}**")
p = st.slider(t("dropout.p"), 0.0, 1.0, 0.5, 0.05, key="dropout_p", bind="query-params", help=t("dropout.p_help"))
pic = exp.mask_picture(p, seed)
st.altair_chart(charts.mask_chart(pic), width="stretch")
st.caption(t("dropout.mask_caption", kept=pic.kept.mean(), expected=1 - p))

st.markdown(f"**{t('dropout.unbias')}**")
draws = st.select_slider(
    t("dropout.draws"), [1_000, 10_000, 100_000, 1_000_000], 100_000, key="dropout_draws", bind="query-params"
)
unbias = cached_run(("dropout.unbias", exp.UnbiasConfig(p, draws, seed)), lambda: exp.unbiasedness(
    exp.UnbiasConfig(p, draws, seed)))  # fmt: skip
if p >= 1.0:
    st.warning(t("dropout.unbias_p1"), icon="⚠️")
elif p <= 0.0:
    st.info(t("dropout.unbias_p0"), icon="ℹ️")
else:
    st.altair_chart(charts.unbiased_chart(unbias), width="stretch")
st.caption(t("dropout.unbias_result", draws=draws, error=unbias.final_error, p=p))

# --- the book's network -----------------------------------------------------------------------------
st.subheader(t("dropout.net"))
st.markdown(t("dropout.net_text"))
c1, c2, c3 = st.columns(3)
model = c1.segmented_control(t("dropout.model"), ["scratch", "concise"], default="scratch", key="dropout_model",
                             bind="query-params", required=True, help=t("dropout.model_help")) or "scratch"  # fmt: skip
epochs = c1.select_slider(t("dropout.epochs"), [10, 20, 30, 50], 10, key="dropout_epochs", bind="query-params",
                          help=t("dropout.epochs_help"))  # fmt: skip
p1 = c2.slider(t("dropout.p1"), 0.0, 1.0, exp.BOOK_P1, 0.05, key="dropout_p1", bind="query-params")
p2 = c2.slider(t("dropout.p2"), 0.0, 1.0, exp.BOOK_P2, 0.05, key="dropout_p2", bind="query-params",
               help=t("dropout.swap_help"))  # fmt: skip
wd = c3.select_slider(t("dropout.wd"), [0.0, 1e-4, 3e-4, 1e-3, 3e-3, 1e-2], 0.0, key="dropout_wd",
                      bind="query-params", format_func=lambda v: f"{v:g}", help=t("dropout.wd_help"))  # fmt: skip
if p1 == 1.0 or p2 == 1.0:
    st.warning(t("dropout.p_is_1"), icon="⚠️")
elif p1 == 0.0 and p2 == 0.0:
    st.info(t("dropout.p_is_0"), icon="ℹ️")

configs = {
    run: exp.book_config(model, p1, p2, with_dropout=run == "with", epochs=epochs, weight_decay=wd, seed=seed)
    for run in ("with", "without")
}
labels = {"with": t("dropout.run_with", p1=p1, p2=p2), "without": t("dropout.run_without")}
short = {"with": t("dropout.short_with"), "without": t("dropout.run_without")}  # for chart legends
results: dict[str, TrainResult | None] = {}
# Two full trainings take a minute or more on a CPU: a cold visit asks first; once asked (or when
# this server already has both results) every change trains or shows at once.
if not st.session_state.get(GO_KEY) and any(cached_result(c) is None for c in configs.values()):
    st.info(t("dropout.train_prompt"), icon="⏱️")
    st.button(t("dropout.train_both"), key="dropout_train_both", type="primary", on_click=start_training)
else:
    for run, config in configs.items():  # one above the other: each panel's two charts need the width
        st.markdown(f"**{labels[run]}**")
        results[run] = training_panel(config, key=f"dropout_{run}")
done = {run: r for run, r in results.items() if r is not None and len(r.history)}

if len(done) == 2:
    st.markdown(f"**{t('dropout.compare')}**")
    frame = pd.concat([history_frame(r.history, run=short[run]) for run, r in done.items()], ignore_index=True)
    # Loss and accuracy in two columns: each chart then fits its column at any window width. A
    # stretched chart fits its legends inside its height, hence the extra height.
    for col, chart in zip(st.columns(2), history_chart(frame, epochs).hconcat, strict=True):
        col.altair_chart(charts.solid_with_dashed_without(chart, short), width="stretch")
    cols = st.columns(2)
    for col, (run, r) in zip(cols, done.items(), strict=True):
        gap = r.history.train_acc[-1] - r.history.test_acc[-1]
        col.metric(t("dropout.test_acc", run=labels[run]), f"{r.history.test_acc[-1]:.2%}")
        col.metric(t("dropout.gap"), f"{gap:+.2%}", help=t("dropout.gap_help"))

    with st.container(border=True):
        st.markdown(f"**📖 {t('book.title')}**")
        book_settings = configs["with"] == exp.book_config(model, seed=seed)
        ours = done["with"].history.test_acc[-1]
        st.write(t("dropout.book_box", book=exp.BOOK_TEST_ACC[model], model=model, ours=ours))
        st.write(t("dropout.book_same") if book_settings else t("dropout.book_differs"))

    with st.expander(t("dropout.exports")):
        for run, r in done.items():
            st.caption(labels[run])
            export_buttons(r, key=f"dropout_export_{run}")

# --- train mode against eval mode ------------------------------------------------------------------
with_run = results.get("with")
if with_run is not None and with_run.complete and len(with_run.history):
    st.subheader(t("dropout.modes"))
    st.markdown(t("dropout.modes_text"))
    try:
        gap = cached_run(("dropout.modes", with_run.config), lambda: exp.mode_gap(with_run, passes=10, seed=seed))
    except DataError as exc:
        show_data_error(exc)
        st.stop()
    st.altair_chart(charts.mode_chart(gap), width="stretch")
    st.caption(t("dropout.modes_result", eval=gap.eval_acc, mean=gap.train_mean, std=gap.train_std))

# --- exercise 3: activation variance over training ------------------------------------------------
st.subheader(t("dropout.var"))
st.markdown(t("dropout.var_text"))
if st.toggle(t("dropout.var_run"), value=False, key="dropout_var", bind="query-params", help=t("dropout.var_help")):
    variances = {}
    for run, config in configs.items():
        bar = st.progress(0.0, text=t("dropout.var_progress", run=labels[run], epoch=0, epochs=config.epochs))

        def tick(epoch: int, total: int, bar=bar, run=run) -> None:
            bar.progress(epoch / total, text=t("dropout.var_progress", run=labels[run], epoch=epoch, epochs=total))

        try:
            variances[run] = cached_run(
                ("dropout.variance", config), lambda c=config, f=tick: exp.activation_variance(c, on_epoch=f)
            )
        except DataError as exc:
            show_data_error(exc)
            st.stop()
        bar.empty()
    for col, chart in zip(st.columns(2), charts.variance_charts(variances, short), strict=True):
        col.altair_chart(chart, width="stretch")
    st.caption(t("dropout.var_caption"))

book_link("dropout")
