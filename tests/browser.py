"""The browser harness: a real ``streamlit run app.py`` and Debian's chromium through Playwright.

Every page joins by being in ``mlp_lab.ui.pages``; ``benchmarks/load.py`` reuses the server helper.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("MLP_LAB_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = ROOT / "screenshots"


def browser_available() -> str | None:
    """None when the harness can run, else why not."""
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        return f"no chromium at {CHROMIUM}"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed"
    return None


def require_browser() -> None:
    """Skip the calling test module when Playwright or Debian's chromium is missing."""
    import pytest

    reason = browser_available()
    if reason and os.environ.get("CI"):  # .ci/run installs chromium: missing there is a failure
        pytest.fail(f"browser tests must run under CI: {reason}", pytrace=False)
    if reason:
        pytest.skip(reason, allow_module_level=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server(str):
    """The server's URL (use it as a string), with its process id and log file."""

    pid: int
    log_path: Path


@contextlib.contextmanager
def streamlit_server(env: dict[str, str] | None = None, timeout: float = 60) -> Iterator[Server]:
    """Start the app headless on a free loopback port; yield its URL; stop it afterwards."""
    port = free_port()
    log_dir = ROOT / ".pytest_cache"
    log_dir.mkdir(exist_ok=True)
    log_path = log_dir / f"streamlit-{port}.log"
    log = open(log_path, "w")  # noqa: SIM115 (closed in finally)
    proc = subprocess.Popen(
        [
            sys.executable, "-m", "streamlit", "run", "app.py",
            "--server.headless", "true",
            "--server.port", str(port),
            "--server.address", "127.0.0.1",
            "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none",
        ],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdout=log,
        stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = Server(f"http://127.0.0.1:{port}")
    url.pid, url.log_path = proc.pid, log_path
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("streamlit did not become healthy")
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@contextlib.contextmanager
def chromium() -> Iterator:
    """Debian's chromium through Playwright, launched once per test module."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def wait_idle(page, timeout_ms: int = 180_000) -> None:
    """Wait until the page has rendered and its script has stayed idle for about a second.

    Right after a load or a click the root can still say notRunning before the run begins, so one
    sighting is not enough.
    """
    page.wait_for_selector("[data-testid='stMain'] h1", timeout=timeout_ms)
    idle = page.locator("[data-test-script-state='notRunning']")
    deadline = time.monotonic() + timeout_ms / 1000
    stable = 0
    while stable < 4:
        if time.monotonic() > deadline:
            raise TimeoutError("the app did not become idle")
        stable = stable + 1 if idle.count() else 0
        page.wait_for_timeout(300)


def page_problems(page) -> list[str]:
    """Exception elements and error boxes on the page, as text."""
    out = []
    dialog = page.query_selector("[role='dialog']")
    if dialog is not None and "not found" in dialog.inner_text().lower():
        out.append("page not found: " + dialog.inner_text()[:200])
    for sel in ("[data-testid='stException']", "[data-testid='stAlertContentError']"):
        for el in page.query_selector_all(sel):
            out.append(f"{sel}: {el.inner_text()[:300]}")
    return out


def server_details(root: Path = ROOT) -> dict[str, re.Pattern]:
    """What a visitor must never read on a page: the server's paths, host name and MLP_LAB_* values.

    Each is a pattern that matches the detail as a whole name, so ``/work`` does not match
    ``/workers`` and a host called ``vm`` does not match ``vmin`` in a style sheet. Short or numeric
    MLP_LAB_* values (``MLP_LAB_THREADS=2``, ``MLP_LAB_DEVICE=cpu``) are left out: a page may say
    "2" or "cpu" for its own reasons; every path-like or longer value is in.
    """
    paths = {str(root), str(root.resolve()), str(Path.home()), "/root", "/work", "/tmp/"}
    for name in ("MLP_LAB_DATA", "MLP_LAB_CACHE"):
        if os.environ.get(name):
            paths |= {os.environ[name], str(Path(os.environ[name]).resolve())}
    values = {
        f"${name}": value
        for name, value in os.environ.items()
        if name.startswith("MLP_LAB_") and ("/" in value or (len(value) >= 6 and not value.isdigit()))
    }
    found: dict[str, re.Pattern] = {}
    for p in paths:
        if p not in ("", "/"):
            found[p] = re.compile(re.escape(p.rstrip("/")) + r"(?![\w-])")
    for label, value in values.items():
        found[label] = re.compile(re.escape(value) + r"(?![\w-])")
    host = socket.gethostname()
    if host:
        found[f"host {host}"] = re.compile(r"(?<![\w.-])" + re.escape(host) + r"(?![\w-])")
    return found


def leaked(text: str, details: dict[str, re.Pattern]) -> list[str]:
    """The server details found in ``text``, each with a little context."""
    out = []
    for name, pattern in details.items():
        m = pattern.search(text)
        if m:
            out.append(f"{name}: …{text[max(0, m.start() - 60) : m.end() + 60]!r}…")
    return out
