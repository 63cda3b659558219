"""Every document the ward office prints each round beyond the decision kit, registered once:
what it is, what it belongs to, the service function that gathers its data and builds it,
where the officer finds it in the app and how to get it from the command line.

Scopes and the arguments their builder takes after the database:
decision (decision_id), batch (batch_id), candidate (candidate_id), area (batch_id, area_id),
year (year), movement (movement_id)."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from app.text import fold


@dataclass(frozen=True)
class DocumentKind:
    key: str
    title: str
    scope: str
    build: str  # "module:function"
    stem: str  # file name without suffix
    gui: str  # where the officer finds it
    cli: str  # how the command line writes it

    def builder(self):
        module, name = self.build.split(":")
        return getattr(importlib.import_module(module), name)


_DECISION_CLI = 'tdkt documents --decision "15/QĐ-UBND" -o THƯ_MỤC'
_BATCH_CLI = "tdkt documents --batch MÃ_ĐỢT -o THƯ_MỤC"
_BATCH_GUI = "Đợt xét khen thưởng › In văn bản"

DOCUMENTS: tuple[DocumentKind, ...] = (
    DocumentKind("payment_list", "Danh sách chi tiền thưởng (ký nhận)", "decision",
                 "app.services.awards.payment_list:payment_list_document",
                 "Danh-sach-chi-tien-thuong", "Quyết định › In văn bản", _DECISION_CLI),
    DocumentKind("decision_notice", "Thông báo kết quả khen thưởng, kèm danh sách công khai",
                 "decision", "app.services.rounds.notices:decision_notice_document",
                 "Thong-bao-ket-qua", "Quyết định › In văn bản", _DECISION_CLI),
    DocumentKind("batch_notice", "Thông báo công khai danh sách đề nghị (lấy ý kiến Nhân dân)",
                 "batch", "app.services.rounds.notices:batch_notice_document",
                 "Thong-bao-lay-y-kien", _BATCH_GUI, _BATCH_CLI),
    DocumentKind("achievement_report", "Báo cáo thành tích (cá nhân, tập thể)", "candidate",
                 "app.services.rounds.achievement_reports:achievement_report_document",
                 "Bao-cao-thanh-tich", _BATCH_GUI, _BATCH_CLI),
    DocumentKind("brief_list", "Bảng trích ngang đề nghị cấp trên khen thưởng", "batch",
                 "app.services.rounds.upward_dossier:brief_list_document", "Trich-ngang",
                 _BATCH_GUI, _BATCH_CLI),
    DocumentKind("dossier_list", "Danh mục hồ sơ đề nghị cấp trên khen thưởng", "batch",
                 "app.services.rounds.upward_dossier:dossier_list_document", "Danh-muc-ho-so",
                 _BATCH_GUI, _BATCH_CLI),
    DocumentKind("culture_minutes", "Biên bản họp bình xét của khu dân cư (Gia đình văn hóa)",
                 "area", "app.services.rounds.culture_review:culture_minutes_document",
                 "Bien-ban-binh-xet", _BATCH_GUI, _BATCH_CLI),
    DocumentKind("culture_comments", "Bảng tổng hợp ý kiến Nhân dân của khu dân cư", "area",
                 "app.services.rounds.culture_review:culture_comments_document",
                 "Tong-hop-y-kien", _BATCH_GUI, _BATCH_CLI),
    DocumentKind("culture_proposal", "Văn bản đề nghị của khu dân cư (Gia đình văn hóa, khu "
                 "dân cư văn hóa)", "area",
                 "app.services.rounds.culture_review:culture_proposal_document",
                 "Van-ban-de-nghi", _BATCH_GUI, _BATCH_CLI),
    DocumentKind("fund_report", "Báo cáo thu, chi Quỹ thi đua, khen thưởng năm", "year",
                 "app.services.awards.fund_report:fund_report_document", "Bao-cao-quy",
                 "Quỹ thi đua, khen thưởng › In báo cáo quỹ",
                 "tdkt fund-report --year NĂM -o TỆP.pdf"),
    DocumentKind("council_setup", "Quyết định kiện toàn Hội đồng Thi đua - Khen thưởng, kèm "
                 "Quy chế hoạt động", "year",
                 "app.services.rounds.council_setup:council_setup_document",
                 "Quyet-dinh-kien-toan-hoi-dong",
                 "Đợt xét › Hội đồng › Thành viên Hội đồng › In quyết định kiện toàn",
                 "tdkt council-decision --year NĂM -o TỆP.pdf"),
    DocumentKind("movement_plan", "Kế hoạch phát động phong trào thi đua", "movement",
                 "app.services.emulation.movement_plans:movement_plan_document",
                 "Ke-hoach-phong-trao", "Phong trào thi đua › In văn bản",
                 "tdkt movement-plan --movement MÃ -o TỆP.pdf"),
    DocumentKind("movement_decision", "Quyết định phát động phong trào thi đua, kèm kế hoạch",
                 "movement", "app.services.emulation.movement_plans:movement_decision_document",
                 "Quyet-dinh-phat-dong", "Phong trào thi đua › In văn bản",
                 "tdkt movement-plan --movement MÃ --decision -o TỆP.pdf"),
)

# The documents the app made before this registry, for the command-line summary.
KIT = (("quyết định, tờ trình, biên bản họp, biên bản kiểm phiếu, phiếu bầu", _DECISION_CLI),
       ("danh sách công khai", "tdkt report public-list --decision SỐ | --batch MÃ -o TỆP.pdf"))


def get(key: str) -> DocumentKind:
    return next(d for d in DOCUMENTS if d.key == key)


def of_scope(scope: str) -> list[DocumentKind]:
    return [d for d in DOCUMENTS if d.scope == scope]


def slug(value: str) -> str:
    """A file-name piece without diacritics: "Nguyễn Thị Ánh" → "nguyen-thi-anh"."""
    return "-".join("".join(c if c.isalnum() else " " for c in fold(value)).split())[:60]


def help_text(width: int = 88) -> str:
    """How to get every document from the command line (``tdkt --help``), by command."""
    import textwrap

    by_command: dict[str, list[str]] = {}
    for titles, how in KIT:
        by_command.setdefault(how, []).append(titles)
    for d in DOCUMENTS:
        by_command.setdefault(d.cli, []).append(d.title[0].lower() + d.title[1:])
    lines = ["Văn bản và lệnh lập (bản Word: --format docx, hoặc tên tệp .docx):"]
    for how, titles in by_command.items():
        lines.append(f"  {how}")
        lines += textwrap.wrap("; ".join(titles) + ".", width, initial_indent="      ",
                               subsequent_indent="      ")
    return "\n".join(lines)
