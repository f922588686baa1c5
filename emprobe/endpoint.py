"""Calling an OpenAI-compatible endpoint: one retry discipline for the judge and the served generation backend.

Retries with exponential backoff and full jitter on rate limits (HTTP 429, honouring ``Retry-After`` up to
``retry_after_max_s``), server errors (5xx, 408, 409), timeouts, connection errors and malformed responses; a
rejected key (401/403) or an unknown model (404) fails at once with an :class:`~emprobe.errors.EmprobeError`.
Any other 4xx is one request's refusal: the caller decides whether that is an item's verdict (the judge) or an
error (generation).
"""
from __future__ import annotations

import email.utils
import math
import random
import time
from dataclasses import dataclass
from typing import Any, Callable, Mapping, TypeVar

from .errors import EmprobeError

RETRY_STATUSES = frozenset({408, 409, 429})  # plus every 5xx
T = TypeVar("T")


class MalformedResponse(Exception):
    """The endpoint answered 2xx with a body that lacks what the request needs."""


def one_line(text: Any, limit: int = 160) -> str:
    """``text`` squeezed onto one line and cut to ``limit`` characters."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 3] + "..."


def error_detail(exc: Any) -> str:
    """The server's own error message from an ``APIStatusError`` body, when it has one."""
    body = getattr(exc, "body", None)
    if isinstance(body, Mapping):
        inner = body.get("error", body)
        message = inner.get("message") if isinstance(inner, Mapping) else inner
        if message:
            return one_line(message)
    return ""


def retry_after(headers: Any) -> float | None:
    """Seconds from ``retry-after-ms`` / ``Retry-After`` (delta-seconds or an HTTP date), if present."""
    if headers is None:
        return None
    try:
        ms = headers.get("retry-after-ms")
        if ms is not None:
            return max(0.0, float(ms) / 1000.0)
        value = headers.get("retry-after")
    except (AttributeError, ValueError, TypeError):
        return None
    if value is None:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        seconds = when.timestamp() - time.time()
    return max(0.0, seconds) if math.isfinite(seconds) else None


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how long to retry one request."""

    max_retries: int = 5
    backoff_base_s: float = 0.5
    backoff_max_s: float = 20.0
    retry_after_max_s: float = 120.0

    def __post_init__(self) -> None:
        if self.max_retries < 0:
            raise EmprobeError(f"max_retries {self.max_retries}: must be 0 or more")
        if self.backoff_base_s < 0 or self.backoff_max_s < 0 or self.retry_after_max_s < 0:
            raise EmprobeError("backoff_base_s, backoff_max_s and retry_after_max_s must be 0 or more")

    def backoff(self, attempt: int, rng: random.Random) -> float:
        """Full jitter: uniform in [0, min(``backoff_max_s``, ``base * 2**attempt``)]."""
        return rng.uniform(0.0, min(self.backoff_max_s, self.backoff_base_s * (2.0 ** min(attempt, 60))))


def call_with_retries(send: Callable[[], T], policy: RetryPolicy, rng: random.Random,
                      fail: Callable[[str], EmprobeError],
                      refused: Callable[[str], T] | None = None, *, timeout_s: float | None = None,
                      key_setting: str = "api_key_env",
                      not_found: str = "the model is unknown there or the URL is wrong (it usually ends in /v1)") -> T:
    """``send()`` until it returns, retrying what a retry can fix. ``fail(what)`` builds the error naming the
    endpoint and model; ``refused(last)`` answers a non-retryable 4xx other than 401/403/404 (default: fail);
    ``key_setting`` is the config key that names the key's environment variable."""
    import openai

    last = "no attempt made"
    for attempt in range(policy.max_retries + 1):
        wait: float | None = None
        try:
            return send()
        except (openai.AuthenticationError, openai.PermissionDeniedError) as exc:
            raise fail(f"rejected the API key (HTTP {exc.status_code}): "
                       "check the key in the environment variable named by "
                       f"{key_setting}") from None
        except openai.NotFoundError as exc:
            detail = error_detail(exc)
            raise fail(f"answered HTTP 404: {not_found}" + (f": {detail}" if detail else "")) from None
        except openai.APIStatusError as exc:
            status = exc.status_code
            detail = error_detail(exc)
            last = f"HTTP {status}" + (f": {detail}" if detail else "")
            if status not in RETRY_STATUSES and status < 500:
                if refused is None:
                    raise fail(f"refused the request ({last})") from None
                return refused(last)
            if status in (429, 503):
                wait = retry_after(getattr(exc.response, "headers", None))
        except openai.APITimeoutError:
            last = f"timed out after {timeout_s:g} s" if timeout_s else "timed out"
        except openai.APIConnectionError as exc:
            cause = exc.__cause__ or exc
            last = f"connection failed: {one_line(cause, 120) or type(cause).__name__}"
        except openai.APIError as exc:
            last = f"{type(exc).__name__}: {one_line(exc, 120)}"
        except MalformedResponse as exc:
            last = f"malformed response: {exc}"
        if attempt == policy.max_retries:
            break
        delay = policy.backoff(attempt, rng) if wait is None else min(wait, policy.retry_after_max_s)
        if delay > 0:
            time.sleep(delay)
    retries = "retry" if policy.max_retries == 1 else "retries"
    raise fail(f"failed after {policy.max_retries} {retries}: {last}")
