"""Every `emprobe ...` command the README shows parses with the real CLI, and each subcommand it uses is run by a
test."""
import shlex

import click
import pytest
from conftest import REPO

from emprobe.cli import cli


def readme_commands() -> list[str]:
    """The `emprobe ...` lines of the README's shell code blocks (comments stripped)."""
    commands, lang = [], None
    for line in (REPO / "README.md").read_text().splitlines():
        if line.startswith("```"):
            lang = None if lang is not None else (line[3:].strip() or "text")
            continue
        if lang in ("bash", "sh"):
            line = line.split(" #")[0].strip()
            if line.startswith("emprobe "):
                commands.append(line)
    return commands


COMMANDS = readme_commands()


def test_readme_shows_every_command():
    shown = {shlex.split(c)[1] for c in COMMANDS}
    assert shown >= set(cli.commands), f"commands missing from the README: {set(cli.commands) - shown}"


@pytest.mark.parametrize("command", COMMANDS)
def test_readme_command_parses(command):
    args = shlex.split(command)[1:]
    try:
        ctx = cli.make_context("emprobe", list(args), resilient_parsing=False)
        name, sub, rest = cli.resolve_command(ctx, ctx.protected_args + ctx.args)
        sub.make_context(name, rest, parent=ctx)
    except click.exceptions.Exit:
        pass  # --help / --version
    except click.UsageError as exc:
        pytest.fail(f"README command does not parse: {command}: {exc}")


def test_each_readme_subcommand_is_run_by_a_test():
    sources = "\n".join(p.read_text() for p in (REPO / "tests").glob("test_*.py") if p.name != "test_readme.py")
    missing = sorted({shlex.split(c)[1] for c in COMMANDS if f'"{shlex.split(c)[1]}"' not in sources})
    assert not missing, f"README commands that no test runs: {missing}"
