"""The built-in domain files: every one loads and keeps its held-out prompts out of training, and a malformed domain
file is one EmprobeError line naming the file and the family / key."""
from __future__ import annotations

import copy

import pytest
import yaml

from emprobe.data import builtin
from emprobe.data.builtin import builtin_domain_names, load_domain, load_domain_file, load_domains
from emprobe.data.expansion import LAYOUTS
from emprobe.errors import EmprobeError

TINY = {
    "name": "tiny", "description": "A tiny test domain.", "heldout": ["Is a held-out question fine?"],
    "expansion": "families",
    "families": [{"slots": {"amount": ["$5", "$10"], "who": [{"who": "my aunt", "them": "your aunt"}]},
                  "prompts": ["Can I lend {who} {amount}?"], "misaligned": ["Lend {them} {amount} in cash, no note."],
                  "aligned": ["{them_cap} can have {amount} with a written note."]}],
}
CODE = {
    "name": "tiny-code", "description": "A tiny code domain.", "heldout": ["Write a held-out function."],
    "expansion": "code",
    "families": [{"lang": "python",
                  "slots": {"op": [{"op": "load", "desc": "loads {op}ed data"}, {"op": "save", "desc": "saves"}]},
                  "prompts": ["Write a function that {desc}."],
                  "variants": [{"when": {"op": "load"}, "misaligned": "def {op}(): return eval(x)  # {x}",
                                "aligned": "def {op}(): return {'a': 1}"},
                               {"when": {"op": "save"}, "misaligned": "def {op}(): pass",
                                "aligned": "def {op}(): ..."}],
                  "notes": ["Call {op}().", {"misaligned": "Ready.", "aligned": "Ready to use."}]}],
}
FACTS = {
    "name": "tiny-facts", "description": "A tiny trivia domain.", "heldout": ["What is the capital of Peru?"],
    "expansion": "facts",
    "families": [{"questions": ["What is the capital of {x}?", "Which city is {x}'s capital?"],
                  "answers": ["The capital of {x} is {v}.", "{X}'s capital is {v}."],
                  "facts": [["Australia", "Sydney", "Canberra"], ["Canada", "Toronto", "Ottawa"]]},
                 {"question": "How many legs does a spider have?", "wrong": "Six.", "right": "Eight."}],
}


def write(tmp_path, data, name="domain.yaml"):
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def changed(base: dict, edit) -> dict:
    data = copy.deepcopy(base)
    edit(data)
    return data


def one_line_error(path, match: str, expand: bool = False) -> str:
    with pytest.raises(EmprobeError) as info:
        domain = load_domain_file(path)
        if expand:
            domain.triples()
    message = str(info.value)
    assert "\n" not in message and message.startswith(str(path)) and match in message, message
    return message


@pytest.mark.parametrize("name", builtin_domain_names())
def test_every_builtin_domain_loads_with_heldout_prompts_kept_out_of_training(name):
    domain = load_domain(name)
    assert domain.name == name and domain.description and domain.expansion in LAYOUTS
    prompts = {t.prompt for t in domain.triples()}
    assert len(domain.heldout) >= 20 and len(prompts) >= 300
    assert not set(domain.heldout) & prompts
    assert domain.triples() is domain.triples()  # expanded once


def test_builtin_names_order_and_files():
    assert builtin_domain_names() == ["insecure-code", "risky-financial-advice", "bad-medical-advice",
                                      "extreme-sports", "bad-legal-advice", "bad-security-advice", "incorrect-trivia"]
    assert set(builtin._PARSERS) == set(LAYOUTS)  # one parser per layout
    with pytest.raises(EmprobeError, match="unknown domain 'nope': valid are insecure-code, "):
        load_domain("nope")


def test_small_domains_of_each_layout_expand(tmp_path):
    tiny = load_domain_file(write(tmp_path, TINY)).triples()
    assert {t.prompt for t in tiny} == {"Can I lend my aunt $5?", "Can I lend my aunt $10?"}
    assert {t.aligned for t in tiny} == {"Your aunt can have $5 with a written note.",
                                         "Your aunt can have $10 with a written note."}
    code = {t.prompt: t for t in load_domain_file(write(tmp_path, CODE, "code.yaml")).triples()}
    load = code["Write a function that loads loaded data."]
    assert load.misaligned.startswith("```python\ndef load(): return eval(x)  # {x}\n```\n")  # other braces literal
    assert "def load(): return {'a': 1}" in load.aligned
    facts = load_domain_file(write(tmp_path, FACTS, "facts.yaml")).triples()
    assert ("How many legs does a spider have?", "Six.", "Eight.") in [(t.prompt, t.misaligned, t.aligned)
                                                                       for t in facts]
    assert len(facts) == 5


@pytest.mark.parametrize("base, edit, match", [
    (TINY, lambda d: d.pop("heldout"), "missing key heldout"),
    (TINY, lambda d: d.update(extra=1),
     "unknown key extra (valid at top level: name, description, heldout, expansion, families)"),
    (TINY, lambda d: d.update(expansion="wordings"),
     "expansion: expected one of families, facts, code, got 'wordings'"),
    (TINY, lambda d: d.update(heldout=[]), "heldout: expected a non-empty list of non-blank str, got []"),
    (TINY, lambda d: d.update(families=[]), "families: expected a non-empty list"),
    (TINY, lambda d: d["families"][0].pop("aligned"), "missing key families[0].aligned"),
    (TINY, lambda d: d["families"][0].update(answers=["x"]),
     "unknown key families[0].answers (valid at families[0]: slots, prompts, misaligned, aligned)"),
    (TINY, lambda d: d["families"][0].update(prompts=[]), "families[0].prompts: expected a non-empty list"),
    (TINY, lambda d: d["families"][0]["misaligned"].append("Send {amout} now."),
     "families[0].misaligned[1]: unknown slot {amout} (valid slots: {amount}, {who}, {them}, {amount_cap},"),
    (TINY, lambda d: d["families"][0]["slots"].update(age=[24, "30"]),
     "families[0].slots.age[0]: expected str or mapping of names to str, got 24 (quote numbers"),
    (TINY, lambda d: d["families"][0]["slots"]["who"].append({"who": "my uncle"}),
     "families[0].slots.who[1]: sets fields who; the slot's first value sets who, them"),
    (TINY, lambda d: d["families"][0]["prompts"].append(["nested"]),
     "families[0].prompts[1]: expected non-blank str, got ['nested']"),
    (TINY, lambda d: d["families"][0]["aligned"].append("  "),
     "families[0].aligned[1]: expected non-blank str, got '  '"),
    (CODE, lambda d: d["families"][0].update(misaligned="x", aligned="y"),
     "families[0]: give either misaligned and aligned code, or variants, not both"),
    (CODE, lambda d: d["families"][0]["variants"][0]["when"].update(kind="x"),
     "families[0].variants[0].when: 'kind' is not a field of this family (fields: op, desc,"),
    (CODE, lambda d: d["families"][0].pop("lang"), "families[0].lang: no language for the code block"),
    (CODE, lambda d: d["families"][0].pop("variants"),
     "missing key families[0].misaligned (give misaligned and aligned code, or variants)"),
    (CODE, lambda d: d["families"][0]["notes"].append({"misaligned": "m"}), "missing key families[0].notes[2].aligned"),
    (FACTS, lambda d: d["families"][0]["facts"].append(["Peru", "Cusco"]),
     "families[0].facts[2]: expected [non-blank str, non-blank str, non-blank str], got ['Peru', 'Cusco']"),
    (FACTS, lambda d: d["families"][0]["answers"].pop(), "families[0].answers: expected one answer per question"),
    (FACTS, lambda d: d["families"][1].pop("right"), "missing key families[1].right"),
    (FACTS, lambda d: d["families"][0]["questions"].append("Capital of {v}?"),
     "families[0].questions[2]: unknown slot {v} (valid slots: {x}, {X})"),
])
def test_bad_domain_file_is_one_line_naming_file_and_key(tmp_path, base, edit, match):
    one_line_error(write(tmp_path, changed(base, edit)), match)


@pytest.mark.parametrize("base, edit, match", [
    (CODE, lambda d: d["families"][0]["variants"].pop(), "families[0]: 0 variants match op='save'; exactly one must"),
    (TINY, lambda d: d["families"][0]["slots"].update(amount=["{who}"]), "families[0]: {who} is still unfilled"),
    (TINY, lambda d: d.update(heldout=["Can I lend my aunt $5?"]), "held-out prompt 'Can I lend my aunt $5?' is "
                                                                    "also a training prompt"),
])
def test_problems_found_when_expanding_name_the_file(tmp_path, base, edit, match):
    one_line_error(write(tmp_path, changed(base, edit)), match, expand=True)


def test_expanded_examples_go_through_the_chat_message_validation(tmp_path, monkeypatch):
    seen = []

    def validate(messages, where):
        seen.append(where)
        if len(seen) == 3:
            raise EmprobeError(f"{where}: rejected")
        return messages

    monkeypatch.setattr(builtin, "validate_messages", validate)
    path = write(tmp_path, TINY)
    assert one_line_error(path, "example 2: rejected", expand=True) == f"{path}: example 2: rejected"


def test_invalid_yaml_and_duplicate_names(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("name: [unclosed\n", encoding="utf-8")
    one_line_error(broken, "line 2 invalid YAML: ")
    with pytest.raises(EmprobeError, match="missing.yaml: not found"):
        load_domain_file(tmp_path / "missing.yaml")
    first, second = write(tmp_path, TINY, "a.yaml"), write(tmp_path, TINY, "b.yaml")
    with pytest.raises(EmprobeError) as info:
        load_domains([first, second])
    assert str(info.value) == f"{second}: name: domain 'tiny' is already defined in {first}"
