"""The operations log in the console: login, shift, schedule, logbook, handover, administration."""
