"""Control surfaces other than the keyboard: joysticks and gamepads (docs/joystick.md)."""
