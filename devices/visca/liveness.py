"""Is the camera answering? Transmissions that nothing completed decide when it is offline; probes
pace the search for it while it is."""

from __future__ import annotations

from devices.visca.jobs import Timing

MIN_UNANSWERED = 8  # transmissions without any answer before a camera counts as offline


class Liveness:
    def __init__(self, timing: Timing) -> None:
        self.timing = timing
        self.unanswered_since: float | None = None  # first transmission since the last completing reply
        self.unanswered = 0
        self.heard_mark = 0  # bytes the link had received by the last completing reply
        self._probe_step = 0
        self._next_probe = 0.0

    @property
    def waiting(self) -> bool:
        """Something sent since the last reply is still unanswered."""
        return self.unanswered_since is not None

    def transmitted(self, now: float) -> None:
        if self.unanswered_since is None:
            self.unanswered_since = now
        self.unanswered += 1

    def answered(self, heard: int) -> None:
        """A reply completed something asked; ``heard``: the bytes the link has received by now."""
        self.unanswered_since = None
        self.unanswered = 0
        self.heard_mark = heard
        self._probe_step = 0

    def gone(self, now: float) -> bool:
        since = self.unanswered_since
        return (
            since is not None
            and now - since > self.timing.offline_after
            and self.unanswered >= MIN_UNANSWERED
        )

    def silence(self, now: float) -> float:
        return 0.0 if self.unanswered_since is None else now - self.unanswered_since

    def went_offline(self) -> None:
        self.unanswered_since = None
        self.unanswered = 0
        self._probe_step = 0
        self._next_probe = 0.0

    def probe_due(self, now: float) -> bool:
        """While offline: probes back off from 0.25 s to 1.5 s, so recovery is seen within 2 s."""
        if now < self._next_probe:
            return False
        steps = self.timing.probe_backoff
        self._next_probe = now + steps[min(self._probe_step, len(steps) - 1)]
        self._probe_step += 1
        return True

    def next_probe(self) -> float:
        return self._next_probe
