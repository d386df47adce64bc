"""The console's configuration file: parsing, checking, storing, auditing."""
