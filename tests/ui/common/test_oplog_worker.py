"""The operations log's worker thread after the console has closed."""

from __future__ import annotations

from models.oplog.opening import opener
from ui.common.oplog_worker import OplogWorker


def test_a_stopped_worker_drops_late_jobs_instead_of_failing(qapp, tmp_path):
    """A refresh timer or a queued signal of a closed console may still ask for work."""
    worker = OplogWorker(opener(f"sqlite:///{tmp_path / 'oplog.sqlite'}"))
    worker.start()
    ran = []
    worker.call(lambda session: ran.append("before"))
    worker.stop()
    worker.call(lambda session: ran.append("after"))
    worker.run(lambda: ran.append("after"))
    worker.stop()
    assert ran == ["before"]
