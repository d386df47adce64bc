"""``python app.py probe TARGET``: find out what device answers at a host or on a serial port."""
