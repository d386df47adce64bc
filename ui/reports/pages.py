"""Prints a report's ``QTextDocument`` on numbered pages without splitting a table row.

``QTextDocument.print_`` breaks a page wherever the page ends, between two lines of one table
cell too, so one log entry could begin at the foot of a page and end on the next. Here the
document is laid out once, without pages, at the width of the printed text; the page breaks are
chosen where a line of text or a table row begins; and every page draws its slice of that one
layout. A page that continues a table first repeats the table's header row; a heading is never
the last thing on a page (it goes with what follows it); ``page-break-before`` is honoured. A
part taller than a whole page (it cannot be kept together) is cut where the page is full.
Words are never broken: a word wider than its column runs over the column instead.

Inside the printer's own margins, 5 mm more (``print_`` takes 2 cm, and a table of eight columns
then wraps every name); the page number at the foot, on the right, as ``print_`` puts it.
"""

from __future__ import annotations

import heapq
import re
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPainter,
    QPalette,
    QTextBlock,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextLength,
    QTextOption,
    QTextTable,
)

MARGIN_CM = 0.5
WORDS = re.compile(r"[\s\u200b]+")  # where a line may wrap (the zero-width space too)


@dataclass(frozen=True)
class Break:
    """Where a page may begin: at ``y`` in the layout, in the middle of ``gap`` (the space between two table
    rows that holds no text); ``header``, the header row a page that begins here repeats first."""

    y: float
    header: Slice | None = None
    forced: bool = False
    gap: float = 0.0


@dataclass(frozen=True)
class Slice:
    """The layout from ``top`` to ``bottom`` (the printed region); the half gaps at either end hold no
    text."""

    top: float
    bottom: float
    header: Slice | None = None
    top_gap: float = 0.0
    bottom_gap: float = 0.0

    @property
    def height(self) -> float:
        return self.bottom - self.top


def print_pages(document: QTextDocument, device: QPagedPaintDevice) -> int:
    """Lay ``document`` out for ``device`` and print it; returns the number of pages."""
    margin = int(MARGIN_CM / 2.54 * device.logicalDpiY())
    width, height = device.width() - 2 * margin, device.height() - 2 * margin
    document.setPageSize(QSizeF(0, 0))  # no layout while the columns and the device are set
    layout = document.documentLayout()
    layout.setPaintDevice(device)
    root = document.rootFrame().frameFormat()
    inside = width - (root.leftMargin() + root.rightMargin()) * device.logicalDpiX() / 96
    for frame in document.rootFrame().childFrames():
        if isinstance(frame, QTextTable):
            fit_columns(frame, device, inside)
    option = document.defaultTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    document.setDefaultTextOption(option)
    document.setPageSize(QSizeF(width, -1))  # laid out once, as one long page: the breaks are chosen below
    slices = page_slices(breaks(document), layout.documentSize().height(), height)
    painter = QPainter(device)
    try:
        for number, page in enumerate(slices, start=1):
            if number > 1:
                device.newPage()
            painter.save()
            painter.translate(margin, margin)
            offset = 0.0
            if page.header is not None:
                _draw(painter, layout, page.header, 0.0, width)
                offset = page.header.height
            _draw(painter, layout, page, offset, width)
            painter.restore()
            _number(painter, document, device, margin, number)
    finally:
        painter.end()
    return len(slices)


def fit_columns(table: QTextTable, device: QPagedPaintDevice, width: float) -> None:
    """Give each column of ``table`` its width from its text (``share_width``), measured with the cells'
    fonts on ``device`` and with their padding; a text's longest word is one of its three longest in
    letters."""
    narrow, wide = [0.0] * table.columns(), [0.0] * table.columns()
    fonts: dict[str, QFontMetricsF] = {}
    scale = device.logicalDpiX() / 96  # cell padding is in CSS pixels
    for row in range(table.rows()):
        for column in range(table.columns()):
            cell = table.cellAt(row, column)
            cursor = cell.firstCursorPosition()
            text = cursor.block().text()
            if not text:
                continue
            cell_format = cell.format().toTableCellFormat()
            padding = (cell_format.leftPadding() + cell_format.rightPadding() + 1) * scale  # 1: rounding
            font = cursor.charFormat().font()
            if font.key() not in fonts:
                fonts[font.key()] = QFontMetricsF(font, device)
            metrics = fonts[font.key()]
            longest = max(
                metrics.horizontalAdvance(word) for word in heapq.nlargest(3, WORDS.split(text), key=len)
            )
            narrow[column] = max(narrow[column], longest + padding)
            wide[column] = max(wide[column], metrics.horizontalAdvance(text) + padding)
    widths = share_width(narrow, wide, width)
    table_format = table.format()
    table_format.setColumnWidthConstraints(
        [QTextLength(QTextLength.Type.PercentageLength, 100 * part / sum(widths)) for part in widths]
    )
    table.setFormat(table_format)


def share_width(narrow: list[float], wide: list[float], width: float) -> list[float]:
    """Column widths: each at least ``narrow`` (its longest word). The width left over goes first to the
    columns whose whole text (``wide``) fits in an equal share of it, so that a short text stays on one
    line; the rest goes to the long texts in proportion to what each still lacks. Columns that all fit
    share what is left in proportion to their text."""
    widths = list(narrow)
    wanting = {column for column, need in enumerate(wide) if need > narrow[column]}
    while wanting:
        spare = width - sum(widths)
        short = {column for column in wanting if wide[column] - widths[column] <= spare / len(wanting)}
        if not short:
            lacking = sum(wide[column] - widths[column] for column in wanting)
            for column in wanting:
                widths[column] += max(0.0, spare) * (wide[column] - widths[column]) / lacking
            return widths
        for column in short:
            widths[column] = wide[column]
        wanting -= short
    spare = width - sum(widths)
    return (
        [part + max(0.0, spare) * part / sum(widths) for part in widths]
        if sum(widths)
        else [1.0] * len(widths)
    )


def breaks(document: QTextDocument) -> list[Break]:
    """Every place a page may begin, top to bottom: each line of the document's own paragraphs,
    each table and each table row after the first below its header; none right after a heading."""
    layout = document.documentLayout()
    found: list[Break] = []
    after_heading, below = False, 0.0
    iterator = document.rootFrame().begin()
    while not iterator.atEnd():
        frame, block = iterator.currentFrame(), iterator.currentBlock()
        here = (
            _table_breaks(layout, frame)
            if isinstance(frame, QTextTable)
            else (_frame_breaks(layout, frame) if frame is not None else _line_breaks(layout, block))
        )
        here = [place for place in here if place.y >= below]  # Qt tucks the empty block after a table into it
        if after_heading and here:
            here = here[1:]
        found += here
        after_heading = frame is None and block.blockFormat().headingLevel() > 0
        if frame is not None:
            below = layout.frameBoundingRect(frame).bottom()
        iterator += 1
    return found


def page_slices(candidates: list[Break], total: float, page: float) -> list[Slice]:
    """The pages: each as full as it can be, ending where a forced break or the last break that fits is."""
    slices: list[Slice] = []
    start = Break(0.0)
    candidates = sorted((b for b in candidates if b.y > 0.5), key=lambda b: b.y)
    while True:
        top = start.y
        room = page - (start.header.height if start.header is not None else 0.0)
        ahead = [b for b in candidates if top + 0.5 < b.y <= top + room]
        forced = next((b for b in ahead if b.forced), None)
        if forced is None and total <= top + room:
            slices.append(Slice(top, total, start.header, start.gap / 2))
            return slices
        end = forced or (ahead[-1] if ahead else Break(top + room))
        slices.append(Slice(top, end.y, start.header, start.gap / 2, end.gap / 2))
        start = end


def _line_breaks(layout: QAbstractTextDocumentLayout, block: QTextBlock) -> list[Break]:
    top = layout.blockBoundingRect(block).top()
    lines = block.layout()
    forced = bool(block.blockFormat().pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    return [
        Break(top + lines.lineAt(number).y(), forced=forced and number == 0)
        for number in range(lines.lineCount())
    ] or [Break(top, forced=forced)]


def _frame_breaks(layout: QAbstractTextDocumentLayout, frame: QTextFrame) -> list[Break]:
    forced = bool(frame.frameFormat().pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    return [Break(layout.frameBoundingRect(frame).top(), forced=forced)]


def _table_breaks(layout: QAbstractTextDocumentLayout, table: QTextTable) -> list[Break]:
    """Before the table, and between its body rows (not before the first one: it stays with the header),
    in the middle of the space between one row's text and the next one's."""

    def edge(row: int, bottom: bool) -> float:
        cells = [table.cellAt(row, column) for column in range(table.columns())]
        rects = [
            layout.blockBoundingRect(
                (cell.lastCursorPosition() if bottom else cell.firstCursorPosition()).block()
            )
            for cell in cells
        ]
        return max(rect.bottom() for rect in rects) if bottom else min(rect.top() for rect in rects)

    tops = [edge(row, False) for row in range(table.rows())]
    bottoms = [edge(row, True) for row in range(table.rows())]
    between = [
        Break((bottoms[row - 1] + tops[row]) / 2, gap=tops[row] - bottoms[row - 1])
        for row in range(1, table.rows())
    ]
    headers = min(table.format().headerRowCount(), table.rows() - 1)
    header = None
    if headers:
        frame, first = layout.frameBoundingRect(table).top(), between[headers - 1]
        header = Slice(frame, first.y, bottom_gap=first.gap / 2)
    return [*_frame_breaks(layout, table), *(Break(b.y, header, gap=b.gap) for b in between[headers:])]


def _draw(
    painter: QPainter, layout: QAbstractTextDocumentLayout, part: Slice, at: float, width: float
) -> None:
    """Draw ``part`` of the layout with its top at ``at``, the full width (text may run over the margin).
    Qt draws every line and table cell that reaches into the paint context's clip (into the PDF's text,
    too, where the painter's clip hides it): that clip leaves out the half gaps, so each line and row
    is drawn on one page only."""
    region = QRectF(-width, part.top, 3 * width, part.height)
    painter.save()
    painter.translate(0, at - part.top)
    painter.setClipRect(region)
    context = QAbstractTextDocumentLayout.PaintContext()
    context.clip = region.adjusted(0, part.top_gap + 1, 0, -part.bottom_gap - 1)
    context.palette.setColor(QPalette.ColorRole.Text, Qt.GlobalColor.black)
    layout.draw(painter, context)
    painter.restore()


def _number(
    painter: QPainter, document: QTextDocument, device: QPagedPaintDevice, margin: int, number: int
) -> None:
    """The page number at the right of the foot, where ``QTextDocument.print_`` puts it."""
    font = QFont(document.defaultFont())
    metrics = QFontMetricsF(font, device)
    text = str(number)
    painter.setFont(font)
    painter.drawText(
        round(device.width() - margin - metrics.horizontalAdvance(text)),
        round(device.height() - margin + metrics.ascent() + 5 * device.logicalDpiY() / 72),
        text,
    )
