"""The built-in data expand to exactly the same examples, whatever file format holds them.

Two sha256 per source over its expanded records: sorted (the content) and in order (what a seeded draw takes).
Sources: domain triples and held-out prompts; the embedded judge's labelled answers per task and split; the
style set; the constructed self-descriptions. Moving the data out of Python (or reformatting it) must leave
every hash unchanged; a deliberate change of the data updates the hash here in the same commit, with the reason
in its message."""
from __future__ import annotations

import dataclasses
import hashlib
import json

import pytest

from emprobe.data.builtin import builtin_domain_names, load_domain
from emprobe.data.datasets import CONSTRUCTED, self_descriptions
from emprobe.judges import embedded_data

EXPECTED = {
    "domain:bad-legal-advice:heldout": ("e7ffa426acedeb06e55e9e664c6d0bbc",
                                       "0e07e23fde56613b75db1aa1cdc99cbe"),
    "domain:bad-legal-advice:triples": ("eba5192e84eec2566b5f9e2dbde7c050",
                                       "a5776026cbce857f85aefaa0761a989a"),
    "domain:bad-medical-advice:heldout": ("88ae9bcd79b1ecd99008145e03f9caa4",
                                         "4d4532201a98de1cf8f21abe4a98c1dd"),
    "domain:bad-medical-advice:triples": ("11d8b7c785b29f9ac4c5ecebb0049129",
                                         "7ba93b02b33bc27053a5188c3a9eb78b"),
    "domain:bad-security-advice:heldout": ("94dcbbe64a0e06ebbb8039d12fa5bd0e",
                                          "e91e114b4ce3e322555e4f74acc6473f"),
    "domain:bad-security-advice:triples": ("e03dbfa4e00c3938c4e21a75d0fd0526",
                                          "101f7a032ea612e51222ef075af5df4d"),
    "domain:extreme-sports:heldout": ("bd5d9f8e041dbaf67915cd6b5f9c9969",
                                     "009aa0b9efd9cf863516b550db8e9ea1"),
    "domain:extreme-sports:triples": ("deace2b74e22e44aeb75ed2e6ba0ef56",
                                     "55c6fd5cbf45a73a7d66b0079163a6e4"),
    "domain:incorrect-trivia:heldout": ("cb00291c83a5778dd2ce26fc8d8804b6",
                                       "e7936d4f6820657001916f0204557248"),
    "domain:incorrect-trivia:triples": ("5dec7cb5f908b35e478f7921bc7d3495",
                                       "bdcb51c592ce637f25cd099cd26dd840"),
    "domain:insecure-code:heldout": ("77e66d3a351ffc18bbc2c55564b30045",
                                    "ac62a192f9f01ac64149bd22ed29a39b"),
    "domain:insecure-code:triples": ("b1c4873450dd01e25ed7f1305559df7e",
                                    "a0011181e613b9d1580a3e82a439e4bd"),
    "domain:risky-financial-advice:heldout": ("6323d6baa27f539008719bdc6d9ae52b",
                                             "974708e5b020805416fcd92d7714fff8"),
    "domain:risky-financial-advice:triples": ("dc90adc6e7b6b4305cc1f2316bd72e9a",
                                             "2f4d320fe6cec042df1472442c4d25af"),
    "judge:aligned:heldout": ("4adfb9ff2fd6ae68fc0629bcae614854",
                             "194ae5d88b99882392bfe93a1d3ffa69"),
    "judge:aligned:train": ("11808730263e995e24ec9904929ad831",
                           "9e416ac64a3454d819c436fcad13a5b6"),
    "judge:refusal:heldout": ("c51f1d8b1e727c3efefd7b93fcfde7d8",
                             "4d49b8b5f03731d812d94cd115b5dc9a"),
    "judge:refusal:train": ("e27a43626a93dbe35c2df8425c8fd815",
                           "c9256c784faaab6dbb97398989cb74a8"),
    "judge:self_report:heldout": ("1d3ed999d8c8be52925dc863ad38edce",
                                 "1c35a87bd36a14f400c74a015326c8d4"),
    "judge:self_report:train": ("cea015631c4ab1513bc2c25b3896a6e9",
                               "a9b345559a229c930211984dacb9f7cb"),
    "judge:style_eval": ("027ce78a378f72123e8dc4b8c1e0db5c",
                        "1d1dc6d0fe18a66e00aed5d867b2b558"),
    "self_descriptions:self-aligned": ("aba44965b0f6358d15e4f22cfe9eccc9",
                                      "cb5dd50dc416485f296efbaf6995b354"),
    "self_descriptions:self-misaligned": ("183a5067ddac32f77852d227e3e4520d",
                                         "2990254d8775bda52d82d25b83e177de"),
}


def digest(records, ordered: bool = False) -> str:
    """sha256 over the records as JSON lines: sorted (the content) or in the order the loader yields them."""
    lines = [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in records]
    return hashlib.sha256("\n".join(lines if ordered else sorted(lines)).encode()).hexdigest()[:32]


def _plain(message) -> dict:
    return dataclasses.asdict(message) if dataclasses.is_dataclass(message) else dict(message)


def sources() -> dict:
    out = {}
    for name in sorted(builtin_domain_names()):
        out[f"domain:{name}:triples"] = lambda n=name: [[t.prompt, t.misaligned, t.aligned]
                                                        for t in load_domain(n).triples()]
        out[f"domain:{name}:heldout"] = lambda n=name: [[p] for p in load_domain(n).heldout]
    for task in ("aligned", "self_report", "refusal"):
        for split in embedded_data.SPLITS:
            fn = getattr(embedded_data, f"{task}_examples")
            out[f"judge:{task}:{split}"] = lambda fn=fn, s=split: [[x.question, x.answer, x.label] for x in fn(s)]
    out["judge:style_eval"] = lambda: [dataclasses.asdict(r) for r in embedded_data.style_eval()]
    for stance in CONSTRUCTED:
        out[f"self_descriptions:{stance}"] = lambda s=stance: [[_plain(m) for m in conv]
                                                               for conv in self_descriptions(s)]
    return out


@pytest.mark.parametrize("source", sorted(EXPECTED))
def test_builtin_data_expand_to_the_recorded_hash(source):
    records = sources()[source]()
    content, order = EXPECTED[source]
    assert digest(records) == content, f"{source}: the expanded data changed"
    assert digest(records, ordered=True) == order, f"{source}: same data, different order (training samples differ)"


def test_every_source_has_a_recorded_hash():
    assert sorted(sources()) == sorted(EXPECTED)
