"""Measures of Nghị định 30/2020/NĐ-CP, Phụ lục I, shared by the PDF and DOCX renderers."""

MM = 72 / 25.4  # points per millimetre

# Page margins (mm): top/bottom 20–25, left 30–35, right 15–20.
TOP, BOTTOM, LEFT, RIGHT = 20, 20, 30, 15
PAGE_NO_FROM_TOP = 12  # page number baseline, inside the top margin
PAGE_NO_SIZE = 13

HEADER_LEFT_SHARE = 0.43  # width of the body-name column in the header block
HEADER_SIZE = 13  # parent body, body name, "Số: …"
QUOC_HIEU_SIZE = 12  # 12–13; 12 keeps it on one line in the right column
MOTTO_SIZE = 13  # 13–14
DATE_SIZE = 14
SHORT_RULE = 0.45  # rule under the body name: 1/3–1/2 of the name's length
TITLE_RULE = 0.25  # rule under the trích yếu
RECIPIENTS_TITLE_SIZE = 12
RECIPIENTS_SIZE = 11
FIRST_INDENT = 10 * MM  # first-line indent of body paragraphs (1–1,27 cm)
LEADING = 1.2  # line height as a multiple of the font size
DRAFT_MARK = "DỰ THẢO"  # on every page of a draft, boxed, top right
DRAFT_MARK_SIZE = 12
