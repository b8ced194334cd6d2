"""After ``python -m mlp_lab warm`` and a restart, every page opens with its results at once.

Starts a fresh ``streamlit run app.py`` on a warmed cache folder, opens every page with its defaults
as a new visitor (Streamlit's agent API, no browser), and reports the seconds per page, whether
any training started, and what the "check against the book" page shows.

    MLP_LAB_DATA=... python -m mlp_lab warm          # before class (fills ./.cache/mlp_lab)
    MLP_LAB_DATA=... python benchmarks/after_restart.py [--cache FOLDER]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.load import ALL_PAGES, AgentSession, nodes, problems
from mlp_lab.cache import cache_dir
from tests.browser import streamlit_server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", default=str(cache_dir()), help="the warmed cache folder")
    args = parser.parse_args()
    if not Path(args.cache).is_dir():
        sys.exit(f"{args.cache} does not exist: run `python -m mlp_lab warm` first")
    env = {"MLP_LAB_CACHE": str(Path(args.cache).resolve()), "STREAMLIT_SERVER_ENABLE_AGENT_API": "true"}
    with streamlit_server(env=env) as server:
        AgentSession(server).visit("", {"lang": "en"})  # the first run imports torch and loads data
        total = 0.0
        for spec in ALL_PAGES:
            start = time.perf_counter()
            snap = AgentSession(server).visit(spec.url_path, {"lang": "en"})
            seconds = time.perf_counter() - start
            total += seconds
            bad = problems(snap)
            print(f"/{spec.url_path:13s} {seconds:6.2f} s  {'errors: ' + '; '.join(bad) if bad else 'ok'}")
        captions = [n["props"].get("body", "") for n in nodes(snap["tree"]) if n.get("type") == "caption"]
        log = server.log_path.read_text()
        print(f"all pages                {total:6.2f} s")
        trainings = log.count("computing: ('mlp_lab.training.train'")
        print(f"trainings started        : {trainings}   (goal: 0)")
        print(f"other computations       : {log.count('computing: ') - trainings}   (goal: 0)")
        for line in log.splitlines():
            if "computing: " in line:
                print("   ", line.split(" INFO ")[-1][:160])
        print(f"book page summary        : {next((c for c in captions if 'within tolerance' in c), '?')}")


if __name__ == "__main__":
    main()
