"""How long to wait for a message's first reply before resending it (docs/transports.md "Timing").

The wait follows the measured round trip (RFC 6298: the smoothed round trip plus four times its
variation, at least ``MIN_RTO``); until the first measurement the camera URL's ``timeout`` is the
guess. A round trip is normally measured only on a message answered at its first transmission
(Karn's rule: the answer to a resent message may belong to any copy). Two exceptions keep a link
slower than the wait from never being measured: the very first measurement may come from a resent
message, timed from its latest copy (too short at worst, and three times it is waited for), and
after ``STALE_AFTER`` answered messages in a row that each needed a resend one is timed from its
first copy (too long at worst).
"""

from __future__ import annotations

MIN_RTO = 0.08  # a short measured round trip still waits this long
MAX_RTO = 4.0  # however slow the link
STALE_AFTER = 3
ASK_AGAIN_AFTER = 0.3  # an ordinary command's completion this late (and 4 resend timeouts) was lost


class ResendTimer:
    def __init__(self, first_guess: float) -> None:
        self.first_guess = first_guess
        self.srtt: float | None = None  # smoothed round trip, seconds
        self.rttvar = 0.0
        self._resent_in_a_row = 0

    def answered(self, since_first: float, since_last: float, first_try: bool) -> float | None:
        """A message's first reply came, ``since_first`` / ``since_last`` seconds after its first / latest
        copy; returns the round trip measured from it, if any."""
        seconds = since_first
        if not first_try:
            self._resent_in_a_row += 1
            if self.srtt is None:
                seconds = since_last
            elif self._resent_in_a_row < STALE_AFTER:
                return None
        self._resent_in_a_row = 0
        if self.srtt is None:
            self.srtt, self.rttvar = seconds, seconds / 2
        else:
            self.rttvar = 0.75 * self.rttvar + 0.25 * abs(self.srtt - seconds)
            self.srtt = 0.875 * self.srtt + 0.125 * seconds
        return seconds

    def timeout(self) -> float:
        if self.srtt is None:
            return self.first_guess
        return min(MAX_RTO, max(MIN_RTO, self.srtt + 4 * self.rttvar))

    def ask_again_after(self) -> float:
        """How long after its ACK a command's completion counts as lost (docs/transports.md "Timing")."""
        return max(ASK_AGAIN_AFTER, 4 * self.timeout())


class Echoes:
    """Raw VISCA has no sequence numbers: every copy of a resent message may still be answered, and
    such an answer would be taken for the next message's, and every answer after it for the one
    after, for good. So after a message that was resent (or given up) the line stays quiet until
    those answers came, or for one resend timeout."""

    def __init__(self) -> None:
        self.awaited = 0
        self.until = 0.0

    def expect(self, copies: int, until: float) -> None:
        self.awaited, self.until = max(0, copies), until

    def holding(self, now: float) -> bool:
        return self.awaited > 0 and now < self.until

    def heard(self) -> bool:
        """A reply that matched nothing came; True when it was the last one awaited."""
        if not self.awaited:
            return False
        self.awaited -= 1
        return not self.awaited
