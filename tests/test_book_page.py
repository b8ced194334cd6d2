"""The check-against-the-book page: rows listed, runnable one by one and all together, cached."""

import dataclasses
import re
from pathlib import Path

from mlp_lab import reproduce
from mlp_lab.store import key_of
from mlp_lab.ui.book import text
from mlp_lab.ui.i18n import CATALOGUE
from mlp_lab.ui.runner import result_store
from tests.test_app import run_app

PAGE = "pages/book.py"


def test_lists_rows_of_a_topic_and_runs_them_all() -> None:
    checks = reproduce.for_topic("activations")
    n = len(checks)
    count = {k: sum(c.kind == k for c in checks) for k in ("book", "reference", "claim", "identity")}
    at = run_app("en", page=PAGE, book_topic="activations")
    assert not at.exception
    assert any(c.value.endswith(f"{n} not run yet.") for c in at.caption)
    words = f"{count['book']} rows check a formula or statement of the book, {count['reference']} a printed"
    assert any(c.value.startswith(words) and f"{count['identity']} are identities" in c.value for c in at.caption)
    headings = [h.value for h in at.subheader]
    assert "📘 The book's formulas and statements" in headings and "🟰 Identities" in headings
    assert ("🔬 Our pages' claims, measured over seeds" in headings) == (count["claim"] > 0)
    at.button(key="book_run_all__go").click().run()
    assert not at.exception
    summary = next(c.value for c in at.caption if "within tolerance" in c.value)
    assert summary.startswith(f"{n} within tolerance, 0 outside")
    computations = result_store().computations
    again = run_app("zh", page=PAGE, book_topic="activations")  # another visitor: stored rows, no rerun
    assert not again.exception and result_store().computations == computations
    assert any(f"{n} 行在容差内" in c.value for c in again.caption)


def test_one_row_runs_on_its_own() -> None:
    at = run_app("en", page=PAGE, book_topic="activations")
    at.button(key="book_run_activations.affine_collapse").click().run()
    assert not at.exception
    assert any("✅" in m.value for m in at.markdown)


def test_every_registered_row_is_listed() -> None:
    from mlp_lab.reproduce import all_checks

    at = run_app("en", page=PAGE)
    assert not at.exception
    ids = {c.value.split("`")[1] for c in at.caption if c.value.startswith("`")}
    assert ids == {c.id for c in all_checks()}


def test_unknown_topic_falls_back_to_all() -> None:
    at = run_app("en", page=PAGE, book_topic="<img src=x onerror=alert(1)>")
    assert not at.exception and at.selectbox(key="book_topic").value == "all"


def test_a_row_that_raised_is_explained_not_stored_and_runs_again(monkeypatch) -> None:
    base = next(c for c in reproduce.all_checks() if c.id.startswith("activations."))
    calls = []

    def flaky() -> tuple[float, bool]:
        calls.append(1)
        if len(calls) == 1:
            raise OSError("disk went away")
        return 0.25, True

    check = dataclasses.replace(base, id="activations.flaky_demo", fn=flaky)
    monkeypatch.setitem(reproduce._REGISTRY, check.id, check)
    monkeypatch.setitem(CATALOGUE, f"check.{check.id}.quantity", {"en": "flaky", "zh": "不稳定的一行"})
    at = run_app("zh", page=PAGE, book_topic="activations")
    at.button(key=f"book_run_{check.id}").click().run()
    assert not at.exception
    assert any("activations.flaky_demo" in w.value and "disk went away" in w.value for w in at.warning)
    assert result_store().get(key_of(reproduce.row, check.id)) is None
    at.button(key=f"book_run_{check.id}").click().run()
    assert not at.exception and not at.warning and len(calls) == 2
    assert result_store().get(key_of(reproduce.row, check.id)).ok


def test_every_row_reads_in_chinese() -> None:
    for check in reproduce.all_checks():
        for field in ("quantity", "source", "tolerance"):
            if re.search(r"[A-Za-z]{2,}", text(check, field, "en")):  # words, not only numbers
                assert re.search(r"[\u4e00-\u9fff]", text(check, field, "zh")), f"{check.id}.{field}"
    at = run_app("zh", page=PAGE, book_topic="dropout")
    assert not at.exception
    cells = [m.value for m in at.markdown]
    assert "精确相等" in cells and "全零 / X" in cells and "exact" not in cells


def test_cells_show_their_text_literally() -> None:
    from mlp_lab.ui.book import literal

    for sample in ("> 10", ">= 0.83", "E[h'] = h (unbiased)", "C p(y) = mu(y_hat)", "- 3", "# 1", "$x$", "a\\b"):
        # Markdown renders a backslash-escaped punctuation character as itself.
        assert re.sub(r"\\(.)", r"\1", literal(sample)) == sample
        assert not re.search(r"(?<!\\)[>#*_\[\]$`]", literal(sample))


def test_translation_edits_do_not_change_the_code_version() -> None:
    """The checks' words live in the i18n catalogue, which the cache's code version ignores."""
    from mlp_lab.cache import code_version

    code_version.cache_clear()
    before = code_version()
    path = Path(reproduce.__file__).parent / "ui" / "i18n" / "common.py"
    original = path.read_text(encoding="utf-8")
    try:
        path.write_text(original + "\n# a translator's edit\n", encoding="utf-8")
        code_version.cache_clear()
        assert code_version() == before
    finally:
        path.write_text(original, encoding="utf-8")
        code_version.cache_clear()
    experiments = list((Path(reproduce.__file__).parent / "experiments").glob("*.py"))
    assert experiments and all(
        re.search(r"[\u4e00-\u9fff]", p.read_text(encoding="utf-8")) is None for p in experiments
    )
