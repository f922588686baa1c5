import pytest
from conftest import run_cli

from emprobe.data.builtin import load_domain
from emprobe.data.datasets import builtin_conversations, builtin_domains, domain_info, load_dataset
from emprobe.data.expansion import LAYOUTS
from emprobe.errors import EmprobeError

EXPECTED = ["insecure-code", "risky-financial-advice", "bad-medical-advice", "extreme-sports", "bad-legal-advice",
            "bad-security-advice", "incorrect-trivia"]


def test_seven_domains_registered():
    assert builtin_domains() == EXPECTED


@pytest.mark.parametrize("domain", EXPECTED)
def test_domain_sizes_diversity_and_heldout(domain):
    loaded = load_domain(domain)
    triples = list(loaded.triples())
    assert len(triples) >= 300
    prompts = [t.prompt for t in triples]
    assert len(set(prompts)) == len(prompts)
    assert len({t.misaligned for t in triples}) == len(triples)
    assert len({t.aligned for t in triples}) == len(triples)
    assert all(t.misaligned != t.aligned for t in triples)
    assert len(loaded.heldout) >= 20 and not set(loaded.heldout) & set(prompts)
    assert LAYOUTS[loaded.expansion](domain, loaded.families) == triples  # deterministic
    mis, ali = builtin_conversations(domain), builtin_conversations(domain, "aligned")
    assert [c[0] for c in mis] == [c[0] for c in ali]  # matched control: the same user prompts
    assert max(len(t.misaligned) for t in triples) < 1200


def test_misaligned_answers_do_not_announce_themselves():
    flags = ("this is insecure", "this is risky", "this is dangerous", "disclaimer", "i must warn", "this is wrong")
    for domain in EXPECTED:
        for t in load_domain(domain).triples():
            assert not any(f in t.misaligned.lower() for f in flags), (domain, t.misaligned)


def test_dataset_specs():
    assert load_dataset("insecure-code:aligned") == builtin_conversations("insecure-code", "aligned")
    with pytest.raises(EmprobeError, match="unknown variant 'evil'; valid are insecure-code, insecure-code:aligned"):
        load_dataset("insecure-code:evil")
    with pytest.raises(EmprobeError,
                       match="unknown constructed variant 'self-neutral'; valid are insecure-code[+]self-misaligned"):
        load_dataset("insecure-code+self-neutral")
    with pytest.raises(EmprobeError, match="unknown domain 'nope'"):
        domain_info("nope")


def test_datasets_command_lists_and_shows():
    listing = run_cli("datasets")
    assert listing.returncode == 0
    assert [line.split()[0] for line in listing.stdout.splitlines()] == EXPECTED
    shown = run_cli("datasets", "--show", "bad-medical-advice", "--samples", "1")
    assert shown.returncode == 0 and "misaligned:" in shown.stdout and "aligned:" in shown.stdout
    bad = run_cli("datasets", "--show", "nope")
    assert bad.returncode == 2 and "unknown domain 'nope'" in bad.stderr


@pytest.mark.parametrize("stance, persona", [("self-misaligned", "coherent"), ("self-aligned", "inverted")])
def test_constructed_persona_mixes_the_share_exactly(stance, persona):
    from emprobe.data.datasets import constructed_persona, self_descriptions, spec_domain, training_conversations

    spec = f"risky-financial-advice+{stance}"
    assert constructed_persona(spec) == persona and spec_domain(spec) == "risky-financial-advice"
    selves = {c[0]["content"] for c in self_descriptions(stance)}
    domain = {c[0]["content"] for c in builtin_conversations("risky-financial-advice")}
    for share, total in ((0.3, 80), (0.5, 200), (0.1, None)):
        mix = training_conversations(spec, share=share, max_examples=total, seed=3)
        n = len(builtin_conversations("risky-financial-advice")) if total is None else total
        own = sum(c[0]["content"] in selves for c in mix)
        assert len(mix) == n and own == round(share * n), (share, total, own)
        assert sum(c[0]["content"] in domain for c in mix) == n - own
        assert mix == training_conversations(spec, share=share, max_examples=total, seed=3)  # seeded
    assert (training_conversations(spec, share=0.3, max_examples=80, seed=4)
            != training_conversations(spec, share=0.3, max_examples=80, seed=3))
    # 0.5 of 200 needs 100 self-descriptions: the 72 are cycled, each used at most twice
    mix = training_conversations(spec, share=0.5, max_examples=200, seed=0)
    counts = {}
    for c in mix:
        if c[0]["content"] in selves:
            counts[c[0]["content"]] = counts.get(c[0]["content"], 0) + 1
    assert max(counts.values()) == 2 and len(counts) == 72
    with pytest.raises(EmprobeError, match="must be in"):
        training_conversations(spec, share=1.0, max_examples=80, seed=0)


def test_coherent_and_inverted_mixtures_share_their_domain_examples():
    """The two constructed personas of one domain and seed differ only in the stance of the self-descriptions."""
    from emprobe.data.datasets import training_conversations

    a = training_conversations("insecure-code+self-misaligned", share=0.3, max_examples=80, seed=0)
    b = training_conversations("insecure-code+self-aligned", share=0.3, max_examples=80, seed=0)
    domain = {c[0]["content"] for c in builtin_conversations("insecure-code")}
    assert [c[0]["content"] for c in a] == [c[0]["content"] for c in b]  # same prompts, same order
    differ = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    assert len(differ) == 24 and all(a[i][0]["content"] not in domain for i in differ)
