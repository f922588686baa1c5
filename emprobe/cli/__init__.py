"""The ``emprobe`` command line: a thin layer over the Python API (one module per group of commands).

Bad input raises :class:`~emprobe.errors.EmprobeError`; :func:`main` prints it as one line and exits with 2.
"""
from __future__ import annotations

import sys

import click

from ..errors import EmprobeError
from . import behaviour_commands, internal_commands, prepare_commands  # noqa: F401  (they add their commands)
from .group import cli

__all__ = ["cli", "main"]


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI, turning bad input into one line on stderr and exit code 2."""
    try:
        cli.main(args=argv, prog_name="emprobe", standalone_mode=False)
    except EmprobeError as exc:
        click.echo(f"emprobe: error: {exc}", err=True)
        sys.exit(2)
    except OSError as exc:  # an output that cannot be written, or an input that cannot be read
        where = f"{exc.filename}: " if exc.filename else ""
        click.echo(f"emprobe: error: {where}{exc.strerror or exc}", err=True)
        sys.exit(2)
    except click.exceptions.Abort:
        click.echo("emprobe: interrupted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
