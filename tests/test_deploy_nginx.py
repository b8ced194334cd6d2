"""The self-host recipe (``deploy/``): its nginx configuration passes ``nginx -t``, and real requests
through it reach real app processes started by ``deploy/start.py``: health, the page, the websocket
upgrade, cookie stickiness, and a pinned process that is down handing over to another."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from deploy.start import nginx_binary, nginx_command, render, wait_healthy, write_config
from tests.browser import free_port

ROOT = Path(__file__).resolve().parents[1]

if nginx_binary() is None:
    if os.environ.get("CI"):  # .ci/run installs Debian's nginx: missing there is a failure
        pytest.fail("nginx tests must run under CI: nginx is not installed", pytrace=False)
    pytest.skip("nginx is not installed", allow_module_level=True)


def nginx_t(text: str, run_dir: Path) -> subprocess.CompletedProcess:
    conf = write_config(text, run_dir)
    return subprocess.run(nginx_command(conf, run_dir, "-t"), capture_output=True, text=True, timeout=30)


def test_rendered_configuration_passes_nginx_t(tmp_path: Path) -> None:
    text = render([8501, 8502, 8503], 8080, tmp_path)
    assert "{{" not in text
    result = nginx_t(text, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr


def test_nginx_t_catches_a_broken_configuration(tmp_path: Path) -> None:
    # Without the map that defines $connection_upgrade the configuration is invalid: the check says so.
    text = render([8501, 8502], 8080, tmp_path)
    broken = re.sub(r"map \$http_upgrade \$connection_upgrade \{.*?\n    \}\n", "", text, flags=re.S)
    assert broken != text
    result = nginx_t(broken, tmp_path)
    assert result.returncode != 0
    assert "connection_upgrade" in result.stderr


def test_configuration_declares_what_a_deployment_needs(tmp_path: Path) -> None:
    text = render([9001, 9002, 9003, 9004], "127.0.0.1:9000", tmp_path, upstream_host="app")
    assert "server_tokens off;" in text
    assert re.search(r"client_max_body_size 1m;", text)
    assert "listen 127.0.0.1:9000;" in text
    stream = text[text.index("location /_stcore/stream") :]
    assert re.search(r"proxy_read_timeout \d+h;", stream.split("}")[0])  # a lesson-long websocket
    assert "proxy_set_header Upgrade $http_upgrade;" in text
    assert "proxy_set_header Connection $connection_upgrade;" in text
    # Every process has its pinned upstream, with the others as backups, and a route number.
    for i, port in enumerate((9001, 9002, 9003, 9004)):
        block = re.search(rf"upstream mlp_lab_{i} \{{(.*?)\}}", text, flags=re.S).group(1)
        assert f"server app:{port} max_fails" in block
        assert block.count(" backup;") == 3
        assert f'"{i}" mlp_lab_{i};' in text
    # Nothing the package's defaults would write under /var (needs root): all under the run folder.
    assert "/var/" not in text
    assert str(tmp_path) + "/nginx.pid" in text


def websocket_handshake(port: int, cookie: str | None = None, path: str = "/_stcore/stream") -> tuple[int, dict]:
    """A raw websocket upgrade request; the response's status code and headers."""
    key = base64.b64encode(os.urandom(16)).decode()
    lines = [
        f"GET {path} HTTP/1.1",
        f"Host: 127.0.0.1:{port}",
        "Upgrade: websocket",
        "Connection: Upgrade",
        f"Sec-WebSocket-Key: {key}",
        "Sec-WebSocket-Version: 13",
        "Sec-WebSocket-Protocol: streamlit",
    ]
    if cookie:
        lines.append(f"Cookie: {cookie}")
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = s.recv(4096)
            if not chunk:
                break
            data += chunk
    head = data.split(b"\r\n\r\n")[0].decode("latin-1").split("\r\n")
    status = int(head[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, v in (h.split(":", 1) for h in head[1:] if ":" in h)}
    if status == 101:  # the app's own answer came through, not a proxy's invention
        accept = base64.b64encode(hashlib.sha1((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").encode()).digest())
        assert headers["sec-websocket-accept"] == accept.decode()
    return status, headers


def get(url: str, cookie: str | None = None) -> tuple[int, str, dict]:
    req = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(req, timeout=10) as r:
        headers = {k.lower(): v for k, v in r.headers.items()}
        headers["set-cookie"] = r.headers.get_all("Set-Cookie") or []
        return r.status, r.read().decode(), headers


def route_cookie(headers: dict) -> str | None:
    for c in headers["set-cookie"]:
        m = re.match(r"mlp_lab_route=(\d+)", c)
        if m:
            return m.group(1)
    return None


def upstreams(access_log: Path) -> list[tuple[str, str, str]]:
    """(request line, route cookie, upstream address) per request nginx logged."""
    pattern = r'"([^"]*)" \d+ route=(\S*) upstream=(\S*(?:, \S+)*) rt='
    return re.findall(pattern, access_log.read_text())


@contextlib.contextmanager
def nginx(text: str, run_dir: Path, port: int) -> Iterator[Path]:
    """nginx in the foreground on ``text``; yields its access log; stopped afterwards."""
    conf = write_config(text, run_dir)
    proc = subprocess.Popen(nginx_command(conf, run_dir), stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 10
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
                break
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"nginx did not start: {proc.stderr.read().decode() if proc.stderr else ''}")
            time.sleep(0.1)
        yield run_dir / "access.log"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def recipe(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    """``deploy/start.py`` with 2 app processes and nginx, as an operator runs it."""
    base = tmp_path_factory.mktemp("recipe")
    listen, first = free_port(), free_port()
    while first + 1 == listen or listening(first + 1):
        first = free_port()
    proc = subprocess.Popen(
        [
            sys.executable, "deploy/start.py", "--processes", "2", "--port", str(listen),
            "--listen-address", "127.0.0.1", "--first-app-port", str(first),
            "--run-dir", str(base / "run"), "--log-dir", str(base / "logs"),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        wait_healthy(f"http://127.0.0.1:{listen}/_stcore/health", proc, timeout=90)
        yield {"listen": listen, "apps": [first, first + 1], "run": base / "run", "base": base, "proc": proc}
    finally:
        proc.send_signal(signal.SIGTERM)  # the script's own clean-up stops every process it started
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, proc.stdout.read().decode() if proc.stdout else ""
    for port in (first, first + 1, listen):
        assert not listening(port), f"port {port} still served after the script stopped"


def listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def test_health_and_page_through_nginx(recipe: dict) -> None:
    base = f"http://127.0.0.1:{recipe['listen']}"
    status, body, headers = get(f"{base}/_stcore/health")
    assert (status, body) == (200, "ok")
    assert headers["server"] == "nginx"  # no version: server_tokens off
    assert route_cookie(headers) in {"0", "1"}
    status, body, _ = get(f"{base}/")
    assert status == 200
    assert "<title>Streamlit</title>" in body or 'id="root"' in body


def test_websocket_upgrade_through_nginx_is_sticky(recipe: dict) -> None:
    listen, apps = recipe["listen"], recipe["apps"]
    _, _, headers = get(f"http://127.0.0.1:{listen}/")
    route = route_cookie(headers)
    status, ws_headers = websocket_handshake(listen, cookie=f"mlp_lab_route={route}")
    assert status == 101
    assert ws_headers["upgrade"].lower() == "websocket"
    for _ in range(4):  # a pinned visitor's later requests, and a pin to the other process
        get(f"http://127.0.0.1:{listen}/_stcore/health", cookie=f"mlp_lab_route={route}")
        get(f"http://127.0.0.1:{listen}/_stcore/health", cookie=f"mlp_lab_route={1 - int(route)}")
    deadline = time.monotonic() + 5  # nginx writes the websocket's line when it has closed
    while not any(r.startswith("GET /_stcore/stream") for r, _, _ in upstreams(recipe["run"] / "access.log")):
        assert time.monotonic() < deadline, "the websocket request was not logged"
        time.sleep(0.1)
    for request, cookie, upstream in upstreams(recipe["run"] / "access.log"):
        if cookie in ("0", "1"):  # every pinned request reached its own process
            assert upstream == f"127.0.0.1:{apps[int(cookie)]}", (request, cookie, upstream)


def test_websocket_check_catches_a_proxy_without_upgrade_headers(recipe: dict, tmp_path: Path) -> None:
    # The same configuration minus the two Upgrade/Connection lines: the handshake no longer gets 101.
    port = free_port()
    text = render(recipe["apps"], f"127.0.0.1:{port}", tmp_path)
    broken = text.replace("proxy_set_header Upgrade $http_upgrade;", "").replace(
        "proxy_set_header Connection $connection_upgrade;", ""
    )
    with nginx(broken, tmp_path, port):
        status, _ = websocket_handshake(port)
    assert status != 101


def test_a_pinned_process_that_is_down_hands_over(recipe: dict, tmp_path: Path) -> None:
    # Route 1 names a port where nothing listens: nginx answers from route 0 and moves the cookie there.
    port, dead = free_port(), free_port()
    text = render([recipe["apps"][0], dead], f"127.0.0.1:{port}", tmp_path)
    with nginx(text, tmp_path, port):
        status, body, headers = get(f"http://127.0.0.1:{port}/_stcore/health", cookie="mlp_lab_route=1")
        assert (status, body) == (200, "ok")
        assert route_cookie(headers) == "0"
        # A cookie naming no process (or forged) goes to the balancer and is replaced, never proxied as is.
        _, _, headers = get(f"http://127.0.0.1:{port}/_stcore/health", cookie="mlp_lab_route=evil.example:80")
        assert route_cookie(headers) == "0"
        # A visitor already pinned where it answered gets no new cookie.
        _, _, headers = get(f"http://127.0.0.1:{port}/_stcore/health", cookie="mlp_lab_route=0")
        assert route_cookie(headers) is None


def test_container_recipe_matches_the_app() -> None:
    # The image copies what the app runs (and never the secrets); compose's two roles agree on ports.
    dockerfile = (ROOT / "deploy" / "Dockerfile").read_text()
    copied = {line.split()[1] for line in dockerfile.splitlines() if line.startswith("COPY ")}
    assert {"app.py", "pages", "mlp_lab", "deploy", ".streamlit/config.toml", "requirements.txt"} <= copied
    assert "secrets" not in " ".join(copied)
    assert re.search(r"^USER (?!root)\w+", dockerfile, flags=re.M)
    compose = (ROOT / "deploy" / "compose.yaml").read_text()
    assert compose.count("--first-app-port=8501") == 2
    assert compose.count("--processes=${MLP_LAB_PROCESSES:-3}") == 2
    assert "--upstream-host=app" in compose
    assert "MLP_LAB_BOARD_URL: postgresql+psycopg://" in compose
    assert "cache:/srv/mlp_lab/cache" in compose
    if shutil.which("docker-compose"):  # validates the file where the tool is installed
        env = {**os.environ, "MLP_LAB_DB_PASSWORD": "test"}
        result = subprocess.run(
            ["docker-compose", "-f", "deploy/compose.yaml", "config", "-q"],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
