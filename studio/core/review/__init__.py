"""Reviewing a pre-labeling run: queue and decisions, automatic accept, the quality report."""
