"""What the console's operations-log screens ask of the database, one transaction per job (base.py)."""
