"""Accessibility in one place: the colour palette every chart uses, and the one way to show a
chart or an image with a text alternative (WCAG 2.2 AA, ``tests/test_a11y.py``, ``test_axe.py``).

Palette: Okabe and Ito's colours for colour-vision deficiencies (Color Universal Design, 2008),
yellow left out (it vanishes on white). In ``PALETTE`` order every pair stays apart under simulated
protanopia and deuteranopia (CIELAB distance >= 15, ``tests/test_a11y.py``); the first four reach
3:1 on white (WCAG 1.4.11), orange and sky blue do not and come only with shapes or labels. Series
are told apart by dash or shape as well, never by colour alone (``DASHES``, ``SHAPES``). Charts name
colours by role (``C.blue`` ...), not by hex value: a test keeps hex literals out of the other UI modules.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pandas as pd

C = SimpleNamespace(  # Okabe-Ito, and two neutrals for references (theory, truth) and labels
    blue="#0072B2",
    vermillion="#D55E00",
    green="#009E73",
    purple="#CC79A7",
    orange="#E69F00",
    sky="#56B4E9",
    black="#000000",
    grey="#7F7F7F",
)
PALETTE = (C.blue, C.vermillion, C.green, C.purple, C.orange, C.sky)
LIGHT = SimpleNamespace(blue="#9CCBEA", orange="#F2C77F", grey="#D9D9D9")  # fills behind text only
SEQUENTIAL = "viridis"  # heat maps: perceptually ordered and readable under the common deficiencies
DASHES = ([1, 0], [6, 3], [2, 2], [8, 3, 2, 3], [12, 4], [4, 4, 1, 4], [1, 3], [10, 2, 2, 2])
SHAPES = ("circle", "square", "triangle-up", "diamond", "cross", "triangle-down", "wedge", "stroke")


def chart(chart: Any, alt: str, data: pd.DataFrame | None = None, *, where: Any = None, width: str = "stretch") -> None:
    """Show an Altair chart (or a Vega-Lite spec) with ``alt`` as its accessible description and as text under it, and
    its data as a table on request. ``alt`` is computed from the run on screen ("test accuracy
    rises from 0.70 to 0.83 over 10 epochs"), in the learner's language."""
    import streamlit as st

    from mlp_lab.ui.i18n import t

    where = where if where is not None else st
    # The chart is one image with one description: marks without text of their own (a shaded band,
    # a reference rule) would otherwise be announced as unnamed graphics (axe: svg-img-alt).
    if isinstance(chart, dict):  # a plain Vega-Lite spec
        config = chart.get("config", {})
        spec = {**chart, "config": {**config, "aria": False, "mark": {**config.get("mark", {}), "aria": False}}}
        where.vega_lite_chart(spec=spec, width=width, alt=alt)
    else:
        where.altair_chart(quiet_marks(chart), width=width, alt=alt)
    where.caption(alt)
    if data is not None:
        with where.expander(t("a11y.data_table")):
            st.dataframe(data, hide_index=True)


def quiet_marks(chart: Any) -> Any:
    """A copy of an Altair chart whose marks and axes carry no ARIA roles of their own (the chart's
    ``alt`` describes it as a whole), keeping whatever else its config sets."""
    import altair as alt

    chart = chart.copy(deep=False)
    config = chart.config.copy() if chart.config is not alt.Undefined else alt.Config()
    config.aria = False  # axes and legends hidden from the accessibility tree ...
    mark = config.mark.copy() if config.mark is not alt.Undefined else alt.MarkConfig()
    mark.aria = False  # ... and every mark: aria-hidden
    config.mark = mark
    chart.config = config
    return chart


def contrast(fg: str, bg: str = "#FFFFFF") -> float:
    """WCAG contrast ratio of two ``#RRGGBB`` colours."""

    def lum(hex_colour: str) -> float:
        rgb = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((lum(fg), lum(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


# Streamlit draws white text on the primary colour (buttons, multiselect tags) in both themes, and
# the primary colour as text on its own tint (a selected segmented control). No dark-theme primary
# passes both at 4.5:1, so the text on primary follows the theme: ``light-dark()`` resolves against
# the ``color-scheme`` Streamlit sets on the app. Code blocks' syntax colours are fixed in Streamlit
# (keywords #1C83E1, strings #09AB3B: 2.7-3.5:1 on the code background), so they are set here too.
# A control a teacher's link locked is disabled, and Streamlit greys its label to 2.6:1: the lock
# icon says it is fixed, the label stays readable.
STYLE = """<style>
[data-testid="stBaseButton-primary"]:not(:disabled), [data-testid="stBaseButton-primary"]:not(:disabled) p,
[data-baseweb="tag"], [data-baseweb="tag"] span, [data-testid="stMultiSelectTagsContainer"] span
  { color: light-dark(#FFFFFF, #111111) !important; }
label[data-testid="stWidgetLabel"][disabled], label[data-testid="stWidgetLabel"][disabled] p
  { color: light-dark(#31333F, #FAFAFA) !important; }
[data-testid="stCode"] .token { color: light-dark(#111111, #FAFAFA) !important; }
[data-testid="stCode"] .token:is(.keyword, .function, .class-name, .builtin, .decorator, .boolean)
  { color: light-dark(#0B5CAD, #8CC4FF) !important; }
[data-testid="stCode"] .token:is(.string, .triple-quoted-string, .char)
  { color: light-dark(#1E6B2E, #7DD38A) !important; }
[data-testid="stCode"] .token:is(.number, .constant) { color: light-dark(#9A4A00, #FFB366) !important; }
[data-testid="stCode"] .token.comment { color: light-dark(#5A5F6E, #B0B4C0) !important; }
</style>"""


def page_setup(lang: str) -> None:
    """app.py, every run: the contrast fix above, and the document's language for screen readers
    (WCAG 3.1.1: a Chinese page must not be read out with an English voice)."""
    import streamlit as st
    import streamlit.components.v1 as components

    st.html(STYLE)
    components.html(f"<script>window.parent.document.documentElement.lang = {lang!r};</script>", height=0, width=0)


SR_ONLY = "position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap"


def announce(text: str, where: Any = None, *, visible: bool = True) -> None:
    """``text`` in a polite live region: a screen reader reads it out when it changes (the progress
    of a long computation, its result), without moving the focus. Visible, in caption style, unless
    the same words are on screen already (``visible=False``: for screen readers only)."""
    import html

    import streamlit as st

    where = where if where is not None else st
    style = "font-size: 0.875rem; opacity: 0.85" if visible else SR_ONLY
    where.html(f'<div role="status" aria-live="polite" style="{style}">{html.escape(text)}</div>')


_TOP = '[data-testid="stMainBlockContainer"] > [data-testid="stVerticalBlock"] > '


def presenter_style(keep: list[str]) -> None:
    """Presenter mode, for a projector: larger text, no sidebar, and of the page only its title and
    the containers keyed ``present_*`` or named in ``keep`` (the current step and its controls).
    What is hidden is ``display: none``, so it leaves the accessibility tree as well."""
    import streamlit as st

    shown = "".join(f":not(:has(.st-key-{k}))" for k in ["present_", *keep] if k != "present_")
    st.html(f"""<style>
html {{ font-size: 22px; }}
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"]
  {{ display: none !important; }}
{_TOP}*:not(:has(h1)):not(:has([class*="st-key-present_"])){shown} {{ display: none !important; }}
[data-testid="stMainBlockContainer"] {{ max-width: 1400px; }}
</style>""")
