"""emprobe: train emergent-misalignment model organisms, measure their persona, and probe it through nnsight."""

__version__ = "0.1.0"
