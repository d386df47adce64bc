"""What every layer may use and that depends on nothing of the project: sentences marked for
translation (wording), the user's private files (user_files) and the office's time zone (time_zone)."""
