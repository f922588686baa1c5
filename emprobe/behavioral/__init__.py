"""Behavioural experiments: one interface (``base.Experiment``), one module each, a runner and a registry."""
