"""Many learners at once against a real ``streamlit run app.py``.

20 sessions open the same not-yet-trained MLP configuration together; then every session visits
every page. Reports how many trainings the server started for that configuration (goal: 1), the
seconds until all 20 showed results, and the server's peak RSS (floor: under 1.5 GB with all pages
visited by all sessions).

Two kinds of client:

- ``--client browser`` (default): Playwright contexts in Debian's chromium, as learners see it. On
  a small machine the 20 browsers compete with the server for its cores and dominate the time.
- ``--client agent``: Streamlit's agent API (``server.enableAgentApi``), real server sessions
  driven over HTTP without a browser, so the time is the server's own.

    MLP_LAB_DATA=/path/to/fashion-mnist python benchmarks/load.py [--client agent] [--sessions 20] [--epochs 3]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mlp_lab.coordination import key_digest
from mlp_lab.experiments.mlp import MLPSettings
from mlp_lab.store import key_of
from mlp_lab.training import train
from mlp_lab.ui.pages import BOOK, HOME, TOPICS
from tests.browser import CHROMIUM, CHROMIUM_ARGS, Server, streamlit_server, wait_idle

ALL_PAGES = (HOME, *TOPICS, BOOK)


def peak_rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


class AgentSession:
    """One server session driven through ``/_stcore/agent/interact``."""

    def __init__(self, server: str) -> None:
        self.server, self.session_id = server, None

    def _post(self, body: dict) -> dict:
        req = urllib.request.Request(
            f"{self.server}/_stcore/agent/interact",
            data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(req, timeout=900) as resp:
                return json.loads(resp.read())
        except urllib.error.HTTPError as exc:
            raise RuntimeError(f"agent API {exc.code}: {exc.read()[:300]!r}") from exc

    def visit(self, page: str, params: dict[str, str]) -> dict:
        """Open a page and wait until its run (and the reruns it triggers) has finished."""
        body = {"page": page, "query_params": {k: [v] for k, v in params.items()}}
        if self.session_id:
            body["session_id"] = self.session_id
        snap = self._post(body)
        while snap.get("error", {}).get("code") == "wait_timed_out":  # the run goes on: collect it
            snap = self._post({"session_id": snap["session_id"]})
        if "error" in snap:
            raise RuntimeError(f"agent API: {snap['error']}")
        self.session_id = snap["session_id"]
        return snap


def nodes(tree: dict) -> Iterator[dict]:
    yield tree
    for child in tree.get("children", ()):
        yield from nodes(child)


def problems(snap: dict) -> list[str]:
    bad = [n for n in nodes(snap["tree"]) if n.get("type") in ("exception", "error")]
    return [f"{n['type']}: {json.dumps(n.get('props', {}), ensure_ascii=False)[:200]}" for n in bad]


def run_agent(server: Server, sessions: int, url_params: dict[str, str]) -> tuple[float, set[str], Callable]:
    clients = [AgentSession(server) for _ in range(sessions)]

    def first(client: AgentSession) -> str:
        snap = client.visit("mlp", url_params)
        metrics = [n for n in nodes(snap["tree"]) if n.get("type") == "metric"]
        if not metrics:
            raise RuntimeError(f"no result shown: {problems(snap)}")
        return str(metrics[0].get("value", metrics[0]["props"].get("value")))

    start = time.perf_counter()
    with ThreadPoolExecutor(sessions) as pool:
        accs = set(pool.map(first, clients))
    all_shown = time.perf_counter() - start

    def visit_all(url_path: str) -> list[str]:
        with ThreadPoolExecutor(sessions) as pool:
            snaps = list(pool.map(lambda c: c.visit(url_path, {"lang": "en"}), clients))
        return [p for snap in snaps for p in problems(snap)]

    return all_shown, accs, visit_all


def run_browser(server: Server, sessions: int, url_params: dict[str, str], p) -> tuple[float, set[str], Callable]:
    browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    pages = [browser.new_context().new_page() for _ in range(sessions)]
    query = "&".join(f"{k}={v}" for k, v in url_params.items())
    start = time.perf_counter()
    for page in pages:
        page.goto(f"{server}/mlp?{query}", wait_until="commit")
    for page in pages:
        page.wait_for_selector("[data-testid='stMetricValue']", timeout=900_000)
    all_shown = time.perf_counter() - start
    accs = {page.locator("[data-testid='stMetricValue']").first.inner_text() for page in pages}

    def visit_all(url_path: str) -> list[str]:
        for page in pages:
            page.goto(f"{server}/{url_path}?lang=en", wait_until="commit")
        for page in pages:
            wait_idle(page, timeout_ms=900_000)
        return [
            el.inner_text()[:200] for page in pages for el in page.query_selector_all("[data-testid='stException']")
        ]

    return all_shown, accs, visit_all


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--client", choices=("browser", "agent"), default="browser")
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--skip-pages", action="store_true", help="only the shared-training phase")
    args = parser.parse_args()
    seed = random.randint(1000, 10**6)  # a configuration nobody has trained yet
    url_params = {"lang": "en", "mlp_impl": "concise", "mlp_epochs": str(args.epochs), "seed": str(seed)}
    env = {"MLP_LAB_CACHE": tempfile.mkdtemp(prefix="mlp-lab-load-cache-")}
    if args.client == "agent":
        env["STREAMLIT_SERVER_ENABLE_AGENT_API"] = "true"
    with streamlit_server(env=env) as server, contextlib.ExitStack() as stack:
        if args.client == "agent":
            all_shown, accs, visit_all = run_agent(server, args.sessions, url_params)
        else:
            from playwright.sync_api import sync_playwright

            p = stack.enter_context(sync_playwright())
            all_shown, accs, visit_all = run_browser(server, args.sessions, url_params, p)
        # the store logs every miss as "computing: <key, cut to 150 characters> [<its digest>]": the cut
        # can drop the seed, so the digest of the very key the page trains names the training
        config = MLPSettings(model="concise", epochs=args.epochs, seed=seed).train_configs()[0]
        started = server.log_path.read_text().count(f"[{key_digest(key_of(train, config))}]")
        print(f"client                          : {args.client}")
        print(f"sessions                        : {args.sessions}")
        print(f"trainings started for the config: {started}   (goal: 1)")
        print(f"seconds until all showed results: {all_shown:.1f}")
        print(f"distinct test accuracies shown  : {len(accs)} {sorted(accs)}   (goal: 1)")
        print(f"server peak RSS so far          : {peak_rss_mb(server.pid):.0f} MB", flush=True)
        if args.skip_pages:
            return
        start, failures = time.perf_counter(), []
        for spec in ALL_PAGES:
            failures += [f"/{spec.url_path}: {msg}" for msg in visit_all(spec.url_path)]
            print(
                f"  all sessions done on /{spec.url_path:12s} after {time.perf_counter() - start:6.1f} s, "
                f"peak RSS {peak_rss_mb(server.pid):.0f} MB",
                flush=True,
            )
        print(f"errors shown on any page       : {len(failures)}", *failures[:10], sep="\n  ")
        print(
            f"server peak RSS, all pages x {args.sessions} sessions: {peak_rss_mb(server.pid):.0f} MB "
            "(floor: < 1500 MB)"
        )


if __name__ == "__main__":
    main()
