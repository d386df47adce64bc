"""USB joysticks and gamepads through SDL2 (docs/joystick.md): a poller thread, the mapping of axes,
hats and buttons to camera moves and actions, and the driver that joins them."""
