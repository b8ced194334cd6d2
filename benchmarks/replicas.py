"""Several app processes behind nginx, one configuration asked for by many learners at once.

Starts the self-host recipe itself (``deploy/start.py``: 3 ``streamlit run app.py`` processes sharing
one fresh cache folder, nginx in front with its cookie stickiness), opens 12 server sessions through
nginx with Streamlit's agent API (real sessions without browsers, so the time is the servers' own),
spreads them over the processes the way nginx spreads learners (a first request per session, then
its ``mlp_lab_route`` cookie pins it), and has all of them open the MLP page on the same not yet
trained configuration at the same moment.

Reports: sessions per process (from each session's cookie, checked against nginx's access log: every
pinned request logged under that process's address), trainings started (``computing:`` lines of
``mlp_lab.training.train`` in the three servers' logs; the cache folder is fresh, so every training
counts), whether every session showed the same result, the seconds until all had, and each server's
memory (RSS now and its peak). The last line is a JSON object:

    {"processes": 3, "sessions": 12, "trainings": 1, "all_saw_result": true, "proxy": "nginx", "seconds": s, ...}

    MLP_LAB_DATA=/path/to/fashion-mnist python benchmarks/replicas.py [--sessions 12] [--epochs 1] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.load import AgentSession, nodes, problems  # noqa: E402
from deploy.start import wait_healthy  # noqa: E402
from tests.browser import free_port  # noqa: E402

ROUTE = re.compile(r"mlp_lab_route=(\d+)")
# One line per training started; the key is cut at 150 characters, so the seed may be shortened.
TRAINING = re.compile(r"computing: \('mlp_lab\.training\.train', TrainConfig\((?:.*\bseed=(\d*))?")


class PinnedSession(AgentSession):
    """An agent session that keeps nginx's route cookie, as a browser keeps it."""

    def __init__(self, server: str) -> None:
        super().__init__(server)
        self.route: str | None = None

    def _cookie(self) -> dict[str, str]:
        return {"Cookie": f"mlp_lab_route={self.route}"} if self.route is not None else {}

    def _keep(self, headers) -> None:
        for value in headers.get_all("Set-Cookie") or []:
            m = ROUTE.match(value)
            if m:
                self.route = m.group(1)

    def pin(self) -> str:
        """The first request of a new visitor: nginx chooses a process and names it in the cookie."""
        req = urllib.request.Request(f"{self.server}/_stcore/health", headers=self._cookie())
        with urllib.request.urlopen(req, timeout=30) as resp:
            self._keep(resp.headers)
        if self.route is None:
            raise RuntimeError("nginx set no route cookie")
        return self.route

    def _post(self, body: dict) -> dict:
        req = urllib.request.Request(
            f"{self.server}/_stcore/agent/interact",
            data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json", **self._cookie()},
        )
        try:
            with urllib.request.urlopen(req, timeout=900) as resp:
                self._keep(resp.headers)
                return json.loads(resp.read())
        except urllib.error.HTTPError as exc:
            raise RuntimeError(f"agent API {exc.code}: {exc.read()[:300]!r}") from exc


def consecutive_free_ports(n: int) -> int:
    """The first of ``n`` consecutive ports where nothing listens (the recipe numbers them so)."""
    import socket

    for _ in range(50):
        first = free_port()
        ok = True
        for p in range(first, first + n):
            with socket.socket() as s:
                try:
                    s.bind(("127.0.0.1", p))
                except OSError:
                    ok = False
                    break
        if ok:
            return first
    raise RuntimeError("no consecutive free ports")


def app_pids(parent: int) -> dict[int, int]:
    """The recipe's streamlit processes, by port (from their command lines)."""
    out = {}
    children = Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
    for pid in map(int, children):
        args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        if b"streamlit" in args and b"--server.port" in args:
            out[int(args[args.index(b"--server.port") + 1])] = pid
    return out


def rss_mb(pid: int) -> tuple[float, float]:
    """(RSS now, peak RSS) in MB."""
    now = peak = float("nan")
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            now = int(line.split()[1]) / 1024
        elif line.startswith("VmHWM:"):
            peak = int(line.split()[1]) / 1024
    return now, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=3)
    parser.add_argument("--sessions", type=int, default=12)
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    args = parser.parse_args()
    say = (lambda *a, **k: None) if args.json else print

    seed = random.randint(1000, 9999)  # few digits: the log line shortens a key to 150 characters
    params = {"lang": "en", "mlp_epochs": str(args.epochs), "seed": str(seed)}
    work = Path(tempfile.mkdtemp(prefix="mlp-lab-replicas-"))
    listen, first = free_port(), consecutive_free_ports(args.processes)
    ports = [first + i for i in range(args.processes)]
    env = {
        **os.environ,
        "MLP_LAB_CACHE": str(work / "cache"),  # fresh: nothing is trained yet, in any process
        "STREAMLIT_SERVER_ENABLE_AGENT_API": "true",
    }
    proc = subprocess.Popen(
        [
            sys.executable, "deploy/start.py", "--processes", str(args.processes),
            "--port", str(listen), "--listen-address", "127.0.0.1", "--first-app-port", str(first),
            "--run-dir", str(work / "run"), "--log-dir", str(work / "logs"),
        ],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL if args.json else None,
    )  # fmt: skip
    try:
        server = f"http://127.0.0.1:{listen}"
        wait_healthy(f"{server}/_stcore/health", proc, timeout=180)
        pids = app_pids(proc.pid)
        sessions = [PinnedSession(server) for _ in range(args.sessions)]
        routes = Counter(s.pin() for s in sessions)
        say(f"sessions per process (cookie)   : {dict(sorted(routes.items()))}")

        barrier = threading.Barrier(len(sessions))

        def open_page(s: PinnedSession) -> tuple[str | None, list[str], float]:
            barrier.wait()  # every session asks at the same moment
            snap = s.visit("mlp", params)
            metrics = [n for n in nodes(snap["tree"]) if n.get("type") == "metric"]
            value = str(metrics[0].get("value", metrics[0]["props"].get("value"))) if metrics else None
            return value, problems(snap), time.perf_counter()

        start = time.perf_counter()
        with ThreadPoolExecutor(len(sessions)) as pool:
            results = list(pool.map(open_page, sessions))
        seconds = max(t for _, _, t in results) - start
        shown = [v for v, _, _ in results]
        all_saw = all(v is not None for v in shown) and len(set(shown)) == 1

        # nginx's own record: each pinned request went to the process its cookie names.
        log = (work / "run" / "access.log").read_text()
        logged = Counter()
        for route, upstream in re.findall(r'"POST /_stcore/agent/interact[^"]*" \d+ route=(\d+) upstream=(\S+)', log):
            if upstream.rstrip(",") != f"127.0.0.1:{ports[int(route)]}":
                raise RuntimeError(f"route {route} was served by {upstream}")
            logged[route] += 1
        per_process = {}
        for port in ports:
            text = (work / "logs" / f"app-{port}.log").read_text()
            per_process[port] = TRAINING.findall(text)
        trainings = sum(len(v) for v in per_process.values())
        wrong = [s for v in per_process.values() for s in v if not str(seed).startswith(s)]
        memory = {port: rss_mb(pid) for port, pid in sorted(pids.items())}

        say(f"page visits per process (nginx) : {dict(sorted(logged.items()))}")
        say(f"trainings per process (logs)    : { {p: len(v) for p, v in per_process.items()} }   (goal: 1 in total)")
        if wrong:
            say(f"  trainings of other configurations: {wrong}")
        say(f"seconds until all showed results: {seconds:.1f}")
        say(f"results shown                   : {Counter(shown)}")
        for _, probs, _ in results:
            for p in probs[:2]:
                say(f"  problem shown: {p}")
        for port, (now, peak) in memory.items():
            say(f"server on {port} RSS             : {now:.0f} MB (peak {peak:.0f} MB)")
        total_now, total_peak = sum(m[0] for m in memory.values()), sum(m[1] for m in memory.values())
        say(f"servers' RSS, total             : {total_now:.0f} MB (peaks summed {total_peak:.0f} MB)")
        spread = len(routes) == args.processes and set(logged) == set(routes)
        print(
            json.dumps(
                {
                    "processes": args.processes,
                    "sessions": args.sessions,
                    "trainings": trainings,
                    "all_saw_result": all_saw,
                    "proxy": "nginx",
                    "seconds": round(seconds, 1),
                    "sessions_per_process": [routes.get(str(i), 0) for i in range(args.processes)],
                    "spread_over_all": spread,
                    "rss_mb": [round(m[0]) for m in memory.values()],
                    "rss_total_mb": round(total_now),
                    "peak_rss_mb": [round(m[1]) for m in memory.values()],
                }
            ),
            flush=True,
        )
    finally:
        proc.send_signal(signal.SIGTERM)  # the recipe's own clean-up stops its processes and nginx
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == "__main__":
    main()
