"""The handover report's streams: each output's time on air in the shift, with its drops, the console's lost
contacts with its OBS, and how it ended."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject

from models.oplog.handover_summary import DropNote, GapNote, StreamRun


def duration(seconds: float | None) -> str:
    """``1:05:09`` (hours, minutes, seconds), or empty."""
    if seconds is None:
        return ""
    whole = round(seconds)
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


class StreamsSection(QObject):
    """The streams table's column names and rows (one per stream), in the operator's language."""

    def headers(self) -> list[str]:
        return [
            self.tr("Output"),
            self.tr("Event"),
            self.tr("On air"),
            self.tr("Duration"),
            self.tr("Problems"),
        ]

    def rows(self, streams: Sequence[StreamRun]) -> list[tuple[str, ...]]:
        return [
            (
                stream.output,
                stream.event or "",
                f"{stream.start:%H:%M} – {stream.end:%H:%M}" if stream.end else f"{stream.start:%H:%M} –",
                duration(stream.seconds) if stream.end else self.tr("still on air"),
                "; ".join(self._problems(stream)),
            )
            for stream in streams
        ]

    def _problems(self, stream: StreamRun) -> list[str]:
        found = [self._drop(drop) for drop in stream.drops]
        found += [self._gap(gap) for gap in stream.contact_gaps]
        if stream.dropped_frames:
            found.append(self.tr("%1 frames dropped").replace("%1", str(stream.dropped_frames)))
        if stream.end_reason == "dropped":
            found.append(self.tr("dropped and did not come back"))
        elif stream.end_reason == "obs_closed":
            found.append(self.tr("OBS closed while on air"))
        return found

    def _drop(self, drop: DropNote) -> str:
        if drop.seconds is None:
            return self.tr("dropped at %1").replace("%1", f"{drop.at:%H:%M:%S}")
        text = self.tr("dropped at %1 for %2 s").replace("%1", f"{drop.at:%H:%M:%S}")
        text = text.replace("%2", str(round(drop.seconds)))
        if drop.dropped_frames:
            text += " " + self.tr("(%1 frames lost)").replace("%1", str(drop.dropped_frames))
        return text

    def _gap(self, gap: GapNote) -> str:
        if gap.end is None:
            return self.tr("console lost contact at %1").replace("%1", f"{gap.start:%H:%M:%S}")
        text = self.tr("console lost contact %1–%2").replace("%1", f"{gap.start:%H:%M:%S}")
        return text.replace("%2", f"{gap.end:%H:%M:%S}")
