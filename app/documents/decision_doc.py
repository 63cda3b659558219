"""Quyết định (khen thưởng / thu hồi / đính chính) with its danh sách kèm theo."""

from __future__ import annotations

from app.documents import common
from app.documents.data import DecisionDoc
from app.documents.model import (
    Document,
    PageBreak,
    Signatures,
    Signer,
    Title,
    article,
    heading,
    para,
)
from app.text import date_line, format_date_vn, format_money


def _amount_words(amount: int) -> str:
    from app.services.awards.money import amount_in_words

    return amount_in_words(amount)


def _ref(d: DecisionDoc) -> str:
    num = d.full_number or f"      /QĐ-{d.org.doc_symbol}"
    day = format_date_vn(d.signed_on) if d.signed_on else "     /     /     "
    return f"số {num} ngày {day}"


def _award_articles(d: DecisionDoc) -> list:
    groups = common.by_award(d.entries)
    if len(groups) == 1:
        first, items = groups[0]
        what = (f"danh hiệu “{first.award_name}” năm {d.year}" if first.award_is_title
                else f"{first.award_name}")
        out = [article("Điều 1.", f"{common.verb(items)} {what} cho {common.count_words(items)} "
                                  "(có danh sách kèm theo).")]
    else:
        out = [article("Điều 1.", f"Khen thưởng thành tích năm {d.year} cho "
                                  f"{common.count_words(list(d.entries))} (có danh sách kèm "
                                  "theo), gồm:")]
        for first, items in groups:
            out.append(para(f"- {common.award_label(first)}: {common.count_words(items)};"))
    if d.total_money > 0:
        out.append(article("Điều 2.", (
            f"Tiền thưởng theo hệ số nhân với mức lương cơ sở "
            f"{format_money(d.base_salary)} đồng (làm tròn lên hàng chục nghìn đồng); tổng số "
            f"tiền {format_money(d.total_money)} đồng (Bằng chữ: {_amount_words(d.total_money)}), "
            f"chi từ Quỹ thi đua, khen thưởng của {d.org.short_name} năm {d.signed_on.year if d.signed_on else d.year}.")))
    else:
        out.append(article("Điều 2.", "Các tập thể, cá nhân, hộ gia đình có tên tại Điều 1 "
                                      "được cấp giấy chứng nhận theo quy định."))
    return out


def _sentence(value: str) -> str:
    value = value.strip()
    return value if value.endswith((".", "!", "?")) else value + "."


def _revocation_articles(d: DecisionDoc) -> list:
    out = [article("Điều 1.", "Thu hồi các danh hiệu, hình thức khen thưởng sau. Lý do: "
                              + _sentence(d.reason))]
    for e in d.entries:
        out.append(para(f"- {common.award_label(e)} năm {e.year} đã tặng cho {e.salutation or ''} "
                        f"{common.display_name(e)} tại {e.ref} (số vào sổ {e.certificate_no})."
                        .replace("  ", " ")))
    money = sum(e.money for e in d.entries)
    tail = (f" và tiền thưởng đã nhận, tổng số {format_money(money)} đồng "
            f"(Bằng chữ: {_amount_words(money)})" if money else "")
    out.append(article("Điều 2.", f"Các tập thể, cá nhân có tên tại Điều 1 nộp lại hiện vật "
                                  f"khen thưởng{tail}."))
    return out


def _correction_articles(d: DecisionDoc) -> list:
    out = [article("Điều 1.", "Đính chính nội dung khen thưởng sau. Lý do: " + _sentence(d.reason))]
    for e in d.entries:
        out.append(para(f"- {common.award_label(e)} tại {e.ref} (số vào sổ {e.certificate_no}): "
                        f"đã ghi “{_who(e.old_name, e.old_position)}”, nay sửa lại là "
                        f"“{_who(e.name, e.position)}”."))
    out.append(article("Điều 2.", "Các nội dung khác của quyết định trên giữ nguyên."))
    return out


def _who(name: str, position: str | None) -> str:
    return f"{name}, {position}" if position else name


def build_decision(d: DecisionDoc) -> Document:
    """The whole decision; a khen thưởng decision carries its attached list on a new page."""
    authority = f"CHỦ TỊCH {d.org.body_name}"
    number = f"Số: {d.full_number}" if d.full_number else f"Số:       /QĐ-{d.org.doc_symbol}"
    doc = Document(f"Quyết định {d.full_number or '(dự thảo)'}").add(
        common.header(d.org, number, date_line(d.org.place_name, d.signed_on)),
        Title("QUYẾT ĐỊNH", d.title),
        heading(authority),
        *[para(b, italic=True) for b in d.bases],
        heading("QUYẾT ĐỊNH:"),
    )
    articles = {"thu_hoi": _revocation_articles, "dinh_chinh": _correction_articles}.get(
        d.kind, _award_articles)(d)
    doc.add(*articles)
    for i, text in enumerate(d.closing, start=3):
        doc.add(article(f"Điều {i}.", text + ("/." if i == len(d.closing) + 2 else "")))
    doc.add(Signatures(Signer(d.signer_lines, d.signer_name), recipients=d.recipients))
    if d.kind == "khen_thuong":
        _attach_list(doc, d)
    return doc


def _attach_list(doc: Document, d: DecisionDoc) -> None:
    doc.add(
        PageBreak(),
        Title("DANH SÁCH", _list_title(d), rule=False),
        para(f"(Kèm theo Quyết định {_ref(d)} của Chủ tịch Ủy ban nhân dân {d.org.short_name})",
             italic=True, align="center", indent=False),
        Title("", "", rule=True),
        common.entry_table(d.entries, money=d.total_money > 0),
    )
    if d.total_money > 0:
        doc.add(para(f"Bằng chữ: {_amount_words(d.total_money)}.", italic=True, indent=False))


def _list_title(d: DecisionDoc) -> str:
    groups = common.by_award(d.entries)
    if len(groups) == 1 and groups[0][0].award_is_title:
        return (f"{common.verb(groups[0][1])} danh hiệu “{groups[0][0].award_name}” "
                f"năm {d.year}")
    if len(groups) == 1:
        return f"Tặng {groups[0][0].award_name}"
    return f"Khen thưởng thành tích năm {d.year}"


