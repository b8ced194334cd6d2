"""The check-against-the-book page: rows listed, runnable one by one and all together, cached."""

from mlp_lab.ui.runner import result_store
from tests.test_app import run_app

PAGE = "pages/book.py"


def test_lists_rows_of_a_topic_and_runs_them_all() -> None:
    at = run_app("en", page=PAGE, book_topic="activations")
    assert not at.exception
    assert any(c.value.endswith("4 not run yet.") for c in at.caption)
    at.button(key="book_run_all").click().run()
    assert not at.exception
    summary = next(c.value for c in at.caption if "within tolerance" in c.value)
    assert summary.startswith("4 within tolerance, 0 outside")
    computations = result_store().computations
    again = run_app("zh", page=PAGE, book_topic="activations")  # another visitor: stored rows, no rerun
    assert not again.exception and result_store().computations == computations
    assert any("4 行在容差内" in c.value for c in again.caption)


def test_one_row_runs_on_its_own() -> None:
    at = run_app("en", page=PAGE, book_topic="activations")
    at.button(key="book_run_activations.affine_collapse").click().run()
    assert not at.exception
    assert any("✅" in m.value for m in at.markdown)


def test_every_registered_row_is_listed() -> None:
    from mlp_lab.reproduce import all_checks

    at = run_app("en", page=PAGE)
    assert not at.exception
    ids = {c.value.strip("`") for c in at.caption if c.value.startswith("`")}
    assert ids == {c.id for c in all_checks()}


def test_unknown_topic_falls_back_to_all() -> None:
    at = run_app("en", page=PAGE, book_topic="<img src=x onerror=alert(1)>")
    assert not at.exception and at.selectbox(key="book_topic").value == "all"
