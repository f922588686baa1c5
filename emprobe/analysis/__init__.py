"""Statistics and analyses over stored results and activations."""
