"""The chart a revealed prediction draws: the run's evidence with the learner's guess over it.

Number guesses: the run's curve (blue, solid, points), the answer marked on it, the guess a dashed
vermillion line across with its label. Choice guesses whose evidence is one bar per choice: the
guessed bar vermillion and labelled, the right one labelled. Never colour alone: dash and words.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import altair as alt
import pandas as pd

from mlp_lab.learn import Answer, Finding, Prediction
from mlp_lab.ui.a11y import DASHES, PALETTE, SHAPES, C
from mlp_lab.ui.i18n import t

HEIGHT = 240


def _title(key: str) -> str | None:
    return t(key) if key else None


def overlay(p: Prediction, guess: Any, answer: Answer, show: Callable[[Any], str]) -> tuple[alt.Chart, pd.DataFrame]:
    """The chart and its data table (in the learner's language)."""
    x_title, y_title = _title(answer.x_title) or "x", _title(answer.y_title) or "y"
    scale = alt.Scale(type="log") if answer.log_y else alt.Scale(zero=False)
    if p.choices and set(answer.x) <= set(p.choices):
        return _bars(p, guess, answer, show, x_title, y_title, scale)
    if not answer.x:
        return _strip(p, guess, answer, show)
    df = pd.DataFrame({"x": list(answer.x), "y": [float(v) for v in answer.y]})
    numeric_x = all(isinstance(v, int | float) for v in answer.x)
    whole = numeric_x and all(float(v).is_integer() for v in answer.x)  # depths, layers: no 1.5 ticks
    axis = alt.Axis(tickMinStep=1, format="d") if whole else alt.Axis()
    x = alt.X("x:Q" if numeric_x else "x:N", title=x_title, sort=None, axis=axis)
    y = alt.Y("y:Q", title=y_title, scale=scale)
    curve = alt.Chart(df).mark_line(point=True, color=C.blue).encode(x=x, y=y, tooltip=["x", "y"])
    layers = [curve]
    at = answer.at if answer.at is not None else answer.x[-1]
    if not p.choices:
        the_run = t("learn.the_run", answer=show(answer.value))
        mark = pd.DataFrame({"x": [at], "y": [float(answer.value)], "label": [the_run]})
        layers.append(alt.Chart(mark).mark_point(size=160, filled=True, shape="diamond", color=C.blue).encode(x=x, y=y))
        # The label reads inwards: at the right half of the curve it ends at the mark instead of starting there.
        right = numeric_x and float(at) > (float(min(answer.x)) + float(max(answer.x))) / 2
        side = {"align": "right", "dx": -10} if right else {"align": "left", "dx": 10}
        text = alt.Chart(mark).mark_text(dy=-10, color=C.blue, **side)
        layers.append(text.encode(x=x, y=y, text="label:N"))
        line = pd.DataFrame({"y": [float(guess)], "label": [t("learn.your_guess_is", guess=show(guess))]})
        layers.append(alt.Chart(line).mark_rule(color=C.vermillion, strokeDash=DASHES[1], size=2).encode(y="y:Q"))
        layers.append(
            alt.Chart(line).mark_text(align="left", x=4, dy=-8, color=C.vermillion).encode(y="y:Q", text="label:N")
        )
    table = df.rename(columns={"x": x_title, "y": y_title})
    return alt.layer(*layers).properties(height=HEIGHT), table


def _bars(p, guess, answer, show, x_title, y_title, scale) -> tuple[alt.Chart, pd.DataFrame]:
    labels = []
    for c in answer.x:
        words = []
        if c == guess:
            words.append(t("learn.tag_guess"))
        if c == answer.value:
            words.append(t("learn.tag_answer"))
        labels.append(" · ".join(words))
    df = pd.DataFrame({
        "x": [show(c) for c in answer.x],
        "y": [float(v) for v in answer.y],
        "tag": labels,
        "guessed": [t("learn.tag_guess") if c == guess else t("learn.tag_other") for c in answer.x],
    })  # fmt: skip
    x = alt.X("x:N", title=x_title, sort=None, axis=alt.Axis(labelAngle=0))
    y = alt.Y("y:Q", title=y_title, scale=alt.Scale(type="log") if answer.log_y else alt.Scale(zero=True))
    names = [t("learn.tag_guess"), t("learn.tag_other")]
    bars = alt.Chart(df).mark_bar().encode(
        x=x, y=y, tooltip=["x", "y"],
        color=alt.Color("guessed:N", title=None, scale=alt.Scale(domain=names, range=[C.vermillion, C.blue]),
                        legend=alt.Legend(orient="bottom")),
    )  # fmt: skip
    text = alt.Chart(df).mark_text(dy=-8, color=C.black).encode(x=x, y=y, text="tag:N")
    table = df[["x", "y", "tag"]].rename(columns={"x": x_title, "y": y_title, "tag": t("learn.col_note")})
    return alt.layer(bars, text).properties(height=HEIGHT), table


def _strip(p: Prediction, guess: Any, answer: Answer, show: Callable[[Any], str]) -> tuple[alt.Chart, pd.DataFrame]:
    """A number without a curve: the guess and the run's answer as two marks on the guess's scale."""
    who = [t("learn.tag_guess"), t("learn.tag_answer")]
    df = pd.DataFrame({"who": who, "value": [float(guess), float(answer.value)],
                       "label": [show(guess), show(answer.value)]})  # fmt: skip
    lo, hi = min(p.lo, *df["value"]), max(p.hi, *df["value"])
    x = alt.X("value:Q", title=t("learn.your_guess"), scale=alt.Scale(domain=[lo, hi]))
    y = alt.Y("who:N", title=None, sort=who)
    colour = alt.Color("who:N", title=None, scale=alt.Scale(domain=who, range=[C.vermillion, C.blue]), legend=None)
    shape = alt.Shape("who:N", scale=alt.Scale(domain=who, range=["diamond", "circle"]), legend=None)
    dots = alt.Chart(df).mark_point(size=200, filled=True).encode(x=x, y=y, color=colour, shape=shape)
    text = alt.Chart(df).mark_text(dy=-14, color=C.black).encode(x=x, y=y, text="label:N")
    table = df[["who", "label"]].rename(columns={"who": t("learn.col_note"), "label": t("learn.col_value")})
    return alt.layer(dots, text).properties(height=120), table


def finding_chart(name: Callable[[str], str], finding: Finding) -> tuple[alt.Chart, pd.DataFrame]:
    """An exercise's evidence: one line per series over ``finding.x``, told apart by colour, dash
    and point shape; ``name`` gives a series' label in the learner's language."""
    x_title, y_title = _title(finding.x_title) or "x", _title(finding.y_title) or "y"
    labels = [name(k) for k in finding.series]
    rows = [
        {"x": x, "y": float(v), "series": label}
        for label, ys in zip(labels, finding.series.values(), strict=True)
        for x, v in zip(finding.x, ys, strict=True)
    ]
    df = pd.DataFrame(rows)
    numeric_x = all(isinstance(v, int | float) for v in finding.x)
    whole = numeric_x and all(float(v).is_integer() for v in finding.x)  # epochs, layers: no 1.5 ticks
    x_scale = alt.Scale(type="log") if finding.log_x else alt.Scale(zero=False)
    if numeric_x:
        axis = alt.Axis(tickMinStep=1, format="d") if whole and not finding.log_x else alt.Axis()
        x = alt.X("x:Q", title=x_title, sort=None, scale=x_scale, axis=axis)
    else:
        x = alt.X("x:N", title=x_title, sort=None, axis=alt.Axis(labelAngle=0))
    y_scale = alt.Scale(type="log") if finding.log_y else alt.Scale(zero=False, nice=True)
    y = alt.Y("y:Q", title=y_title, scale=y_scale, axis=alt.Axis(tickCount=5))
    n = len(labels)
    legend = alt.Legend(orient="bottom", labelLimit=0, columns=min(n, 3)) if n > 1 else None
    line = alt.Chart(df).mark_line(point=True).encode(
        x=x, y=y, tooltip=["series", "x", "y"],
        color=alt.Color("series:N", title=None, sort=labels, scale=alt.Scale(domain=labels, range=list(PALETTE[:n])),
                        legend=legend),
        strokeDash=alt.StrokeDash("series:N", sort=labels, scale=alt.Scale(domain=labels, range=list(DASHES[:n])),
                                  legend=None),
        shape=alt.Shape("series:N", sort=labels, scale=alt.Scale(domain=labels, range=list(SHAPES[:n])), legend=None),
    )  # fmt: skip
    table = df.pivot(index="x", columns="series", values="y").reset_index()[["x", *labels]]
    return line.properties(height=HEIGHT), table.rename(columns={"x": x_title})


# --- a sketch: the pad the learner draws on, and the sketch over the run's curve -----------------------
PAD_ROWS = 21  # heights a click can pick per column (the sliders reach every step)
SPARSE = 30  # a run's curve with at most this many points shows them (epochs); a fine grid only its line


def sketch_pad(p: Prediction, knots: tuple[float, ...], values: list[float], x_title: str, y_title: str) -> alt.Chart:
    """Faint dots on a grid, one column per knot: a click picks the nearest dot (selection "pick",
    fields ``i`` and ``y``), and the page moves that column's point there. The sketch so far is the
    dashed vermillion line."""
    rows = min(PAD_ROWS, round((p.hi - p.lo) / p.step) + 1)
    heights = [p.lo + round(k * (p.hi - p.lo) / (rows - 1) / p.step) * p.step for k in range(rows)]
    grid = pd.DataFrame([{"i": i, "x": x, "y": round(y, 10)} for i, x in enumerate(knots) for y in heights])
    sketch = pd.DataFrame({"x": list(knots), "y": values})
    pad = 0.03 * (max(knots) - min(knots)) or 0.5  # the end columns' dots whole, not cut by the frame
    x = alt.X("x:Q", title=x_title, scale=alt.Scale(domain=[min(knots) - pad, max(knots) + pad], nice=False),
              axis=_whole_axis(knots))  # fmt: skip
    y = alt.Y("y:Q", title=y_title, scale=alt.Scale(domain=[p.lo, p.hi]))
    pick = alt.selection_point(name="pick", fields=["i", "y"], nearest=True, on="click", clear=False, toggle=False)
    dots = alt.Chart(grid).mark_circle(size=28, color=C.grey, opacity=0.35).encode(x=x, y=y).add_params(pick)
    line = alt.Chart(sketch).mark_line(color=C.vermillion, strokeDash=DASHES[1], strokeWidth=2.5).encode(x=x, y=y)
    points = alt.Chart(sketch).mark_point(shape="diamond", size=110, filled=True, color=C.vermillion).encode(x=x, y=y)
    return alt.layer(dots, line, points).properties(height=HEIGHT)


def sketch_overlay(p: Prediction, sketch: Any, answer: Answer, gap: Any) -> tuple[alt.Chart, pd.DataFrame]:
    """The run's curve (blue, solid) with the learner's sketch over it (vermillion, dashed,
    diamonds), named in a legend; the table holds both at the sketch's x."""
    x_title, y_title = _title(answer.x_title or p.x_title) or "x", _title(answer.y_title or p.y_title) or "y"
    run_name, sketch_name = t("learn.tag_run_curve"), t("learn.tag_sketch")
    rows = [{"x": float(x), "y": float(y), "who": run_name} for x, y in zip(answer.x, answer.y, strict=True)]
    rows += [{"x": float(x), "y": float(y), "who": sketch_name} for x, y in sketch]
    df = pd.DataFrame(rows)
    names = [run_name, sketch_name]
    xs = [float(v) for v in answer.x] + [float(x) for x, _ in sketch]
    x = alt.X("x:Q", title=x_title, scale=alt.Scale(domain=[min(xs), max(xs)], nice=False), axis=_whole_axis(xs))
    y = alt.Y("y:Q", title=y_title, scale=alt.Scale(type="log") if answer.log_y else alt.Scale(zero=False))
    color = alt.Color("who:N", title=None, sort=names, legend=alt.Legend(orient="bottom"),
                      scale=alt.Scale(domain=names, range=[C.blue, C.vermillion]))  # fmt: skip
    dash = alt.StrokeDash("who:N", sort=names, scale=alt.Scale(domain=names, range=[DASHES[0], DASHES[1]]), legend=None)
    shape = alt.Shape("who:N", sort=names, scale=alt.Scale(domain=names, range=["circle", "diamond"]), legend=None)
    lines = alt.Chart(df).mark_line(strokeWidth=2).encode(x=x, y=y, color=color, strokeDash=dash)
    # Points where they tell something: every sketch knot; the run's only when its points are few (epochs).
    marked = df if len(answer.x) <= SPARSE else df[df["who"] == sketch_name]
    points = (
        alt.Chart(marked)
        .mark_point(filled=True, size=70)
        .encode(x=x, y=y, color=color, shape=shape, tooltip=["who", "x", "y"])
    )
    table = pd.DataFrame({
        x_title: [x for x, _ in sketch],
        sketch_name: [p.show(y) for _, y in sketch],
        run_name: [p.show(v) if inside else "—" for v, inside in zip(gap.run, gap.inside, strict=True)],
    })  # fmt: skip
    return alt.layer(lines, points).properties(height=HEIGHT), table


def _whole_axis(xs: Any) -> alt.Axis:
    """Whole-number x (epochs, layers) ticks in whole numbers only."""
    return alt.Axis(tickMinStep=1, format="d") if all(float(v).is_integer() for v in xs) else alt.Axis()
