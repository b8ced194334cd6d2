"""3.2 and 3.3: the MLP from scratch and concise, trained for real on Fashion-MNIST."""

import streamlit as st

from mlp_lab.data import DataError, load_fashion_mnist
from mlp_lab.device import pick_device
from mlp_lab.experiments.mlp import EquivalenceConfig, code_that_ran, scratch_vs_concise, within_book_range
from mlp_lab.training import TrainConfig
from mlp_lab.ui import mlp_widgets as views
from mlp_lab.ui.book import book_link
from mlp_lab.ui.i18n import t
from mlp_lab.ui.runner import cached_run, show_data_error
from mlp_lab.ui.shell import ensure_shell
from mlp_lab.ui.sidebar import global_seed
from mlp_lab.ui.train_panel import training_panel

ensure_shell()

st.title(t("page.mlp"))
st.markdown(t("mlp.intro"))

impl = st.segmented_control(
    t("mlp.impl"), ["scratch", "concise", "both"], default="scratch", key="mlp_impl", bind="query-params",
    required=True, help=t("mlp.impl_help"),
)  # fmt: skip
c1, c2, c3, c4 = st.columns(4)
width = c1.slider(t("mlp.hidden"), 16, 1024, 256, 16, key="mlp_hidden", bind="query-params")
layers = c1.slider(t("mlp.layers"), 1, 4, 1, key="mlp_layers", bind="query-params")
activation = c2.selectbox(
    t("mlp.activation"), ["relu", "sigmoid", "tanh", "gelu", "silu"], key="mlp_act", bind="query-params"
)
init = c2.selectbox(
    t("mlp.init"), ["normal", "xavier_normal", "kaiming"], key="mlp_init", bind="query-params", help=t("mlp.init_help")
)
lr = c3.number_input(t("mlp.lr"), 0.001, 10.0, 0.1, 0.05, format="%g", key="mlp_lr", bind="query-params")
batch = c3.select_slider(
    t("mlp.batch"), [16, 32, 64, 128, 256, 512, 1024, 2048], 256, key="mlp_batch", bind="query-params"
)
epochs = c4.slider(t("mlp.epochs"), 1, 50, 10, key="mlp_epochs", bind="query-params")

impl = impl or "scratch"  # an empty ?mlp_impl= clears a required control
models = ["scratch", "concise"] if impl == "both" else [impl]
common = dict(hiddens=(width,) * layers, activation=activation, lr=lr, batch_size=batch, epochs=epochs, init=init)
configs = [TrainConfig(model=m, seed=global_seed(), **common) for m in models]

results = {}
for col, config in zip(st.columns(len(configs)), configs, strict=True):
    with col:
        st.markdown(f"**{t('mlp.' + config.model)}**")
        results[config.model] = training_panel(config, key=f"mlp_{config.model}")

finished = {m: r for m, r in results.items() if r is not None and len(r.history)}
if finished:
    try:
        data = load_fashion_mnist(pick_device())
    except DataError as exc:
        show_data_error(exc)
        st.stop()
    st.subheader(t("mlp.results"))
    for model, result in finished.items():
        h = result.history
        a, b, c = st.columns(3)
        a.metric(f"{t('mlp.final_test_acc')} · {model}", f"{h.test_acc[-1]:.2%}")
        b.metric(t("mlp.final_train_acc"), f"{h.train_acc[-1]:.2%}")
        c.metric(t("mlp.final_train_loss"), f"{h.train_loss[-1]:.4f}")

    with st.container(border=True):
        st.markdown(f"**📖 {t('book.title')}**")
        st.write(t("mlp.book_box"))
        for model, result in finished.items():
            acc = result.history.test_acc[-1]
            verdict = t("mlp.book_within") if within_book_range(acc) else t("mlp.book_outside")
            st.write(
                t(
                    "mlp.book_ours",
                    model=model,
                    acc=acc,
                    loss=result.history.train_loss[-1],
                    epochs=len(result.history),
                ),
                verdict,
            )

    shown_model, shown = next(iter(finished.items()))
    tabs = st.tabs(
        [t("mlp.tab_predict"), t("mlp.tab_confusion"), t("mlp.tab_code"), t("mlp.tab_equal"), t("mlp.tab_export")]
    )
    with tabs[0]:
        views.prediction_grid(shown, data.test_x, data.test_y)
    with tabs[1]:
        matrix = views.confusion(shown, data.test_y)
        left, right = st.columns([3, 2])
        left.altair_chart(views.confusion_chart(matrix), width="stretch")
        right.altair_chart(views.per_class_chart(matrix), width="stretch")
    with tabs[2]:
        st.caption(t("mlp.code_intro"))
        st.code(code_that_ran(shown_model), language="python")
    with tabs[3]:
        st.write(t("mlp.equal_intro"))
        eq = EquivalenceConfig(
            hiddens=common["hiddens"], activation=activation, lr=lr, batch_size=batch, seed=global_seed()
        )
        res = cached_run(("mlp.equivalence", eq), lambda: scratch_vs_concise(eq, data))
        st.write(t("mlp.equal_result", steps=eq.steps, diff=res.max_abs_diff))
        st.altair_chart(views.equivalence_chart(res), width="stretch")
    with tabs[4]:
        for model, result in finished.items():
            views.export_buttons(result, key=f"mlp_export_{model}")

book_link("mlp")
