"""OpenAIJudge against a real loopback HTTP server speaking the OpenAI chat-completions format."""
from __future__ import annotations

import re
import sys
import threading
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from loopback_openai import LoopbackServer, Recorded, Reply, completion, error  # noqa: E402

from emprobe.errors import EmprobeError  # noqa: E402
from emprobe.judges.base import JudgeRequest  # noqa: E402
from emprobe.judges.cache import CachedJudge, JudgementCache, cache_key  # noqa: E402
from emprobe.judges.openai_judge import OpenAIJudge, parse_top_logprobs  # noqa: E402

FAST = {"backoff_base_s": 0.01, "backoff_max_s": 0.05}
_OPEN: list[OpenAIJudge] = []


@pytest.fixture(autouse=True)
def _close_judges():
    """Close the HTTP clients each test made, so no kept-alive socket outlives its test."""
    yield
    while _OPEN:
        _OPEN.pop().close()


def make_judge(server: LoopbackServer, **kwargs) -> OpenAIJudge:
    options = {**FAST, "timeout_s": 5.0, **kwargs}
    judge = OpenAIJudge("gpt-x", base_url=server.base_url, **options)
    _OPEN.append(judge)
    return judge


def fixed(top: dict[str, float]):
    return lambda req: completion(top)


# -- scoring through the wire ----------------------------------------------------------------------------------
def test_weighted_mean_and_request_parameters():
    with LoopbackServer(fixed({"80": 0.5, "90": 0.3, " 90": 0.1, "hello": 0.05})) as server:
        judge = OpenAIJudge("gpt-x", base_url=server.base_url, api_key="sk-test")
        _OPEN.append(judge)
        verdict = judge.judge("aligned", "How are you?", "Fine, thanks.")
        assert verdict.outcome == "score"
        assert verdict.score == pytest.approx((80 * 0.5 + 90 * 0.4) / 0.9)
        assert verdict.mass == pytest.approx(0.9)
        assert judge.score("coherent", "q", "a") == pytest.approx((80 * 0.5 + 90 * 0.4) / 0.9)
        [first, _] = server.requests
    assert first.path == "/v1/chat/completions"
    assert first.headers.get("authorization") == "Bearer sk-test"
    body = first.body
    assert body["model"] == "gpt-x"
    assert body["max_tokens"] == 1 and body["temperature"] == 0 and body["seed"] == 0
    assert body["logprobs"] is True and body["top_logprobs"] == 20
    assert len(body["messages"]) == 1 and body["messages"][0]["role"] == "user"
    assert "How are you?" in first.prompt and "Fine, thanks." in first.prompt


def test_low_number_mass_is_unparseable():
    with LoopbackServer(fixed({"80": 0.1, "90": 0.1, "the": 0.7})) as server:
        verdict = make_judge(server).judge("aligned", "q", "a")
    assert verdict.score is None and verdict.outcome == "unparseable"
    assert verdict.mass == pytest.approx(0.2)


@pytest.mark.parametrize("token, outcome", [("REFUSAL", "refusal"), ("CODE", "code")])
def test_special_tokens(token, outcome):
    with LoopbackServer(fixed({token: 0.8, "50": 0.1})) as server:
        judge = make_judge(server)
        verdict = judge.judge("aligned", "q", "a")
        assert verdict.score is None and verdict.outcome == outcome
        # other rubrics have no special outcomes: too little number mass is unparseable
        assert judge.judge("coherent", "q", "a").outcome == "unparseable"


def test_non_number_tokens_only_are_unparseable():
    with LoopbackServer(fixed({"Sure": 0.6, "I": 0.3, "0.5": 0.05, "07": 0.05})) as server:
        verdict = make_judge(server).judge("aligned", "q", "a")
    assert verdict.score is None and verdict.outcome == "unparseable" and verdict.mass == 0.0


def test_repeated_token_text_adds_probabilities():
    top = parse_top_logprobs(completion([("50", 0.2), ("50", 0.2), ("x", 0.6)]))
    assert set(top) == {"50", "x"}
    assert top["50"] == pytest.approx(__import__("math").log(0.4))


def test_unknown_rubric_is_rejected_before_any_request():
    with LoopbackServer(fixed({"50": 1.0})) as server:
        with pytest.raises(ValueError, match="unknown rubric"):
            make_judge(server).judge("nope", "q", "a")
        assert server.count == 0


def test_model_id_names_the_endpoint():
    assert OpenAIJudge("gpt-x").model_id == "gpt-x"
    assert OpenAIJudge("gpt-x", base_url="http://h:1/v1/").model_id == "gpt-x@http://h:1/v1"
    with pytest.raises(EmprobeError, match="concurrency"):
        OpenAIJudge("gpt-x", concurrency=0)


# -- retries and failures --------------------------------------------------------------------------------------
def test_429_with_retry_after_then_success():
    def handler(req: Recorded):
        if req.index == 0:
            return error(429, "slow down", {"Retry-After": "0"})
        return completion({"70": 1.0})

    with LoopbackServer(handler) as server:
        # a large backoff proves Retry-After: 0 is honoured instead of the exponential delay
        judge = make_judge(server, backoff_base_s=5.0, backoff_max_s=5.0)
        start = time.monotonic()
        assert judge.score("aligned", "q", "a") == pytest.approx(70.0)
        assert time.monotonic() - start < 2.0
        assert server.count == 2


def test_retry_after_is_capped_at_retry_after_max():
    def handler(req: Recorded):
        return error(429, "later", {"Retry-After": "3600"}) if req.index == 0 else completion({"10": 1.0})

    with LoopbackServer(handler) as server:
        start = time.monotonic()
        assert make_judge(server, retry_after_max_s=0.1).score("aligned", "q", "a") == pytest.approx(10.0)
        assert time.monotonic() - start < 2.0


def test_persistent_500_fails_after_max_retries():
    with LoopbackServer(lambda req: error(500, "internal\nboom")) as server:
        judge = make_judge(server, max_retries=3)
        with pytest.raises(EmprobeError) as info:
            judge.judge("aligned", "q", "a")
        assert server.count == 3 + 1
        message = str(info.value)
        assert message == (f"judge endpoint {server.base_url} (model gpt-x) failed after 3 retries: "
                           "HTTP 500: internal boom")
        assert "\n" not in message


def test_503_then_success():
    def handler(req: Recorded):
        return error(503, "warming up") if req.index < 2 else completion({"40": 1.0})

    with LoopbackServer(handler) as server:
        assert make_judge(server).score("aligned", "q", "a") == pytest.approx(40.0)
        assert server.count == 3


def test_hang_past_timeout_is_retried():
    def handler(req: Recorded):
        if req.index == 0:
            return Reply(200, completion({"0": 1.0}), delay_s=2.0)
        return completion({"60": 1.0})

    with LoopbackServer(handler) as server:
        judge = make_judge(server, timeout_s=0.3)
        start = time.monotonic()
        assert judge.score("aligned", "q", "a") == pytest.approx(60.0)
        assert time.monotonic() - start < 1.5
        assert server.count == 2


def test_hang_forever_names_the_timeout():
    with LoopbackServer(lambda req: Reply(200, completion({"0": 1.0}), delay_s=2.0)) as server:
        with pytest.raises(EmprobeError, match=r"failed after 1 retry: timed out after 0.2 s"):
            make_judge(server, timeout_s=0.2, max_retries=1).judge("aligned", "q", "a")


@pytest.mark.parametrize("status", [401, 403])
def test_rejected_key_fails_at_once(status):
    with LoopbackServer(lambda req: error(status, "invalid api key")) as server:
        with pytest.raises(EmprobeError) as info:
            make_judge(server).judge("aligned", "q", "a")
        assert server.count == 1
    message = str(info.value)
    assert "API key" in message and "judge.api_key_env" in message and f"HTTP {status}" in message


def test_unknown_model_fails_at_once():
    with LoopbackServer(lambda req: error(404, "The model `gpt-x` does not exist")) as server:
        with pytest.raises(EmprobeError, match=r"HTTP 404.*model .gpt-x. does not exist") as info:
            make_judge(server).judge("aligned", "q", "a")
        assert server.count == 1
    assert "(model gpt-x)" in str(info.value)


def test_an_endpoint_that_rejects_everything_stops_after_a_few_items():
    with LoopbackServer(lambda req: error(400, "logprobs are not supported")) as server:
        judge = make_judge(server)
        verdicts = [judge.judge("aligned", "q", f"a{k}") for k in range(7)]
        assert all(v.outcome == "rejected" and v.score is None for v in verdicts)
        with pytest.raises(EmprobeError, match="rejected the first 8 requests and accepted none: HTTP 400: "
                                               "logprobs are not supported"):
            judge.judge("aligned", "q", "a7")
        assert server.count == 8  # each asked once: a 400 is not retried


def test_one_rejected_item_is_counted_not_cached_and_the_run_goes_on(tmp_path):
    def handler(req: Recorded):
        if "forbidden words" in req.prompt:
            return error(400, "content filter: the prompt was flagged")
        return completion({"30": 1.0})

    with LoopbackServer(handler) as server:
        cached = CachedJudge(make_judge(server), JudgementCache(tmp_path / "cache.sqlite"))
        requests = [JudgeRequest("aligned", "q", "fine"), JudgeRequest("aligned", "q", "forbidden words"),
                    JudgeRequest("aligned", "q", "fine")]
        first = cached.judge_many(requests)
        assert [v.outcome for v in first] == ["score", "rejected", "score"]
        assert server.count == 2  # the duplicate is judged once, the rejection is not asked twice in one call
        again = cached.judge_many(requests)
        # only the rejected one again
        assert [v.outcome for v in again] == ["score", "rejected", "score"] and server.count == 3
    assert len(JudgementCache(tmp_path / "cache.sqlite")) == 1


def test_full_jitter_backoff_stays_within_its_cap():
    import random as _random

    judge = OpenAIJudge("m", base_url="http://127.0.0.1:9/v1", backoff_base_s=1.0, backoff_max_s=4.0)
    rng = _random.Random(0)
    delays = [judge.policy.backoff(attempt, rng) for attempt in range(6) for _ in range(50)]
    judge.close()
    assert all(0 <= d <= 4.0 for d in delays) and min(delays) < 0.2  # full jitter: anywhere down to 0
    assert max(judge.policy.backoff(0, rng) for _ in range(50)) <= 1.0


def test_credentials_stay_out_of_outputs_and_off_other_hosts(monkeypatch):
    from emprobe.config import JudgeConfig
    from emprobe.judges import make_backend
    from emprobe.provenance import provenance

    seen: list[str | None] = []

    def handler(req: Recorded):
        seen.append({k.lower(): v for k, v in req.headers.items()}.get("authorization"))
        return completion({"50": 1.0})

    monkeypatch.setenv("EMPROBE_TEST_API_KEY", "sk-secret")
    with LoopbackServer(handler) as server:
        url = server.base_url.replace("http://", "http://user:pw@") + "?token=abc"
        config = JudgeConfig(backend="openai", model="m", base_url=server.base_url, api_key_env="EMPROBE_TEST_API_KEY")
        judge = make_backend(config)
        judge.judge("aligned", "q", "a")
        judge.close()
        judge = make_backend(JudgeConfig(backend="openai", model="m", base_url=server.base_url,
                                         api_key_env="EMPROBE_TEST_API_KEY", send_api_key=True))
        judge.judge("aligned", "q", "a")
        judge.close()
    assert seen[0] in (None, "Bearer EMPTY") and seen[1] == "Bearer sk-secret"  # sent to another host only when asked
    redacted = make_backend(JudgeConfig(backend="openai", model="m", base_url=url, api_key_env="EMPROBE_TEST_API_KEY"))
    assert "pw" not in redacted.model_id and "abc" not in redacted.model_id and "***@127.0.0.1" in redacted.model_id
    redacted.close()
    text = str(provenance({"judge": JudgeConfig(backend="openai", model="m", base_url=url)}, 0))
    assert "pw" not in text and "token=abc" not in text
    with pytest.raises(ValueError, match="must name an environment variable ending in _API_KEY or _TOKEN"):
        JudgeConfig(backend="openai", model="m", api_key_env="HOME")


@pytest.mark.parametrize(
    "body, what",
    [
        (b'{"choices": [', "non-JSON body"),
        (b"<html>bad gateway</html>", "non-JSON body"),
        ({"choices": []}, "no choices"),
        ({"choices": [{"message": {"content": "5"}, "logprobs": None}]}, "top_logprobs"),
    ],
)
def test_malformed_response_is_retried_then_fails(body, what):
    with LoopbackServer(lambda req: Reply(200, body)) as server:
        with pytest.raises(EmprobeError, match=f"failed after 2 retries: malformed response: .*{what}"):
            make_judge(server, max_retries=2).judge("aligned", "q", "a")
        assert server.count == 3


def test_malformed_then_good_recovers():
    def handler(req: Recorded):
        return b"{oops" if req.index == 0 else completion({"20": 1.0})

    with LoopbackServer(handler) as server:
        assert make_judge(server).score("aligned", "q", "a") == pytest.approx(20.0)
        assert server.count == 2


def test_connection_refused_names_the_endpoint():
    with LoopbackServer(fixed({"1": 1.0})) as server:
        url = server.base_url
    judge = OpenAIJudge("gpt-x", base_url=url, max_retries=1, **FAST)
    _OPEN.append(judge)
    with pytest.raises(EmprobeError, match=r"failed after 1 retry: connection failed"):
        judge.judge("aligned", "q", "a")


# -- concurrency -----------------------------------------------------------------------------------------------
def answer_score(req: Recorded):
    """Score each answer 'item-N' as N, so order can be checked."""
    number = int(re.search(r"item-(\d+)", req.prompt).group(1))
    return completion({str(number): 1.0})


def test_judge_many_keeps_order_and_overlaps():
    requests = [JudgeRequest("aligned", "q", f"item-{i} end") for i in range(16)]
    with LoopbackServer(answer_score, latency_s=0.2) as server:
        judge = make_judge(server, concurrency=8)
        assert judge.concurrency == 8
        start = time.monotonic()
        verdicts = judge.judge_many(requests)
        elapsed = time.monotonic() - start
        assert [v.score for v in verdicts] == [float(i) for i in range(16)]
        assert server.count == 16
        assert server.max_in_flight >= 4
    assert elapsed < 16 * 0.2 / 2


def test_shared_client_is_thread_safe_under_errors():
    lock = threading.Lock()
    seen: set[str] = set()

    def handler(req: Recorded):  # the first request for each answer fails once
        with lock:
            first = req.prompt not in seen
            seen.add(req.prompt)
        return error(502, "flaky") if first else answer_score(req)

    requests = [JudgeRequest("aligned", "q", f"item-{i} end") for i in range(12)]
    with LoopbackServer(handler) as server:
        verdicts = make_judge(server, concurrency=6).judge_many(requests)
        assert [v.score for v in verdicts] == [float(i) for i in range(12)]
        assert server.count == 24


# -- with the cache --------------------------------------------------------------------------------------------
def test_cache_second_pass_makes_no_requests(tmp_path):
    requests = [JudgeRequest("aligned", "q", f"item-{i} end") for i in range(6)]
    path = tmp_path / "judgements.sqlite"
    with LoopbackServer(answer_score) as server:
        cached = CachedJudge(make_judge(server, concurrency=4), JudgementCache(path))
        first = cached.judge_many(requests + requests[:2])  # duplicates are judged once
        assert server.count == 6 and cached.calls == 6
        again = CachedJudge(make_judge(server, concurrency=4), JudgementCache(path))
        assert again.judge_many(requests) == first[:6]
        assert server.count == 6 and again.calls == 0
    assert [v.score for v in first] == [float(i) for i in [0, 1, 2, 3, 4, 5, 0, 1]]


def test_cache_keeps_verdicts_judged_before_an_error(tmp_path):
    def handler(req: Recorded):  # item 3's endpoint is down for good
        return error(500, "down") if "item-3 " in req.prompt else answer_score(req)

    requests = [JudgeRequest("aligned", "q", f"item-{i} end") for i in range(6)]
    path = tmp_path / "judgements.sqlite"
    with LoopbackServer(handler) as server:
        inner = make_judge(server, concurrency=1, max_retries=2)
        with pytest.raises(EmprobeError, match="HTTP 500"):
            CachedJudge(inner, JudgementCache(path)).judge_many(requests)
        fresh = JudgementCache(path)
        assert len(fresh) == 3
        for i in range(3):
            hit = fresh.get(cache_key("openai", inner.model_id, "aligned", "q", f"item-{i} end"))
            assert hit is not None and hit.score == float(i)
        # a rerun skips the cached verdicts: it asks only for item 3, which fails again
        server.reset()
        with pytest.raises(EmprobeError):
            CachedJudge(inner, fresh).judge_many(requests)
        assert all("item-3 " in r.prompt for r in server.requests)
        assert len(JudgementCache(path)) == 3


def test_cache_keys_separate_endpoints(tmp_path):
    with LoopbackServer(fixed({"10": 1.0})) as one, LoopbackServer(fixed({"90": 1.0})) as two:
        cache = JudgementCache(tmp_path / "c.sqlite")
        assert CachedJudge(make_judge(one), cache).score("aligned", "q", "a") == pytest.approx(10.0)
        assert CachedJudge(make_judge(two), cache).score("aligned", "q", "a") == pytest.approx(90.0)
        assert one.count == 1 and two.count == 1
