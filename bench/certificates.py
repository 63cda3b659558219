"""Time to render the 1,000 certificates of one decision to one PDF, against LibreOffice.

    .venv/bin/python bench/certificates.py [COUNT]

Builds a temporary database with one decision of COUNT register entries (Giấy khen), gathers
them through the service and renders one PDF (full design). In the same run it writes an
equivalent COUNT-page mail-merged DOCX (python-docx: same wording, page border, one page per
certificate) and times `soffice --headless --convert-to pdf` on it.
Goal (issue 4): under 1 s, under 3 MB, at least 30 times faster than LibreOffice.
Our time is the median of three renders (the machine is shared); LibreOffice runs once.
"""

from __future__ import annotations

import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "certificates"))

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương",
          "Tôn Nữ"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Xuân", "Thị Phương"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hương", "Lan", "Long", "Mai",
         "Nam", "Phương", "Quang", "Sơn", "Thảo", "Trang", "Tuấn", "Yến", "Hoàng Khánh Ngọc Anh"]
UNITS = ["Trường Tiểu học Bình Hàn", "Trạm Y tế phường Thành Đông", "Khu dân cư Đông Giàng",
         "Hội Cựu chiến binh phường", "Công an phường Thành Đông", "Trường Mầm non Cẩm Thượng"]


def make_lines(count: int) -> list:
    rng = random.Random(4)
    lines = []
    for i in range(count):
        name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        gender = "nữ" if "Thị" in name else "nam"
        lines.append(("GK_CT", "person", name, {
            "gender": gender, "position_line": f"Cán bộ, {rng.choice(UNITS)}",
            "citation": "Đã có thành tích xuất sắc trong phong trào thi đua yêu nước năm 2025"
            + (" và công tác xây dựng đời sống văn hóa ở khu dân cư" if i % 3 == 0 else ""),
        }))
    return lines


def emblem_png(path: Path) -> Path:
    """A red disc with a yellow star and a gold ring, like the PDF's emblem (Pillow)."""
    import math

    from PIL import Image, ImageDraw

    img = Image.new("RGB", (400, 400), "white")
    d = ImageDraw.Draw(img)
    d.ellipse((20, 20, 380, 380), fill="#D4A72C")
    d.ellipse((50, 50, 350, 350), fill="#C8102E")
    pts = [(200 + r * math.cos(math.radians(90 + i * 36)), 200 - r * math.sin(math.radians(90 + i * 36)))
           for i, r in enumerate([130, 50] * 5)]
    d.polygon(pts, fill="#FFD400")
    img.save(path)
    return path


def write_docx(certs, path: Path, picture: Path) -> None:
    """What Word's mail merge produces: the certificate page repeated with each record's text
    (one page per certificate, the emblem picture on every page sharing one image part, a
    double page border). Built like a merge: one template page, its XML filled per record."""
    from xml.sax.saxutils import escape

    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.oxml import parse_xml
    from docx.shared import Mm, Pt, RGBColor

    doc = Document()
    sec = doc.sections[0]
    sec.orientation, sec.page_width, sec.page_height = WD_ORIENT.LANDSCAPE, Mm(297), Mm(210)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sec, side, Mm(20))
    sec._sectPr.append(parse_xml(
        '<w:pgBorders xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'w:offsetFrom="page"><w:top w:val="double" w:sz="18" w:space="24" w:color="9E1B1F"/>'
        '<w:left w:val="double" w:sz="18" w:space="24" w:color="9E1B1F"/>'
        '<w:bottom w:val="double" w:sz="18" w:space="24" w:color="9E1B1F"/>'
        '<w:right w:val="double" w:sz="18" w:space="24" w:color="9E1B1F"/></w:pgBorders>'))
    style = doc.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(14)

    def para(text, size=14, bold=False, italic=False, red=False, align="center"):
        p = doc.add_paragraph()
        p.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT,
                       "right": WD_ALIGN_PARAGRAPH.RIGHT}[align]
        p.paragraph_format.space_after = Pt(2)
        run = p.add_run(text)
        run.font.size, run.bold, run.italic = Pt(size), bold, italic
        if red:
            run.font.color.rgb = RGBColor(0xC8, 0x10, 0x2E)
        return run

    first = doc.add_paragraph()
    first.alignment = WD_ALIGN_PARAGRAPH.CENTER
    first.add_run().add_picture(str(picture), width=Mm(24))
    for pr in first._p.iter("{http://schemas.openxmlformats.org/drawingml/2006/"
                            "wordprocessingDrawing}docPr"):
        pr.set("id", "@ID@")
    para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, bold=True)
    para("Độc lập - Tự do - Hạnh phúc", 14, bold=True)
    para("@ISSUER@", 15, bold=True, red=True)
    para("TẶNG", 15, bold=True)
    para("GIẤY KHEN", 46, bold=True, red=True)
    para("@NAME@", 22, bold=True)
    para("@POSITION@", 15, italic=True)
    para("@CITATION@", 15)
    para("@PLACE_DATE@", 14, italic=True, align="right")
    para("@SIGN_MODE@", 14, bold=True, align="right")
    para("@SIGNER_TITLE@", 14, bold=True, align="right")
    para("@SIGNER@", 15, bold=True, align="right")
    para("Quyết định số @DECISION@; Số vào sổ: @NUMBER@", 12, italic=True, align="left")
    para("").add_break(WD_BREAK.PAGE)
    body = doc.element.body
    template = [el for el in body if not el.tag.endswith("sectPr")]
    xml = [el.xml for el in template]
    for el in template:
        body.remove(el)
    sect = body[-1]
    for i, c in enumerate(certs):
        fields = {"@ID@": str(i + 1), "@ISSUER@": c.issuer_title,
                  "@NAME@": f"{c.salutation} {c.name}", "@POSITION@": c.position_line,
                  "@CITATION@": c.citation, "@PLACE_DATE@": c.place_date,
                  "@SIGN_MODE@": c.sign_mode, "@SIGNER_TITLE@": c.signer_title,
                  "@SIGNER@": c.signer_name, "@DECISION@": c.decision_no,
                  "@NUMBER@": c.certificate_no}
        last = len(xml) - 1 if i == len(certs) - 1 else len(xml)
        for part in xml[:last]:
            for token, value in fields.items():
                part = part.replace(token, escape(value))
            sect.addprevious(parse_xml(part))
    doc.save(path)


def time_soffice(docx: Path, outdir: Path) -> tuple[float, float] | None:
    """(wall seconds, CPU seconds of soffice and its children), or None without soffice."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    profile = outdir / "lo-profile"  # own profile: never clash with another running soffice
    cmd = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
           "pdf", "--outdir", str(outdir), str(docx)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, timeout=900)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    from cert_fixtures import make_decision

    from app import paths
    from app.certificates import render_pdf
    from app.context import open_app_database
    from app.services.awards import certificates as svc

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        paths.set_data_dir(tmp / "data")
        db = open_app_database(tmp / "bench.sqlite")
        decision_id = make_decision(db, make_lines(count))
        t0 = time.perf_counter()
        certs = svc.gather(db, decision_id)
        t_gather = time.perf_counter() - t0
        out = tmp / "giay-khen.pdf"
        render_pdf(certs[:2], tmp / "warm.pdf")  # font loading happens once per process
        runs = []
        for _ in range(3):  # the machine is shared: report the median of three runs
            t0, c0 = time.perf_counter(), time.process_time()
            render_pdf(certs, out)
            runs.append((time.perf_counter() - t0, time.process_time() - c0))
        t_render, cpu = sorted(runs)[1]
        size = out.stat().st_size
        print(f"Certificates: {len(certs)} pages")
        print(f"  gather from the register: {t_gather:.2f} s")
        print(f"  render to one PDF:        {t_render:.2f} s  (median of 3; goal < 1 s; CPU {cpu:.2f} s, "
              f"load average {os.getloadavg()[0]:.1f})")
        print(f"  PDF size:                 {size / 1e6:.2f} MB  (goal < 3 MB)")
        docx = tmp / "mail-merge.docx"
        t0 = time.perf_counter()
        write_docx(certs, docx, emblem_png(tmp / "quoc-huy.png"))
        print(f"Mail-merged DOCX written in {time.perf_counter() - t0:.1f} s "
              f"({docx.stat().st_size / 1e6:.2f} MB)")
        timed = time_soffice(docx, tmp)
        if timed is None:
            print("LibreOffice (soffice) is not installed: only our figures are shown. "
                  "Install it with: apt-get install -y libreoffice-writer-nogui")
        else:
            pdf = tmp / "mail-merge.pdf"
            pages = len(__import__("pypdf").PdfReader(pdf).pages)
            print(f"  LibreOffice made {pages} pages")
            t_lo, cpu_lo = timed
            print(f"LibreOffice DOCX → PDF:     {t_lo:.1f} s  (CPU {cpu_lo:.1f} s; "
                  f"{pdf.stat().st_size / 1e6:.2f} MB)")
            print(f"Ratio: ours is {t_lo / t_render:.0f}× faster  (goal ≥ 30×); "
                  f"CPU time ratio {cpu_lo / cpu:.0f}× (load-independent)")
        db.dispose()
        os.environ.pop("TDKT_DATA_DIR", None)


if __name__ == "__main__":
    main()
