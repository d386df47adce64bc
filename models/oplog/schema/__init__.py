"""The operations log's table definitions, one file per subject (models/oplog/tables.py imports them all)."""
