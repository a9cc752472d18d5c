"""Chronique: news articles in, event data out, every fact pinned to its characters."""

__version__ = "0.1.0"
