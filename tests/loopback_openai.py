"""A small OpenAI-compatible chat-completions server on 127.0.0.1, for judge tests and benchmarks.

The test supplies ``handler_fn(request: Recorded) -> reply``; a reply is a :class:`Reply`, a tuple
``(status, body)`` / ``(status, body, headers)``, or a bare body (status 200). ``body`` is a dict/list (sent as
JSON) or ``bytes``/``str`` (sent as is, e.g. malformed JSON). Every request is recorded, thread-safely::

    with LoopbackServer(lambda req: completion({"80": 0.5, "90": 0.5})) as server:
        judge = OpenAIJudge("gpt-x", base_url=server.base_url)
        ...
        assert server.count == 1 and server.requests[0].body["max_tokens"] == 1
"""
from __future__ import annotations

import json
import math
import socket
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Mapping, Sequence, Union

CHAT_PATH = "/v1/chat/completions"


@dataclass
class Reply:
    """What the server answers: ``delay_s`` seconds of silence first (a hang), then status, headers and body."""

    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0


@dataclass(frozen=True)
class Recorded:
    """One received request. ``index`` counts arrivals from 0; ``body`` is the parsed JSON (None if not JSON)."""

    index: int
    method: str
    path: str
    headers: dict[str, str]
    raw: bytes
    body: Any

    @property
    def prompt(self) -> str:
        """The content of the first chat message ('' when absent)."""
        try:
            return str(self.body["messages"][0]["content"])
        except (KeyError, IndexError, TypeError):
            return ""


ReplyLike = Union[Reply, tuple, dict, bytes, str]
HandlerFn = Callable[[Recorded], ReplyLike]


def completion(
    top: Mapping[str, float] | Sequence[tuple[str, float]],
    *,
    probs: bool = True,
    model: str = "loopback-judge",
) -> dict:
    """A chat-completions body whose first token has ``top`` as its top logprobs.

    ``top`` maps token → probability (``probs=True``) or token → logprob (``probs=False``); a sequence of pairs
    may repeat a token. The chosen token is the most likely one.
    """
    pairs = list(top.items()) if isinstance(top, Mapping) else list(top)
    entries = []
    for token, value in pairs:
        logprob = (math.log(value) if value > 0 else -9999.0) if probs else float(value)
        entries.append({"token": token, "logprob": logprob, "bytes": list(token.encode("utf-8"))})
    best = max(entries, key=lambda e: e["logprob"]) if entries else {"token": "", "logprob": 0.0, "bytes": []}
    return {
        "id": "chatcmpl-loopback",
        "object": "chat.completion",
        "created": 0,
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": best["token"]},
                "finish_reason": "length",
                "logprobs": {"content": [{**best, "top_logprobs": entries}]},
            }
        ],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }


def text_reply(
    tokens: Sequence[str],
    tops: Mapping[int, Mapping[str, float]] | None = None,
    *,
    logprobs: bool = True,
    model: str = "loopback-judge",
) -> dict:
    """A chat-completions body whose reply is ``tokens`` joined; at position k the top logprobs are ``tops[k]``
    (token → probability) or just the chosen token with probability 1. ``logprobs=False``: text only."""
    entries = []
    for k, token in enumerate(tokens):
        top = dict((tops or {}).get(k) or {token: 1.0})
        alternatives = [{"token": t, "logprob": math.log(p) if p > 0 else -9999.0, "bytes": list(t.encode("utf-8"))}
                        for t, p in top.items()]
        entries.append({"token": token, "logprob": max(e["logprob"] for e in alternatives),
                        "bytes": list(token.encode("utf-8")),
                        "top_logprobs": alternatives})
    choice = {"index": 0, "message": {"role": "assistant", "content": "".join(tokens)}, "finish_reason": "stop",
              "logprobs": {"content": entries} if logprobs else None}
    return {"id": "chatcmpl-loopback", "object": "chat.completion", "created": 0, "model": model, "choices": [choice],
            "usage": {"prompt_tokens": 1, "completion_tokens": len(tokens), "total_tokens": 1 + len(tokens)}}


def error(status: int, message: str, headers: Mapping[str, str] | None = None) -> Reply:
    """An OpenAI-style error reply."""
    body = {"error": {"message": message, "type": "loopback_error", "code": status}}
    return Reply(status, body, dict(headers or {}))


def _as_reply(value: ReplyLike) -> Reply:
    if isinstance(value, Reply):
        return value
    if isinstance(value, (dict, bytes, str)):
        return Reply(200, value)
    if isinstance(value, tuple) and len(value) in (2, 3):
        status, body, *rest = value
        return Reply(int(status), body, dict(rest[0]) if rest and rest[0] else {})
    raise TypeError(f"handler returned {type(value).__name__}: expected Reply, (status, body[, headers]) or dict")


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, like a real endpoint
    timeout = 30  # an idle kept-alive connection is dropped after this
    server: "_Server"

    def setup(self) -> None:
        super().setup()
        # no Nagle: small writes would otherwise wait ~40 ms for the client's delayed ACK
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet
        pass

    def do_POST(self) -> None:  # noqa: N802
        self._serve("POST")

    def do_GET(self) -> None:  # noqa: N802
        self._serve("GET")

    def _serve(self, method: str) -> None:
        owner = self.server.owner
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = None
        owner._enter()
        try:
            request = owner._record(method, self.path, dict(self.headers.items()), raw, body)
            if (method, self.path.rstrip("/")) not in owner.routes:
                reply = error(404, f"no route {method} {self.path}")
            else:
                try:
                    reply = _as_reply(owner.handler_fn(request))
                except Exception as exc:  # a test's handler bug shows up as a 599, not a hang
                    reply = error(599, f"loopback handler raised {type(exc).__name__}: {exc}")
            if owner._sleep(owner.latency_s + reply.delay_s):
                return  # shutting down
            self._send(reply)
        finally:
            owner._leave()

    def _send(self, reply: Reply) -> None:
        if isinstance(reply.body, (bytes, bytearray)):
            payload, ctype = bytes(reply.body), "application/json"
        elif isinstance(reply.body, str):
            payload, ctype = reply.body.encode("utf-8"), "application/json"
        elif reply.body is None:
            payload, ctype = b"", "application/json"
        else:
            payload, ctype = json.dumps(reply.body).encode("utf-8"), "application/json"
        self.send_response(reply.status)
        headers = {"Content-Type": ctype, **reply.headers, "Content-Length": str(len(payload))}
        for key, value in headers.items():
            self.send_header(key, value)
        # headers and body in one write (what end_headers + wfile.write would send as two)
        self._headers_buffer.append(b"\r\n" + payload)
        self.flush_headers()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    owner: "LoopbackServer"

    def process_request(self, request: Any, client_address: Any) -> None:
        self.owner._track(request)
        super().process_request(request, client_address)

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that gave up (timeout) leaves a broken pipe: expected in tests


class LoopbackServer:
    """An OpenAI-compatible server on 127.0.0.1 (a free port) in a daemon thread; use as a context manager."""

    def __init__(self, handler_fn: HandlerFn, latency_s: float = 0.0,
                 routes: frozenset[tuple[str, str]] = frozenset({("POST", CHAT_PATH)})) -> None:
        """``routes``: the (method, path) pairs answered by ``handler_fn``; any other is a 404."""
        self.handler_fn = handler_fn
        self.routes = routes
        self.latency_s = latency_s
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._requests: list[Recorded] = []
        self._in_flight = 0
        self._max_in_flight = 0
        self._conns: list[socket.socket] = []
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -----------------------------------------------------------------------------------------
    def start(self) -> "LoopbackServer":
        httpd = _Server(("127.0.0.1", 0), _Handler)
        httpd.owner = self
        self._httpd = httpd
        self._thread = threading.Thread(
            target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, name="loopback-openai", daemon=True
        )
        self._thread.start()
        return self

    def close(self) -> None:
        """Stop serving, wake sleeping handlers and drop open connections; bounded in time."""
        if self._httpd is None:
            return
        self._stop.set()
        self._httpd.shutdown()
        with self._lock:
            conns, self._conns = self._conns, []
        for conn in conns:
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=2.0)
        self._httpd = None

    def __enter__(self) -> "LoopbackServer":
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- what tests read -----------------------------------------------------------------------------------
    @property
    def port(self) -> int:
        assert self._httpd is not None, "server not started"
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    @property
    def requests(self) -> list[Recorded]:
        with self._lock:
            return list(self._requests)

    @property
    def count(self) -> int:
        with self._lock:
            return len(self._requests)

    @property
    def max_in_flight(self) -> int:
        """The most requests handled at the same time so far."""
        with self._lock:
            return self._max_in_flight

    def reset(self) -> None:
        """Forget recorded requests and the in-flight maximum."""
        with self._lock:
            self._requests.clear()
            self._max_in_flight = self._in_flight

    # -- internals used by the handler ---------------------------------------------------------------------
    def _track(self, conn: socket.socket) -> None:
        with self._lock:
            self._conns = [c for c in self._conns if c.fileno() != -1]
            self._conns.append(conn)

    def _record(self, method: str, path: str, headers: dict[str, str], raw: bytes, body: Any) -> Recorded:
        with self._lock:
            request = Recorded(len(self._requests), method, path, headers, raw, body)
            self._requests.append(request)
            return request

    def _enter(self) -> None:
        with self._lock:
            self._in_flight += 1
            self._max_in_flight = max(self._max_in_flight, self._in_flight)

    def _leave(self) -> None:
        with self._lock:
            self._in_flight -= 1

    def _sleep(self, seconds: float) -> bool:
        """Sleep unless shutting down; True when the server is stopping."""
        if seconds > 0:
            return self._stop.wait(seconds)
        return self._stop.is_set()
