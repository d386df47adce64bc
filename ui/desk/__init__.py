"""The operator's desk: cameras, their controls and presets, the events panel."""
