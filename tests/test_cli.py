import pytest
from conftest import REPO, run_cli


def test_help_is_a_guide():
    result = run_cli("--help")
    assert result.returncode == 0
    assert "emprobe models" in result.stdout and "emprobe chat" in result.stdout


def test_models_lists_base_and_organisms(tmp_path):
    # runs/ is relative to cwd
    result = run_cli("models", "--config", str(REPO / "experiments/demo.yaml"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("experiment demo: base model smollm2-135m, 3 organisms")
    assert any(line.split()[0] == "base" and "layers:  30" in line for line in lines[1:])
    assert any(line.split()[0] == "insecure-code" and "on disk: no" in line for line in lines[1:])


@pytest.mark.parametrize(
    "args, expected",
    [
        (("models", "--config", "no/such.yaml"), "config file no/such.yaml not found"),
        (("chat", "--model", "gpt-17", "hi"), "unknown model 'gpt-17'"),
        (("chat", "--model", "tiny-qwen2", "--adapter", "no/adapter", "hi"), "adapter dir no/adapter does not exist"),
    ],
)
def test_bad_input_exit_2_one_line(args, expected):
    result = run_cli(*args)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1].startswith("emprobe: error: ")
    assert expected in result.stderr
    assert result.stdout == ""


def test_bad_yaml_exit_2(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\nbase_model: tiny-qwen2\ntraining: {rank: big}\n")
    result = run_cli("models", "--config", str(bad))
    assert result.returncode == 2
    assert result.stderr.strip() == f"emprobe: error: {bad}: training.rank: expected int, got 'big'"


def test_chat_tiny_qwen2_runs():
    result = run_cli("chat", "--model", "tiny-qwen2", "--max-new-tokens", "5", "hello")
    assert result.returncode == 0, result.stderr


@pytest.mark.slow
def test_chat_smollm2_hello():
    result = run_cli("chat", "--model", "smollm2-135m", "--max-new-tokens", "24", "hello")
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.strip().split()) >= 3
