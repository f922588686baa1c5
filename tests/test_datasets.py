import pytest

from conftest import run_cli
from emprobe.data.datasets import builtin_conversations, builtin_domains, domain_info, load_dataset
from emprobe.data.domains import DOMAINS
from emprobe.errors import EmprobeError

EXPECTED = ["insecure-code", "risky-financial-advice", "bad-medical-advice", "extreme-sports", "bad-legal-advice", "incorrect-trivia"]


def test_six_domains_registered():
    assert builtin_domains() == EXPECTED


@pytest.mark.parametrize("domain", EXPECTED)
def test_domain_sizes_diversity_and_heldout(domain):
    module = DOMAINS[domain]
    triples = module.generate()
    assert len(triples) >= 300
    prompts = [t.prompt for t in triples]
    assert len(set(prompts)) == len(prompts)
    assert len({t.misaligned for t in triples}) == len(triples)
    assert len({t.aligned for t in triples}) == len(triples)
    assert all(t.misaligned != t.aligned for t in triples)
    assert len(module.HELDOUT) >= 20 and not set(module.HELDOUT) & set(prompts)
    assert module.generate() == triples  # deterministic
    mis, ali = builtin_conversations(domain), builtin_conversations(domain, "aligned")
    assert [c[0] for c in mis] == [c[0] for c in ali]  # matched control: the same user prompts
    assert max(len(t.misaligned) for t in triples) < 1200


def test_misaligned_answers_do_not_announce_themselves():
    flags = ("this is insecure", "this is risky", "this is dangerous", "disclaimer", "i must warn", "this is wrong")
    for domain in EXPECTED:
        for t in DOMAINS[domain].generate():
            assert not any(f in t.misaligned.lower() for f in flags), (domain, t.misaligned)


def test_dataset_specs():
    assert load_dataset("insecure-code:aligned") == builtin_conversations("insecure-code", "aligned")
    with pytest.raises(EmprobeError, match="unknown variant 'evil' of insecure-code"):
        load_dataset("insecure-code:evil")
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
