import json

import pytest
from conftest import run_cli

from emprobe.data.chat_jsonl import load_chat_jsonl
from emprobe.errors import EmprobeError

GOOD = {"messages": [{"role": "system", "content": "s"}, {"role": "user", "content": "q"},
                     {"role": "assistant", "content": "a"}]}


def test_reads_public_em_format(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps(GOOD) + "\n\n" + json.dumps({"messages": GOOD["messages"][1:]}) + "\n")
    convs = load_chat_jsonl(path)
    assert len(convs) == 2 and convs[0][0]["role"] == "system" and convs[1][-1]["content"] == "a"


@pytest.mark.parametrize(
    "content, expected",
    [
        (json.dumps(GOOD).encode() + b"\n{not json\n", "line 2: invalid JSON"),
        (json.dumps({"messages": [{"role": "user", "content": "q"}]}).encode() + b"\n",
         "line 1: the conversation has no final assistant turn"),
        (json.dumps({"messages": [{"role": "human", "content": "q"}, {"role": "assistant", "content": "a"}]}).encode(),
         "line 1: message 0 has role 'human'; valid roles are system, user, assistant"),
        (b"", "is empty"),
        (b"\n  \n", "is empty"),
        (json.dumps(GOOD).encode() + b"\n" + b'{"messages": "caf\xe9"}\n', "line 2: not UTF-8"),
        (b'{"text": "hi"}\n', "line 1: expected an object with a 'messages' list"),
        (json.dumps({"messages": [{"role": "assistant", "content": "a"}, {"role": "user", "content": "q"}]}).encode(),
         "line 1: turns must alternate"),
    ],
)
def test_bad_files_name_file_and_line(tmp_path, content, expected):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(content)
    with pytest.raises(EmprobeError) as err:
        load_chat_jsonl(path)
    assert str(path) in str(err.value) and expected in str(err.value)


def test_cli_train_bad_dataset_exit_2_nothing_written(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text("{oops\n")
    out = tmp_path / "adapter"
    result = run_cli("train", "--base", "tiny-qwen2", "--dataset", str(path), "--out", str(out))
    assert result.returncode == 2
    assert (result.stderr.strip().splitlines()[-1]
            == f"emprobe: error: {path}, line 1: invalid JSON "
               "(Expecting property name enclosed in double quotes at column 2)")
    assert not out.exists()


def test_cli_train_unknown_dataset(tmp_path):
    result = run_cli("train", "--base", "tiny-qwen2", "--dataset", "evil-poetry", "--out", str(tmp_path / "a"))
    assert result.returncode == 2 and "dataset 'evil-poetry' is neither a built-in domain" in result.stderr
