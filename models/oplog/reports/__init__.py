"""Reports of the operations log: the handover report, monthly statistics, CSV files."""
