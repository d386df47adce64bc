"""Operations log in the console (issue 4), on five years of data: start-up, handover PDF, monthly charts and
PDF.

(a) Console start: a new process (offscreen) builds the console as ``app.py`` does (four cameras,
    here simulators run by this script, and the five-year SQLite file as the operations log) and
    reports when the main window was shown and when the first data of the log (login list, shift,
    today's events, open faults) had arrived in the docks. Times count from just before the
    process was started. Target: usable window < 2 s.
(b) Handover PDF of the shift with 2,000 log entries (accepted, hash verified): the report data plus
    the PDF written with Qt's writer, in-process; and ``python app.py report handover`` end to end.
    Target < 2 s.
(c) Monthly statistics window: from "Show" to the four charts drawn, for the last month.
(d) Monthly PDF of that month (four charts and their tables): in-process, the data, the charts recorded
    (GUI thread) and the PDF written (the database thread in the console); from the window's export, the
    time to "Saved" and the GUI thread's longest stall meanwhile (a 5 ms timer's worst lateness); and
    ``python app.py report monthly … -o x.pdf`` end to end.

The five-year file is the one ``bench_oplog.py`` builds and caches (``--cache``).

    python benchmarks/bench_console_oplog.py [--runs 5] [--cache FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_oplog import END, history  # noqa: E402
from sqlalchemy import select  # noqa: E402

from devices.demo import start_demo_cameras  # noqa: E402
from devices.runtime import DeviceRuntime  # noqa: E402
from models.config.store import demo_config_text  # noqa: E402
from models.oplog.tables import Shift  # noqa: E402

CHILD = """
import json, sys, time
sys.path.insert(0, {root!r})
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from devices.runtime import DeviceRuntime
from devices.visca.controller import CameraController
from devices.visca.url_check import check_camera
from models.config.store import ConfigStore
from models.desk.hotkeys import load_hotkeys
from ui.shell.console import Console
from models.oplog.opening import opener
app = QApplication(sys.argv[:1])
marks = {{"imported": time.time()}}
folder = {folder!r}
with DeviceRuntime("devices") as runtime:
    config, errors = ConfigStore(folder + "/config.yaml", camera_check=check_camera).load()
    controllers = {{c.id: CameraController(runtime, c.url, c.name).start() for c in config.cameras}}
    hotkeys, _ = load_hotkeys(folder + "/hotkeys.json")
    settings = QSettings(folder + "/console.ini", QSettings.Format.IniFormat)
    console = Console(config, controllers, data_folder=__import__("pathlib").Path(folder), settings=settings,
                      hotkeys=hotkeys, config_errors=errors, oplog=opener({url!r}))
    console.show()
    QTimer.singleShot(0, lambda: marks.setdefault("shown", time.time()))
    def loaded(snapshot):
        marks.setdefault("data", time.time())
        marks["events_today"] = len(snapshot.events)
        app.quit()
    console.oplog.state.snapshotChanged.connect(loaded)
    app.exec()
    console.shutdown()
print(json.dumps(marks))
"""


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f}"


def summary(values: list[float]) -> str:
    return f"median {ms(statistics.median(values))} ms, min {ms(min(values))} ms, max {ms(max(values))} ms"


def console_start(url: str, runs: int) -> None:
    with DeviceRuntime("bench-sims") as sims, tempfile.TemporaryDirectory() as folder:
        cameras = start_demo_cameras(sims)
        text = "\n".join(
            line for line in demo_config_text([c.url for c in cameras]).splitlines() if "preview:" not in line
        )  # real cameras' previews would be RTSP streams
        Path(folder, "config.yaml").write_text(text, encoding="utf-8")
        script = CHILD.format(root=str(ROOT), folder=folder, url=url)
        marks = []
        for _ in range(runs):
            began = time.time()
            out = subprocess.run(
                [sys.executable, "-c", script],
                capture_output=True,
                text=True,
                check=True,
                env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            ).stdout
            marks.append(
                {
                    key: value - began if key != "events_today" else value
                    for key, value in json.loads(out.strip().splitlines()[-1]).items()
                }
            )
    for key, label in (
        ("imported", "imports and QApplication"),
        ("shown", "main window shown"),
        ("data", "first operations-log data in the docks"),
    ):
        print(f"console start, {label}: {summary([mark[key] for mark in marks])}")


def handover_pdf(url: str, runs: int) -> None:
    from models.oplog.database import open_database
    from models.oplog.reports.handover import handover_report
    from ui.reports.handover_pdf import HandoverDocument

    database = open_database(url)
    with database.transaction() as session:
        shift_id = session.scalar(select(Shift.id).order_by(Shift.planned_start.desc()).limit(1))
    loads, writes = [], []
    with tempfile.TemporaryDirectory() as folder:
        for run in range(runs):
            began = time.perf_counter()
            with database.transaction() as session:
                report = handover_report(session, shift_id)
            loaded = time.perf_counter()
            HandoverDocument().write_pdf(report, Path(folder) / f"h{run}.pdf")
            loads.append(loaded - began)
            writes.append(time.perf_counter() - loaded)
        pages = Path(folder, "h0.pdf").read_bytes().count(b"/Type /Page\n") or "?"
        print(
            f"handover PDF, {len(report.entries)} entries, verified={report.header.verified}, {pages} pages: "
            f"data {summary(loads)}; PDF {summary(writes)}; "
            f"total {summary([a + b for a, b in zip(loads, writes, strict=True)])}"
        )
        ends = []
        for run in range(runs):
            began = time.perf_counter()
            subprocess.run(
                [
                    sys.executable,
                    str(ROOT / "app.py"),
                    "report",
                    "handover",
                    "--shift",
                    str(shift_id),
                    "-o",
                    str(Path(folder) / f"cli{run}.pdf"),
                    "--db",
                    url,
                    "--lang",
                    "id",
                ],
                check=True,
                capture_output=True,
                env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            )
            ends.append(time.perf_counter() - began)
        print(f"python app.py report handover (new process, Indonesian labels): {summary(ends)}")
    database.close()


def monthly_window(url: str, runs: int) -> None:
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QApplication

    from models.oplog.database import open_database
    from ui.common.oplog_worker import OplogWorker
    from ui.reports.monthly import MonthlyWindow

    app = QApplication.instance()
    worker = OplogWorker(lambda: open_database(url))
    window = MonthlyWindow(worker)
    window.month.setDate(QDate(END.year, END.month, 1).addMonths(-1))
    window.show()
    times = []
    for _ in range(runs):
        window.stats = None
        began = time.perf_counter()
        window.reload()
        while window.stats is None:
            app.processEvents()
        app.processEvents()  # the charts' first paint
        times.append(time.perf_counter() - began)
    worker.stop()
    print(
        f"monthly statistics window, {window.stats.year}-{window.stats.month:02d}, query and four charts: "
        f"{summary(times)}"
    )


def monthly_pdf(url: str, runs: int) -> None:
    from PySide6.QtCore import QDate, QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from models.oplog.database import open_database
    from models.oplog.reports.monthly import monthly_stats
    from ui.common.oplog_worker import OplogWorker
    from ui.reports.charts import MonthlyCharts, record
    from ui.reports.monthly import MonthlyWindow
    from ui.reports.monthly_pdf import MonthlyDocument

    month = QDate(END.year, END.month, 1).addMonths(-1)
    year, number = month.year(), month.month()
    database = open_database(url)
    loads, recordings, writes = [], [], []
    with tempfile.TemporaryDirectory() as folder:
        for run in range(runs):
            began = time.perf_counter()
            with database.transaction() as session:
                stats = monthly_stats(session, year, number)
            loaded = time.perf_counter()
            charts = [record(chart) for chart in MonthlyCharts().charts(stats)]
            recorded = time.perf_counter()
            MonthlyDocument().write_pdf(stats, charts, Path(folder) / f"m{run}.pdf")
            loads.append(loaded - began)
            recordings.append(recorded - loaded)
            writes.append(time.perf_counter() - recorded)
        pages = Path(folder, "m0.pdf").read_bytes().count(b"/Type /Page\n") or "?"
        print(
            f"monthly PDF {year}-{number:02d}, {sum(stats.events_by_mode().values())} events, {pages} pages: "
            f"data {summary(loads)}; charts recorded {summary(recordings)}; PDF {summary(writes)}; "
            f"total {summary([a + b + c for a, b, c in zip(loads, recordings, writes, strict=True)])}"
        )

        app = QApplication.instance()
        worker = OplogWorker(lambda: open_database(url))
        window = MonthlyWindow(worker)
        window.month.setDate(month)
        window.show()
        window.reload()
        while window.stats is None:
            app.processEvents()

        def save_once(path: str) -> tuple[float, float]:
            """One export from the window: (export → saved, the GUI thread's longest stall meanwhile)."""
            loop, ticks = QEventLoop(), [time.perf_counter()]

            def tick() -> None:
                ticks.append(time.perf_counter())
                if window.summary.text().startswith("Saved"):
                    loop.quit()

            timer = QTimer(interval=5, timerType=Qt.TimerType.PreciseTimer, timeout=tick)
            timer.start()
            began = time.perf_counter()
            QTimer.singleShot(0, lambda: window.save_pdf(path))
            loop.exec()
            timer.stop()
            return ticks[-1] - began, max(b - a for a, b in pairwise(ticks)) - 0.005

        saves, stalls = [], []
        for run in range(runs):
            save, stall = save_once(str(Path(folder) / f"w{run}.pdf"))
            saves.append(save)
            stalls.append(stall)
        worker.stop()
        print(
            f"monthly PDF from the window, export → saved: {summary(saves)}; "
            f"GUI thread's longest stall meanwhile: {summary(stalls)}"
        )

        ends = []
        for run in range(runs):
            began = time.perf_counter()
            subprocess.run(
                [
                    sys.executable,
                    str(ROOT / "app.py"),
                    "report",
                    "monthly",
                    "--month",
                    f"{year}-{number:02d}",
                    "-o",
                    str(Path(folder) / f"cli{run}.pdf"),
                    "--db",
                    url,
                    "--lang",
                    "id",
                ],
                check=True,
                capture_output=True,
                env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            )
            ends.append(time.perf_counter() - began)
        print(f"python app.py report monthly -o x.pdf (new process, Indonesian labels): {summary(ends)}")
    database.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "smartcentre-bench-5y.sqlite"
    )
    args = parser.parse_args()
    history(args.cache).close()
    url = f"sqlite:///{args.cache}"
    console_start(url, args.runs)
    from PySide6.QtWidgets import QApplication

    QApplication(sys.argv[:1])  # offscreen; the PDF writer and the charts window need it
    handover_pdf(url, args.runs)
    monthly_window(url, args.runs)
    monthly_pdf(url, args.runs)


if __name__ == "__main__":
    main()
