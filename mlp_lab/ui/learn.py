"""Predictions and challenges on a page, and the learner's progress in this browser session.

A page places a declared activity (``mlp_lab.learn``) by id::

    learn.predict("wd.norm_at_3", settings)
    learn.challenge("wd.smallest_lambda", settings)

``predict``: the question, a guess widget (a slider, a choice, or a curve to sketch: click on the pad
or move its sliders), and only once the learner commits (Reveal) the answer of the current settings'
cached computation, the guess drawn over it and one sentence on why. The guess
stays committed; change a setting and the revealed answer follows. ``challenge``: the goal, the
verdict on the learner's run at the current settings (passed, or how far off), and up to two
hints. Progress lives in the session only: no account, nothing stored on the server's disk.
"""

from __future__ import annotations

import contextlib
import functools
from typing import Any

import streamlit as st

from mlp_lab.data import DataError
from mlp_lab.learn import (
    CHALLENGES,
    EXERCISE_TASKS,
    PREDICTIONS,
    Answer,
    Exercise,
    Prediction,
    Words,
    checks_of,
    sketch_gap,
)
from mlp_lab.ui import a11y, runner
from mlp_lab.ui import learn_charts as charts
from mlp_lab.ui import teacher as lesson
from mlp_lab.ui.i18n import CATALOGUE, current_lang, t

PROGRESS_KEY = "_mlp_lab_progress"


def progress() -> dict[str, set[str]]:
    """This session's progress: predictions revealed, challenges passed, exercises opened."""
    return st.session_state.setdefault(PROGRESS_KEY, {"predicted": set(), "passed": set(), "exercises": set()})


def words(numbers: Any) -> dict[str, Any]:
    """``numbers`` with every ``Words`` value in the learner's language."""
    lang = current_lang()
    return {k: (v.get(lang) or v["en"]) if isinstance(v, Words) else v for k, v in dict(numbers).items()}


def choice_label(p: Prediction, choice: Any) -> str:
    key = f"learn.{p.id}.c.{choice}"
    return t(key) if key in CATALOGUE else str(choice)


def shown(p: Prediction, value: Any) -> str:
    return choice_label(p, value) if p.choices else p.show(value)


def _guess_key(id: str) -> str:
    return f"learn_guess_{id}"


def _committed_key(id: str) -> str:
    return f"_learn_committed_{id}"


def _knot_key(id: str, i: int) -> str:
    return f"{_guess_key(id)}_{i}"


def _pad_key(id: str) -> str:
    return f"learn_pad_{id}"


def _commit(id: str, knots: tuple[float, ...] = ()) -> None:
    value = st.session_state.get(_guess_key(id))
    p = PREDICTIONS[id]
    if p.knots:  # the sketch as drawn: its own x, so a later change of settings keeps the guess whole
        value = tuple((x, float(st.session_state.get(_knot_key(id, i), _start(p)))) for i, x in enumerate(knots))
    elif p.choices:  # the radio holds the label the learner read; the guess is its choice
        value = next((c for c in p.choices if choice_label(p, c) == value), None)
    st.session_state[_committed_key(id)] = value


def _forget(id: str) -> None:
    st.session_state.pop(_committed_key(id), None)


def _start(p: Prediction) -> float:
    return p.start if p.start is not None else (p.lo + p.hi) / 2


def _snap(p: Prediction, y: float) -> float:
    """``y`` on the slider's grid, inside [lo, hi]."""
    y = min(max(float(y), p.lo), p.hi)
    return round(p.lo + round((y - p.lo) / p.step) * p.step, 10)


def _drawn(id: str, knots: tuple[float, ...]) -> None:
    """A click on the sketch pad: the knot of the nearest column moves to the height clicked."""
    p = PREDICTIONS[id]
    event = st.session_state.get(_pad_key(id)) or {}
    for point in (event.get("selection") or {}).get("pick") or []:
        try:
            i, y = int(point["i"]), float(point["y"])
        except (KeyError, TypeError, ValueError):
            continue  # a malformed event changes nothing
        if 0 <= i < len(knots):
            st.session_state[_knot_key(id, i)] = _snap(p, y)


def _sketch_widget(p: Prediction, settings: Any) -> tuple[tuple[float, float], ...]:
    """The pad (click near a dot: the point in that column moves there) and one slider per knot,
    the keyboard's way to the same sketch. Returns the sketch as it stands."""
    knots = p.knots(settings) if p.knots else ()
    keys = [_knot_key(p.id, i) for i in range(len(knots))]
    values = [float(st.session_state.get(k, _start(p))) for k in keys]
    x_title = t(p.x_title) if p.x_title else "x"
    chart = charts.sketch_pad(p, knots, values, x_title, t(p.y_title) if p.y_title else "y")
    points = ", ".join(f"{x:g}: {p.show(y)}" for x, y in zip(knots, values, strict=True))
    alt = t("learn.pad_alt", x=x_title, points=points)
    st.altair_chart(a11y.quiet_marks(chart), alt=alt, on_select=functools.partial(_drawn, p.id, knots),
                    selection_mode="pick",
                    key=_pad_key(p.id), width="stretch")  # fmt: skip
    st.caption(t("learn.pad_help"))
    fmt = f"%.{p.digits}f" + p.unit.replace("%", "%%")
    per_row = 5
    for row in range(0, len(knots), per_row):
        for col, i in zip(st.columns(per_row), range(row, min(row + per_row, len(knots))), strict=False):
            start = None if keys[i] in st.session_state else _start(p)
            col.slider(t(f"learn.{p.id}.at", x=knots[i]), float(p.lo), float(p.hi), start, float(p.step),
                       key=keys[i], format=fmt)  # fmt: skip
    return tuple((x, float(st.session_state.get(k, _start(p)))) for x, k in zip(knots, keys, strict=True))


def _guess_widget(p: Prediction, settings: Any) -> Any:
    if p.knots:
        return _sketch_widget(p, settings)
    label = t("learn.your_guess")
    key = _guess_key(p.id)
    if p.choices:
        # Labels as the options (not a format_func): they are what the learner reads and picks.
        return st.radio(label, [choice_label(p, c) for c in p.choices], index=None, key=key, horizontal=True)
    start = None if key in st.session_state else _start(p)
    fmt = f"%.{p.digits}f" + p.unit.replace("%", "%%")
    return st.slider(label, float(p.lo), float(p.hi), start, float(p.step), key=key, format=fmt)


def _box(id: str, settings: Any) -> Any:
    """The activity's bordered box (in presenter mode, the stage), a teacher's chosen one marked;
    None when presenter mode shows another step."""
    if not lesson.is_step(id, settings):
        return None
    box = lesson.stage() if lesson.presenting() else st.container(border=True)
    if lesson.focused(id) and not lesson.presenting():
        box.caption(f"📌 {t('teacher.chosen')}")
    return box


def predict(id: str, settings: Any) -> None:
    """Place prediction ``id``: guess, commit, then the current settings' answer over the guess."""
    p = PREDICTIONS[id]
    box = _box(id, settings)
    if box is None:
        return
    with box:
        st.markdown(f"**🤔 {t('learn.predict')}** · {t(f'learn.{id}.q', **words(p.question_numbers(settings)))}")
        committed = st.session_state.get(_committed_key(id))
        if committed is None:
            guess = _guess_widget(p, settings)
            knots = tuple(x for x, _ in guess) if p.knots else ()
            st.button(t("learn.reveal"), key=f"learn_reveal_{id}", type="primary", disabled=guess is None,
                      on_click=_commit, args=(id, knots))  # fmt: skip
            if guess is None:
                st.caption(t("learn.choose_first"))
            if runner.warming():  # warm's visit stores the answer too, so a reveal in class is instant
                with contextlib.suppress(DataError):
                    runner.cached(*p.plan(settings), label=p.label)
            return
        try:
            fn, config = p.plan(settings)
            answer = p.answer(runner.cached(fn, config, label=p.label), settings)
        except DataError as exc:
            runner.show_data_error(exc)
            return
        progress()["predicted"].add(id)
        _reveal(p, committed, answer)
        st.button(t("learn.again"), key=f"learn_again_{id}", on_click=_forget, args=(id,))


def _reveal(p: Prediction, guess: Any, answer: Answer) -> None:
    if p.knots:
        _reveal_sketch(p, guess, answer)
        return
    numbers = {"guess": shown(p, guess), "answer": shown(p, answer.value)}
    if p.choices:
        verdict = t("learn.right" if p.close(guess, answer) else "learn.wrong", **numbers)
    else:
        off = abs(float(guess) - float(answer.value))
        numbers["off"] = p.show(off)
        verdict = t("learn.close" if p.close(guess, answer) else "learn.off", **numbers)
    why = t(f"learn.{p.id}.{answer.why}", **words(answer.numbers))
    a11y.announce(verdict)
    if answer.x or not p.choices:
        chart, data = charts.overlay(p, guess, answer, lambda v: shown(p, v))
        a11y.chart(chart, t("learn.chart_alt", guess=numbers["guess"], answer=numbers["answer"]), data)
    st.markdown(why)


def _reveal_sketch(p: Prediction, sketch: Any, answer: Answer) -> None:
    """The learner's sketch (dashed, vermillion) over the run's curve, and how far apart they are."""
    why = t(f"learn.{p.id}.{answer.why}", **words(answer.numbers))
    gap = sketch_gap(sketch, answer)
    if gap is None:  # nothing to compare with: a run that learned nothing, or a sketch for another range
        if answer.x:
            st.info(t("learn.sketch_elsewhere"))
        st.markdown(why)
        return
    numbers = {"off": p.show(gap.mean), "worst": p.show(gap.worst), "where": t(f"learn.{p.id}.at", x=gap.at)}
    verdict = t("learn.sketch_close" if p.close(sketch, answer) else "learn.sketch_off", **numbers)
    a11y.announce(verdict)
    chart, data = charts.sketch_overlay(p, sketch, answer, gap)
    a11y.chart(chart, t("learn.sketch_alt", **numbers), data)
    st.markdown(why)


def _asked_key(id: str) -> str:
    return f"_learn_asked_{id}"


def challenge(id: str, settings: Any) -> None:
    """Place challenge ``id``: the goal, the verdict on the run at the current settings, hints."""
    c = CHALLENGES[id]
    box = _box(id, settings)
    if box is None:
        return
    with box:
        st.markdown(f"**🏁 {t('learn.challenge')}** · {t(f'learn.{id}.goal', **words(c.goal_numbers(settings)))}")
        fn, config = c.plan(settings)
        if runner.is_cached(fn, config) or st.session_state.get(_asked_key(id)) or runner.warming():
            try:
                v = c.check(runner.cached(fn, config, label=c.label), settings)
            except DataError as exc:
                runner.show_data_error(exc)
                v = None
            if v is not None:
                sentence = t(f"learn.{id}.{v.sentence}", **words(v.numbers))
                if v.passed:
                    progress()["passed"].add(id)
                    st.success(f"{t('learn.passed')} {sentence}", icon="🏆")
                else:
                    st.warning(f"{t('learn.not_yet')} {sentence}", icon="🎯")
                a11y.announce(t("learn.passed") if v.passed else t("learn.not_yet"), visible=False)
                if not v.passed and id in progress()["passed"]:
                    st.caption(t("learn.passed_before"))
        else:
            st.caption(t("learn.not_checked"))
            st.button(t("learn.check"), key=f"learn_check_{id}", type="primary",
                      on_click=st.session_state.__setitem__, args=(_asked_key(id), True))  # fmt: skip
        _hints(id, c.hints, words(c.goal_numbers(settings)))


def _hints(id: str, count: int, numbers: Any) -> None:
    """Up to ``count`` hints, one more per press; they may name the goal's numbers."""
    key = f"_learn_hints_{id}"
    shown_hints = st.session_state.get(key, 0)
    for i in range(1, shown_hints + 1):
        st.caption(f"💡 {t('learn.hint_n', n=i)} {t(f'learn.{id}.hint{i}', **numbers)}")
    if shown_hints < count:
        st.button(t("learn.hint", n=shown_hints + 1, of=count), key=f"learn_hint_{id}",
                  on_click=st.session_state.__setitem__, args=(key, shown_hints + 1))  # fmt: skip


BOOK_URL = {  # the book's section, where the exercises' original wording is
    "zh": "https://zh.d2l.ai/chapter_multilayer-perceptrons/{file}.html",
    "en": "https://d2l.ai/chapter_multilayer-perceptrons/{file}.html",
}


def book_url(ex: Exercise) -> str:
    return BOOK_URL[current_lang()].format(file=ex.book_file)


def _shown_key(id: str) -> str:
    return f"_ex_answer_{id}"


def _toggle(key: str) -> None:
    st.session_state[key] = not st.session_state.get(key, False)


def exercise(id: str, settings: Any = None) -> Any:
    """Place the guided task of the book's exercise ``id`` ("3.5.3"): the question with a link to
    the book, its own controls if it has any, what to try and the run's finding (explore), the
    worked answer behind a reveal with its numerical checks (derive, discuss). Returns the settings
    it was shown with (its own, or the page's ``settings``)."""
    ex = EXERCISE_TASKS[id]
    title = t(f"ex.{id}.title")
    if not lesson.is_step(id, settings if ex.settings is None else None):
        return settings
    label = f"📘 {t('ex.label', id=id, kind=t(f'ex.kind.{ex.kind}'))} · {title}"
    where = lesson.stage() if lesson.presenting() else st
    if lesson.focused(id) and not lesson.presenting():
        where = st.container(border=True)
        where.caption(f"📌 {t('teacher.chosen')}")
    with where.expander(label, expanded=lesson.presenting() or lesson.focused(id)):
        st.markdown(t(f"ex.{id}.q"))
        st.markdown(f"[{t('ex.book_link', section=ex.section)}]({book_url(ex)})")  # a caption's link is too faint
        if ex.settings is not None:
            from mlp_lab.ui.controls import form  # here: controls imports every topic's declarations
            from mlp_lab.ui.sidebar import global_seed

            settings = form(ex.settings, list(ex.layout), seed=global_seed())  # the sidebar's seed, if it has one
        if f"ex.{id}.try" in CATALOGUE:
            st.markdown(f"🔧 {t(f'ex.{id}.try')}")
        if ex.plan is not None:
            _finding(ex, settings)
        if f"ex.{id}.answer" in CATALOGUE:
            _worked_answer(ex, settings)
    return settings


def exercises_heading(*sections: str) -> None:
    """The heading of a page's exercises section (the exercises follow, in the book's order)."""
    st.subheader(f"📘 {t('ex.section')} ({', '.join(sections)})")
    st.caption(t("ex.section_note"))


def _run_key(id: str) -> str:
    return f"_ex_run_{id}"


def _finding(ex: Exercise, settings: Any) -> None:
    """The run's finding at ``settings``, once the learner asks (then every change of settings
    shows its own at once): a result already in the cache is never shown unasked, so the page does
    not answer before the learner has tried, and the progress counts what the learner did."""
    assert ex.plan is not None and ex.read is not None
    fn, config = ex.plan(settings)
    if not st.session_state.get(_run_key(ex.id)):
        ready = runner.is_cached(fn, config)
        st.caption(t("ex.ready" if ready else "ex.not_run"))
        st.button(t("ex.show" if ready else "ex.run"), key=f"ex_run_{ex.id}", type="primary",
                  on_click=st.session_state.__setitem__, args=(_run_key(ex.id), True))  # fmt: skip
        return
    try:
        finding = ex.read(runner.cached(fn, config, label=ex.label), settings)
    except DataError as exc:
        runner.show_data_error(exc)
        return
    progress()["exercises"].add(ex.id)
    sentence = t(f"ex.{ex.id}.{finding.says}", **words(finding.numbers))
    st.info(f"{t('ex.the_run_says')} {sentence}", icon="🔬")
    if finding.series:

        def name(k: str) -> str:
            key = f"ex.{ex.id}.s.{k}"
            return t(key) if key in CATALOGUE else k

        chart, data = charts.finding_chart(name, finding)
        names = ", ".join(name(k) for k in finding.series)
        a11y.chart(chart, t("ex.chart_alt", names=names, sentence=sentence), data)


def _worked_answer(ex: Exercise, settings: Any) -> None:
    key = _shown_key(ex.id)
    shown_now = st.session_state.get(key, False)
    label = t("ex.hide_answer") if shown_now else t("ex.show_answer")
    st.button(label, key=f"ex_answer_{ex.id}", on_click=_toggle, args=(key,))
    if not shown_now:
        return
    progress()["exercises"].add(ex.id)
    st.markdown(t(f"ex.{ex.id}.answer"))
    for r in checks_of(ex, settings):
        sentence = t(f"ex.{ex.id}.check.{r.name}", **words(r.numbers))
        verdict = t("ex.check_ok" if r.passed else "ex.check_bad", gap=r.gap, tol=r.tol)
        (st.success if r.passed else st.error)(f"{sentence} {verdict}", icon="✅" if r.passed else "❌")


def section_progress(section: str) -> dict[str, int]:
    """For the home page: this session's predictions made and challenges passed in ``section``."""
    done = progress()
    return {
        "predicted": sum(p.section == section and i in done["predicted"] for i, p in PREDICTIONS.items()),
        "predictions": sum(p.section == section for p in PREDICTIONS.values()),
        "passed": sum(c.section == section and i in done["passed"] for i, c in CHALLENGES.items()),
        "challenges": sum(c.section == section for c in CHALLENGES.values()),
        "explored": sum(e.section == section and i in done["exercises"] for i, e in EXERCISE_TASKS.items()),
        "exercises": sum(e.section == section for e in EXERCISE_TASKS.values()),
    }
