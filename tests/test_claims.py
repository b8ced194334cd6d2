"""Claim rows (``mlp_lab.checks.register_claim``): every topic page has at least one, each is
asserted and broken in its topic's ``tests/test_claims_<topic>.py``, and the registry keeps them
apart from the source rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlp_lab import checks, reproduce, topics


def test_every_topic_page_has_a_claim_row() -> None:
    claims = {c.topic for c in reproduce.all_checks() if c.kind == "claim"}
    assert set(topics.NAMES) <= claims, f"no claim row: {sorted(set(topics.NAMES) - claims)}"


def test_claims_are_measured_over_at_least_five_seeds() -> None:
    for check in reproduce.all_checks():
        assert (check.kind == "claim") == bool(check.seeds), check.id
        if check.kind == "claim":
            assert len(set(check.seeds)) >= 5, check.id
    with pytest.raises(ValueError, match="at least 5 seeds"):
        checks.register_claim("t.few", section="0", seeds=range(3))


def test_every_claim_row_is_asserted_and_broken_in_its_topics_test_file() -> None:
    here = Path(__file__).parent
    for check in reproduce.all_checks():
        if check.kind == "claim":
            source = here / f"test_claims_{check.topic}.py"
            assert source.exists() and f'"{check.id}"' in source.read_text(encoding="utf-8"), check.id


def test_a_claim_row_is_the_share_of_seeds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checks, "_REGISTRY", {})
    monkeypatch.setattr(reproduce, "_REGISTRY", checks._REGISTRY)
    checks.register_claim("t.half", section="0", seeds=range(8), need=0.75)(lambda seed: seed % 2 == 0)
    checks.register_claim("t.most", section="0", seeds=range(8), need=0.75)(lambda seed: seed != 3)
    half, most = (reproduce.run_check(checks._REGISTRY[i]) for i in ("t.half", "t.most"))
    assert (half.kind, half.ours, half.ok, half.seeds) == ("claim", 0.5, False, 8)
    assert (most.ours, most.ok) == (0.875, True)
