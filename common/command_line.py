"""What every command of ``python app.py …`` shares: its exit codes and the one way it says an error.

The codes are the README's: scripts written by the IT staff test them.
"""

from __future__ import annotations

import sys

EXIT_OK = 0  # done
EXIT_FAILED = 1  # the device refused or the work failed; the reason is printed
EXIT_USAGE = 2  # bad arguments: nothing was sent or written
EXIT_TIMEOUT = 3  # the device did not answer in time


def fail(code: int, message: object) -> int:
    """Print ``error: MESSAGE`` on stderr; return ``code`` for the command to exit with."""
    print(f"error: {message}", file=sys.stderr)
    return code
