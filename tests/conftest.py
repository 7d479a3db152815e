"""Shared helpers: fixture pages, a clean environment, the CLI runner and local HTTP servers."""
from __future__ import annotations

import socket
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from dateline import cli
from dateline.record import Document
from dateline.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures"


def fixture_path(name: str) -> Path:
    """A hand-written page under tests/fixtures/."""
    path = FIXTURES / name
    assert path.is_file(), f"missing fixture {name}"
    return path


def fixture_text(name: str) -> str:
    return fixture_path(name).read_text(encoding="utf-8")


def paragraph_texts(record: dict) -> list[str]:
    """The paragraphs of a record, cut out of its text by their offsets."""
    return [record["text"][p["start"]:p["end"]] for p in record["paragraphs"]]


def removed_kinds(record: dict) -> dict[str, str]:
    """Removed line text -> kind."""
    return {item["text"]: item["kind"] for item in record["removed"]}


def make_doc(raw: bytes | str, **hints: object) -> Document:
    """A bare document for running stages one by one."""
    data = raw.encode("utf-8") if isinstance(raw, str) else raw
    return Document(origin="<test>", raw=data, **hints)  # type: ignore[arg-type]


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No DATELINE_* variable of the developer's shell leaks into a test."""
    import os

    for key in list(os.environ):
        if key.startswith("DATELINE_"):
            monkeypatch.delenv(key)


@pytest.fixture
def settings() -> Settings:
    return Settings()


@dataclass
class CliResult:
    code: int
    out: str
    err: str

    @property
    def out_lines(self) -> list[str]:
        return [line for line in self.out.splitlines() if line.strip()]

    @property
    def err_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.strip()]


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Callable[..., CliResult]:
    """Run ``dateline.cli.main`` in-process and capture what it prints."""

    def run(*argv: str, stdin: bytes | None = None) -> CliResult:
        if stdin is not None:
            import io

            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
        code = cli.main(list(argv))
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


# --- local HTTP servers -------------------------------------------------------------------

Route = tuple[int, dict[str, str], bytes]


@dataclass
class LocalServer:
    base: str
    routes: dict[str, Route]
    seen: list[tuple[str, dict[str, str]]]

    def url(self, path: str) -> str:
        return self.base + path


@pytest.fixture
def http_server() -> Iterator[LocalServer]:
    """A local ``http.server`` on 127.0.0.1, a free port, in a thread; tests add routes."""
    routes: dict[str, Route] = {}
    seen: list[tuple[str, dict[str, str]]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            seen.append((self.path, dict(self.headers.items())))
            status, headers, body = routes.get(self.path, (404, {}, b"not found"))
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield LocalServer(f"http://127.0.0.1:{server.server_address[1]}", routes, seen)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A TCP port on 127.0.0.1 that accepts connections and never answers."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}/slow"
    finally:
        sock.close()


@pytest.fixture
def closed_port_url() -> str:
    """A URL on 127.0.0.1 where nothing listens (connections are refused)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return f"http://127.0.0.1:{port}/"
