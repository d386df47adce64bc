"""Hotkeys: key events become console actions; the hotkey editor."""
