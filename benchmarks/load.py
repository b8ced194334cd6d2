"""Many learners at once against a real ``streamlit run app.py``.

20 browser sessions (Playwright contexts in Debian's chromium) open the same not-yet-trained MLP
configuration together; then every session visits every page. Reports how many trainings the
server started for that configuration (goal: 1), the seconds until all 20 showed results, and the
server's peak RSS (floor: under 1.5 GB with all pages visited by all sessions).

    MLP_LAB_DATA=/path/to/fashion-mnist python benchmarks/load.py [--sessions 20] [--epochs 3]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mlp_lab.ui.pages import BOOK, HOME, TOPICS
from tests.browser import CHROMIUM, CHROMIUM_ARGS, streamlit_server, wait_idle


def peak_rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--skip-pages", action="store_true", help="only the shared-training phase")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    seed = random.randint(1000, 10**6)  # a configuration nobody has trained yet
    url_params = f"lang=en&mlp_impl=concise&mlp_epochs={args.epochs}&seed={seed}"
    cache = tempfile.mkdtemp(prefix="mlp-lab-load-cache-")
    with streamlit_server(env={"MLP_LAB_CACHE": cache}) as server, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        pages = [browser.new_context().new_page() for _ in range(args.sessions)]
        start = time.perf_counter()
        for page in pages:
            page.goto(f"{server}/mlp?{url_params}", wait_until="commit")
        for page in pages:
            page.wait_for_selector("[data-testid='stMetricValue']", timeout=600_000)
        all_shown = time.perf_counter() - start
        accs = {page.locator("[data-testid='stMetricValue']").first.inner_text() for page in pages}
        log = server.log_path.read_text()
        started = len(re.findall(rf"training started: .*seed={seed}\b", log))
        print(f"sessions                        : {args.sessions}")
        print(f"trainings started for the config: {started}   (goal: 1)")
        print(f"seconds until all showed results: {all_shown:.1f}")
        print(f"distinct test accuracies shown  : {len(accs)} {sorted(accs)}   (goal: 1)")
        print(f"server peak RSS so far          : {peak_rss_mb(server.pid):.0f} MB")
        if not args.skip_pages:
            start = time.perf_counter()
            for spec in (HOME, *TOPICS, BOOK):
                for page in pages:
                    page.goto(f"{server}/{spec.url_path}?lang=en", wait_until="commit")
                for page in pages:
                    wait_idle(page, timeout_ms=900_000)
                print(
                    f"  all sessions idle on /{spec.url_path:12s} after {time.perf_counter() - start:6.1f} s, "
                    f"peak RSS {peak_rss_mb(server.pid):.0f} MB",
                    flush=True,
                )
            print(
                f"server peak RSS, all pages x {args.sessions} sessions: {peak_rss_mb(server.pid):.0f} MB "
                "(floor: < 1500 MB)"
            )
        browser.close()


if __name__ == "__main__":
    main()
