"""The declarations of predictions, challenges and exercises, the command line that counts them,
their words in both languages, and the home page's progress."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

import mlp_lab.activities  # noqa: F401 (registers every declaration)
from mlp_lab import learn
from mlp_lab.learn import CHALLENGES, EXERCISE_KINDS, EXERCISE_TASKS, PREDICTIONS, SECTIONS, Answer, Prediction, Verdict
from mlp_lab.ui.i18n import CATALOGUE, LANGS
from tests.learn_helpers import guess_and_reveal
from tests.test_app import ROOT, run_app

REFERENCE = ROOT.parent / "shared" / "reference" / "exercises-mlp-chapter.md"


def activities_json() -> dict:
    out = subprocess.run([sys.executable, "-m", "mlp_lab", "activities", "--json"], cwd=ROOT, capture_output=True,
                         text=True, check=True, timeout=120)  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_command_line_counts_every_section_from_the_declarations() -> None:
    sections = activities_json()["sections"]
    assert list(sections) == list(SECTIONS)
    for s, c in sections.items():
        assert c["predictions"] >= 2, s
        assert c["challenges"] >= 1, s
        assert c["predictions"] == sum(p.section == s for p in PREDICTIONS.values())
        assert c["challenges"] == sum(x.section == s for x in CHALLENGES.values())
        assert c["exercises_total"] == len(EXERCISE_KINDS[s])
        assert 0 <= c["exercises_covered"] <= c["exercises_total"]


def test_the_counts_follow_a_new_declaration(monkeypatch) -> None:
    """Not a hand-kept table: one more declared prediction shows in its section's count."""
    before = learn.counts()["3.7"]["predictions"]
    monkeypatch.setitem(PREDICTIONS, "test.extra", Prediction("test.extra", "3.7", lambda s: None, lambda r, s: None))
    assert learn.counts()["3.7"]["predictions"] == before + 1


def test_exercise_totals_match_the_reference_summary() -> None:
    """Per section, the exercises and their kinds as the reference file lists them."""
    if not REFERENCE.exists():
        pytest.skip("the reference summary is not beside this checkout")
    text = REFERENCE.read_text(encoding="utf-8")
    table = re.search(r"\| exercises \|(.+)\|", text).group(1)
    totals = [int(v) for v in table.split("|")[:-1]]
    assert totals == [len(EXERCISE_KINDS[s]) for s in SECTIONS]
    assert sum(totals) == 43
    for s in SECTIONS:
        part = text.split(f"## {s} ")[1].split("\n## ")[0]
        kinds = re.findall(r"^\d+\. .*?\*(explore|derive|discuss)", part, flags=re.M | re.S)
        assert len(re.findall(r"^\d+\. ", part, flags=re.M)) == len(EXERCISE_KINDS[s]), s
        assert tuple(kinds) == EXERCISE_KINDS[s], s


def words_of(id: str, p: Prediction | None) -> list[str]:
    keys = [f"learn.{id}.q"] if p is not None else [f"learn.{id}.goal", f"learn.{id}.hint1", f"learn.{id}.hint2"]
    if p is not None:
        keys += [f"learn.{id}.c.{c}" for c in p.choices if isinstance(c, str) and not c.replace(".", "").isdigit()]
        keys += [f"learn.{id}.at"] if p.knots else []  # a sketch's knot label
    return keys


@pytest.mark.parametrize("id", sorted(PREDICTIONS) + sorted(CHALLENGES))
def test_every_activity_has_its_words_in_both_languages(id: str) -> None:
    p = PREDICTIONS.get(id)
    for key in words_of(id, p):
        assert key in CATALOGUE, key
        for lang in LANGS:
            assert CATALOGUE[key].get(lang, "").strip(), f"{key} [{lang}]"
    # every sentence variant (why..., passed, off, ...) it may say exists in both languages
    said = [k for k in CATALOGUE if k.startswith(f"learn.{id}.")]
    assert any(k.split(".")[-1].startswith("why") for k in said) if p else any(k.endswith(".passed") for k in said)


def test_a_number_guess_is_close_only_within_its_tolerance() -> None:
    p = Prediction("x", "3.1", lambda s: None, lambda r, s: None, lo=0, hi=10, tol=0.5)
    assert p.close(3.4, Answer(3.0)) and not p.close(3.6, Answer(3.0))
    q = Prediction("y", "3.1", lambda s: None, lambda r, s: None, choices=("a", "b"))
    assert q.close("a", Answer("a")) and not q.close("b", Answer("a"))
    assert Verdict(True).sentence == "passed" and Verdict(False).sentence == "off"
    assert Verdict(False, says="lower").sentence == "lower"


def sketch(lo: float = 0, hi: float = 1, tol: float = 0.1) -> Prediction:
    return Prediction("s", "3.1", lambda s: None, lambda r, s: None, lo=lo, hi=hi, tol=tol, knots=lambda s: ())


def test_a_sketch_is_compared_with_the_run_between_its_points_and_only_where_the_run_is() -> None:
    curve = Answer(0.0, x=(0.0, 1.0, 2.0), y=(0.0, 1.0, 0.0))  # a tent: 0.5 at x = 0.5 and 1.5
    gap = learn.sketch_gap(((0.0, 0.0), (0.5, 0.9), (1.5, 0.5), (2.0, 0.2)), curve)
    assert gap.run == pytest.approx((0.0, 0.5, 0.5, 0.0))  # linear between the run's points
    assert gap.mean == pytest.approx((0 + 0.4 + 0 + 0.2) / 4) and gap.worst == pytest.approx(0.4) and gap.at == 0.5
    # the run's points in any order give the same curve (an unsorted x would interpolate nonsense)
    backwards = Answer(0.0, x=(2.0, 1.0, 0.0), y=(0.0, 1.0, 0.0))
    assert learn.sketch_gap(((0.5, 0.9),), backwards).mean == pytest.approx(0.4)
    # a sketch drawn for a wider range: points beyond the run's x are left out, not clamped to its ends
    wide = learn.sketch_gap(((-4.0, 0.9), (1.0, 0.8), (6.0, 0.9)), curve)
    assert wide.inside == (False, True, False) and wide.mean == pytest.approx(0.2) and wide.at == 1.0
    assert learn.sketch_gap(((5.0, 0.0),), curve) is None and learn.sketch_gap(((1.0, 0.0),), Answer(0.0)) is None
    # close: the mean gap within tol, not every point
    assert sketch(tol=0.15).close(((0.0, 0.0), (0.5, 0.9), (1.5, 0.5), (2.0, 0.2)), curve)
    assert not sketch(tol=0.1).close(((0.0, 0.0), (0.5, 0.9), (1.5, 0.5), (2.0, 0.2)), curve)
    assert not sketch().close(((5.0, 0.0),), curve)  # nothing to compare: never "close"
    assert sketch().kind == "sketch"


def test_declarations_refuse_a_bad_section_or_a_second_use_of_an_id() -> None:
    with pytest.raises(ValueError, match="section"):
        learn.prediction("z.bad", section="4.1", plan=lambda s: None, answer=lambda r, s: None)
    with pytest.raises(ValueError, match="twice"):
        learn.challenge("wd.norm", section="3.5", plan=lambda s: None, check=lambda r, s: None)


def home_progress(at) -> dict[str, str]:
    rows = [m.value for m in at.markdown if m.value.startswith("**3.")]
    progress = [m.value for m in at.markdown if "🤔" in m.value]
    return {r.split("**")[1]: p for r, p in zip(rows, progress, strict=True)}


def test_the_home_page_counts_this_sessions_predictions_and_challenges() -> None:
    at = run_app("en")
    before = home_progress(at)
    n = sum(p.section == "3.5" for p in PREDICTIONS.values())
    assert before["3.5"].startswith(f"🤔 0 of {n} predictions")
    at.switch_page("pages/weight-decay.py").run()
    guess_and_reveal(at, "wd.norm", 12.0)
    at.slider(key="wd_lambda").set_value(5.1).run()  # the smallest lambda within 10 % at seed 0
    assert "📘 0 of" in home_progress(run_app("en"))["3.5"]  # a cached finding shown unasked counts nothing
    at.button(key="ex_run_3.5.1").click().run()  # the learner asks for an exercise's run
    at.switch_page("pages/home.py").run()
    after = home_progress(at)
    assert after["3.5"].startswith(f"🤔 1 of {n} predictions")
    c = sum(x.section == "3.5" for x in CHALLENGES.values())
    assert f"🏁 1 of {c} challenges" in after["3.5"]
    e = sum(x.section == "3.5" for x in EXERCISE_TASKS.values())
    assert after["3.5"].endswith(f"📘 1 of {e} exercises")
    assert after["3.4"] == before["3.4"]  # other sections untouched
    fresh = run_app("en")  # another session starts afresh: nothing stored on the server
    assert home_progress(fresh)["3.5"].startswith(f"🤔 0 of {n}")


def test_the_activity_code_stays_out_of_streamlit() -> None:
    for path in [ROOT / "mlp_lab" / "learn.py", *(ROOT / "mlp_lab" / "activities").glob("*.py")]:
        assert not re.search(r"^\s*(import|from) streamlit", Path(path).read_text(encoding="utf-8"), re.M), path


def test_warms_visit_stores_the_answers_so_a_reveal_in_class_computes_nothing(monkeypatch) -> None:
    from mlp_lab import store
    from mlp_lab.activities import weight_decay as act
    from mlp_lab.experiments import weight_decay as exp
    from mlp_lab.experiments.weight_decay import WDSettings
    from mlp_lab.ui.runner import WARMING_KEY, result_store

    monkeypatch.setattr(store, "_shared", store.ResultStore(max_entries=10_000))  # empty, of its own, roomy
    # the page's challenge reads the same computation: point it elsewhere, so only the predictions ask for it
    c = CHALLENGES["wd.smallest_within"]
    monkeypatch.setitem(CHALLENGES, c.id, replace(c, plan=lambda s: (exp.train_at_lambda, s.run("scratch"))))
    fn, config = PREDICTIONS["wd.norm"].plan(WDSettings())
    assert fn is act.slider_lambdas and result_store().get(store.key_of(fn, config)) is None
    at = run_app("en")
    at.session_state[WARMING_KEY] = True
    at.switch_page("pages/weight-decay.py").run()
    assert not at.exception
    assert result_store().get(store.key_of(fn, config)) is not None


def test_words_in_a_sentence_come_in_the_learners_language(monkeypatch) -> None:
    from mlp_lab.learn import Words
    from mlp_lab.ui import learn as ui

    numbers = {"hard": Words(en="shirt", zh="衬衫"), "acc": 0.5}
    monkeypatch.setattr(ui, "current_lang", lambda: "zh")
    assert ui.words(numbers) == {"hard": "衬衫", "acc": 0.5}
    monkeypatch.setattr(ui, "current_lang", lambda: "en")
    assert ui.words(numbers)["hard"] == "shirt"
