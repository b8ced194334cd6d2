"""Tampered links on every page: wrong types, out-of-range and extreme-but-valid values, NaN and inf,
huge numbers, markup and script text, unicode, unknown keys. Every page must render with the
defaults or a clear message, never an exception, and never render a visitor's text as HTML.

Training pages run on a small slice of Fashion-MNIST here (the URL handling is what is under test),
and with a private result store, so nothing leaks into other tests.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mlp_lab.ui.i18n import CATALOGUE
from mlp_lab.ui.pages import BOOK, HOME, TOPICS
from tests.conftest import private_world, striped_data
from tests.test_app import run_app

ROOT = Path(__file__).resolve().parent.parent
PAGES = [HOME, *TOPICS, BOOK]
MARKER = "fuzz-7f3a"
GENERIC = tuple(re.split(r"[(（]", CATALOGUE["error.generic"][lang])[0] for lang in ("en", "zh"))
TAMPERED = [
    "abc",
    "-1",
    "1e308",
    "-1e308",
    "nan",
    "inf",
    "",
    f"<script>alert('{MARKER}')</script>",
    f"<img src=x onerror=alert('{MARKER}')>",
    f"**{MARKER}** [x](javascript:alert(1))",
    "😀中文\u202e",
    "0x10",
    "1,2,3",
]
WIDGET_KINDS = ("slider", "number_input", "selectbox", "multiselect", "select_slider", "button_group",
                "toggle", "checkbox", "radio", "text_input")  # fmt: skip


@pytest.fixture(scope="module", autouse=True)
def small_world():
    """A small data set in the loader's cache and an empty private result store, then restored."""
    with private_world(striped_data(3000, 1000, source="fuzz")):
        yield


def page_widgets(spec) -> dict[str, object]:
    """Keys of the page's widgets (those a link can set) with one widget object each."""
    at = run_app("en", page=spec.path)
    assert not at.exception, spec.path
    found = {}
    for kind in WIDGET_KINDS:
        for w in at.get(kind):
            key = getattr(w, "key", None)
            if key and key not in ("seed",) and not key.startswith("$$"):
                found[key] = w
    return found


def assert_clean(at, label: str) -> None:
    assert not at.exception, f"{label}: {[e.value for e in at.exception]}"
    for md in at.markdown:
        if getattr(md.proto, "allow_html", False):
            assert MARKER not in md.value, f"{label}: visitor text rendered as HTML"
    for e in at.error:
        # The app's last-resort message means a page raised: a bug, even if no traceback shows.
        assert "Traceback" not in e.value and not e.value.startswith(GENERIC), f"{label}: {e.value[:200]}"


def cases() -> list[tuple[str, dict]]:
    """(id, url params) per page: every tampered value on all the page's keys at once, plus the
    extremes of each numeric widget, repeated and unknown keys."""
    out = []
    for spec in PAGES:
        keys = sorted(_KEYS.get(spec.path, {}))
        for i, value in enumerate(TAMPERED):
            params = {k: value for k in keys} | {"lang": value if i % 4 == 0 else "zh"}
            out.append((f"{spec.url_path or 'home'}-tampered-{i}", params))
        out.append((f"{spec.url_path or 'home'}-unknown-keys", {"nonsense": "1", "__proto__": "x", MARKER: "<b>"}))
        out.append((f"{spec.url_path or 'home'}-repeated", {k: ["1", "2", "3"] for k in keys}))
        for key, widget in _KEYS.get(spec.path, {}).items():
            lo, hi = getattr(widget, "min", None), getattr(widget, "max", None)
            if isinstance(lo, int | float) and isinstance(hi, int | float):
                out.append((f"{spec.url_path}-{key}-max", {key: str(hi)}))
                out.append((f"{spec.url_path}-{key}-min", {key: str(lo)}))
    return out


# Filled by the test from each page's widgets, so new pages and controls are covered by themselves.
_KEYS: dict[str, dict[str, object]] = {}


def test_every_page_survives_tampered_links() -> None:
    for spec in PAGES:
        _KEYS[spec.path] = page_widgets(spec)
    assert sum(len(v) for v in _KEYS.values()) >= 20
    total = len(cases())
    assert total >= 200, f"only {total} tampered-link cases"
    failures = []
    for case_id, params in cases():
        path = next(s.path for s in PAGES if case_id.startswith((s.url_path or "home") + "-"))
        at = run_app(params.pop("lang", None), page=path, timeout=180, **params)
        try:
            assert_clean(at, case_id)
        except AssertionError as exc:
            failures.append(str(exc))
    assert not failures, "\n".join(failures[:20])


def test_no_page_or_widget_module_allows_raw_html() -> None:
    sources = [*ROOT.glob("pages/*.py"), *ROOT.glob("mlp_lab/ui/**/*.py"), ROOT / "app.py"]
    for path in sources:
        text = path.read_text(encoding="utf-8")
        assert "unsafe_allow_html=True" not in text and "st.html(" not in text, path
