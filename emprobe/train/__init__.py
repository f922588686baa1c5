"""LoRA fine-tuning of model organisms (peft), resumable, single process or under ``accelerate launch``."""
from .loop import TrainJob, TrainResult, is_trained, train

__all__ = ["TrainJob", "TrainResult", "is_trained", "train"]
