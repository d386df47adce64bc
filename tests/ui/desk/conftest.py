"""The desk of desk_support.py, for the tests of the camera windows and the layout."""

from tests.ui.desk.desk_support import desk, make_console  # noqa: F401 - fixtures
