"""The video wall: outputs, drag-and-drop routing, layouts."""
