"""Behavioural experiments: one interface (``base.Experiment``), one module each, a runner and a registry.

Importing this package registers the built-in experiments in :data:`EXPERIMENTS`, in the order
``run-behavioral`` runs them and the report shows them."""
from . import harm, self_assessment, descriptions, recognition, score_prediction  # noqa: F401, I001  (registration order)
from .base import REGISTRY as EXPERIMENTS

__all__ = ["EXPERIMENTS"]
