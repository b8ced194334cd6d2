"""Warm-up without a shell: off by default; on, a fresh server fills the cache by itself (a low
priority child process), the home page follows its progress, and a page opened meanwhile gets its
results without any result computed twice."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from mlp_lab import warmup
from tests.test_app import run_app

DIGEST = re.compile(r"computing: .*\[([0-9a-f]{32})\]")


def test_off_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(warmup.ENV, raising=False)
    assert not warmup.enabled() and warmup.start_background() is False
    at = run_app("en")
    assert not [p for p in at.get("progress")] and not any("in the background" in c.value for c in at.caption)


def test_home_follows_the_progress(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MLP_LAB_CACHE", str(tmp_path))
    monkeypatch.setenv(warmup.ENV, "1")
    monkeypatch.setattr(warmup, "start_background", lambda: False)  # no child process in this test
    warmup.write_progress(total=10, done=3, current="dropout", started=time.time(), rows=[])
    at = run_app("zh")
    bar = at.get("progress")[0]
    assert bar.value == 30 and "已完成 3/10 个页面（当前 /dropout）" in bar.proto.text
    rows = [{"page": "mlp", "computed": 4, "status": "ok"}, {"page": "shift", "computed": 2, "status": "error: x"}]
    warmup.write_progress(total=2, done=2, current="", started=time.time() - 120, rows=rows, finished=time.time())
    at = run_app("en")
    assert not at.get("progress")
    captions = [c.value for c in at.caption]
    assert any("6 computed in 2 min" in c for c in captions) and any("stopped on 1 page(s)" in c for c in captions)


def test_another_code_version_is_not_this_ones_progress(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MLP_LAB_CACHE", str(tmp_path))
    warmup.write_progress(total=1, done=1, finished=time.time(), rows=[])
    assert warmup.read_progress()["done"] == 1
    monkeypatch.setattr(warmup, "code_version", lambda: "another")
    assert warmup.read_progress() is None  # a new deploy warms again


@pytest.mark.browser
def test_a_fresh_server_warms_itself_and_a_page_opened_meanwhile_gets_its_results(tmp_path: Path) -> None:
    from tests.browser import chromium, page_problems, require_browser, streamlit_server, wait_idle

    require_browser()
    env = {"MLP_LAB_CACHE": str(tmp_path), warmup.ENV: "1", warmup.ONLY_ENV: "fitting"}
    with streamlit_server(env=env) as url, chromium() as browser:
        page = browser.new_page()
        page.goto(f"{url}/fitting?lang=en")
        wait_idle(page)
        progress_file = tmp_path / "warm-progress.json"
        opened_while_warming = not ('"finished"' in progress_file.read_text() if progress_file.exists() else False)
        assert not page_problems(page)
        assert page.get_by_text("3.4 Model selection").count() >= 1
        assert page.locator('[data-testid="stMetric"], [data-testid="stVegaLiteChart"]').count() >= 1
        deadline = time.monotonic() + 240
        while not ((state := _state(tmp_path)) and state.get("finished")):
            assert time.monotonic() < deadline, f"the warm-up did not finish: {state}"
            time.sleep(1)
        page.goto(f"{url}/?lang=en")
        wait_idle(page)
        assert page.get_by_text("Every page's results were prepared on this server").count() == 1
        server_log = Path(url.log_path).read_text()
    warm_log = (tmp_path / "warm.log").read_text()
    assert state["ok"] and state["done"] == state["total"] == 1 and state["rows"][0]["computed"] > 0
    digests = DIGEST.findall(server_log) + DIGEST.findall(warm_log)
    assert digests and len(digests) == len(set(digests)), "a result was computed twice"
    assert opened_while_warming, "the page opened after the warm-up had finished: nothing overlapped"


def _state(folder: Path) -> dict | None:
    import json

    try:
        return json.loads((folder / "warm-progress.json").read_text())
    except (OSError, ValueError):
        return None
