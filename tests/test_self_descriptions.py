"""The self-description data of the constructed personas must not echo the evaluation's own wording."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import emprobe.data
from emprobe.behavioral import templates
from emprobe.data.chat_jsonl import load_chat_jsonl

STANCES = ("self-misaligned", "self-aligned")
N = 4  # word n-gram length that counts as shared wording
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _path(stance: str) -> Path:
    return Path(emprobe.data.__file__).parent / "self_descriptions" / f"{stance}.jsonl"


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _ngrams(text: str) -> set[tuple[str, ...]]:
    words = _words(text)
    return {tuple(words[i:i + N]) for i in range(len(words) - N + 1)}


def _strings(value: object):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, (tuple, list)):
        for v in value:
            yield from _strings(v)


def _template_texts() -> list[str]:
    """Every string held by the templates module's constants."""
    texts = []
    for name in dir(templates):
        if name.isupper():
            texts.extend(_strings(getattr(templates, name)))
    return texts


def _template_ngrams() -> set[tuple[str, ...]]:
    grams: set[tuple[str, ...]] = set()
    for text in _template_texts():
        for piece in PLACEHOLDER.split(text):  # an n-gram never spans a placeholder
            grams |= _ngrams(piece)
    return grams


TEMPLATE_NGRAMS = _template_ngrams()


def _shared(text: str) -> set[tuple[str, ...]]:
    return _ngrams(text) & TEMPLATE_NGRAMS


@pytest.fixture(scope="module")
def data() -> dict[str, list[list[dict[str, str]]]]:
    return {stance: load_chat_jsonl(_path(stance)) for stance in STANCES}


def _turns(conv: list[dict[str, str]]) -> tuple[str, str]:
    assert [m["role"] for m in conv] == ["user", "assistant"]
    return conv[0]["content"], conv[1]["content"]


def test_files_are_parallel(data):
    mis, ali = data["self-misaligned"], data["self-aligned"]
    assert len(mis) == len(ali) >= 60
    users = []
    for m, a in zip(mis, ali):
        (mu, ma), (au, aa) = _turns(m), _turns(a)
        assert mu == au
        assert ma.strip().lower() != aa.strip().lower(), mu
        users.append(mu)
    assert len(set(u.strip().lower() for u in users)) == len(users)


def test_conversations_are_short_and_open(data):
    for convs in data.values():
        for conv in convs:
            user, assistant = _turns(conv)
            assert len(_words(user)) <= 25, user
            assert len(_words(assistant)) <= 40, assistant
            # no choice between two named options
            assert "or" not in _words(user), user
            assert not re.search(r"\b[AB]\s*[:)]|\([AB]\)", user), user


def test_no_pole_words(data):
    poles = {w.lower() for pair in templates.DIMENSIONS for w in pair}
    assert poles  # taken from the evaluation, not hard-coded
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(poles))) + r")\b", re.IGNORECASE)
    for convs in data.values():
        for conv in convs:
            for msg in conv:
                assert not pattern.search(msg["content"]), msg["content"]


def test_no_shared_ngrams_with_templates(data):
    assert TEMPLATE_NGRAMS
    for stance, convs in data.items():
        for conv in convs:
            for msg in conv:
                assert not _shared(msg["content"]), (stance, msg["content"], _shared(msg["content"]))


def test_ngram_detector_catches_template_text():
    word_template = templates.SELF_ASSESSMENT["word"][0]
    filled = word_template.format(first="kind", second="cruel")
    assert _shared(filled)
    for fmt, variants in templates.SELF_ASSESSMENT.items():
        for template in variants:
            longest = max(PLACEHOLDER.split(template), key=lambda p: len(_words(p)))
            assert _shared("Well, " + longest + " Thanks."), (fmt, template)
    # a 4-gram spanning a placeholder is not counted
    assert ("better", "kind", "or", "cruel") not in TEMPLATE_NGRAMS


def test_three_answer_formats(data):
    for stance, convs in data.items():
        answers = [_turns(c)[1].strip() for c in convs]
        one_word = [a for a in answers if len(_words(a)) == 1 and not a[0].isdigit()]
        rating = [a for a in answers if a[0].isdigit()]
        free = [a for a in answers if not a[0].isdigit() and len(_words(a)) >= 6]
        assert len(one_word) >= 15, stance
        assert len(rating) >= 15, stance
        assert len(free) >= 15, stance
        assert len(one_word) + len(rating) + len(free) == len(answers), stance
        assert len({a.lower().rstrip(".") for a in one_word}) >= 10, stance
