"""Teacher links on a page (``mlp_lab.teacher``): locked and hidden controls, the chosen activity,
and presenter mode, one step at a time.

Presenter mode runs the page as usual (its computations are the ones a class already warmed) and
shows of it only the title, the current step (a prediction, challenge or exercise, in page order)
and the controls that step reads, large, with Back and Next. Predictions reveal on click as always.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from mlp_lab import teacher
from mlp_lab.teacher import TeacherLink
from mlp_lab.ui import a11y
from mlp_lab.ui.i18n import t

STEPS_KEY = "_present_steps"  # this run's activities, in page order
AT_KEY = "_present_at"  # the step shown (kept across runs)
FORMS_KEY = "_present_forms"  # this run: id(settings) -> its form's container key
KEEP_KEY = "_present_keep"  # this run: form containers the current step reads


def current() -> TeacherLink:
    """The teacher link in the address bar (the gate has dropped any part that did not fit)."""
    params = {k: st.query_params.get_all(k) for k in teacher.KEYS if k in st.query_params}
    return teacher.parse(params)[0]


ON_KEY = "_present_on"  # this run: presenter mode on a topic page


def presenting() -> bool:
    return bool(st.session_state.get(ON_KEY))


def locked(key: str) -> bool:
    return key in current().lock


def hidden(key: str) -> bool:
    return key in current().hide


def focused(id: str) -> bool:
    return current().focus == id


def start_run(page: str, topic: bool) -> bool:
    """app.py, before the page: whether this run presents (a link's ``present`` on a topic page),
    a fresh count of its steps and forms; another page or another link's focus starts presenting
    from its own first step."""
    st.session_state[ON_KEY] = topic and current().present
    lesson = (page, current().focus)
    if st.session_state.get("_present_lesson") != lesson:
        st.session_state["_present_lesson"] = lesson
        st.session_state.pop(AT_KEY, None)
    st.session_state[STEPS_KEY] = []
    st.session_state[FORMS_KEY] = {}
    st.session_state[KEEP_KEY] = []
    return st.session_state[ON_KEY]


def form_container() -> Any:
    """In presenter mode a form draws into a keyed container, so the current step can keep it in
    view; otherwise the page itself."""
    if not presenting():
        return None
    n = len(st.session_state.setdefault(FORMS_KEY, {}))
    return st.container(key=f"pform_{n}")


def register_form(settings: Any, where: Any) -> None:
    if where is not None:
        forms = st.session_state.setdefault(FORMS_KEY, {})
        forms[id(settings)] = f"pform_{len(forms)}"


def is_step(activity: str, settings: Any = None) -> bool:
    """Count ``activity`` as a step of this page; True when it should be drawn now (always, outside
    presenter mode). The first run of a link opens on its ``focus``."""
    if not presenting():
        return True
    steps = st.session_state.setdefault(STEPS_KEY, [])
    steps.append(activity)
    at = st.session_state.get(AT_KEY)
    now = (activity == current().focus) if at is None else (len(steps) - 1 == at)
    if now:
        forms = st.session_state.get(FORMS_KEY, {})
        keep = forms.get(id(settings)) if settings is not None else None
        # A step whose settings came from no form of its own (or were derived) keeps every form.
        st.session_state[KEEP_KEY] = [keep] if keep else list(forms.values())
    return now


def stage(key: str = "present_stage") -> Any:
    return st.container(key=key, border=True)


def _go(to: int) -> None:
    st.session_state[AT_KEY] = to


def _leave() -> None:
    st.query_params.pop(teacher.PRESENT, None)
    st.session_state.pop(AT_KEY, None)


def presenter_bar(where: Any) -> None:
    """After the page ran: the step counter and Back/Next in ``where`` (a container app.py placed
    above the page), and the presenter style. A step index past this page's steps (another page
    before) starts again at the first step."""
    steps = st.session_state.get(STEPS_KEY, [])
    at = st.session_state.get(AT_KEY)
    if at is None:
        focus = current().focus
        at = steps.index(focus) if focus in steps else 0
        if focus not in steps and steps:
            st.session_state[AT_KEY] = 0
            st.rerun()  # the page drew no step this run: draw the first
        st.session_state[AT_KEY] = at
    elif steps and at >= len(steps):
        st.session_state[AT_KEY] = 0
        st.rerun()
    with where:
        if not steps:
            st.info(t("present.no_steps"), icon="🧑‍🏫")
        else:
            back, mid, nxt, leave = st.columns([1, 3, 1, 1.4], vertical_alignment="center")
            back.button(f"◀ {t('present.back')}", key="present_back", disabled=at == 0, on_click=_go, args=(at - 1,),
                        width="stretch")  # fmt: skip
            mid.markdown(f"**{t('present.step', n=at + 1, of=len(steps))}**")
            nxt.button(f"{t('present.next')} ▶", key="present_next", disabled=at >= len(steps) - 1, type="primary",
                       on_click=_go, args=(at + 1,), width="stretch")  # fmt: skip
            leave.button(t("present.leave"), key="present_leave", on_click=_leave, width="stretch")
    a11y.presenter_style(st.session_state.get(KEEP_KEY, []))


def lesson_note() -> None:
    """Outside presenter mode: one line saying a teacher's link set this page up."""
    link = current()
    if link.lock or link.hide:
        st.info(t("teacher.note"), icon="🧑‍🏫")


# --- the home page's link builder ------------------------------------------------------------------
def activity_label(id: str) -> str:
    """How the builder names an activity: its kind and its title (an exercise) or its question,
    the numbers it fills in from the page's settings left as "…"."""
    import re

    from mlp_lab.learn import CHALLENGES, EXERCISE_TASKS
    from mlp_lab.ui.i18n import CATALOGUE

    if not id:
        return t("teach.focus_none")
    if id in EXERCISE_TASKS:
        return f"{t('teach.kind.exercise')} {id} · {t(f'ex.{id}.title')}"
    kind, key = ("challenge", f"learn.{id}.goal") if id in CHALLENGES else ("prediction", f"learn.{id}.q")
    text = re.sub(r"\{[^}]*\}", "…", t(key) if key in CATALOGUE else id)
    text = re.sub(r"[*_`]", "", text)
    return f"{t(f'teach.kind.{kind}')} · {text[:90]}{'…' if len(text) > 90 else ''}"


def link_builder() -> None:
    """A small form: page, the activity to open on, controls to lock and hide with their values,
    presenter mode; the link it makes, to copy or open."""
    from mlp_lab.ui.controls import widget
    from mlp_lab.ui.i18n import current_lang
    from mlp_lab.ui.pages import TOPICS

    # Options are the labels the teacher reads (no format_func): they change with the language.
    with st.expander(f"🧑‍🏫 {t('teach.title')}"):
        st.markdown(t("teach.intro"))
        pages = {t(s.title_key): s for s in TOPICS}
        spec = pages[st.selectbox(t("teach.page"), list(pages), key="teach_page")]
        activities = {activity_label(i): i for i in ["", *teacher.page_activities(spec.sections)]}
        focus = activities[st.selectbox(t("teach.focus"), list(activities), key=f"teach_focus_{spec.url_path}")]
        controls = {c.key: c for c in teacher.page_controls(spec.url_path)}
        named = {f"{t(c.label)} · {k}": k for k, c in controls.items()}  # two controls may share a label
        lock = [named[n] for n in st.multiselect(t("teach.lock"), list(named), key=f"teach_lock_{spec.url_path}")]
        free = [n for n, k in named.items() if k not in lock]
        hide = [named[n] for n in st.multiselect(t("teach.hide"), free, key=f"teach_hide_{spec.url_path}")]
        values = {}
        if lock or hide:
            st.caption(t("teach.values"))
            for k in (*lock, *hide):
                values[k] = widget(controls[k], key=f"teach_value_{k}")
        present = st.toggle(t("teach.present"), key="teach_present")
        url = teacher.link(spec.url_path, values=values, lock=lock, hide=hide, focus=focus, present=present,
                           lang=current_lang())  # fmt: skip
        st.markdown(t("teach.link"))
        st.code(url, language=None)
        st.markdown(f"[{t('teach.open')} ↗]({url})")
