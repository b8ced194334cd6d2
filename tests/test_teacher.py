"""Teacher links and presenter mode: the link's parts checked like every address-bar value, locked
and hidden controls, the chosen activity, one step at a time, and the home page's builder."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest

from mlp_lab import teacher
from mlp_lab.learn import EXERCISE_TASKS
from mlp_lab.ui.i18n import lookup
from tests.test_app import run_app

WD = "pages/weight-decay.py"


def test_parse_keeps_what_fits_and_names_what_it_dropped() -> None:
    link, bad = teacher.parse({"lock": ["wd_lambda,wd_penalty"], "hide": ["wd_penalty,wd_l1"], "focus": ["wd.norm"],
                               "present": ["1"]})  # fmt: skip
    assert link.lock == {"wd_lambda", "wd_penalty"} and link.hide == {"wd_l1"}  # locked wins over hidden
    assert link.focus == "wd.norm" and link.present and not bad
    link, bad = teacher.parse({"lock": ["wd_lambda,rm -rf"], "focus": ["nope"], "present": ["yes"], "hide": ["seed"]})
    assert bad == ["lock", "focus", "present"]
    assert not link.lock and not link.focus and not link.present and link.hide == {"seed"}
    assert teacher.parse({"focus": ["3.5.1", "3.1.3"]})[1] == ["focus"]  # given twice


def test_a_page_offers_its_own_controls_and_activities() -> None:
    keys = [c.key for c in teacher.page_controls("weight-decay")]
    assert {"wd_lambda", "wd_penalty", "wd_l1", "wd_l2"} <= set(keys)
    assert not any(k.startswith(("mlp_", "drop")) for k in keys)
    ids = teacher.page_activities(("3.5",))
    assert ids[:3] == ["wd.norm", "wd.test_effect", "wd.smallest_within"]
    assert [i for i in ids if i in EXERCISE_TASKS] == sorted(i for i, e in EXERCISE_TASKS.items() if e.section == "3.5")


def _open(url: str, lang: str = "en"):
    parts = urlsplit(url)
    params: dict[str, str] = {}
    for k, v in parse_qsl(parts.query):
        params[k] = v
    params.pop("lang", None)
    return run_app(lang, page=f"pages/{parts.path.strip('/')}.py", **params)


def test_a_link_locks_hides_and_presents_from_its_chosen_step() -> None:
    url = teacher.link("weight-decay", values={"wd_lambda": 3.0, "wd_penalty": "L1"}, lock=["wd_lambda"],
                       hide=["wd_penalty"], focus="wd.test_effect", present=True)  # fmt: skip
    at = _open(url)
    assert not at.exception
    lam = at.slider(key="wd_lambda")
    assert lam.value == 3.0 and lam.disabled and lam.label.startswith("🔒")
    assert not [b for b in at.get("button_group") if b.key == "wd_penalty"]  # hidden ...
    steps = teacher.page_activities(("3.5",))
    bar = [m.value for m in at.markdown if m.value.startswith("**Step")]
    assert bar == [f"**Step {steps.index('wd.test_effect') + 1} of {len(steps)}**"]
    # ... and its value holds: the chosen question is asked about L1
    assert [r for r in at.radio if r.key == "learn_guess_wd.test_effect"]
    assert not [s for s in at.slider if s.key == "learn_guess_wd.norm"]  # one step at a time
    at.button(key="present_next").click().run()
    assert [m.value for m in at.markdown if m.value.startswith("**Step")] == [f"**Step 3 of {len(steps)}**"]
    assert [b for b in at.button if b.key == "learn_check_wd.smallest_within"] or at.success or at.warning
    at.button(key="present_back").click().run()
    at.button(key="present_back").click().run()
    assert [s for s in at.slider if s.key == "learn_guess_wd.norm"]
    at.button(key="present_leave").click().run()
    assert "present" not in at.query_params and not [b for b in at.button if b.key == "present_next"]
    assert [s for s in at.slider if s.key == "learn_guess_wd.norm"] and [
        s for s in at.radio if s.key == "learn_guess_wd.test_effect"
    ]  # every step at once again


def test_every_activity_on_the_page_is_a_step() -> None:
    at = run_app("en", page=WD, present="1")
    steps = teacher.page_activities(("3.5",))
    seen = []
    for _ in steps:
        seen += [b.key for b in at.button if b.key.startswith(("learn_reveal_", "learn_check_", "ex_"))]
        seen += [e.label for e in at.expander if e.label.startswith("📘")]
        if not at.button(key="present_next").disabled:
            at.button(key="present_next").click().run()
    assert len(seen) >= len(steps)
    assert at.button(key="present_next").disabled  # the last step


def test_a_focused_exercise_opens_outside_presenter_mode() -> None:
    at = run_app("en", page=WD, focus="3.5.1", lock="wd_lambda")
    box = next(e for e in at.expander if "3.5.1" in e.label)
    assert box.proto.expanded
    assert any(c.value.endswith(lookup("teacher.chosen", "en")) for c in at.caption)
    assert any(lookup("teacher.note", "en") in i.value for i in at.info)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_bad_link_parts_are_named_in_the_learners_language(lang: str) -> None:
    at = run_app(lang, page=WD, lock="nope", present="maybe")
    assert not at.exception
    (notice,) = [w.value for w in at.warning if "`lock`" in w.value]
    assert lookup("teacher.param.lock", lang) in notice and lookup("teacher.param.present", lang) in notice
    assert not at.slider(key="wd_lambda").disabled


def test_the_home_builder_makes_the_link_it_shows() -> None:
    at = run_app("en")
    at.selectbox(key="teach_page").set_value(lookup("page.weight_decay", "en")).run()
    at.multiselect(key="teach_lock_weight-decay").select(f"{lookup('wd.lambda', 'en')} · wd_lambda").run()
    at.slider(key="teach_value_wd_lambda").set_value(2.5).run()
    focus = next(o for o in at.selectbox(key="teach_focus_weight-decay").options if o.startswith("Prediction"))
    at.selectbox(key="teach_focus_weight-decay").set_value(focus).run()
    at.toggle(key="teach_present").set_value(True).run()
    (code,) = [c.value for c in at.code if c.value.startswith("/weight-decay?")]
    query = dict(parse_qsl(urlsplit(code).query))
    assert query == {"lang": "en", "wd_lambda": "2.5", "lock": "wd_lambda", "focus": "wd.norm", "present": "1"}
    opened = _open(code)
    assert opened.slider(key="wd_lambda").value == 2.5 and opened.slider(key="wd_lambda").disabled
