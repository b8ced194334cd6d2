"""Tampered links on every page, generated from the control declarations (not from a hand list).

For every page, every parameter it binds to the address bar (found by opening the page), a seeded
set of bad values made from that control's declaration (type, range, choices), plus combinations
and valid extremes. No visit may raise; every visit renders the page's title; a bad value shows the
notice naming it; a visitor's text is never rendered as HTML.

Training pages run on a small stand-in for Fashion-MNIST here (the address bar is what is under
test), with a private result store, so nothing leaks into other tests.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from mlp_lab import teacher, topics  # noqa: F401 (topics registers every control)
from mlp_lab.board import parse_room
from mlp_lab.controls import MAX_URL_VALUE, Control, all_controls
from mlp_lab.ui.i18n import CATALOGUE
from mlp_lab.ui.pages import BOARD, BOOK, HOME, TOPICS, PageSpec
from tests.conftest import private_world, striped_data
from tests.test_app import run_app

ROOT = Path(__file__).resolve().parent.parent
PAGES = (HOME, *TOPICS, BOOK, BOARD)
MARKER = "fuzz-7f3a"
GENERIC = tuple(re.split(r"[(（]", CATALOGUE["error.generic"][lang])[0] for lang in ("en", "zh"))
NOTICE = tuple(CATALOGUE["url.bad_values"][lang].split("{")[0] for lang in ("en", "zh"))
MIN_VISITS = 400
MIN_TAMPERED = 6 * 150  # bad values tried, over all pages' keys
PER_KEY = 6  # bad values tried per bound key (a seeded sample of those its declaration yields)
GROUP = 3  # keys tampered in one visit
# Text any value can be mangled into: overflow, non-numbers, markup, spaces, unicode controls, length.
NASTY = ("inf", "-inf", "NaN", "Infinity", "1e309", "-1e309", "9007199254740993", "0x10", "1,5", "", "abc",
         f"<script>alert('{MARKER}')</script>", f"**{MARKER}** [x](javascript:alert(1))", "😀中文\u202e",
         " 1", "1 ", "1\u200b", "9" * (MAX_URL_VALUE + 1))  # fmt: skip


def bad_values(spec: Control, rng: random.Random) -> list[str | list[str]]:
    """Values that do not fit ``spec``: the nasty texts, then ones made from its declaration."""
    out: list[str | list[str]] = list(NASTY)
    if spec.kind in ("int", "float"):
        span = spec.hi - spec.lo
        out += [spec.show(type(spec.default)(spec.hi + max(span, 1))), spec.show(type(spec.default)(spec.lo - 1))]
        if spec.kind == "int":
            out += [f"{spec.default}.5", str(2**70)]
        out.append([spec.show(spec.default)] * 2)  # the key repeated
    elif spec.kind in ("choice", "multi"):
        first = spec.show(spec.choices[0])
        out += [first.upper() + "X", " " + first, first + "\u0000", [first, first] if spec.kind == "multi" else "zz"]
    elif spec.kind == "bool":
        out += ["yes", "1", "TRUE ", ["true", "false"]]
    elif spec.kind == "range":
        out += [["1"], [spec.show(spec.hi), spec.show(spec.lo)], ["nan", "1"], [str(spec.lo - 1), "0"]]
    out = [v for v in out if not _fits(spec, v)]  # e.g. "" can be a legal empty multiselect
    rng.shuffle(out)
    return out


def _fits(spec: Control, raw: str | list[str]) -> bool:
    try:
        spec.parse(raw)
    except ValueError:
        return False
    return True


def good_extremes(spec: Control) -> list[str | list[str]]:
    if spec.kind in ("int", "float"):
        return [spec.show(type(spec.default)(spec.lo)), spec.show(type(spec.default)(spec.hi))]
    if spec.kind == "choice":
        return [spec.show(spec.choices[-1])]
    return []


def bound_keys(spec: PageSpec) -> list[str]:
    """The address-bar keys the page binds, read from its widgets (so new controls are covered)."""
    at = run_app("en", page=spec.path)
    assert not at.exception, spec.path
    keys = set()
    for element in _walk(at._tree):
        key = getattr(getattr(element, "proto", None), "query_param_key", "")
        if key:
            keys.add(key)
    return sorted(keys - {"seed"})


def _walk(node):
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _walk(child)


def visits(rng: random.Random) -> list[tuple[PageSpec, dict, list[str]]]:
    """(page, address bar, keys that must be named in the notice) for every page."""
    specs = all_controls()
    out = []
    for page in PAGES:
        keys = [*_KEYS[page.path], "seed"]
        # Every key gets PER_KEY bad values and its good extremes, GROUP keys to a visit (each
        # dropped on its own by the gate, so they do not mask each other; a page binds up to 60).
        bad = {k: bad_values(specs[k], rng)[:PER_KEY] for k in keys}
        good = {k: good_extremes(specs[k]) for k in keys}
        for start in range(0, len(keys), GROUP):
            group = keys[start : start + GROUP]
            for i in range(PER_KEY):
                tampered = {k: bad[k][i] for k in group if i < len(bad[k])}
                out.append((page, tampered, list(tampered)))
            for i in range(2):
                fine = {k: good[k][i] for k in group if i < len(good[k])}
                if fine:
                    out.append((page, fine, []))
        for _ in range(3):  # every key mangled at once, a different mix each time
            mix = {k: rng.choice(bad_values(specs[k], rng)) for k in keys}
            out.append((page, mix, keys))
        out.append((page, {"nonsense": "1", "__proto__": "x", MARKER: "<b>"}, []))
        for _ in range(2):  # a teacher link's own parts and the class board's room, mangled
            link = {}
            for k in teacher.KEYS:
                refused = [v for v in NASTY if teacher.parse({k: [v]})[1]]
                link[k] = rng.choice(refused)
            link["room"] = rng.choice([v for v in (*NASTY, "a" * 33, "-x", "a b") if parse_room(v) is None])
            out.append((page, link, [*teacher.KEYS, "room"]))
    return out


_KEYS: dict[str, list[str]] = {}


def assert_clean(at, page: PageSpec, named: list[str], label: str) -> None:
    assert not at.exception, f"{label}: {[e.value for e in at.exception]}"
    assert at.title, f"{label}: no title"
    for md in at.markdown:
        if getattr(md.proto, "allow_html", False):
            assert MARKER not in md.value, f"{label}: visitor text rendered as HTML"
    for e in at.error:  # the app's last-resort message means a page raised: a bug
        assert "Traceback" not in e.value and not e.value.startswith(GENERIC), f"{label}: {e.value[:200]}"
    notices = [w.value for w in at.warning if w.value.startswith(NOTICE)]
    if named:
        assert notices and all(f"`{k}`" in notices[0] for k in named), f"{label}: no notice for {named}"
    else:
        assert not notices, f"{label}: a notice for a good link"


@pytest.fixture(scope="module", autouse=True)
def small_world():
    """A small data set in the loader's cache and an empty private result store, then restored."""
    with private_world(striped_data(3000, 1000, source="fuzz")):
        yield


def test_every_page_survives_tampered_links(capsys) -> None:
    for page in PAGES:
        _KEYS[page.path] = bound_keys(page)
    assert sum(len(v) for v in _KEYS.values()) >= 40
    planned = visits(random.Random(20261202))
    assert len(planned) >= MIN_VISITS, f"only {len(planned)} visits"
    tampered = sum(len(named) for _, _, named in planned)
    assert tampered >= MIN_TAMPERED, f"only {tampered} bad values"
    failures = []
    for i, (page, params, named) in enumerate(planned):
        lang = "zh" if i % 2 else "en"
        at = run_app(lang, page=page.path, timeout=180, **params)
        try:
            assert_clean(at, page, named, f"{page.url_path or 'home'} {params!r:.120}")
        except AssertionError as exc:
            failures.append(str(exc))
    with capsys.disabled():
        print(f"\n[tamper] {len(planned)} page visits, {tampered} bad values, {sum(map(len, _KEYS.values()))} bound "
              f"keys, {len(failures)} failures")  # fmt: skip
    assert not failures, "\n".join(failures[:20])


def test_no_page_or_widget_module_allows_raw_html() -> None:
    """Raw HTML only in a11y.py (a style sheet and a live region), where every text is escaped."""
    sources = [*ROOT.glob("pages/*.py"), *ROOT.glob("mlp_lab/ui/**/*.py"), ROOT / "app.py"]
    for path in sources:
        if path.name != "a11y.py":
            text = path.read_text(encoding="utf-8")
            assert "unsafe_allow_html=True" not in text and ".html(" not in text, path


def test_the_live_region_escapes_what_it_announces() -> None:
    from mlp_lab.ui import a11y

    written = []
    a11y.announce(f"<b>{MARKER}</b>", where=type("Slot", (), {"html": lambda self, body: written.append(body)})())
    assert "<b>" not in written[0] and f"&lt;b&gt;{MARKER}" in written[0] and 'aria-live="polite"' in written[0]


def test_every_bound_widget_is_a_declared_control() -> None:
    """A widget bound to the address bar without a declaration would escape the gate."""
    import mlp_lab.reproduce  # noqa: F401 (the book page's topic control; app.py imports it too)

    declared = set(all_controls())
    for page in PAGES:
        assert set(bound_keys(page)) <= declared, page.path
