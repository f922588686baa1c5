"""One loaded base model with every organism's adapter attached; switch between them without reloading."""
from __future__ import annotations

import contextlib
import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

from .config import BASE_ORGANISM, GENERATION_BACKENDS, ExperimentConfig
from .errors import EmprobeError
from .models import LoadedModel, check_adapter, load_model
from .models.inventory import base_layer_count
from .registry import Registry


class OrganismSwitcher:
    """The base model plus named LoRA adapters; :meth:`use` yields a :class:`LoadedModel` for one of them."""

    def __init__(self, base: LoadedModel) -> None:
        self.base = base
        self._peft: Any = None
        self._adapters: dict[str, str] = {}

    @classmethod
    def from_config(cls, config: ExperimentConfig) -> "OrganismSwitcher":
        return cls(load_model(config.base_model, dtype=config.dtype, device_map=config.device_map))

    def add(self, name: str, adapter_dir: str | Path) -> None:
        """Attach the adapter at ``adapter_dir`` as ``name`` (checked against the base model first)."""
        from peft import PeftModel

        if name in self._adapters:
            return
        adapter_dir = Path(adapter_dir)
        if not (adapter_dir / "adapter_config.json").is_file():
            raise EmprobeError(f"organism {name}: no adapter in {adapter_dir} (run `emprobe train --organism {name}`)")
        check_adapter(adapter_dir, self.base.name, self.base.path,
                      self.base.model if self._peft is None else self._peft.base_model.model)
        if self._peft is None:
            self._peft = PeftModel.from_pretrained(self.base.model, str(adapter_dir), adapter_name=name).eval()
        else:
            self._peft.load_adapter(str(adapter_dir), adapter_name=name)
        self._adapters[name] = str(adapter_dir)

    @contextlib.contextmanager
    def use(self, name: str) -> Iterator[LoadedModel]:
        """The base model (``name == "base"``: adapters disabled) or organism ``name`` as a LoadedModel."""
        if name == BASE_ORGANISM:
            if self._peft is None:
                yield self.base
            else:
                with self._peft.disable_adapter():
                    yield LoadedModel(self._peft, self.base.tokenizer, self.base.name, self.base.path)
            return
        if name not in self._adapters:
            raise EmprobeError(f"organism {name!r} has no adapter attached "
                               f"(known: {', '.join(self._adapters) or 'none'})")
        self._peft.set_adapter(name)
        yield LoadedModel(self._peft, self.base.tokenizer, self.base.name, self.base.path, adapter=self._adapters[name])


def attach_organisms(switcher: OrganismSwitcher, config: ExperimentConfig, names: list[str]) -> None:
    """Attach the adapters of the named organisms (``base`` needs none)."""
    for name in names:
        if name != BASE_ORGANISM:
            switcher.add(name, config.adapter_dir(config.organism(name)))


# generation backends: name -> switcher(config, model names) whose ``use(name)`` yields something to sample from
GENERATION: Registry[Callable[[ExperimentConfig, list[str]], Any]] = Registry("generation backend",
                                                                          GENERATION_BACKENDS)


@GENERATION.named("hf")
def _local_switcher(config: ExperimentConfig, names: list[str]) -> OrganismSwitcher:
    switcher = OrganismSwitcher.from_config(config)
    attach_organisms(switcher, config, names)
    return switcher


@GENERATION.named("openai")
def _served_switcher(config: ExperimentConfig, names: list[str]) -> Any:
    from .serving import served_switcher  # the server holds the weights; only the tokenizer loads here

    return served_switcher(config, names)


def make_switcher(config: ExperimentConfig, names: list[str]) -> Any:
    """The switcher of ``config.generation.backend`` over the base model and the organisms ``names``."""
    return GENERATION.get(config.generation.backend)(config, names)


def adapter_hash(config: ExperimentConfig, model: str) -> str | None:
    """A short sha256 of ``model``'s adapter weights (None for the base model or an adapter not yet trained)."""
    if model == BASE_ORGANISM:
        return None
    weights = config.adapter_dir(config.organism(model)) / "adapter_model.safetensors"
    if not weights.is_file():
        return None
    stat = weights.stat()
    return _file_hash(str(weights.resolve()), stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=256)
def _file_hash(path: str, size: int, mtime_ns: int) -> str:
    """Streamed in 8 MiB blocks; computed once per file version and process (size and mtime key the cache)."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(8 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class ModelRow:
    """One line of ``emprobe models``."""

    organism: str
    location: str
    exists: bool
    n_layers: int | None
    note: str = ""


def describe_models(config: ExperimentConfig) -> list[ModelRow]:
    """The base model and each organism's adapter, with whether each exists and the layer count."""
    location, exists, n_layers, note = base_layer_count(config.base_model)
    rows = [ModelRow(BASE_ORGANISM, location, exists, n_layers, note)]
    for org in config.organisms:
        adapter = config.adapter_dir(org)
        trained = (adapter / "adapter_config.json").is_file()
        rows.append(ModelRow(org.name, str(adapter), trained, n_layers,
                             f"adapter, dataset {org.dataset}" + ("" if trained else " (run `emprobe train`)")))
    return rows
