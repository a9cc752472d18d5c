"""The analysis layer: a spaCy pipeline per language plus one Chronique component per stage."""
