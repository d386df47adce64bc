"""The console's window and what holds it together: composition, language, notices, configuration editing."""
