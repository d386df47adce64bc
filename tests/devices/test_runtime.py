"""The device runtime's helpers."""

from __future__ import annotations

import asyncio

from devices.runtime import cancel_and_wait


def test_a_task_that_swallowed_a_cancel_is_still_ended():
    """Before Python 3.12 wait_for can swallow a cancel; the closer must not then wait forever."""
    swallowed = []

    async def stubborn() -> None:
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            swallowed.append(True)  # as asyncio.wait_for does when its wait ends at the same moment
        await asyncio.sleep(30)

    async def main() -> None:
        task = asyncio.get_running_loop().create_task(stubborn())
        await asyncio.sleep(0)
        await asyncio.wait_for(cancel_and_wait(task), 5)  # a single cancel would leave it sleeping
        assert task.cancelled()

    asyncio.run(main())
    assert swallowed == [True]
