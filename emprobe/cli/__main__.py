"""``python -m emprobe.cli``."""
from . import main

main()
