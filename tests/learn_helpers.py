"""Driving a page's predictions and challenges in AppTest (``mlp_lab.ui.learn``), for the
``test_learn_<topic>.py`` files: commit a guess, reveal, read what the overlay chart was sent."""

from __future__ import annotations

from typing import Any

import pandas as pd
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df
from streamlit.testing.v1 import AppTest

from mlp_lab.learn import PREDICTIONS
from mlp_lab.ui.i18n import CATALOGUE, lookup


def guess_and_reveal(at: AppTest, id: str, guess: Any, lang: str = "en") -> AppTest:
    """Set prediction ``id``'s guess widget to ``guess`` (a choice is picked by its label in the
    page's ``lang``; a sketch takes one y per knot, set with the knots' sliders), press its reveal
    button, run."""
    key = f"learn_guess_{id}"
    if PREDICTIONS[id].knots:
        for i, y in enumerate(guess):
            at.slider(key=f"{key}_{i}").set_value(float(y))
        at.run()
    elif PREDICTIONS[id].choices:
        label = f"learn.{id}.c.{guess}"
        at.radio(key=key).set_value(lookup(label, lang) if label in CATALOGUE else str(guess)).run()
    else:
        at.slider(key=key).set_value(float(guess)).run()
    at.button(key=f"learn_reveal_{id}").click().run()
    return at


def overlay(at: AppTest, guess_text: str) -> tuple[str, pd.DataFrame]:
    """The revealed prediction's chart (found by its description, which names the guess): its
    description and the rows it was sent."""
    chart = next(c for c in at.get("vega_lite_chart") if guess_text in c.proto.alt)
    frames = [convert_arrow_bytes_to_pandas_df(d.data.data) for d in chart.proto.datasets]
    return chart.proto.alt, pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def knots(at: AppTest, id: str) -> list[str]:
    """The labels of sketch ``id``'s sliders, one per knot, in order ("x = -8", "epoch 1")."""
    prefix = f"learn_guess_{id}_"
    sliders = [s for s in at.slider if s.key and s.key.startswith(prefix)]
    return [s.label for s in sorted(sliders, key=lambda s: int(s.key[len(prefix) :]))]


def texts(at: AppTest) -> str:
    """Every markdown, caption, success, warning and announced text on the page, joined (to look for sentences)."""
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [s.value for s in at.success] + [w.value for w in at.warning]
    parts += [h.proto.body for h in at.get("html")]  # announcements (a11y.announce)
    return "\n".join(parts)


def challenge_verdict(at: AppTest, id: str) -> tuple[bool, str]:
    """Run challenge ``id``'s check (pressing its button when the run is not stored yet) and return
    (passed, the verdict's text)."""
    button = [b for b in at.button if b.key == f"learn_check_{id}"]
    if button:
        button[0].click().run()
    for s in at.success:
        if s.value.startswith(("Passed!", "通过！")):
            return True, s.value
    for w in at.warning:
        if w.value.startswith(("Not yet.", "还没有通过。")):
            return False, w.value
    raise AssertionError(f"no verdict for {id} on the page")


# --- the book's exercises (``learn.exercise``) -------------------------------------------------------
def exercise_box(at: AppTest, id: str) -> Any:
    """Exercise ``id``'s expander on the page (found by its label, "Exercise 3.5.1 (...)")."""
    for e in at.expander:
        if f" {id} " in f" {e.label} ".replace("（", " ").replace("(", " "):
            return e
    raise AssertionError(f"exercise {id} is not on the page")


def run_exercise(at: AppTest, id: str) -> str:
    """Press exercise ``id``'s Run button when its result is not stored yet; return the finding's
    sentence (the run says...)."""
    button = [b for b in at.button if b.key == f"ex_run_{id}"]
    if button:
        button[0].click().run()
    assert not at.exception, at.exception
    infos = [i.value for i in exercise_box(at, id).info]
    assert infos, f"exercise {id} shows no finding"
    return infos[0]


def reveal_answer(at: AppTest, id: str) -> tuple[str, list[tuple[bool, str]]]:
    """Open exercise ``id``'s worked answer; return its text and the numerical checks (passed, sentence)."""
    at.button(key=f"ex_answer_{id}").click().run()
    assert not at.exception, at.exception
    box = exercise_box(at, id)
    text = "\n".join(m.value for m in box.markdown)
    checks = [(True, s.value) for s in box.success] + [(False, e.value) for e in box.error]
    return text, checks


def finding_chart(at: AppTest, id: str) -> pd.DataFrame:
    """The rows exercise ``id``'s evidence chart was sent."""
    charts = exercise_box(at, id).get("vega_lite_chart")
    assert charts, f"exercise {id} draws no chart"
    frames = [convert_arrow_bytes_to_pandas_df(d.data.data) for d in charts[0].proto.datasets]
    return pd.concat(frames, ignore_index=True)
