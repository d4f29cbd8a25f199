"""The Dagster webserver started on 127.0.0.1 serves the asset graph over GraphQL."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
WEBSERVER = str(Path(sys.executable).with_name("dagster-webserver"))
START_TIMEOUT_S = 120
ASSET_KEYS_QUERY = "{ assetNodes { assetKey { path } groupName } }"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def restore_default_signals() -> None:
    # A non-interactive parent may ignore SIGINT/SIGTERM; the webserver must not.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def graphql(port: int, query: str) -> dict:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql",
        data=json.dumps({"query": query}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def test_webserver_answers_graphql_with_the_asset_list(project_home: Path, tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    log = (tmp_path / "webserver.log").open("wb")
    process = subprocess.Popen(
        [WEBSERVER, "-m", "pipelines.definitions", "-h", "127.0.0.1", "-p", str(port)],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        preexec_fn=restore_default_signals,
    )
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        answer = None
        while time.monotonic() < deadline and process.poll() is None:
            try:
                answer = graphql(port, ASSET_KEYS_QUERY)
                if answer.get("data", {}).get("assetNodes"):
                    break
            except (urllib.error.URLError, ConnectionError, TimeoutError, ValueError):
                pass
            time.sleep(0.5)
        assert answer is not None, (
            f"webserver did not answer within {START_TIMEOUT_S} s: "
            + (tmp_path / "webserver.log").read_text(errors="replace")[-2000:]
        )
        nodes = answer["data"]["assetNodes"]
        keys = {"/".join(node["assetKey"]["path"]) for node in nodes}
        assert {"landing/greenhouse", "landing/hn", "warehouse/postings"} <= keys
        assert "transforms/extracted_postings" in keys
        assert "dashboards/report" in keys
        assert {node["groupName"] for node in nodes} == {
            "scrapers",
            "transforms",
            "warehouse",
            "dashboards",
        }
    finally:
        stop(process)
        log.close()
    assert process.returncode is not None
