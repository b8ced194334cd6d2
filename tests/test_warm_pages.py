"""``python -m mlp_lab warm``, then a restart: every page opens with its defaults without computing
anything (on a small stand-in data set; the keys are the real ones, since they name configurations).

Warm is a headless visit of every page, so it warms exactly what the pages ask for: a page, a
control or a default added later is warmed without editing any list.
"""

from __future__ import annotations

import pytest

from mlp_lab.cache import DiskCache
from mlp_lab.ui.pages import BOOK, TOPICS
from mlp_lab.ui.runner import result_store
from mlp_lab.ui.warm import warm
from tests.conftest import private_world, striped_data
from tests.test_app import run_app


@pytest.fixture(scope="module")
def warmed(tmp_path_factory):
    with private_world(striped_data(3000, 1000, source="warm")):
        store = result_store()
        store.disk = DiskCache(tmp_path_factory.mktemp("warm-cache"))
        rows = warm()
        store._results.clear()  # the restart: memory gone, the disk cache stays
        yield rows


def test_warm_visits_every_page_and_computes(warmed) -> None:
    assert [r.page for r in warmed] == [s.url_path for s in (*TOPICS, BOOK)]
    # The label-shift classifier asks for 50 000 images, more than the stand-in has.
    failed = [r for r in warmed if r.status != "ok" and r.page != "shift"]
    assert not failed, failed
    assert all(r.computed > 0 for r in warmed if r.page not in ("book",)), warmed


@pytest.mark.parametrize("spec", (*TOPICS, BOOK), ids=lambda s: s.url_path)
def test_after_warm_and_a_restart_a_page_computes_nothing(spec, warmed) -> None:
    store = result_store()
    before = store.computations
    at = run_app("en", page=spec.path, timeout=120)
    assert not at.exception
    assert store.computations == before, f"/{spec.url_path} computed {store.computed[-(store.computations - before) :]}"
    if spec is BOOK:  # every row shows from the cache, but those that need the full data set
        from mlp_lab.reproduce import all_checks, row
        from mlp_lab.store import key_of

        missing = [c.id for c in all_checks() if store.get(key_of(row, c.id)) is None]
        assert all(i.startswith("shift.label") for i in missing), missing  # 50 000 images: more than the stand-in
        summary = next(c.value for c in at.caption if "within tolerance" in c.value)
        assert summary.endswith(f" {len(missing)} not run yet."), summary
