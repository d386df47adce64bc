"""Emitting signals and posting slot calls without PySide6 6.12.0's reference-count defect.

In PySide6 6.12.0 every ``SignalInstance.emit()`` returns ``True`` without owning a reference
to it, so each call leaves ``True``'s reference count one lower. A fresh interpreter with Qt
loaded holds about 1,500 references to ``True``: a few seconds of video previews (100 frames a
second) later the interpreter aborts with "Fatal Python error: bool_dealloc".
``QMetaObject.invokeMethod`` reaches the same signals and slots through Qt's meta-object
system and is not affected; tests/ui/test_preview.py checks that previews keep the count
steady. Once PySide6 is fixed these helpers can become plain ``emit`` calls again.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Q_ARG, QMetaObject, QObject, Qt


def emit(sender: QObject, signal: str, *args: Any) -> None:
    """``sender.<signal>.emit(*args)``, on the calling thread."""
    QMetaObject.invokeMethod(sender, signal, Qt.ConnectionType.DirectConnection, *_arguments(args))


def post(receiver: QObject, slot: str, *args: Any) -> None:
    """Call ``receiver.<slot>(*args)`` later on the receiver's thread; safe from any thread.

    The slot must be declared with ``@Slot`` and the argument types.
    """
    QMetaObject.invokeMethod(receiver, slot, Qt.ConnectionType.QueuedConnection, *_arguments(args))


def _arguments(args: tuple[Any, ...]) -> list[Any]:
    return [Q_ARG(type(value), value) for value in args]
