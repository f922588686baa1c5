"""The one exception type for bad input; the CLI turns it into a one-line message and exit code 2."""
from __future__ import annotations


class EmprobeError(Exception):
    """Bad input or a missing prerequisite, with a message that names the file, key or value and what is valid."""
