"""Vietnamese names of the rules, their fields and topics (screens, CLI, consent dialog)."""

from __future__ import annotations

from app.rules.values import decimal_vn, show

TOPICS = {
    "base_salary": "Mức lương cơ sở",
    "coefficient": "Hệ số tiền thưởng",
    "decider": "Thẩm quyền quyết định",
    "award_kind": "Danh hiệu, hình thức khen thưởng",
    "council": "Hội đồng Thi đua - Khen thưởng",
    "threshold": "Tỷ lệ trong tiêu chuẩn",
    "deadline": "Thời hạn gửi hồ sơ",
    "dossier": "Hồ sơ đề nghị",
    "can_cu": "Căn cứ in trên quyết định",
    "principle": "Nguyên tắc xét khen thưởng (cảnh báo)",
    "money": "Tính tiền thưởng",
}
SUBJECTS = {"person": "cá nhân", "collective": "tập thể, khu dân cư",
            "household": "hộ gia đình", "area": "khu dân cư"}
QUALIFIERS = {
    "quorum": "Tỷ lệ thành viên dự họp",
    "ttldtt_ldtt_share": "“Tập thể lao động tiên tiến”: tỷ lệ cá nhân đạt “Lao động tiên tiến”",
    "submission": "Thời hạn gửi hồ sơ đề nghị cấp trên",
    "dot_xuat_chuyen_de": "Khen thưởng đột xuất, chuyên đề không làm căn cứ khen cấp trên",
    "ky_luat": "Đang xem xét kỷ luật, thanh tra, khiếu nại: chưa khen thưởng",
    "thai_san": "Nghỉ thai sản được tính thời gian",
    "uu_tien_nu": "Ưu tiên nữ, tập thể có từ 70% nữ",
}
FIELDS = {
    "name": "Tên", "category": "Loại", "subject_types": "Dành cho", "level": "Cấp",
    "awarded_here": "Phường tự khen", "certificate_template": "Mẫu giấy chứng nhận",
    "criteria": "Tiêu chuẩn", "legal_basis": "Căn cứ", "verify_note": "Ghi chú xác minh",
    "prerequisites": "Điều kiện", "quota": "Tỷ lệ tối đa", "vote_threshold": "Tỷ lệ phiếu (%)",
    "vote_base": "Tỷ lệ phiếu tính trên", "vote_strict": "Phải trên tỷ lệ (không tính bằng)",
    "secret_ballot": "Bỏ phiếu kín", "value": "Giá trị", "effective_to": "Áp dụng đến",
    "amount": "Mức lương",
}
VOTE_BASES = {"present": "số thành viên có mặt", "all": "tổng số thành viên Hội đồng"}


def field_text(field: str, value) -> str:
    """One field of an award kind (or a rule row) as text."""
    import json

    from app.rules.values import MISSING

    if value is None or value is MISSING:
        return "(trống)"
    if field == "vote_base":
        return VOTE_BASES.get(value, str(value))
    if field == "vote_threshold":
        return f"{decimal_vn(value)}%"
    if field == "amount":
        return show("base_salary", value)
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def rule_name(topic: str, qualifier: str, kind_name: str | None) -> str:
    """"Giấy khen của Chủ tịch Ủy ban nhân dân — hệ số hộ gia đình"."""
    if topic == "coefficient":
        return f"{kind_name} — hệ số {SUBJECTS.get(qualifier, qualifier)}"
    if topic == "decider":
        return f"{kind_name} — người quyết định"
    if topic == "dossier":
        return f"{kind_name} — hồ sơ đề nghị"
    if topic == "can_cu":
        return f"Dòng căn cứ “{qualifier}”"
    label = QUALIFIERS.get(qualifier, qualifier)
    return f"{kind_name} — {label}" if kind_name else label
