"""Demo data for the operations log."""
