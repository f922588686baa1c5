"""Experiment configuration: dataclasses validated in ``__post_init__`` (no I/O), loaded from YAML.

An unknown key or a value of the wrong type is an :class:`EmprobeError` naming the key and the file. One module
per part of the pipeline (training, behaviour, internal); :mod:`emprobe.typed_yaml` checks YAML into them.
"""
from __future__ import annotations

from .behaviour import BehavioralConfig, GenerationConfig, JudgeConfig, PersonaConfig, RubricConfig
from .common import BASE_ORGANISM, GENERATION_BACKENDS, HARM_SCOPES, JUDGE_BACKENDS, PROJECTIONS
from .experiment import ExperimentConfig, experiment_from_dict, load_experiment, resolve_config_path
from .internal import PRIMARY_ENDPOINTS, AnalysisConfig, ExtractConfig, SteerConfig
from .training import OrganismConfig, TrainingConfig

__all__ = ["BASE_ORGANISM", "GENERATION_BACKENDS", "HARM_SCOPES", "JUDGE_BACKENDS", "PRIMARY_ENDPOINTS",
           "PROJECTIONS", "AnalysisConfig", "BehavioralConfig", "ExperimentConfig", "ExtractConfig",
           "GenerationConfig", "JudgeConfig", "OrganismConfig", "PersonaConfig", "RubricConfig", "SteerConfig",
           "TrainingConfig", "experiment_from_dict", "load_experiment", "resolve_config_path"]
