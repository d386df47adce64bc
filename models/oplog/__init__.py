"""The operations log: database, tables, records and their integrity, reports, demo data, commands."""
