"""One catalogue for every user-visible string, in English and Chinese.

Each topic keeps its strings in its own module (``common``, ``mlp``, ...), merged here; a key is
unique across modules. ``t(key, **fmt)`` returns the string in the session's language.
"""

from __future__ import annotations

from mlp_lab.ui.i18n import (
    activations,
    backprop,
    board,
    common,
    deploy,
    dropout,
    fitting,
    learn,
    mlp,
    shift,
    stability,
    weight_decay,
)

LANGS = ("en", "zh")
LANG_NAMES = {"en": "English", "zh": "中文"}
LANG_KEY = "ui_lang"  # session key of the current language (set by the sidebar)

CATALOGUE: dict[str, dict[str, str]] = {}
_MODULES = (common, learn, board, deploy, activations, mlp, fitting, weight_decay, dropout, backprop, stability, shift)
for _module in _MODULES:
    for _key, _value in _module.STRINGS.items():
        if _key in CATALOGUE:
            raise KeyError(f"duplicate i18n key {_key!r}")
        CATALOGUE[_key] = _value


def current_lang() -> str:
    import streamlit as st  # here, not at the top: the command line reads the catalogue too

    lang = st.session_state.get(LANG_KEY, "en")
    return lang if lang in LANGS else "en"


def lookup(key: str, lang: str) -> str:
    """The string for ``key`` in ``lang`` (no formatting): for code without a session (the CLI)."""
    entry = CATALOGUE.get(key)
    return key if entry is None else entry.get(lang) or entry["en"]


def t(key: str, **fmt: object) -> str:
    """The string for ``key`` in the session's language, formatted with ``fmt``."""
    entry = CATALOGUE.get(key)
    if entry is None:
        return key  # a missing key shows itself instead of crashing the page; a test catches it
    text = entry.get(current_lang()) or entry["en"]
    return text.format(**fmt) if fmt else text
