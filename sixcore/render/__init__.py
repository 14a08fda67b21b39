"""Renderers: pure functions from results to text (rich and tabulate live only here)."""
