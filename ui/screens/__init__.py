"""The screens of the main window, declared in one list (navigation is built from it).

Each factory is "module:Class"; the class takes (db, parent) and may implement on_show(),
focus_search() and action_new() for the window's shortcuts. Modules import lazily, on first
show, so the window appears fast."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ScreenSpec:
    key: str
    title: str
    group: str
    factory: str


SCREENS: list[ScreenSpec] = [
    ScreenSpec("dashboard", "Tổng quan", "Tổng quan", "ui.screens.dashboard:DashboardPage"),
    ScreenSpec("reports", "Báo cáo", "Báo cáo", "ui.screens.reports:ReportsPage"),
    ScreenSpec("batches", "Đợt xét khen thưởng", "Khen thưởng", "ui.screens.batches:BatchesPage"),
    ScreenSpec("decisions", "Quyết định", "Khen thưởng", "ui.screens.decisions:DecisionsPage"),
    ScreenSpec("register", "Sổ khen thưởng", "Khen thưởng", "ui.screens.register:RegisterPage"),
    ScreenSpec("certificates", "In giấy khen", "Khen thưởng", "ui.screens.certificates:CertificatesPage"),
    ScreenSpec("fund", "Quỹ thi đua, khen thưởng", "Khen thưởng", "ui.screens.fund:FundPage"),
    ScreenSpec("award_kinds", "Danh hiệu và mức thưởng", "Hệ thống", "ui.screens.award_kinds:AwardKindsPage"),
    ScreenSpec("rules_in_force", "Quy định đang áp dụng", "Hệ thống", "ui.screens.rules_in_force:RulesInForcePage"),
    ScreenSpec("persons", "Cá nhân", "Danh mục", "ui.screens.records_persons:PersonsPage"),
    ScreenSpec("collectives", "Tập thể", "Danh mục", "ui.screens.records_collectives:CollectivesPage"),
    ScreenSpec("areas", "Khu dân cư", "Danh mục", "ui.screens.records_areas:AreasPage"),
    ScreenSpec("households", "Hộ gia đình", "Danh mục", "ui.screens.records_households:HouseholdsPage"),
    ScreenSpec("excel_import", "Nhập từ Excel", "Danh mục", "ui.screens.import_wizard:ImportPage"),
    ScreenSpec("movements", "Phong trào thi đua", "Thi đua", "ui.screens.movements:MovementsPage"),
    ScreenSpec("registrations", "Đăng ký thi đua", "Thi đua", "ui.screens.registrations:RegistrationsPage"),
    ScreenSpec("initiatives", "Sáng kiến", "Thi đua", "ui.screens.initiatives:InitiativesPage"),
    ScreenSpec("role_models", "Gương điển hình", "Thi đua", "ui.screens.role_models:RoleModelsPage"),
    ScreenSpec("area_years", "Số liệu khu dân cư", "Thi đua", "ui.screens.area_years:AreaYearsPage"),
    ScreenSpec("settings", "Cài đặt đơn vị", "Hệ thống", "ui.screens.settings_org:OrgSettingsPage"),
    ScreenSpec("backup", "Sao lưu & khôi phục", "Hệ thống", "ui.screens.backup:BackupPage"),
    ScreenSpec("audit", "Nhật ký thay đổi", "Hệ thống", "ui.screens.audit:AuditPage"),
]

GROUP_ORDER = ["Tổng quan", "Thi đua", "Khen thưởng", "Danh mục", "Báo cáo", "Hệ thống"]


def ordered_screens() -> list[ScreenSpec]:
    """Screens grouped in GROUP_ORDER, keeping the list's order inside a group."""
    rank = {g: i for i, g in enumerate(GROUP_ORDER)}
    return sorted(SCREENS, key=lambda s: rank.get(s.group, len(rank)))
