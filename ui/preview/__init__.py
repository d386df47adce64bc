"""Live previews: one worker per camera, frames handed to the GUI thread."""
