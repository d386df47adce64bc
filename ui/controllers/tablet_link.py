"""The link a tablet opens once to reach the remote with a new token (docs/control-api.md, "Tablet remote"):
``http://HOST:PORT/remote#token=TOKEN`` — HOST this PC's address on the API's bind — and a QR code of it
for the tablet's camera. The part after ``#`` never reaches the server or its logs.

The QR code is segno's (pure Python, no dependencies; docs/control-api.md says why this one), drawn
module by module into an image: black on white with the quiet zone of four modules that readers need.
"""

from __future__ import annotations

import segno
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtNetwork import QAbstractSocket, QNetworkInterface

from devices.control_api.access import is_loopback

QUIET_ZONE = 4  # modules of white around the code (ISO/IEC 18004)
EVERY_ADDRESS = ("0.0.0.0", "::", "")


def this_pc_address() -> str | None:
    """This PC's first IPv4 address on a network interface that is up (None: no network now)."""
    for interface in QNetworkInterface.allInterfaces():
        flags = interface.flags()
        if (
            not flags & QNetworkInterface.InterfaceFlag.IsUp
            or flags & QNetworkInterface.InterfaceFlag.IsLoopBack
        ):
            continue
        for entry in interface.addressEntries():
            address = entry.ip()
            if address.protocol() == QAbstractSocket.NetworkLayerProtocol.IPv4Protocol:
                return address.toString()
    return None


def tablet_host(bind: str, this_pc: str | None) -> str | None:
    """The host a tablet reaches the API at, for a bind on ``bind``; None when it cannot (127.0.0.1 only,
    or every address but this PC has none)."""
    if bind in EVERY_ADDRESS:
        return this_pc
    if is_loopback(bind):
        return None
    return f"[{bind}]" if ":" in bind else bind  # an IPv6 address goes in brackets; a name as it is


def tablet_link(host: str, port: int, secret: str) -> str:
    return f"http://{host}:{port}/remote#token={secret}"


def why_no_link(bind: str | None) -> str:
    """Why there is no link for a tablet, in the operator's words (``bind`` None: the API is off)."""
    if bind is None:
        return QCoreApplication.translate(
            "RemoteAccess", "The Control API is off: turn it on above to get a link for a tablet."
        )
    if bind in EVERY_ADDRESS:
        return QCoreApplication.translate(
            "RemoteAccess", "This PC has no network address now: connect it to the venue's network."
        )
    return QCoreApplication.translate(
        "RemoteAccess",
        "The Control API listens on %1 only, which a tablet cannot reach: choose this PC's address "
        "(or 0.0.0.0) above and Apply, then create the tablet's token.",
    ).replace("%1", bind)


def qr_pixmap(text: str, module_px: int) -> QPixmap:
    """A QR code of ``text`` with ``module_px`` pixels a module, its quiet zone included."""
    rows = segno.make(text, error="m", micro=False).matrix
    size = len(rows) + 2 * QUIET_ZONE
    white = bytes([255]) * size
    grey = bytearray(white * QUIET_ZONE)
    for row in rows:
        grey += (
            bytes([255]) * QUIET_ZONE + bytes(0 if dark else 255 for dark in row) + bytes([255]) * QUIET_ZONE
        )
    grey += white * QUIET_ZONE
    image = QImage(bytes(grey), size, size, size, QImage.Format.Format_Grayscale8).copy()
    scaled = image.scaled(
        size * module_px,
        size * module_px,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.FastTransformation,
    )
    return QPixmap.fromImage(scaled)
