"""Rule packs reach databases that already exist: `tdkt rules update` shows what a newer pack
changes next to the ward's own edits, applies it only with consent, never overwrites an edited
value without being asked, and audits it (issue 11)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

from sqlalchemy import select, text

from app.cli import main
from app.paths import resource_path

PREVIOUS = resource_path("rules", "history", "2025.1")


def _old_database(path):
    """A database as the previous version left it: schema 0003, award kinds and base salaries
    seeded from the previous rule files, then edited by the officer."""
    from alembic import command

    from db.engine import Database
    from db.migrate import alembic_config

    old = Database(path)
    cfg = alembic_config()
    with old.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003_protect")
        cols = ("code", "name", "category", "subject_types", "level", "awarded_here",
                "coef_person", "coef_collective", "coef_household", "certificate_template",
                "criteria", "legal_basis", "prerequisites", "quota", "vote_threshold",
                "vote_base", "secret_ballot", "sort_order")
        rows = json.loads((PREVIOUS / "award_kinds.json").read_text(encoding="utf-8"))["rows"]
        for row in rows:
            values = {c: row.get(c) for c in cols}
            values["awarded_here"] = row.get("awarded_here", True)
            values["vote_base"] = row.get("vote_base", "present")
            values["secret_ballot"] = row.get("secret_ballot", True)
            values["sort_order"] = row.get("sort_order", 0)
            for c in ("prerequisites", "quota"):
                values[c] = json.dumps(values[c], ensure_ascii=False) if values[c] else None
            conn.execute(text(
                f"INSERT INTO award_kind ({', '.join(cols)}, annual, active) VALUES "
                f"({', '.join(':' + c for c in cols)}, 1, 1)"), values)
        salaries = json.loads((PREVIOUS / "base_salary.json").read_text(encoding="utf-8"))
        for row in salaries["rows"]:
            conn.execute(text("INSERT INTO base_salary (effective_from, amount, legal_basis) "
                              "VALUES (:effective_from, :amount, :legal_basis)"), row)
        # the officer's own edits, made in the old version's settings screen
        conn.execute(text("UPDATE award_kind SET legal_basis = 'Căn cứ phường tự ghi' "
                          "WHERE code = 'CSTDCS'"))
        conn.execute(text("UPDATE award_kind SET criteria = 'Tiêu chuẩn phường tự ghi' "
                          "WHERE code = 'LDTT'"))
        conn.execute(text("UPDATE award_kind SET coef_household = 0.5 WHERE code = 'GK_CT'"))
        conn.execute(text("INSERT INTO setting (key, value) VALUES "
                          "('council.quorum_share', '\"3/5\"')"))
    old.dispose()


def _open(path):
    from app.context import open_app_database

    return open_app_database(path)


def test_previous_pack_database_receives_the_new_pack_keeping_the_officers_edits(
        tmp_path, capsys):
    from app.services.awards import award_kinds, money
    from app.services.rounds import quorum
    from db.models import AuditLog, AwardKind

    path = tmp_path / "phường cũ.sqlite"
    _old_database(path)

    assert main(["rules", "update", "--db", str(path), "--dry-run"]) == 0
    shown = capsys.readouterr().out
    assert "2.530.000 đ" in shown and "161/2026/NĐ-CP" in shown
    assert "phường đã sửa" in shown and "Căn cứ phường tự ghi" in shown
    assert "Chưa áp dụng" in shown  # a dry run writes nothing
    db = _open(path)
    assert all(x.effective_from != date(2026, 7, 1) for x in award_kinds.list_base_salaries(db))
    db.dispose()

    assert main(["rules", "update", "--db", str(path), "--yes"]) == 0
    out = capsys.readouterr().out
    assert "Đã áp dụng" in out and "giữ nguyên" in out
    db = _open(path)
    with db.read() as s:
        assert money.base_salary_on(s, date(2026, 7, 1)) == 2_530_000
        kinds = {k.code: k for k in s.scalars(select(AwardKind))}
        # the officer's edits are kept …
        assert kinds["CSTDCS"].legal_basis == "Căn cứ phường tự ghi"
        assert kinds["LDTT"].criteria == "Tiêu chuẩn phường tự ghi"
        gk = kinds["GK_CT"].id
        assert money.coefficient_on(s, gk, "household", date(2026, 7, 1)) == Decimal("0.5")
        # … and the rest of the new pack arrived
        assert money.coefficient_on(s, gk, "collective", date(2026, 7, 1)) == Decimal("0.6")
        assert "70%" in kinds["TTLDTT"].criteria
        assert "Điều 23" in kinds["CSTDCS"].prerequisites["legal_basis"]
        audits = list(s.scalars(select(AuditLog).where(AuditLog.entity == "rule_pack")))
        assert audits and "2026" in (audits[-1].note or "")
    assert str(quorum.get_share(db)) == "3/5"
    db.dispose()

    assert main(["rules", "update", "--db", str(path), "--yes"]) == 0
    assert "đã cập nhật" in capsys.readouterr().out.lower()

    assert main(["rules", "show", "--db", str(path), "--date", "2026-07-01"]) == 0
    shown = capsys.readouterr().out
    assert "2.530.000 đ" in shown and "hệ số 0,6" in shown and "hệ số 0,5" in shown
    assert "phường đã sửa" in shown and "Nghị định 152/2025/NĐ-CP" in shown


def test_an_edited_value_is_replaced_only_when_asked(tmp_path, capsys):
    from app.services.awards import money
    from db.models import AwardKind

    path = tmp_path / "phường cũ.sqlite"
    _old_database(path)
    assert main(["rules", "update", "--db", str(path), "--yes", "--replace-edited"]) == 0
    db = _open(path)
    with db.read() as s:
        kinds = {k.code: k for k in s.scalars(select(AwardKind))}
        assert "Điều 23" in kinds["CSTDCS"].legal_basis
        gk = kinds["GK_CT"].id
        assert money.coefficient_on(s, gk, "household", date(2026, 7, 1)) == Decimal("0.45")
    db.dispose()


def test_rules_show_prints_the_rules_in_force_the_vietnamese_way(db, tmp_path, capsys):
    db.dispose()
    assert main(["rules", "show", "--db", str(db.path), "--date", "2026-06-30"]) == 0
    before = capsys.readouterr().out
    assert "2.340.000 đ" in before and "2.530.000 đ" not in before
    assert main(["rules", "show", "--db", str(db.path), "--date", "2026-07-01"]) == 0
    out = capsys.readouterr().out
    assert "2.530.000 đ" in out and "hệ số 0,45" in out and "hệ số 0,3" in out
    assert "Điều 59 Nghị định 129/2025/NĐ-CP" in out
    assert "Chủ tịch Ủy ban nhân dân cấp xã" in out


def test_migration_keeps_the_old_coefficients_and_quorum_as_dated_rows(tmp_path):
    from db.migrate import open_database
    from db.models import AwardKind, RuleItem

    path = tmp_path / "phường cũ.sqlite"
    _old_database(path)
    db = open_database(path)  # schema upgrade only (no rule pack step)
    with db.read() as s:
        gk = s.scalar(select(AwardKind).where(AwardKind.code == "GK_CT"))
        rows = {(r.award_kind_id, r.qualifier): r for r in s.scalars(
            select(RuleItem).where(RuleItem.topic == "coefficient"))}
        assert rows[(gk.id, "household")].value == "0.5"  # the officer's edit
        assert rows[(gk.id, "collective")].value == "0.6"
        assert all(r.effective_from is None and r.origin == "cu" for r in rows.values())
        quorum_row = s.scalar(select(RuleItem).where(RuleItem.topic == "council"))
        assert quorum_row.value == {"share": "3/5", "strict": False}
        assert gk.vote_strict is False and gk.pack_values is None
    db.dispose()


def test_rules_province_lists_and_switches_with_consent(tmp_path, capsys):
    path = tmp_path / "phường.sqlite"
    assert main(["rules", "province", "--db", str(path)]) == 0
    listed = capsys.readouterr().out
    assert "mac_dinh: Mặc định (chưa chọn tỉnh)" in listed and "bac_ninh: Bắc Ninh" in listed
    assert main(["rules", "province", "bac_ninh", "--db", str(path)]) == 1  # no consent given
    out = capsys.readouterr().out
    assert "Bắc Ninh" in out and "Chưa áp dụng: thêm --yes" in out
    assert main(["rules", "province", "bac_ninh", "--db", str(path), "--yes"]) == 0
    assert "Đã áp dụng" in capsys.readouterr().out
    assert main(["rules", "show", "--db", str(path), "--date", "2025-12-20"]) == 0
    shown = capsys.readouterr().out
    assert "tỉnh: Bắc Ninh" in shown and "trên 50% tổng số thành viên Hội đồng" in shown
    assert "86/2025/QĐ-UBND" in shown and "ít nhất 4/5" in shown
