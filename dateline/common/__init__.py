"""Helpers that more than one stage uses."""
