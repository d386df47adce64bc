"""What the operator's desk keeps without Qt: hotkeys, key names, presets, event ownership."""
