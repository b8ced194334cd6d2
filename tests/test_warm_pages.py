"""``python -m mlp_lab warm`` stores exactly what the pages ask for when opened as is, so after a
restart every page shows its results at once."""

from __future__ import annotations

import pytest

from mlp_lab import warm
from mlp_lab.store import ResultStore
from mlp_lab.ui.pages import BOOK, TOPICS
from tests.test_app import run_app


@pytest.mark.parametrize("spec", (*TOPICS, BOOK), ids=lambda s: s.url_path)
def test_a_page_opened_as_is_asks_only_for_warmed_results(spec, monkeypatch, fmnist) -> None:
    warmed = {key for _, key, _ in warm.jobs()}
    asked: list = []
    original = ResultStore.get

    def spy(self: ResultStore, key):
        asked.append(key)
        return original(self, key)

    monkeypatch.setattr(ResultStore, "get", spy)
    at = run_app("en", page=spec.path, timeout=600)
    assert not at.exception
    assert asked, "the spy saw no lookups"
    missing = [key for key in dict.fromkeys(asked) if key not in warmed]
    assert not missing, f"/{spec.url_path} asks for results warm does not store: {missing}"
