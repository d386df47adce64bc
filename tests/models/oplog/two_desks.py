"""Two desks taking the same step at the same moment, for the tests of the shared operations log."""

from __future__ import annotations

import threading
from collections.abc import Callable

from sqlalchemy.orm import Session

from models.oplog.tables import Staff

Step = Callable[[Session, Staff], None]  # one desk's step, taken by the staff member at that desk


def race(database, world, step: Step) -> BaseException | None:
    """``step`` at Budi's desk, its transaction held open while the same step runs at Dwi's;
    returns what Dwi's step raised."""
    outcome: list[BaseException | None] = []

    def second_desk() -> None:
        try:
            with database.transaction() as session:
                step(session, session.get(Staff, world.dwi))
            outcome.append(None)
        except BaseException as error:  # noqa: BLE001 - handed to the test thread
            outcome.append(error)

    with database.transaction() as session:
        step(session, session.get(Staff, world.budi))
        other = threading.Thread(target=second_desk)
        other.start()
        other.join(0.5)
        assert other.is_alive(), "the second desk must wait for the first one's transaction"
    other.join(10)
    assert len(outcome) == 1
    return outcome[0]
