"""A class on one board: N learners in one room each add their run, and every one of them sees all.

Starts ``streamlit run app.py`` (fresh cache folder; for ``--database postgresql`` a throwaway
cluster from ``tests/pg.py`` behind ``MLP_LAB_BOARD_URL``), opens ``--sessions`` sessions of the
weight-decay page in one room and one in another room, lets every room session add its finished
runs at once (the page's two implementations: two points each), and measures the seconds from that
moment until every room session's page shows all the room's points. The number is read from each
session's own page (the board's "Live: N run(s)" caption), never from the database. The other
room's session must keep showing no runs, and never a room nickname.

Each session has its own seed (``?seed=i``): its points differ from everyone else's, so the chart
shows the seed-to-seed spread a class would see, and a lost write cannot hide behind an identical
point. The weight-decay runs take about a second, so this costs little.

Two kinds of client, as in ``benchmarks/load.py``:

- ``--client agent`` (default): Streamlit's agent API, real server sessions driven over HTTP. An
  agent session's ``run_every`` fragment does not refresh by itself, so each session re-reads its
  page every board period (``MLP_LAB_BOARD_SECONDS``, 3 s), as the live fragment would in a
  browser; a full page rerun costs the server more than a fragment, so the figure is pessimistic.
- ``--client browser``: Playwright contexts in Debian's chromium, the live fragment itself. Twenty
  heavy pages need more than a 2-core machine gives.

    python benchmarks/class_board.py [--json] [--database sqlite|postgresql] [--sessions 20]

The last line is a JSON object: sessions, min_points_seen (the fewest points any room session saw
at the end; each session adds two), other_room_points, database, seconds_to_see_all.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import secrets
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.load import AgentSession, nodes, problems
from mlp_lab.ui.i18n import lookup
from tests.browser import CHROMIUM, CHROMIUM_ARGS, streamlit_server, wait_idle

PAGE = "weight-decay"
RUNS_PER_ADD = 2  # the page's two implementations, both finished on arrival
LIVE = re.compile(re.escape(lookup("board.live", "en").split("{n}")[0]) + r"(\d+)")


def points_shown(captions: list[str], room: str) -> int | None:
    """The board's count from its captions: N from "Live: N run(s)", 0 from its "no runs yet"
    line, None when the page shows neither (no board on it)."""
    empty = lookup("board.empty", "en").format(room=room)
    for text in captions:
        if found := LIVE.search(text):
            return int(found.group(1))
        if empty in text:
            return 0
    return None


@dataclass
class Learner:
    name: str
    room: str
    seed: int
    adds: bool
    seen: list[tuple[float, int | None]] = field(default_factory=list)  # (when, points shown)
    added_at: float | None = None  # when its Add came back confirmed
    names_shown: bool = False  # a room nickname is readable on this page (table, tooltip data)
    problems: list[str] = field(default_factory=list)


# --- agent-API sessions ----------------------------------------------------------------------------------
def agent_captions(snap: dict) -> list[str]:
    return [str(n.get("props", {}).get("body", "")) for n in nodes(snap["tree"]) if n.get("type") == "caption"]


def agent_texts(snap: dict) -> str:
    return json.dumps(snap["tree"], ensure_ascii=False)


def settle(client: AgentSession, body: dict) -> dict:
    """One interaction, collected even when its run outlasts the agent API's wait."""
    snap = client._post({"session_id": client.session_id, **body})
    while snap.get("error", {}).get("code") == "wait_timed_out":
        snap = client._post({"session_id": client.session_id})
    if "error" in snap:
        raise RuntimeError(f"agent API: {snap['error']}")
    return snap


def run_agent(server: str, learners: list[Learner], period: float, deadline: float) -> float:
    """Every session opens the page, all add at once, then each re-reads every ``period`` seconds
    until it shows ``want`` points (the other room's: until the room sessions are done)."""
    want = RUNS_PER_ADD * sum(p.adds for p in learners)
    opened, go = threading.Barrier(len(learners)), threading.Event()
    started: list[float] = []
    room_done = threading.Event()
    remaining = [sum(p.adds for p in learners)]
    lock = threading.Lock()

    def one(p: Learner) -> None:
        client = AgentSession(server)
        snap = client.visit(PAGE, {"room": p.room, "seed": str(p.seed), "lang": "en"})
        p.problems += problems(snap)
        if (
            opened.wait(timeout=max(deadline - time.perf_counter(), 1)) == 0
        ):  # the last to arrive starts the clock for everyone
            started.append(time.perf_counter())
            go.set()
        go.wait()
        if p.adds:
            snap = settle(client, {"widget_state": {f"board_nick_{PAGE}": p.name},
                                   "trigger": {"key": f"board_add_go_{PAGE}"}})  # fmt: skip
            p.added_at = time.perf_counter()
        while True:
            shown = points_shown(agent_captions(snap), p.room)
            p.seen.append((time.perf_counter(), shown))
            p.problems += problems(snap)
            p.names_shown |= "learner-" in agent_texts(snap)
            if p.adds and shown == want:
                with lock:
                    remaining[0] -= 1
                    if remaining[0] == 0:
                        room_done.set()
                return
            if (not p.adds and room_done.is_set()) or time.perf_counter() > deadline:
                return
            time.sleep(period)
            snap = settle(client, {})  # a rerun: what the live fragment's tick re-reads

    with ThreadPoolExecutor(len(learners)) as pool:
        for f in [pool.submit(one, p) for p in learners]:
            f.result()
    return started[0]


# --- browser sessions ------------------------------------------------------------------------------------
def run_browser(server: str, learners: list[Learner], period: float, deadline: float) -> float:
    """Playwright pages: the live fragment refreshes the board; the pages are only read."""
    from playwright.sync_api import sync_playwright

    want = RUNS_PER_ADD * sum(p.adds for p in learners)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        pages = [browser.new_context(viewport={"width": 1200, "height": 1600}).new_page() for _ in learners]
        for p, page in zip(learners, pages, strict=True):
            page.goto(f"{server}/{PAGE}?room={p.room}&seed={p.seed}&lang=en", wait_until="commit")
        for page in pages:
            wait_idle(page, timeout_ms=int(1000 * max(deadline - time.perf_counter(), 1)))
        start = time.perf_counter()
        for p, page in zip(learners, pages, strict=True):
            if p.adds:
                page.locator(f".st-key-board_nick_{PAGE} input").fill(p.name)
                page.locator(f".st-key-board_add_go_{PAGE} button").click()
        waiting = [p.adds for p in learners]
        while any(waiting) and time.perf_counter() < deadline:
            for i, (p, page) in enumerate(zip(learners, pages, strict=True)):
                captions = page.get_by_test_id("stCaptionContainer").all_inner_texts()
                shown = points_shown(captions, p.room)
                p.seen.append((time.perf_counter(), shown))
                p.names_shown |= "learner-" in page.inner_text("body")
                waiting[i] = p.adds and shown != want
            time.sleep(min(period, 0.5))
        for p, page in zip(learners, pages, strict=True):
            p.problems += [el.inner_text()[:200] for el in page.query_selector_all("[data-testid='stException']")]
        browser.close()
    return start


# --- the run ---------------------------------------------------------------------------------------------
@contextlib.contextmanager
def database(kind: str) -> Iterator[dict[str, str]]:
    """The server's environment for the board's database; an empty URL means the default SQLite file."""
    if kind == "sqlite":
        yield {"MLP_LAB_BOARD_URL": ""}
        return
    from tests.pg import start_cluster

    with start_cluster() as cluster:
        yield {"MLP_LAB_BOARD_URL": cluster.url}


def measure(args: argparse.Namespace) -> dict:
    tag = secrets.token_hex(3)  # fresh rooms, even on a server that keeps old ones
    room, other = f"class-{tag}", f"other-{tag}"
    learners = [Learner(f"learner-{i}", room, seed=i, adds=True) for i in range(args.sessions)]
    learners.append(Learner("other", other, seed=0, adds=False))
    cache = tempfile.TemporaryDirectory(prefix="mlp-lab-board-cache-")
    env = {
        "MLP_LAB_CACHE": cache.name,
        "MLP_LAB_BOARD_SECONDS": f"{args.period:g}",
    }
    run: Callable[..., float] = run_browser
    if args.client == "agent":
        env["STREAMLIT_SERVER_ENABLE_AGENT_API"] = "true"
        run = run_agent
    with cache, database(args.database) as db_env, streamlit_server(env={**env, **db_env}, timeout=120) as server:
        opened = time.perf_counter()
        start = run(server, learners, args.period, deadline=opened + args.timeout)
    want = RUNS_PER_ADD * args.sessions
    room_learners = [p for p in learners if p.adds]
    finals = [(p.seen[-1][1] or 0) if p.seen else 0 for p in room_learners]
    saw_all = [next((t for t, n in p.seen if n == want), None) for p in room_learners]
    other_seen = [n or 0 for _, n in learners[-1].seen]
    issues = [f"{p.name}: {msg}" for p in learners for msg in p.problems]
    named = sum(p.names_shown for p in room_learners)  # the nickname check can see names at all
    if learners[-1].names_shown:
        issues.append("the other room's page showed a nickname of the room")
    result = {
        "sessions": args.sessions,
        "min_points_seen": min(finals),
        "other_room_points": max(other_seen, default=0),
        "database": args.database,
        "seconds_to_see_all": round(max(saw_all) - start, 1) if None not in saw_all else None,
    }
    out = sys.stderr if args.json else sys.stdout  # --json: stdout carries the JSON line alone
    print(f"client                  : {args.client} (board re-read every {args.period:g} s)", file=out)
    print(f"database                : {args.database}", file=out)
    print(f"room sessions           : {args.sessions}, each adding {RUNS_PER_ADD} runs ({want} points)", file=out)
    print(f"pages opened in         : {start - opened:.1f} s", file=out)
    print(f"fewest points seen      : {result['min_points_seen']} of {want}", file=out)
    print(f"other room's most seen  : {result['other_room_points']} (goal: 0)", file=out)
    if args.client == "agent":  # a browser folds the board's table away; agent snapshots carry its data
        print(
            f"nicknames readable      : on {named} of {args.sessions} room pages, on the other room's: "
            f"{'yes' if learners[-1].names_shown else 'no'}",
            file=out,
        )
    if all(p.added_at for p in room_learners):
        last_add = max(p.added_at for p in room_learners) - start
        print(f"last Add confirmed after: {last_add:.1f} s (each Add reruns its page)", file=out)
    print(f"seconds to see all      : {result['seconds_to_see_all']} (from everyone's Add to the last page)", file=out)
    print(f"problems on the pages   : {len(issues)}", *issues[:10], sep="\n  ", file=out)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="the summary to stderr, only the JSON line to stdout")
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--client", choices=("agent", "browser"), default="agent")
    parser.add_argument("--period", type=float, default=3.0, help="the board's re-read period (s)")
    parser.add_argument("--timeout", type=float, default=240.0, help="give up after this many seconds")
    args = parser.parse_args()
    result = measure(args)
    print(json.dumps(result), flush=True)
    ok = result["min_points_seen"] == RUNS_PER_ADD * args.sessions and result["other_room_points"] == 0
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
