"""Certificates (giấy khen, giấy chứng nhận danh hiệu) rendered with ReportLab; no Qt here.

render_pdf(certs, path, mode="full"|"blank", offsets=…) draws a batch into one PDF;
render_test_grid(path, blank, offsets) draws the calibration page. Templates and layouts are
data files registered in app/certificates/registry.py; see README.md to add one.
"""

from app.certificates.calibration import render_test_grid  # noqa: F401
from app.certificates.model import CertificateData, Field, Layout, Template  # noqa: F401
from app.certificates.registry import (  # noqa: F401
    TEMPLATES,
    blank_models,
    get_layout,
    get_template,
    template_names,
)
from app.certificates.render import Offsets, RenderCancelled, render_pdf  # noqa: F401
