"""Learning by doing, declared once: predictions, challenges and the chapter's exercises.

A **prediction** asks the learner to commit a guess before a result appears; a **challenge** sets a
goal the learner reaches by changing controls and running. Each is declared here once (in
``mlp_lab.activities.<topic>``) with the computation that answers it, and a page places it by id
(``mlp_lab.ui.learn.predict(id, settings)``). The answer always comes from a real, cached
computation of the page's current settings: ``plan(settings)`` names it (a function and its frozen
config, the one cache key style of ``mlp_lab.store``), ``answer(result, settings)`` (or
``check``) reads it. Change a setting and the answer follows.

The words live in the topic's i18n module under ``learn.<id>.*``: ``q`` (the question), ``why`` (one
sentence, formatted with the answer's numbers; ``Answer.why`` picks a variant chosen from the run),
``c.<choice>`` (a choice's label); for a challenge ``goal``, ``passed``, ``off`` (how far off),
``hint1`` and ``hint2``. ``python -m mlp_lab activities --json`` counts these declarations.

No streamlit here: the command line and the tests use it too.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

Plan = Callable[[Any], tuple[Callable[..., Any], Hashable]]  # settings -> (fn, frozen config)
SECTIONS = ("3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8", "3.9")


class Words(dict):
    """A value in a sentence's numbers that is a word, spelt per language (``Words(en="shirt",
    zh="衬衫")``): the page fills in the learner's. Core code names no language of its own."""


@dataclass(frozen=True)
class Answer:
    """What a run says, for one prediction.

    ``value``: the right answer (a number in the guess's units, or one of the choices; for a
    sketch, the curve's value at ``at``). ``numbers``: for the question's "why" sentence.
    ``x``/``y``: the evidence the guess is drawn over: for a number, a curve whose y is in the
    guess's units (the guess becomes a line across it); for a sketch, the curve the learner's
    sketch is compared with (numeric ``x``); for a choice, ``x`` may be the choices themselves
    (bars, the guessed one marked).
    """

    value: float | str
    numbers: Mapping[str, Any] = field(default_factory=dict)
    why: str = "why"
    x: tuple = ()
    y: tuple = ()
    x_title: str = ""  # i18n keys of the axis titles
    y_title: str = ""
    log_y: bool = False
    at: float | str | None = None  # the x where the answer sits on the curve (default: the last x)


@dataclass(frozen=True)
class Verdict:
    """A challenge's check of the learner's run: passed or not, and the numbers that say how far
    off. ``says`` picks the sentence (``learn.<id>.<says>``): "passed", "off", or a rule the run
    broke (e.g. "rule" when the challenge allows changing only one control)."""

    passed: bool
    numbers: Mapping[str, Any] = field(default_factory=dict)
    says: str = ""

    @property
    def sentence(self) -> str:
        return self.says or ("passed" if self.passed else "off")


@dataclass(frozen=True)
class Prediction:
    id: str
    section: str
    plan: Plan
    answer: Callable[[Any, Any], Answer]  # (result, settings) -> Answer
    choices: tuple = ()  # a choice question; else a number in [lo, hi]
    lo: float = 0.0
    hi: float = 100.0
    step: float = 1.0
    start: float | None = None  # where the guess slider starts (default: the middle)
    unit: str = ""  # after a number: "%", "×"
    digits: int = 1  # decimals a number is shown with
    tol: float = 0.0  # a number guess within tol of the answer counts as close
    ask: Callable[[Any], Mapping[str, Any]] | None = None  # numbers for the question, from settings
    label: str = "compute.running"  # the progress bar's words while the answer computes
    # A sketch: the x where the learner sets the curve's y (each in [lo, hi] by step), from settings;
    # the guess is ((x, y), ...) and ``tol`` bounds its mean distance from the run's curve.
    knots: Callable[[Any], tuple[float, ...]] | None = None
    x_title: str = ""  # a sketch's axis titles (i18n keys), on the pad before the answer exists
    y_title: str = ""

    @property
    def kind(self) -> str:
        return "sketch" if self.knots else "choice" if self.choices else "number"

    def question_numbers(self, settings: Any) -> Mapping[str, Any]:
        return self.ask(settings) if self.ask else {}

    def show(self, value: float | str) -> str:
        """A number as the learner reads it (choices are labelled by the UI)."""
        if isinstance(value, str):
            return value
        return f"{value:.{self.digits}f}{self.unit}"

    def close(self, guess: Any, answer: Answer) -> bool:
        """Right choice, a number within ``tol`` of the run's, or a sketch within ``tol`` of the
        run's curve on average."""
        if self.choices:
            return guess == answer.value
        if self.knots:
            gap = sketch_gap(guess, answer)
            return gap is not None and gap.mean <= self.tol + 1e-12
        return abs(float(guess) - float(answer.value)) <= self.tol + 1e-12


@dataclass(frozen=True)
class SketchGap:
    """How far a sketch lies from the run's curve, over the sketch's points inside the curve's x range
    (``inside``; a sketch drawn for other settings may reach beyond it): ``run`` is the curve at each
    point's x (linear between the run's points), ``mean`` the mean absolute gap, ``worst`` the
    largest, at ``at``."""

    run: tuple[float, ...]
    inside: tuple[bool, ...]
    mean: float
    worst: float
    at: float


def sketch_gap(sketch: Sequence[tuple[float, float]], answer: Answer) -> SketchGap | None:
    """Compare the learner's ``sketch`` ((x, y) points) with the run's curve ``answer.x, answer.y``;
    None when no point of the sketch lies over the curve."""
    if not sketch or not answer.x:
        return None
    xs = np.asarray(answer.x, dtype=float)
    order = np.argsort(xs, kind="stable")
    at = np.array([x for x, _ in sketch], dtype=float)
    run = np.interp(at, xs[order], np.asarray(answer.y, dtype=float)[order])
    eps = 1e-9 * max(1.0, float(np.abs(xs).max()))
    inside = (at >= xs.min() - eps) & (at <= xs.max() + eps)
    if not inside.any():
        return None
    gaps = np.where(inside, np.abs(run - np.array([y for _, y in sketch], dtype=float)), -1.0)
    i = int(np.argmax(gaps))
    return SketchGap(
        tuple(float(v) for v in run), tuple(bool(v) for v in inside), float(gaps[inside].mean()), float(gaps[i]),
        float(at[i]),
    )  # fmt: skip


@dataclass(frozen=True)
class Challenge:
    id: str
    section: str
    plan: Plan  # the learner's run at the page's current settings
    check: Callable[[Any, Any], Verdict]  # (result, settings) -> Verdict
    ask: Callable[[Any], Mapping[str, Any]] | None = None  # numbers for the goal sentence
    label: str = "compute.running"
    hints: int = 2

    def goal_numbers(self, settings: Any) -> Mapping[str, Any]:
        return self.ask(settings) if self.ask else {}


PREDICTIONS: dict[str, Prediction] = {}
CHALLENGES: dict[str, Challenge] = {}


def _new(id: str, section: str) -> None:
    if section not in SECTIONS:
        raise ValueError(f"{id}: unknown section {section!r}")
    if id in PREDICTIONS or id in CHALLENGES:
        raise ValueError(f"{id}: declared twice")


def prediction(id: str, *, section: str, plan: Plan, answer: Callable[[Any, Any], Answer], **how: Any) -> Prediction:
    """Declare a prediction (``how``: the guess widget's ``choices``, or ``lo``/``hi``/``step`` for a
    number, or ``knots`` with ``lo``/``hi``/``step`` and ``x_title``/``y_title`` for a sketch;
    ``unit``, ``digits``, ``tol``, ``ask``, ``label``)."""
    _new(id, section)
    p = Prediction(id, section, plan, answer, **how)
    if not p.choices and not p.lo < p.hi:
        raise ValueError(f"{id}: a number guess needs lo < hi")
    if p.knots and p.choices:
        raise ValueError(f"{id}: a sketch has no choices")
    PREDICTIONS[id] = p
    return p


def challenge(id: str, *, section: str, plan: Plan, check: Callable[[Any, Any], Verdict], **how: Any) -> Challenge:
    """Declare a challenge (``how``: ``ask``, ``label``, ``hints``)."""
    _new(id, section)
    c = Challenge(id, section, plan, check, **how)
    CHALLENGES[id] = c
    return c


def _result(item: Prediction | Challenge, settings: Any, compute: Callable[[Callable, Hashable], Any] | None) -> Any:
    from mlp_lab.store import cached

    fn, config = item.plan(settings)
    return (compute or cached)(fn, config)


def answer_of(p: Prediction, settings: Any, compute: Callable[[Callable, Hashable], Any] | None = None) -> Answer:
    """``p``'s answer at ``settings``: its planned computation (through ``compute``, the page's
    cached path; by default the core store) read by ``p.answer``."""
    return p.answer(_result(p, settings, compute), settings)


def verdict_of(c: Challenge, settings: Any, compute: Callable[[Callable, Hashable], Any] | None = None) -> Verdict:
    """``c``'s verdict on the run at ``settings`` (computed through ``compute``, or the core store)."""
    return c.check(_result(c, settings, compute), settings)


# --- the chapter's exercises (the book's sections 3.1 to 3.9, in our own summary) ------------------
# Kinds as the reference summary marks them: explore (a run answers it), derive (pen and paper,
# checked numerically where it can be), discuss (a worked answer to reveal). An exercise is covered
# once a page offers it as a guided task (the exercises issue declares those).
EXERCISE_KINDS = {
    "3.1": ("derive", "derive", "derive", "discuss"),
    "3.2": ("explore", "explore", "explore", "explore", "discuss", "discuss"),
    "3.3": ("explore", "explore", "explore"),
    "3.4": ("derive", "explore", "explore", "discuss"),
    "3.5": ("explore", "explore", "derive", "derive", "discuss", "derive"),
    "3.6": ("explore", "explore", "explore", "discuss", "explore", "explore", "explore"),
    "3.7": ("derive", "derive", "derive", "discuss", "discuss"),
    "3.8": ("discuss", "explore", "derive", "discuss"),
    "3.9": ("discuss", "explore", "explore", "discuss"),
}
# The book's file of each section (d2l-zh, chapter_multilayer-perceptrons/), for the link to its
# exercises: the question is ours, the original wording is the book's.
BOOK_FILES = {
    "3.1": "mlp", "3.2": "mlp-scratch", "3.3": "mlp-concise", "3.4": "underfit-overfit", "3.5": "weight-decay",
    "3.6": "dropout", "3.7": "backprop", "3.8": "numerical-stability-and-init", "3.9": "environment",
}  # fmt: skip


@dataclass(frozen=True)
class Finding:
    """What a run says for an explore exercise: the numbers of its sentence
    (``ex.<id>.<says>``) and, optionally, the evidence as curves over ``x`` (``series``: a name,
    the i18n key ``ex.<id>.s.<name>`` or a plain label, to its y values)."""

    numbers: Mapping[str, Any] = field(default_factory=dict)
    says: str = "finding"
    x: tuple = ()
    series: Mapping[str, tuple] = field(default_factory=dict)
    x_title: str = ""  # i18n keys of the axis titles
    y_title: str = ""
    log_y: bool = False
    log_x: bool = False


@dataclass(frozen=True)
class Check:
    """A numerical check of a worked answer (``ex.<id>.check.<name>``, formatted with the numbers):
    ``run(settings)`` computes ``(gap, numbers)``; the answer holds when ``gap <= tol``. A check
    computes both sides from the worked answer's formula, so a wrong formula shows as a gap."""

    name: str
    run: Callable[[Any], tuple[float, Mapping[str, Any]]]
    tol: float = 1e-6


@dataclass(frozen=True)
class CheckResult:
    name: str
    passed: bool
    gap: float
    tol: float
    numbers: Mapping[str, Any]


@dataclass(frozen=True)
class Exercise:
    """One of the book's exercises as a guided task on its section's page.

    Words (the topic's i18n module): ``ex.<id>.q`` the question in our own words, ``ex.<id>.try``
    what to try (explore), ``ex.<id>.answer`` the worked answer behind a reveal (derive and discuss;
    optional for explore), and the finding's and checks' sentences. ``plan``/``read``: the run that
    answers it, at the settings it is shown with (its own ``settings`` dataclass, drawn in its box
    with ``layout``, or the page's). ``controls``: the address-bar keys of the controls it names.
    """

    id: str
    plan: Plan | None = None
    read: Callable[[Any, Any], Finding] | None = None  # (result, settings) -> Finding
    checks: tuple[Check, ...] = ()
    controls: tuple[str, ...] = ()
    settings: type | None = None
    layout: tuple = ()
    label: str = "compute.running"

    @property
    def section(self) -> str:
        return self.id.rsplit(".", 1)[0]

    @property
    def number(self) -> int:
        return int(self.id.rsplit(".", 1)[1])

    @property
    def kind(self) -> str:
        return EXERCISE_KINDS[self.section][self.number - 1]

    @property
    def book_file(self) -> str:
        return BOOK_FILES[self.section]


EXERCISE_TASKS: dict[str, Exercise] = {}  # "3.5.3" -> its guided task, once a page offers it


def exercise(id: str, **how: Any) -> Exercise:
    """Declare the guided task of exercise ``id`` ("3.5.3"; ``how``: ``plan`` and ``read``,
    ``checks``, ``controls``, ``settings`` and ``layout``, ``label``)."""
    section = id.rsplit(".", 1)[0]
    if section not in EXERCISE_KINDS or id not in exercise_ids(section):
        raise ValueError(f"{id}: the book has no such exercise")
    if id in EXERCISE_TASKS:
        raise ValueError(f"{id}: declared twice")
    ex = Exercise(id, **how)
    if (ex.plan is None) != (ex.read is None):
        raise ValueError(f"{id}: a run needs both plan and read")
    EXERCISE_TASKS[id] = ex
    return ex


def finding_of(ex: Exercise, settings: Any, compute: Callable[[Callable, Hashable], Any] | None = None) -> Finding:
    """What ``ex``'s run at ``settings`` says (through ``compute``, the page's cached path)."""
    from mlp_lab.store import cached

    assert ex.plan is not None and ex.read is not None, f"{ex.id} has no run"
    fn, config = ex.plan(settings)
    return ex.read((compute or cached)(fn, config), settings)


def checks_of(ex: Exercise, settings: Any = None) -> list[CheckResult]:
    """Every numerical check of ``ex``'s worked answer, computed now (they take milliseconds)."""
    out = []
    for c in ex.checks:
        gap, numbers = c.run(settings)
        out.append(CheckResult(c.name, bool(gap <= c.tol), float(gap), c.tol, {**numbers, "gap": gap, "tol": c.tol}))
    return out


def exercise_ids(section: str) -> tuple[str, ...]:
    return tuple(f"{section}.{i}" for i in range(1, len(EXERCISE_KINDS[section]) + 1))


def counts() -> dict[str, dict[str, int]]:
    """Per section: predictions and challenges declared, exercises in the book and covered."""
    import mlp_lab.activities  # noqa: F401 (registers every declaration)

    out = {}
    for s in SECTIONS:
        ids = exercise_ids(s)
        out[s] = {
            "predictions": sum(p.section == s for p in PREDICTIONS.values()),
            "challenges": sum(c.section == s for c in CHALLENGES.values()),
            "exercises_total": len(ids),
            "exercises_covered": sum(i in EXERCISE_TASKS for i in ids),
        }
    return out
