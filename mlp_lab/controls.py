"""Every control of the app, declared once (TensorFlow Playground's ``state.ts`` idea).

A control is a field of a frozen settings dataclass in ``mlp_lab.experiments``, declared with
``control(...)``: its address-bar key, default (the book's value), range or choices, step, unit and
label key. From that one declaration come the page's widget and its address-bar binding
(``mlp_lab.ui.controls``), the address-bar gate (``parse``), the command line's options
(``add_options``), the settings object a page computes with, its cache key (the frozen dataclass
itself) and the defaults that ``warm`` runs (``Settings()``).

No streamlit here: experiments and the command line use it too.
"""

from __future__ import annotations

import argparse
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import MISSING, dataclass, field, fields, is_dataclass
from typing import Any

MAX_URL_VALUE = 64  # characters; no legitimate value of ours is longer
_INT = re.compile(r"[+-]?\d{1,18}")
_FLOAT = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d{1,3})?")


class BadValue(ValueError):
    """An address-bar or command-line value that does not fit its control's declaration."""


@dataclass(frozen=True)
class Control:
    """One setting a learner can change.

    ``kind``: "int", "float" (a number in [lo, hi]), "choice" (one of ``choices``), "multi" (a
    subset of ``choices``), "bool" or "range" (two floats lo <= a < b <= hi).
    ``widget``: how the page draws it ("slider", "number", "select", "select_slider", "segmented",
    "pills", "toggle", "multiselect"); each kind has a sensible default.
    """

    key: str  # the address-bar key and widget key; links depend on it, so it never changes
    label: str  # i18n key of the widget's label
    default: Any
    kind: str
    lo: float | None = None
    hi: float | None = None
    step: float | None = None
    choices: tuple = ()
    widget: str = ""
    help: str | None = None  # i18n key of the tooltip
    unit: str = ""
    fmt: str = ""  # "g" shows numbers as f"{v:g}" (select sliders, number inputs)
    label_choices: str = ""  # i18n key prefix: option "relu" shows t(prefix + "relu")
    cli: bool = True  # offered on the command line (False for page-only view settings)
    doc: str = ""  # one line for the command line's --help

    def __post_init__(self) -> None:
        if self.kind not in ("int", "float", "choice", "multi", "bool", "range"):
            raise ValueError(f"{self.key}: unknown kind {self.kind!r}")
        if self.kind in ("choice", "multi") and not self.choices:
            raise ValueError(f"{self.key}: a {self.kind} control needs choices")
        if self.kind in ("int", "float", "range") and (self.lo is None or self.hi is None):
            raise ValueError(f"{self.key}: a {self.kind} control needs lo and hi")
        self.check(self.default)  # a default outside its own range is a bug, found at import

    @property
    def widget_kind(self) -> str:
        if self.widget:
            return self.widget
        return {"int": "slider", "float": "slider", "choice": "select", "multi": "multiselect",
                "bool": "toggle", "range": "slider"}[self.kind]  # fmt: skip

    # --- values -------------------------------------------------------------------------------
    def check(self, value: Any) -> Any:
        """``value`` if it fits the declaration, else ``BadValue`` saying why (in English: the UI
        names the parameter in the learner's language, the reason is for logs and the CLI)."""
        if self.kind == "bool":
            if not isinstance(value, bool):
                raise BadValue(f"{self.key}: expected true or false")
            return value
        if self.kind == "choice":
            if value not in self.choices:
                raise BadValue(f"{self.key}: expected one of {', '.join(map(str, self.choices))}")
            return value
        if self.kind == "multi":
            if (
                not isinstance(value, tuple)
                or len(set(value)) != len(value)
                or any(v not in self.choices for v in value)
            ):
                raise BadValue(f"{self.key}: expected distinct values among {', '.join(map(str, self.choices))}")
            return value
        if self.kind == "range":
            if not (isinstance(value, tuple) and len(value) == 2):
                raise BadValue(f"{self.key}: expected two numbers")
            a, b = (self._number(v) for v in value)
            if not a < b:
                raise BadValue(f"{self.key}: the first number must be below the second")
            return (a, b)
        return self._number(value)

    def _number(self, value: Any) -> int | float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise BadValue(f"{self.key}: expected a number")
        if self.kind == "int" and not isinstance(value, int):
            raise BadValue(f"{self.key}: expected a whole number")
        if not math.isfinite(value) or not self.lo <= value <= self.hi:
            raise BadValue(f"{self.key}: expected a number from {self.lo:g} to {self.hi:g}")
        return value

    def parse(self, raw: str | list[str]) -> Any:
        """The value of an address-bar (or command-line) text, checked; ``BadValue`` otherwise.

        Strict on purpose: a link mangled by a chat client (spaces, unicode controls, a number
        that overflows, a repeated key) is refused rather than guessed at.
        """
        items = list(raw) if isinstance(raw, list | tuple) else [raw]
        if self.kind not in ("multi", "range") and len(items) != 1:
            raise BadValue(f"{self.key}: given {len(items)} times")
        if len(items) > max(len(self.choices), 2):
            raise BadValue(f"{self.key}: too many values")
        for text in items:
            if not isinstance(text, str) or len(text) > MAX_URL_VALUE:
                raise BadValue(f"{self.key}: value too long")
            if text != text.strip() or any(unicodedata.category(c)[0] in "CZ" and c != " " for c in text):
                raise BadValue(f"{self.key}: spaces or control characters")
        if self.kind == "bool":
            text = items[0].lower()
            if text not in ("true", "false"):
                raise BadValue(f"{self.key}: expected true or false")
            return self.check(text == "true")
        if self.kind == "choice":
            return self.check(self._choice(items[0]))
        if self.kind == "multi":
            return self.check(tuple(self._choice(text) for text in items if text != ""))
        if self.kind == "range":
            return self.check(tuple(self._parse_number(text) for text in items))
        return self.check(self._parse_number(items[0]))

    def _choice(self, text: str) -> Any:
        for choice in self.choices:
            if text == self.show(choice):
                return choice
        raise BadValue(f"{self.key}: expected one of {', '.join(self.show(c) for c in self.choices)}")

    def _parse_number(self, text: str) -> int | float:
        if self.kind == "int":
            if not _INT.fullmatch(text):
                raise BadValue(f"{self.key}: expected a whole number")
            return int(text)
        if not _FLOAT.fullmatch(text):
            raise BadValue(f"{self.key}: expected a number")
        return float(text)

    def show(self, value: Any) -> str:
        """The text of one value in a link and on the command line ("0.0001", "relu", "true")."""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, float):
            return f"{value:g}" if self.fmt == "g" else repr(value)
        return str(value)

    # --- command line -------------------------------------------------------------------------
    def add_option(self, parser: argparse.ArgumentParser, dest: str) -> None:
        """``--dest-name`` on ``parser``, checked like an address-bar value."""

        def convert(text: str) -> Any:
            try:
                return self.parse(text.split(",") if self.kind in ("multi", "range") else text)
            except BadValue as exc:
                raise argparse.ArgumentTypeError(str(exc).split(": ", 1)[-1]) from None

        if self.kind in ("choice", "multi"):
            span = "{" + ",".join(self.show(c) for c in self.choices) + "}"
        elif self.kind == "bool":
            span = "true|false"
        else:
            span = f"{self.lo:g}..{self.hi:g}"
        default = ",".join(map(self.show, self.default)) if isinstance(self.default, tuple) else self.show(self.default)
        parser.add_argument(
            "--" + dest.replace("_", "-"),
            dest=dest,
            type=convert,
            default=self.default,
            metavar=span,
            help=f"{self.doc or self.key} (default {default}{' ' + self.unit if self.unit else ''})",
        )


_BY_KEY: dict[str, Control] = {}


def control(default: Any, *, key: str, label: str, kind: str | None = None, **options: Any) -> Any:
    """A dataclass field that is also a control: ``hidden: int = control(256, key="mlp_hidden", ...)``.

    ``kind`` is inferred from the default (and ``choices``) when not given.
    """
    if kind is None:
        if "choices" in options:
            kind = "multi" if isinstance(default, tuple) else "choice"
        elif isinstance(default, bool):
            kind = "bool"
        elif isinstance(default, tuple):
            kind = "range"
        else:
            kind = "int" if isinstance(default, int) else "float"
    spec = Control(key=key, label=label, default=default, kind=kind, **options)
    if key in _BY_KEY and _BY_KEY[key] != spec:
        raise KeyError(f"control key {key!r} declared twice")
    _BY_KEY[key] = spec
    return field(default=default, metadata={"control": spec})


def controls_of(settings: type | Any) -> dict[str, Control]:
    """Field name -> control, in declaration order, for a settings dataclass (class or instance)."""
    if not is_dataclass(settings):
        raise TypeError(f"{settings!r} is not a dataclass")
    return {f.name: f.metadata["control"] for f in fields(settings) if "control" in f.metadata}


def all_controls() -> dict[str, Control]:
    """Every declared control by address-bar key (import the experiments first: see ``registry``)."""
    return dict(_BY_KEY)


def from_values(settings: type, values: dict[str, Any]) -> Any:
    """``settings(**values)``, each value checked against its control first."""
    specs = controls_of(settings)
    return settings(**{name: specs[name].check(v) if name in specs else v for name, v in values.items()})


def add_options(parser: argparse.ArgumentParser, settings: type, skip: Iterable[str] = ()) -> None:
    """One command-line option per control of ``settings`` (dest = the field name)."""
    for name, spec in controls_of(settings).items():
        if spec.cli and name not in skip:
            spec.add_option(parser, name)


def settings_from_args(settings: type, args: argparse.Namespace, **extra: Any) -> Any:
    names = [f.name for f in fields(settings)]
    given = {n: getattr(args, n) for n in names if hasattr(args, n)}
    return settings(**(given | extra))


def defaults_of(settings: type) -> dict[str, Any]:
    return {f.name: f.default for f in fields(settings) if f.default is not MISSING}
