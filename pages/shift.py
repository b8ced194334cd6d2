"""3.9 Environment and distribution shift: covariate, label and concept shift, and their corrections."""

import streamlit as st

from mlp_lab.data import DataError
from mlp_lab.experiments import shift as exp
from mlp_lab.ui import learn
from mlp_lab.ui import shift_widgets as views
from mlp_lab.ui.book import book_box
from mlp_lab.ui.controls import form
from mlp_lab.ui.i18n import t
from mlp_lab.ui.runner import cached, gate, is_cached, show_data_error
from mlp_lab.ui.shell import ensure_shell
from mlp_lab.ui.sidebar import global_seed

ensure_shell()
seed = global_seed()

st.title(t("page.shift"))
st.markdown(t("shift.intro", link=views.SECTION_URL))

# --- 3.9.1 the three kinds ---------------------------------------------------------------------------
st.subheader(t("shift.kinds"))
views.kinds_view(exp.shift_pictures(seed=seed))

# --- covariate shift: the book's weighted training, and its support condition ----------------------
st.subheader(t("shift.covariate"))
st.markdown(t("shift.covariate_text"))
st.latex(views.COVARIATE_RISK)
covariate = form(exp.CovariateConfig, [["target_x1", "target_x2", "target_spread", "clip"]], seed=seed)
learn.predict("shift.plain_line", covariate)
views.covariate_view(cached(exp.covariate_shift, covariate))
st.subheader(t("shift.support"))
views.support_view(covariate)
learn.challenge("shift.support", covariate)

# --- label shift: estimate p(y), then train on the weighted risk ------------------------------------
st.subheader(t("shift.label"))
st.markdown(t("shift.label_text"))
st.latex(views.LABEL_SYSTEM)
training = form(exp.LabelClassifierConfig, [["train_size", "epochs"]])  # one classifier (seed 0) for every seed
classifier = None
ready = is_cached(exp.train_label_classifier, training)
if gate("shift_train", ready, label="shift.train_go", note="shift.need_classifier"):
    try:
        classifier = cached(exp.train_label_classifier, training, label="shift.training")
    except DataError as exc:
        show_data_error(exc)
    except exp.TooFewImages as exc:  # a data set smaller than Fashion-MNIST's 60,000 training images
        st.error(t("shift.too_few_images", needed=exc.needed, have=exc.have), icon="📦")
if classifier is not None:
    st.caption(t("shift.classifier_done", acc=classifier.val_acc, seconds=classifier.seconds, n=training.train_size))
    st.markdown(t("shift.label_conditions", link=views.SECTION_URL, check=views.conditions_check(classifier)))
    target = views.target_form(seed)
    if any(w > 0 for w in target.weights):  # every weight 0: the view says so, there is nothing to predict
        learn.predict("shift.label_plain", exp.CorrectionConfig(classifier=training, target=target.target()))
    views.label_shift_view(classifier, target)

# --- concept shift ---------------------------------------------------------------------------------
st.subheader(t("shift.concept"))
st.markdown(t("shift.concept_text"))
views.concept_view(form(exp.ConceptConfig, [["drift_degrees", "update_steps"]], seed=seed))

# --- the taxonomy of learning problems, and fairness -----------------------------------------------
st.subheader(t("shift.problems"))
st.markdown(t("shift.problems_text", link=views.SECTION_URL))
st.subheader(t("shift.fairness"))
st.markdown(t("shift.fairness_text", link=views.SECTION_URL))

learn.exercises_heading("3.9")
learn.exercise("3.9.1")
learn.exercise("3.9.2", covariate)  # the page's covariate study: its samples and source-vs-target classifier
learn.exercise("3.9.3", covariate)
learn.exercise("3.9.4")

book_box("shift")
