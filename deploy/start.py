"""Start N app processes on consecutive ports and nginx in front of them; stop them all together.

    python deploy/start.py                        # 3 processes on 8501-8503, nginx on 8080
    python deploy/start.py --processes 4 --port 8000 --first-app-port 9001

Every process shares one results cache (``MLP_LAB_CACHE``, default ``./.cache/mlp_lab``), so a
configuration trained in one is served by all, and one cookie secret (``STREAMLIT_SERVER_COOKIE_SECRET``,
made up per start when unset), so a learner's cookies stay valid whichever process answers. nginx
runs as the calling user with everything it writes (pid, temp files, access log) in ``--run-dir``:
no root is needed on a port above 1023. Ctrl-C or SIGTERM stops every process; if one of them dies,
the others are stopped too and the script exits non-zero, so a supervisor (systemd, Docker) can
restart the whole set.

``--only app`` / ``--only proxy`` split the set over two containers (``deploy/compose.yaml``):
the app processes in one, nginx (pointed at ``--upstream-host``) in the other.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = Path(__file__).resolve().parent / "nginx.conf.template"


def render(
    app_ports: Sequence[int],
    listen: int | str,
    run_dir: Path | str,
    *,
    upstream_host: str = "127.0.0.1",
    daemon: bool = False,
    access_log: str | None = None,
) -> str:
    """The nginx configuration for these app ports: ``deploy/nginx.conf.template`` with its slots filled.

    ``listen`` is what nginx's ``listen`` takes (a port, or ``address:port``). Route numbers are the
    processes' positions (0..N-1); the cookie carries the number, never an address.
    """
    run_dir = str(run_dir)
    servers = [f"{upstream_host}:{p}" for p in app_ports]
    pinned = []
    for i, own in enumerate(servers):
        # The pinned process first; the others only when it is down (then the cookie moves).
        lines = [f"        server {own} max_fails=1 fail_timeout=10s;"]
        lines += [f"        server {s} backup;" for s in servers if s != own]
        pinned.append(f"    upstream mlp_lab_{i} {{\n" + "\n".join(lines) + "\n    }")
    slots = {
        "run_dir": run_dir,
        "daemon": "on" if daemon else "off",
        "access_log": access_log or f"{run_dir}/access.log",
        "listen": str(listen),
        "route_map": "\n".join(f'        "{i}" mlp_lab_{i};' for i in range(len(servers))),
        # By port alone: in compose the upstream host is a service name and nginx logs its IP.
        "answered_map": "\n".join(f'        "~:{p}$" "{i}";' for i, p in enumerate(app_ports)),
        "same_route_map": "\n".join(f'        "{i}|{i}" "";' for i in range(len(servers))),
        "servers": "\n".join(f"        server {s} max_fails=1 fail_timeout=10s;" for s in servers),
        "pinned_upstreams": "\n\n".join(pinned),
    }
    text = TEMPLATE.read_text()
    for name, value in slots.items():
        text = text.replace("{{" + name + "}}", value)
    if "{{" in text:
        raise ValueError(f"unfilled slot in {TEMPLATE.name}: {text[text.index('{{') :][:40]}")
    return text


def write_config(text: str, run_dir: Path) -> Path:
    """Write the rendered configuration into the run folder, with the temp folders nginx expects."""
    run_dir.mkdir(parents=True, exist_ok=True)
    run_dir.chmod(0o755)  # started as root, nginx's workers run as nobody and must reach their temp folders
    for sub in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (run_dir / sub).mkdir(exist_ok=True)
    conf = run_dir / "nginx.conf"
    conf.write_text(text)
    return conf


def nginx_binary() -> str | None:
    """Debian's nginx (in /usr/sbin, often not on an unprivileged user's PATH)."""
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if os.access(p, os.X_OK)), None)


def nginx_command(conf: Path, run_dir: Path, *extra: str) -> list[str]:
    """``-e stderr`` keeps nginx from opening the package's /var/log error log before reading ours."""
    nginx = nginx_binary()
    if nginx is None:
        raise FileNotFoundError("nginx is not installed (Debian: apt-get install nginx)")
    return [nginx, "-e", "stderr", "-p", str(run_dir), "-c", str(conf), *extra]


def app_command(port: int, address: str = "127.0.0.1") -> list[str]:
    return [
        sys.executable, "-m", "streamlit", "run", "app.py",
        "--server.port", str(port),
        "--server.address", address,
        "--server.headless", "true",
        "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip


def app_env(base: dict[str, str] | None = None) -> dict[str, str]:
    """One cache folder and one cookie secret for every process of the set."""
    env = dict(os.environ if base is None else base)
    env["MLP_LAB_CACHE"] = str(Path(env.get("MLP_LAB_CACHE") or ROOT / ".cache" / "mlp_lab").resolve())
    env.setdefault("STREAMLIT_SERVER_COOKIE_SECRET", secrets.token_hex(32))
    return env


def wait_healthy(url: str, proc: subprocess.Popen | None = None, timeout: float = 120) -> None:
    """Poll ``url`` (a ``/_stcore/health`` address) until it answers 200."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"exited with {proc.returncode} before {url} answered")
        if time.monotonic() > deadline:
            raise TimeoutError(f"{url} did not become healthy in {timeout:.0f} s")
        time.sleep(0.3)


def stop(procs: Sequence[subprocess.Popen], timeout: float = 10) -> None:
    """SIGTERM to all first (they stop in parallel), then SIGKILL to any still running."""
    for p in procs:
        if p.poll() is None:
            p.terminate()
    deadline = time.monotonic() + timeout
    for p in procs:
        try:
            p.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", "-n", type=int, default=int(os.environ.get("MLP_LAB_PROCESSES", 3)))
    parser.add_argument("--port", type=int, default=8080, help="where nginx listens")
    parser.add_argument("--listen-address", default="", help="nginx's address (default: every address)")
    parser.add_argument("--first-app-port", type=int, default=8501, help="app processes on this port and up")
    parser.add_argument("--app-address", default="127.0.0.1", help="where the app processes listen")
    parser.add_argument("--upstream-host", default="127.0.0.1", help="where nginx finds the app processes")
    parser.add_argument("--run-dir", type=Path, help="nginx's pid, temp files, access log (default: a temp folder)")
    parser.add_argument("--log-dir", type=Path, help="one log file per app process (default: this stdout)")
    parser.add_argument("--only", choices=("app", "proxy"), help="start only the app processes, or only nginx")
    args = parser.parse_args(argv)
    if args.processes < 1:
        parser.error("--processes must be at least 1")

    ports = [args.first_app_port + i for i in range(args.processes)]
    run_dir = (args.run_dir or Path(tempfile.mkdtemp(prefix="mlp-lab-nginx-"))).resolve()
    procs: list[subprocess.Popen] = []
    stopping = False

    def on_signal(signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        if args.only != "proxy":
            env = app_env()
            if args.log_dir:
                args.log_dir.mkdir(parents=True, exist_ok=True)
            for port in ports:
                out = open(args.log_dir / f"app-{port}.log", "w") if args.log_dir else None  # noqa: SIM115
                procs.append(
                    subprocess.Popen(app_command(port, args.app_address), cwd=ROOT, env=env, stdout=out, stderr=out)
                )
            for port, proc in zip(ports, procs, strict=True):
                wait_healthy(f"http://{args.upstream_host}:{port}/_stcore/health", proc)
            print(f"mlp_lab: {len(ports)} app processes on ports {ports[0]}-{ports[-1]}", flush=True)
        if args.only != "app":
            listen = f"{args.listen_address}:{args.port}" if args.listen_address else args.port
            conf = write_config(render(ports, listen, run_dir, upstream_host=args.upstream_host), run_dir)
            subprocess.run(nginx_command(conf, run_dir, "-t", "-q"), check=True)
            procs.append(subprocess.Popen(nginx_command(conf, run_dir)))
            print(f"mlp_lab: nginx on port {args.port} (config and logs in {run_dir})", flush=True)
        while all(p.poll() is None for p in procs):  # until a signal, or one of the set dies
            time.sleep(0.5)
        dead = [p.args[0] if p.args[0] != sys.executable else "streamlit" for p in procs if p.poll() is not None]
        print(f"mlp_lab: {', '.join(map(str, dead))} exited; stopping the others", file=sys.stderr, flush=True)
        return 1
    except KeyboardInterrupt:
        return 0 if stopping else 130
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second signal must not cut the clean-up short
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        stop(procs)


if __name__ == "__main__":
    sys.exit(main())
