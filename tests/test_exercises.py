"""The book's exercises as guided tasks: declarations against the reference file, the words every
task needs in both languages, the common rendering (question, link, run, worked answer, checks)."""

from __future__ import annotations

import pytest
import torch

from mlp_lab import learn
from mlp_lab.activities import activations as act
from mlp_lab.ui.i18n import CATALOGUE
from tests.learn_helpers import exercise_box, reveal_answer, run_exercise
from tests.test_app import run_app

TASKS = sorted(learn.EXERCISE_TASKS)


def test_every_task_is_a_real_exercise_of_its_section() -> None:
    for id, ex in learn.EXERCISE_TASKS.items():
        assert id in learn.exercise_ids(ex.section)
        assert ex.kind in ("explore", "derive", "discuss")


@pytest.mark.parametrize("id", TASKS)
def test_every_task_has_its_words_in_both_languages(id: str) -> None:
    ex = learn.EXERCISE_TASKS[id]
    needed = [f"ex.{id}.title", f"ex.{id}.q"]
    if ex.kind != "explore":
        needed.append(f"ex.{id}.answer")  # a derive or discuss task is answered behind a reveal
    if ex.plan is not None:
        needed.append(f"ex.{id}.finding")
    needed += [f"ex.{id}.check.{c.name}" for c in ex.checks]
    for key in needed:
        assert key in CATALOGUE, key
        assert CATALOGUE[key].get("en") and CATALOGUE[key].get("zh"), key
    if ex.kind == "explore":
        assert ex.plan is not None or ex.settings is not None, f"{id}: an explore task needs a run"


def test_the_exercise_register_refuses_what_the_book_lacks() -> None:
    with pytest.raises(ValueError, match="no such exercise"):
        learn.exercise("3.1.9")
    with pytest.raises(ValueError, match="declared twice"):
        learn.exercise("3.1.3")


def test_the_tanh_identity_is_checked_and_a_wrong_formula_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    ex = learn.EXERCISE_TASKS["3.1.3"]
    (ok,) = learn.checks_of(ex)
    assert ok.passed and ok.gap < 1e-12
    monkeypatch.setattr(act, "sigmoid_side", lambda x: 2 * torch.sigmoid(x))  # sigma(x), not sigma(2x)
    (bad,) = learn.checks_of(ex)
    assert not bad.passed and bad.gap > 0.1


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_worked_answer_reveals_with_its_check(lang: str) -> None:
    at = run_app(lang, page="pages/activations.py")
    box = exercise_box(at, "3.1.3")
    assert "d2l.ai/chapter_multilayer-perceptrons/mlp.html" in "\n".join(m.value for m in box.markdown)
    assert not box.success  # behind the reveal
    text, checks = reveal_answer(at, "3.1.3")
    assert "σ(2x)" in text or "sigma(2x)" in text
    assert len(checks) == 1 and checks[0][0]
    assert ("largest gap" if lang == "en" else "最大差距") in checks[0][1]


def test_an_explore_task_reads_the_run_at_the_page_settings() -> None:
    at = run_app("en", page="pages/weight-decay.py")
    l2 = run_exercise(at, "3.5.1")
    assert "with L2" in l2
    seg = next(w for w in at.get("button_group") if w.key == "wd_penalty")
    seg.set_value("L1").run()
    l1 = run_exercise(at, "3.5.1")
    assert "with L1" in l1 and l1 != l2


def test_every_declared_task_is_placed_on_its_sections_page_in_book_order() -> None:
    import re
    from pathlib import Path

    from mlp_lab.ui.pages import TOPICS, page_for_section

    root = Path(__file__).resolve().parent.parent
    placed = {}
    for spec in TOPICS:
        ids = re.findall(r"""learn\.exercise\(\s*["'](3\.\d\.\d)["']""", (root / spec.path).read_text(encoding="utf-8"))
        for i in ids:
            assert page_for_section(i.rsplit(".", 1)[0]) == spec, f"{i} is on {spec.path}"
        assert ids == sorted(ids, key=lambda i: tuple(map(int, i.split(".")))), spec.path
        placed.update(dict.fromkeys(ids))
    assert sorted(placed) == TASKS
