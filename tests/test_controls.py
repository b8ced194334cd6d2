"""Controls declared once: widgets, address bar, command line and warm-up all come from one spec.

Includes the design issue's proof: a throwaway spec plus one line on a page shows up in the page,
in the address bar, on the command line and in warm-up.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

import pytest

from mlp_lab import controls, store
from mlp_lab.controls import BadValue, Control, add_options, all_controls, control, controls_of
from mlp_lab.ui.pages import PageSpec
from tests.test_app import run_app


@dataclass(frozen=True)
class DemoSettings:
    k: int = control(3, key="demo_k", label="demo.k", lo=1, hi=5, doc="a demo knob")


def square(settings: DemoSettings) -> int:
    return settings.k**2


DEMO_PAGE = PageSpec(str(Path(__file__).parent / "pages_demo" / "demo_page.py"), "demo.title", "🧪", (), "demo")


@pytest.fixture
def demo_page(monkeypatch):
    from mlp_lab.ui import pages

    monkeypatch.setattr(pages, "TOPICS", (*pages.TOPICS, DEMO_PAGE))
    monkeypatch.setattr(store, "_shared", store.ResultStore())
    yield DEMO_PAGE


def test_a_new_control_reaches_page_address_bar_cli_and_warm(demo_page) -> None:
    assert "demo_k" in all_controls()
    # the page: a widget with the declared range, bound to the address bar
    at = run_app("en", page=demo_page.path)
    assert not at.exception, at.exception
    slider = at.slider(key="demo_k")
    assert (slider.min, slider.max, slider.value) == (1, 5, 3)
    assert slider.proto.query_param_key == "demo_k"  # bound: the browser writes it to the address bar
    assert any("square: 9" in m.value for m in at.markdown)
    slider.set_value(4).run()
    assert any("square: 16" in m.value for m in at.markdown)
    # the address bar: a good value is read, a bad one is dropped with the notice
    assert any("square: 25" in m.value for m in run_app("en", page=demo_page.path, demo_k="5").markdown)
    bad = run_app("zh", page=demo_page.path, demo_k="6")
    assert any("demo_k" in w.value for w in bad.warning) and any("square: 9" in m.value for m in bad.markdown)
    # the command line
    parser = argparse.ArgumentParser()
    add_options(parser, DemoSettings)
    assert parser.parse_args(["--k", "2"]).k == 2 and parser.parse_args([]).k == 3
    assert "1..5" in parser.format_help() and "a demo knob" in parser.format_help()
    with pytest.raises(SystemExit):
        parser.parse_args(["--k", "9"])
    # warm-up: the headless visit computes exactly what the page computes at its defaults
    from mlp_lab.ui.warm import warm

    store._shared = store.ResultStore()
    (row,) = warm((demo_page,))
    assert row.status == "ok" and row.computed == 1
    assert store.shared_store().get(store.key_of(square, DemoSettings())) == 9


INT = Control(key="x_int", label="x", default=3, kind="int", lo=1, hi=5)
FLOAT = Control(key="x_float", label="x", default=0.1, kind="float", lo=0.001, hi=10.0)
CHOICE = Control(key="x_choice", label="x", default="relu", kind="choice", choices=("relu", "tanh"))
MULTI = Control(key="x_multi", label="x", default=("a",), kind="multi", choices=("a", "b", "c"))
GRID = Control(key="x_grid", label="x", default=0.0, kind="choice", choices=(0.0, 1e-4, 1e-3), fmt="g")
RANGE = Control(key="x_range", label="x", default=(-8.0, 8.0), kind="range", lo=-20.0, hi=20.0)
FLAG = Control(key="x_flag", label="x", default=False, kind="bool")


@pytest.mark.parametrize(
    ("spec", "raw", "value"),
    [
        (INT, "4", 4),
        (FLOAT, "0.5", 0.5),
        (FLOAT, "1e-3", 0.001),
        (CHOICE, "tanh", "tanh"),
        (MULTI, ["b", "c"], ("b", "c")),
        (MULTI, [""], ()),
        (GRID, "0.0001", 1e-4),
        (RANGE, ["-2.5", "3"], (-2.5, 3.0)),
        (FLAG, "true", True),
    ],
)
def test_good_values_parse(spec: Control, raw, value) -> None:
    assert spec.parse(raw) == value


@pytest.mark.parametrize(
    ("spec", "raw"),
    [
        (INT, "inf"),
        (INT, "1e309"),
        (INT, "9007199254740993"),
        (INT, "4.0"),
        (INT, "6"),
        (INT, " 4"),
        (INT, "4\u202e"),
        (INT, ["4", "4"]),
        (INT, "9" * 80),
        (FLOAT, "NaN"),
        (FLOAT, "Infinity"),
        (FLOAT, "-1e309"),
        (FLOAT, "0"),
        (FLOAT, "0x10"),
        (FLOAT, "1,5"),
        (CHOICE, "RELU"),
        (CHOICE, "<script>"),
        (MULTI, ["a", "a"]),
        (MULTI, ["a", "z"]),
        (GRID, "0.0002"),
        (RANGE, ["3", "-2"]),
        (RANGE, ["1"]),
        (RANGE, ["-30", "1"]),
        (FLAG, "yes"),
    ],
)
def test_bad_values_are_refused(spec: Control, raw) -> None:
    with pytest.raises(BadValue):
        spec.parse(raw)


def test_a_default_outside_its_own_range_is_caught_at_import() -> None:
    with pytest.raises(BadValue):
        Control(key="x", label="x", default=7, kind="int", lo=1, hi=5)


def test_a_key_declared_twice_differently_is_refused() -> None:
    with pytest.raises(KeyError):

        @dataclass(frozen=True)
        class Clash:
            k: int = control(1, key="demo_k", label="demo.k", lo=0, hi=9)


def test_every_declared_control_has_its_label_in_both_languages() -> None:
    from mlp_lab import topics  # noqa: F401 (registers every control)
    from mlp_lab.ui.i18n import CATALOGUE

    for key, spec in all_controls().items():
        if key.startswith("demo_"):
            continue
        for text_key in (spec.label, spec.help):
            if text_key:
                assert text_key in CATALOGUE and {"en", "zh"} <= set(CATALOGUE[text_key]), (key, text_key)


def test_settings_objects_are_built_from_their_declarations() -> None:
    from mlp_lab.experiments.mlp import MLPSettings

    specs = controls_of(MLPSettings)
    assert MLPSettings() == MLPSettings(**{name: spec.default for name, spec in specs.items()})
    with pytest.raises(BadValue):
        controls.from_values(MLPSettings, {"hidden": 4096})
