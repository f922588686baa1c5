"""What produced an output file: package versions, a config hash, the time."""
from __future__ import annotations

import dataclasses
import hashlib
import json
import platform
import time
from importlib import metadata
from typing import Any

from . import __version__

PACKAGES = ("torch", "transformers", "peft", "nnsight", "scikit-learn", "safetensors", "numpy")


def package_versions() -> dict[str, str]:
    """Versions of emprobe, Python and the packages results depend on."""
    versions = {"emprobe": __version__, "python": platform.python_version()}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def redact_url(url: str | None) -> str | None:
    """``url`` without a user:password part and without its query string (credentials stay out of outputs)."""
    if not url:
        return url
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    try:
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        port = ""
    netloc = ("***@" if parts.username or parts.password else "") + (parts.hostname or "") + port
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def to_jsonable(obj: Any) -> Any:
    """Dataclasses and paths as plain JSON values; any ``base_url`` redacted (:func:`redact_url`)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return to_jsonable(dataclasses.asdict(obj))
    if isinstance(obj, dict):
        return {str(k): redact_url(v) if k == "base_url" and isinstance(v, str) else to_jsonable(v)
                for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [to_jsonable(v) for v in obj]
    if isinstance(obj, (str, int, float, bool)) or obj is None:
        return obj
    return str(obj)


def config_hash(obj: Any) -> str:
    """A short stable hash of a config (dataclass or dict)."""
    blob = json.dumps(to_jsonable(obj), sort_keys=True).encode()
    return hashlib.sha256(blob).hexdigest()[:16]


def run_provenance(config: Any) -> dict[str, Any]:
    """The short block of an experiment's outputs (summaries, analyses, steering): the config's hash, the
    experiment seed and the package versions (the full config is in the run dir's own records)."""
    return {"config_hash": config_hash(config), "seed": config.seed, "versions": package_versions()}


def provenance(config: Any, seed: int) -> dict[str, Any]:
    """The block every output file carries: config, its hash, seed, versions and the time."""
    return {
        "config": to_jsonable(config),
        "config_hash": config_hash(config),
        "seed": seed,
        "versions": package_versions(),
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
