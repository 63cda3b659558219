"""Printing a rendered certificate PDF through QPrinter, and the PDF preview widget.

The PDF made by app.certificates is the single source of truth: the preview shows it, "Lưu
PDF" copies it, and printing rasterises each page with QtPdf onto the printer at full page
(no driver margins), so calibration offsets measured from the paper's corner stay exact.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSize, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import QWidget

PDF_PRINTER = "Máy in PDF (lưu thành tệp)"  # the choice that prints to a PDF file via QPrinter
PRINT_DPI = 300  # enough for 9 pt text; higher only adds spooling time


def printer_names() -> list[str]:
    """System printers, the default first, then the PDF printer."""
    default = QPrinterInfo.defaultPrinterName()
    names = QPrinterInfo.availablePrinterNames()
    ordered = ([default] if default in names else []) + [n for n in names if n != default]
    return ordered + [PDF_PRINTER]


def make_printer(name: str, pdf_target: str | None = None) -> QPrinter:
    printer = QPrinter(QPrinter.HighResolution)
    if name == PDF_PRINTER:
        printer.setOutputFormat(QPrinter.PdfFormat)
        printer.setOutputFileName(pdf_target or "")
    else:
        printer.setPrinterName(name)
    printer.setFullPage(True)
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Landscape,
                                      QMarginsF(0, 0, 0, 0)))
    printer.setDocName("Giấy khen")
    return printer


def print_pdf(pdf_path: str, printer_name: str, pdf_target: str | None = None, *,
              dpi: int | None = None, progress=None, cancelled=None) -> int:
    """Print every page of ``pdf_path``; runs in a worker thread. Returns pages printed.

    Cancel stops before the next page; the job is closed normally, so the pages already
    drawn are printed (and the caller logs exactly those)."""
    dpi = dpi or PRINT_DPI
    doc = QPdfDocument()
    doc.load(pdf_path)
    if doc.status() != QPdfDocument.Status.Ready:
        raise RuntimeError(f"Không đọc được tệp PDF {pdf_path}.")
    printer = make_printer(printer_name, pdf_target)
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError(f"Không mở được máy in “{printer_name}”.")
    total = doc.pageCount()
    try:
        for i in range(total):
            if cancelled is not None and cancelled():
                # Stop after the pages already sent: they are on paper and get logged.
                return i
            if i:
                printer.newPage()
            points = doc.pagePointSize(i)
            size = QSize(round(points.width() / 72 * dpi),
                         round(points.height() / 72 * dpi))
            image = doc.render(i, size)
            target = QRectF(printer.paperRect(QPrinter.DevicePixel))
            painter.drawImage(target, image)
            if progress is not None:
                progress(i + 1, total, f"Đang in trang {i + 1}/{total}")
    finally:
        painter.end()
        doc.close()
    return total


class PdfPreview(QPdfView):
    """A multi-page, zoom-to-width view of one PDF file."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # Not a child of the view: a child document is closed while the view is half
        # destroyed and its statusChanged signal then reaches the dead view (segfault).
        self.document_ = QPdfDocument()
        self.setDocument(self.document_)
        self.setPageMode(QPdfView.PageMode.MultiPage)
        self.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.setFocusPolicy(Qt.StrongFocus)

    def show_file(self, path: str | None) -> None:
        self.document_.close()
        if path:
            self.document_.load(path)

    def page_count(self) -> int:
        return self.document_.pageCount()


# ------------------------------------------------------------------ jobs run by ui.workers

def _offsets(db, printer: str) -> dict:
    from app.certificates import blank_models
    from app.services.awards import certificates as svc

    return {blank: svc.get_offsets(db, printer, blank) for blank in blank_models()}


def build_job(db, decision_id: int, record_ids, mode: str, printer: str, path: str,
              preview: bool = False, *, progress=None, cancelled=None) -> list[int]:
    """Gather and render the certificates to ``path``; returns their register entry ids."""
    from app.certificates import render_pdf
    from app.services.awards import certificates as svc
    from app.services.awards.certificate_designs import design_images

    certs = svc.gather(db, decision_id, record_ids)
    if not certs:
        raise ValueError("Không có giấy nào để in.")

    def report(done: int, total: int) -> None:
        if progress is not None:
            progress(done, total, f"Đang dựng giấy {done}/{total}")

    render_pdf(certs, path, mode=mode,
               offsets=_offsets(db, printer) if mode == "blank" else {},
               overrides=svc.get_overrides(db),
               underlays=svc.get_underlays(db) if preview and mode == "blank" else None,
               backgrounds=design_images(db) if mode == "full" else None,
               title=f"Giấy khen – Quyết định {certs[0].decision_no}",
               progress=report, cancelled=cancelled)
    return [c.record_id for c in certs]


def print_job(db, decision_id: int, record_ids, mode: str, printer: str, pdf_path: str,
              pdf_target: str | None, note: str, *, progress=None, cancelled=None) -> int:
    """Render, print, and log the pages that reached the printer (the PDF "printer" only
    writes a file: nothing is logged). Returns pages printed."""
    from app.services.awards import certificates as svc

    try:
        ids = build_job(db, decision_id, record_ids, mode, printer, pdf_path,
                        progress=progress, cancelled=cancelled)
        printed = print_pdf(pdf_path, printer, pdf_target, progress=progress,
                            cancelled=cancelled)
    finally:
        Path(pdf_path).unlink(missing_ok=True)  # a spool copy only: the register is the record
    if printed and printer != PDF_PRINTER:
        svc.log_prints(db, ids[:printed], mode, note=f"{note} – máy in: {printer}")
    return printed
