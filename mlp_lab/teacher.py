"""Teacher links: a page address that fixes some controls (shown, locked), hides others, opens on a
given prediction, challenge or exercise, and may start in presenter mode.

The link is ordinary address-bar state, checked like every other value: ``lock`` and ``hide`` name
controls by their address-bar key (comma-separated), ``focus`` names an activity, ``present=1``
starts presenter mode. ``parse`` keeps what fits and reports what it dropped; ``link`` writes one.

No streamlit here: the command line and the tests use it too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, is_dataclass
from typing import Any
from urllib.parse import urlencode

from mlp_lab import topics
from mlp_lab.controls import Control, all_controls, controls_of
from mlp_lab.learn import CHALLENGES, EXERCISE_TASKS, PREDICTIONS, SECTIONS

LOCK, HIDE, FOCUS, PRESENT = "lock", "hide", "focus", "present"
KEYS = (LOCK, HIDE, FOCUS, PRESENT)
MAX_NAMES = 32  # controls one link may name; no page has more


@dataclass(frozen=True)
class TeacherLink:
    lock: frozenset[str] = frozenset()
    hide: frozenset[str] = frozenset()
    focus: str = ""
    present: bool = False

    @property
    def active(self) -> bool:
        return bool(self.lock or self.hide or self.focus or self.present)


def activity_ids() -> set[str]:
    return {*PREDICTIONS, *CHALLENGES, *EXERCISE_TASKS}


def _names(raw: list[str]) -> list[str]:
    return [n for text in raw for n in text.split(",") if n]


def parse(params: Mapping[str, list[str]]) -> tuple[TeacherLink, list[str]]:
    """The teacher link in ``params`` (each key to all its values, as the address bar has them) and
    the keys whose value was refused (an unknown control, an unknown activity, a ``present`` that is
    not 1/0/true/false): those parts are dropped, the rest still holds."""
    bad: list[str] = []
    known = all_controls()
    sets: dict[str, frozenset[str]] = {}
    for key in (LOCK, HIDE):
        names = _names(params.get(key, []))
        if len(names) > MAX_NAMES or any(n not in known for n in names):
            bad.append(key)
            names = []
        sets[key] = frozenset(names)
    focus = params.get(FOCUS, [])
    if len(focus) > 1 or (focus and focus[0] not in activity_ids()):
        bad.append(FOCUS)
        focus = []
    present = params.get(PRESENT, [])
    if len(present) > 1 or (present and present[0].lower() not in ("1", "0", "true", "false")):
        bad.append(PRESENT)
        present = []
    on = bool(present) and present[0].lower() in ("1", "true")
    return TeacherLink(sets[LOCK], sets[HIDE] - sets[LOCK], focus[0] if focus else "", on), bad


# --- what a page offers, for the home page's link builder --------------------------------------------
PAGE_MODULES = {  # a page's url_path -> the experiments module that declares its controls
    "activations": "activations", "mlp": "mlp", "fitting": "fitting", "weight-decay": "weight_decay",
    "dropout": "dropout", "backprop": "backprop", "stability": "stability", "shift": "shift",
}  # fmt: skip


def page_controls(url_path: str) -> list[Control]:
    """The controls declared by the page's experiments module, in declaration order (the global
    seed comes from the sidebar and is not a page's to lock)."""
    name = PAGE_MODULES[url_path]
    module = next(m for m in topics.MODULES if m.__name__.rsplit(".", 1)[-1] == name)
    seen: dict[str, Control] = {}
    for value in vars(module).values():
        if isinstance(value, type) and is_dataclass(value) and value.__module__ == module.__name__:
            for spec in controls_of(value).values():
                seen.setdefault(spec.key, spec)
    return list(seen.values())


def page_activities(sections: Iterable[str]) -> list[str]:
    """Predictions, challenges and exercises of ``sections``, in that order."""
    wanted = [s for s in sections if s in SECTIONS]
    ids = [i for i, p in PREDICTIONS.items() if p.section in wanted]
    ids += [i for i, c in CHALLENGES.items() if c.section in wanted]
    ids += sorted((i for i, e in EXERCISE_TASKS.items() if e.section in wanted), key=lambda i: EXERCISE_TASKS[i].number)
    return ids


def link(url_path: str, *, values: Mapping[str, Any], lock: Iterable[str] = (), hide: Iterable[str] = (),
         focus: str = "", present: bool = False, lang: str = "") -> str:  # fmt: skip
    """The relative address of a teacher link: ``values`` (address-bar key -> value) written as
    each control writes itself, then the link's own keys."""
    specs = all_controls()
    query: list[tuple[str, str]] = [("lang", lang)] if lang else []
    for key, value in values.items():
        spec = specs[key]
        items = value if spec.kind in ("multi", "range") else (value,)
        query += [(key, spec.show(v)) for v in items]
    if lock := sorted(lock):
        query.append((LOCK, ",".join(lock)))
    if hide := sorted(set(hide) - set(lock)):
        query.append((HIDE, ",".join(hide)))
    if focus:
        query.append((FOCUS, focus))
    if present:
        query.append((PRESENT, "1"))
    return f"/{url_path}?{urlencode(query)}"
