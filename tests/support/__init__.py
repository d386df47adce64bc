"""What several test folders share: running the console's commands, sample data."""
