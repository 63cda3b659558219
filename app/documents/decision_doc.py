"""Quyết định (khen thưởng / thu hồi / đính chính) with its danh sách kèm theo.

Articles: Điều 1 (who gets what, for which achievement), Điều 2 (money or certificates), then
the closing articles: the effect ("có hiệu lực kể từ ngày ký", added when the draft lacks it)
and the one naming who carries the decision out; the last article ends with "./.". Nơi nhận
lines start with "-" and "Như Điều N" points at the carrying-out article (left out without it).
"""

from __future__ import annotations

import re

from app.documents import common, lists
from app.documents.data import DecisionDoc, Entry
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
from app.text import date_line, fold, format_date_vn, format_money

EFFECT = "Quyết định này có hiệu lực kể từ ngày ký."


def _amount_words(amount: int) -> str:
    from app.services.awards.money import amount_in_words

    return amount_in_words(amount)


def _ref(d: DecisionDoc) -> str:
    num = d.full_number or f"      /QĐ-{d.org.doc_symbol}"
    day = format_date_vn(d.signed_on) if d.signed_on else "     /     /     "
    return f"số {num} ngày {day}"


def _decider(d: DecisionDoc) -> str:
    """"Chủ tịch Ủy ban nhân dân phường X" or "Ủy ban nhân dân phường X"."""
    body = f"Ủy ban nhân dân {d.org.short_name}"
    return body if d.decider == "ubnd" else f"Chủ tịch {body}"


def achievement(items: list[Entry]) -> str:
    """The achievement shared by every line ("đã có thành tích …"); "" when they differ."""
    found = {e.citation.strip().rstrip(".;") for e in items}
    if len(found) != 1 or not next(iter(found)):
        return ""
    text = next(iter(found))
    text = text[:1].lower() + text[1:]
    return text if fold(text).startswith(("da ", "dat ", "co ")) else f"đã {text}"


def _grant(first: Entry, items: list[Entry], year: int) -> str:
    """"Tặng danh hiệu “X” năm 2025 cho 3 cá nhân đã … " (no final punctuation)."""
    what = (f"danh hiệu “{first.award_name}” năm {year}" if first.award_is_title
            else first.award_name)
    deed = achievement(items) or (" có thành tích ghi tại danh sách kèm theo"
                                  if _differing(items) else "")
    deed = f" {deed.strip()}" if deed else ""
    return f"{common.verb(items)} {what} cho {common.count_words(items)}{deed}"


def _differing(items: list[Entry]) -> bool:
    """Lines carry achievements of their own (the list then shows them in a column)."""
    return len({e.citation.strip() for e in items}) > 1


def _differing_citations(d: DecisionDoc) -> bool:
    return any(_differing(items) for _first, items in common.by_award(d.entries))


def _award_articles(d: DecisionDoc) -> list:
    groups = common.by_award(d.entries)
    if len(groups) == 1:
        first, items = groups[0]
        out = [article("Điều 1.", f"{_grant(first, items, d.year)} (có danh sách kèm theo).")]
    else:
        out = [article("Điều 1.", f"Khen thưởng thành tích năm {d.year} cho "
                                  f"{common.count_words(list(d.entries))} (có danh sách kèm "
                                  "theo), gồm:")]
        for i, (first, items) in enumerate(groups, start=1):
            end = "." if i == len(groups) else ";"
            out.append(para(f"{i}. {_grant(first, items, d.year)}{end}"))
    if d.total_money > 0:
        year = d.signed_on.year if d.signed_on else d.year
        out.append(article("Điều 2.", (
            f"Tiền thưởng theo hệ số nhân với mức lương cơ sở "
            f"{format_money(d.base_salary)} đồng (làm tròn lên hàng chục nghìn đồng); tổng số "
            f"tiền {format_money(d.total_money)} đồng (Bằng chữ: {_amount_words(d.total_money)}), "
            f"chi từ Quỹ thi đua, khen thưởng của {d.org.short_name} năm {year}.")))
    else:
        who = ", ".join(w for w, _ in lists.by_type(list(d.entries)))
        out.append(article("Điều 2.", f"Các {who} có tên tại Điều 1 được cấp giấy chứng nhận "
                                      "theo quy định."))
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


def closing_articles(closing: tuple[str, ...]) -> tuple[list[str], int | None]:
    """The closing articles with the effect article in place (before the carrying-out one),
    and the index of the carrying-out article ("… chịu trách nhiệm thi hành …") or None."""
    texts = [t.strip() for t in closing if t.strip()]
    executor = next((i for i in range(len(texts) - 1, -1, -1) if "thi hành" in texts[i]), None)
    if not any("hiệu lực" in t for t in texts):
        at = executor if executor is not None else len(texts)
        texts.insert(at, EFFECT)
        executor = None if executor is None else executor + 1
    return texts, executor


def recipients_for(lines: tuple[str, ...], executor_no: int | None) -> tuple[str, ...]:
    """Nơi nhận: each line starts with "- "; "Như Điều N" names the carrying-out article, and
    goes when there is none."""
    out = []
    for line in lines:
        text = line.strip().lstrip("-–+•").strip()
        if not text:
            continue
        if re.match(r"Như Điều \d+", text):
            if executor_no is None:
                continue
            text = re.sub(r"Như Điều \d+", f"Như Điều {executor_no}", text, count=1)
        out.append(f"- {text}")
    return tuple(out)


def build_decision(d: DecisionDoc) -> Document:
    """The whole decision; a khen thưởng decision carries its attached list on a new page."""
    number = f"Số: {d.full_number}" if d.full_number else f"Số:       /QĐ-{d.org.doc_symbol}"
    doc = Document(f"Quyết định {d.full_number or '(dự thảo)'}", draft=d.status == "draft")
    doc.add(
        common.header(d.org, number, date_line(d.org.place_name, d.signed_on)),
        Title("QUYẾT ĐỊNH", d.title),
        heading(_decider(d).upper()),
        *[para(b, italic=True) for b in d.bases],
        heading("QUYẾT ĐỊNH:"),
    )
    body = {"thu_hoi": _revocation_articles, "dinh_chinh": _correction_articles}.get(
        d.kind, _award_articles)(d)
    closing, executor = closing_articles(d.closing)
    first_no = 3
    for i, text in enumerate(closing):
        if i == len(closing) - 1:
            text = text.rstrip(" ./") + "./."
        body.append(article(f"Điều {first_no + i}.", text))
    doc.add(*body)
    executor_no = None if executor is None else first_no + executor
    doc.add(Signatures(Signer(d.signer_lines, d.signer_name),
                       recipients=recipients_for(d.recipients, executor_no)))
    if d.kind == "khen_thuong":
        _attach_list(doc, d)
    return doc


def _attach_list(doc: Document, d: DecisionDoc) -> None:
    doc.add(
        PageBreak(),
        Title("DANH SÁCH", _list_title(d), rule=False),
        para(f"(Kèm theo Quyết định {_ref(d)} của {_decider(d)})", italic=True,
             align="center", indent=False),
        Title("", "", rule=True),
        lists.entry_table(d.entries, money=d.total_money > 0,
                          citations=_differing_citations(d)),
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
