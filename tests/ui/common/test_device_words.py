"""Device actions and results reach the operator in the interface language."""

from PySide6.QtCore import QTranslator

from devices.records import ActionRecord
from devices.wall import kramer
from ui.common.device_words import record_text
from ui.common.language import TRANSLATIONS

REFUSED = ActionRecord("Kamera Panggung", "preset recall 3", "not executable", 0.0, 12.0)
ROUTED = ActionRecord("Layar Lebar", "route 2→1 (video)", "completed", 0.0, 5.0)
WALL_ERROR = ActionRecord(
    "Layar Lebar", "layout 3 on canvas 1", kramer.parse(b"~01@PRST-RCL ERR 003").error, 0.0, 2.0
)


def test_english_words_are_plain():
    assert (
        record_text(REFUSED) == "Kamera Panggung: preset recall 3 — not possible in the camera's current mode"
    )
    assert record_text(ROUTED) == "Layar Lebar: route input 2 to output 1 (video) — completed"
    assert record_text(WALL_ERROR) == "Layar Lebar: layout 3 on canvas 1 — parameter out of range (ERR 003)"


def test_indonesian_words_and_unknown_ones_pass_through(qapp):
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / "console_id.qm"))
    qapp.installTranslator(translator)
    try:
        assert (
            record_text(REFUSED)
            == "Kamera Panggung: panggil preset 3 — tidak bisa dalam mode kamera saat ini"
        )
        assert record_text(ROUTED) == "Layar Lebar: alihkan input 2 ke output 1 (video) — selesai"
        assert record_text(WALL_ERROR) == (
            "Layar Lebar: tata letak 3 di kanvas 1 — parameter di luar rentang (ERR 003)"
        )
        odd = ActionRecord("Kramer", "#FOO", "parameter out of range (ERR 003)", 0.0, 1.0)
        assert (
            record_text(odd) == "Kramer: #FOO — parameter out of range (ERR 003)"
        )  # plain text stays as it is
    finally:
        qapp.removeTranslator(translator)
