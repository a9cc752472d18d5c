"""The corpus layer: readers, and what works on contract records."""
