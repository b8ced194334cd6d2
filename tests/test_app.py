"""AppTest of the shell: both languages, the language switch, the catalogue, the layering rule."""

import re
import string
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from mlp_lab.ui.i18n import CATALOGUE
from mlp_lab.ui.pages import BOARD, BOOK, TOPICS

ROOT = Path(__file__).resolve().parent.parent


def run_app(lang: str | None = None, page: str | None = None, timeout: float = 120, **params) -> AppTest:
    """Run app.py (optionally opening ``page``, e.g. "pages/mlp.py") with URL parameters."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)
    if lang:
        at.query_params["lang"] = lang
    spec = next((s for s in (*TOPICS, BOOK, BOARD) if s.path == page), None)
    if page and (spec is None or spec.url_path != Path(page).stem):
        at.run()  # st.navigation must run once before a page with its own url_path can be opened
    for k, v in params.items():  # after that first run, as a link to the page would give them
        at.query_params[k] = v
    if page:
        at.switch_page(page)
    at.run()
    return at


@pytest.mark.parametrize(("lang", "title"), [("en", "MLP Lab"), ("zh", "MLP 实验室")])
def test_home_renders_in_each_language(lang: str, title: str) -> None:
    at = run_app(lang)
    assert not at.exception
    assert title in at.title[0].value
    assert len(at.sidebar.children) >= 3  # language, seed, device line
    sections = [m.value for m in at.markdown if m.value.startswith("**3.")]
    assert len(sections) == 9
    assert at.query_params["lang"] == lang


def test_language_defaults_to_english_and_switches() -> None:
    at = run_app()
    assert "MLP Lab" in at.title[0].value
    at.get("button_group")[0].set_value("zh").run()
    assert not at.exception
    assert "MLP 实验室" in at.title[0].value
    assert at.query_params["lang"] == "zh"
    at.get("button_group")[0].set_value("en").run()
    assert "MLP Lab" in at.title[0].value


@pytest.mark.parametrize("value", ["fr", "", "<script>alert(1)</script>", "zh,en", "😀"])
def test_bad_language_falls_back(value: str) -> None:
    at = run_app(value)
    assert not at.exception
    assert "MLP Lab" in at.title[0].value


@pytest.mark.parametrize("seed", ["-5", "abc", "1e99", "nan", "3.7", "inf", "1e309", "-1e309", "9007199254740993"])
def test_bad_seed_in_url_falls_back(seed: str) -> None:
    at = run_app("en", seed=seed)
    assert not at.exception
    value = at.number_input(key="seed").value
    assert isinstance(value, int) and value == 0
    assert any("`seed`" in w.value for w in at.warning)  # one notice, naming the parameter


def test_seed_round_trips_through_the_url() -> None:
    at = run_app("en", seed="42")
    assert at.number_input(key="seed").value == 42


def test_home_says_how_to_get_missing_data(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("MLP_LAB_DATA", str(tmp_path / "none"))
    at = run_app("zh")
    assert not at.exception
    assert any("MLP_LAB_DATA" in i.value for i in at.info)


def test_every_string_in_both_languages_with_same_placeholders() -> None:
    def fields(s: str) -> list[str]:
        try:
            return sorted(f for _, f, _, _ in string.Formatter().parse(s) if f)
        except ValueError:  # LaTeX braces: a worked answer shown as written, never formatted
            return ["<not a format string>"]

    for key, entry in CATALOGUE.items():
        assert entry.get("en") is not None and entry.get("zh") is not None, key
        assert entry["zh"] or not entry["en"].strip(), key  # only a separator may be empty in Chinese
        assert fields(entry["en"]) == fields(entry["zh"]), key
        if fields(entry["en"]) == ["<not a format string>"]:
            assert key.endswith(".answer"), key  # only worked answers are shown unformatted


def test_streamlit_only_in_ui() -> None:
    pattern = re.compile(r"^\s*(import streamlit|from streamlit)", re.M)
    for path in (ROOT / "mlp_lab").rglob("*.py"):
        if "ui" in path.relative_to(ROOT / "mlp_lab").parts[:1]:
            continue
        assert not pattern.search(path.read_text(encoding="utf-8")), path


def test_experiments_depend_on_the_core_only() -> None:
    """reproduce, warm and the topic list depend on the experiments, never the other way round, and
    no module hides an import behind import_module; only the store takes locks."""
    for path in (ROOT / "mlp_lab" / "experiments").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"from mlp_lab(\.| import )(reproduce|warm|topics|ui)\b", text), path
    for path in [*(ROOT / "mlp_lab").rglob("*.py"), *(ROOT / "pages").glob("*.py"), ROOT / "app.py"]:
        text = path.read_text(encoding="utf-8")
        assert "import_module" not in text, path
        assert ".lock(" not in text or path.name == "store.py", path
        assert "_page_defaults" not in text and "cached_run" not in text, path


def test_every_page_is_short_and_has_no_hand_built_book_box() -> None:
    for path in (ROOT / "pages").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert len(text.splitlines()) <= 120, path
        if path.stem not in ("home", "book", "board"):
            assert "book_box(" in text and "BOOK_" not in text, path


def test_a_page_run_on_its_own_renders_once_without_looping() -> None:
    at = AppTest.from_file(str(ROOT / "pages" / "activations.py"), default_timeout=60)
    at.run()
    assert not at.exception
    assert at.title[0].value == "3.1 Activation functions"


def test_every_page_file_is_named_as_its_address() -> None:
    """A fresh server resolves its first visitor's address against pages/'s file names (before
    st.navigation has run once): /weight-decay served by weight_decay.py showed "page not found"."""
    for spec in (*TOPICS, BOOK, BOARD):
        assert Path(spec.path).stem == spec.url_path, spec
