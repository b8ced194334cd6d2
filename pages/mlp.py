"""3.2 and 3.3: the MLP from scratch and concise, trained for real on Fashion-MNIST."""

import streamlit as st

from mlp_lab.experiments.mlp import MLPSettings
from mlp_lab.ui import board, learn
from mlp_lab.ui.book import book_box
from mlp_lab.ui.controls import form
from mlp_lab.ui.i18n import t
from mlp_lab.ui.mlp_widgets import result_tabs, write_up_comparison
from mlp_lab.ui.shell import ensure_shell
from mlp_lab.ui.sidebar import global_seed
from mlp_lab.ui.train_panel import training_panel

ensure_shell()

st.title(t("page.mlp"))
st.markdown(t("mlp.intro"))

settings = form(MLPSettings, ["model", [("hidden", "layers"), ("activation", "init"), ("lr", "batch_size"), "epochs"]],
                seed=global_seed())  # fmt: skip
learn.predict("mlp.scratch_acc", settings)
learn.predict("mlp.acc_sketch", settings)
learn.predict("mlp.hardest", settings)
learn.predict("mlp.concise_gap", settings)
learn.predict("mlp.concise_first", settings)
results = {}
configs = settings.train_configs()
for col, config in zip(st.columns(len(configs)), configs, strict=True):
    with col:
        st.markdown(f"**{t('mlp.' + config.model)}**")
        results[config.model] = training_panel(config, key=f"mlp_{config.model}")

finished = {m: r for m, r in results.items() if r is not None and len(r.history)}
if finished:
    st.subheader(t("mlp.results"))
    for model, result in finished.items():
        h = result.history
        a, b, c = st.columns(3)
        a.metric(f"{t('mlp.final_test_acc')} · {model}", f"{h.test_acc[-1]:.2%}")
        b.metric(t("mlp.final_train_acc"), f"{h.train_acc[-1]:.2%}")
        c.metric(t("mlp.final_train_loss"), f"{h.train_loss[-1]:.4f}")
    write_up_comparison(finished, settings)
    result_tabs(finished, settings)
learn.challenge("mlp.fast85", settings)
learn.challenge("mlp.deep", settings)

board.section("mlp", settings)

learn.exercises_heading("3.2", "3.3")
learn.exercise("3.2.1")
learn.exercise("3.2.2")
learn.exercise("3.2.3")
learn.exercise("3.2.4")
learn.exercise("3.2.5")
learn.exercise("3.2.6")
learn.exercise("3.3.1")
learn.exercise("3.3.2")
learn.exercise("3.3.3")

book_box("mlp")
