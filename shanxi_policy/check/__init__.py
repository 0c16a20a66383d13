"""Compliance check of project proposals: facts, curated checks, negation, figures, retrieval, report."""
