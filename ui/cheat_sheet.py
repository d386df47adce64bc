"""The hotkeys at a glance: a small window over the console that never takes the keyboard from it."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from models.hotkeys import ACTION_GROUPS, STOP_ALL, HotkeyMap
from ui.hotkeys import ActionLabels, display_key


class CheatSheet(QWidget):
    def __init__(self, hotkeys: HotkeyMap, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint)
        # showing it must not deactivate the console: that would release the keys being held
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setWindowTitle(self.tr("Hotkeys"))
        self._labels = ActionLabels(self)
        self._groups = QHBoxLayout()
        close = QPushButton(self.tr("Close"))
        close.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        close.clicked.connect(self.hide)
        self._typing_note = QLabel()
        footer = QHBoxLayout()
        footer.addWidget(self._typing_note)
        footer.addStretch()
        footer.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(self._groups)
        layout.addLayout(footer)
        self.set_map(hotkeys)

    def set_map(self, hotkeys: HotkeyMap) -> None:
        while (item := self._groups.takeAt(0)) is not None:
            if item.widget() is not None:
                item.widget().deleteLater()
        for group, actions in ACTION_GROUPS:
            box = QGroupBox(self._labels.group_title(group))
            rows = QFormLayout(box)
            for action in actions:
                keys = hotkeys.keys(action)
                if keys:
                    key_label = QLabel(" / ".join(display_key(key) for key in keys))
                    key_label.setStyleSheet("font-weight: bold")
                    rows.addRow(key_label, QLabel(self._labels.label(action)))
            self._groups.addWidget(box, alignment=Qt.AlignmentFlag.AlignTop)
        stop_keys = " / ".join(display_key(key) for key in hotkeys.keys(STOP_ALL))
        self._typing_note.setText(
            self.tr("While you type in a text field only {keys} works: it stops all cameras.").format(keys=stop_keys)
            if stop_keys else self.tr("Hotkeys do nothing while you type in a text field."))

    def toggle(self) -> None:
        self.setVisible(not self.isVisible())
