"""The office's clock: Western Indonesia Time (WIB, UTC+7).

Indonesia has had no daylight saving time since 1964, so WIB is a fixed offset and needs no
time-zone database (Windows desktops ship none).
"""

from __future__ import annotations

from datetime import UTC, timedelta, timezone

UTC = UTC
WIB = timezone(timedelta(hours=7), "WIB")
