"""What each importable kind of list holds: its columns, the header names people really type,
value types and which columns are required. Templates, import and export all read this."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from app.text import fold


@dataclass(frozen=True)
class Field:
    key: str
    label: str  # header written in templates and exports
    # text / name / date / day / birthyear / int / year / cccd / gender / phone / outcome /
    # yesno / stt ("date" is a birth date; "day" any date, or a bare year)
    type: str = "text"
    required: bool = False
    aliases: tuple[str, ...] = ()  # other header names met in real files (any case/accents)
    width: int = 18
    hint: str = ""  # shown in the template's instructions sheet
    # Lists often carry it once, in the title ("… GIA ĐÌNH VĂN HÓA NĂM 2025"), not as a column.
    titled: bool = False
    bounds: tuple[int, int] | None = None  # for "int" fields: the smallest and largest sane value
    choices: tuple[str, ...] = ()  # the template's drop-down list, when the type has none

    def header_keys(self) -> frozenset[str]:
        return _header_keys(self.label, self.aliases)


@dataclass(frozen=True)
class KindSpec:
    key: str
    label: str  # "Cá nhân"
    title: str  # title row of the template
    fields: tuple[Field, ...]
    # Columns recognised on import only (never in templates), e.g. "Năm sinh" split in Nam / Nữ.
    extra: tuple[Field, ...] = ()
    # "module:function" reading one sheet instead of reader.read_sheet (layouts such as one
    # column group per year); it returns a SheetData, a list of them, or None.
    sheet_reader: str | None = None
    # Rows of this kind's own grouping (matched on the folded text of a row without its
    # required cells): kept as headings (``SheetData.headings``), never taken for a footer.
    section: re.Pattern | None = None

    @property
    def matchable(self) -> tuple[Field, ...]:
        return self.fields + self.extra

    def field(self, key: str) -> Field:
        return next(f for f in self.fields if f.key == key)

    @property
    def required(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.required)

    @property
    def required_columns(self) -> tuple[Field, ...]:
        """Required fields that must be a column (the others may come from the title)."""
        return tuple(f for f in self.required if not f.titled)


# Sane bounds for counts (a typo such as 10^15 households is an error, not a record).
MAX_MEMBERS = 99  # as the household form
MAX_AREA_HOUSEHOLDS = 20_000  # the largest thôn / tổ dân phố has a few thousand


@cache
def _header_keys(label: str, aliases: tuple[str, ...]) -> frozenset[str]:
    """Computed once per field: header matching asks for them for every cell of 30 rows."""
    return frozenset(header_key(x) for x in (label, *aliases))


def header_key(text: str) -> str:
    """Folded header without punctuation, numbering or the required-mark: "Họ và tên (*)" →
    "ho va ten"."""
    words = [w for w in "".join(ch if ch.isalnum() else " " for ch in fold(text)).split()]
    return " ".join(words)


# The row number: never stored; "I", "II", "A" in it mark a group heading, not a row.
STT = Field("stt", "STT", "stt", aliases=("TT", "Số TT", "Số thứ tự"), width=6)
NAME = Field("name", "Họ và tên", "name", True,
             ("Họ tên", "Họ và tên cá nhân", "Tên", "Họ, tên", "Họ và tên người"), 28,
             "Họ và tên đầy đủ, có dấu.")
GENDER = Field("gender", "Giới tính", "gender", aliases=("Nam/Nữ", "Nam, nữ", "Phái"), width=10,
               hint="Nam hoặc Nữ.")
BIRTH = Field("birth", "Ngày sinh", "date",
              aliases=("Năm sinh", "Ngày, tháng, năm sinh", "Ngày tháng năm sinh", "Sinh ngày"),
              width=12, hint="ngày/tháng/năm (ví dụ 05/09/1985), hoặc chỉ năm sinh (ví dụ 1985).")
CCCD = Field("cccd", "Số CCCD", "cccd",
             aliases=("CCCD", "Căn cước công dân", "Số căn cước", "Số CCCD/CMND", "CMND/CCCD",
                      "Số định danh", "Số định danh cá nhân", "Căn cước"), width=15,
             hint="12 chữ số (nên để ô dạng văn bản để giữ số 0 ở đầu).")
AREA = Field("area", "Khu dân cư", aliases=("Thôn", "Tổ dân phố", "Thôn, khu dân cư", "Khu dân cư",
                                             "Thôn/Khu dân cư", "Thôn/TDP", "Địa bàn", "KDC"),
             width=22, hint="Tên khu dân cư đã có trong Danh mục.")
PHONE = Field("phone", "Số điện thoại", "phone", aliases=("Điện thoại", "SĐT", "ĐT"), width=14)
ADDRESS = Field("address", "Địa chỉ", aliases=("Nơi ở", "Chỗ ở hiện nay", "Nơi cư trú"), width=30)
NOTES = Field("notes", "Ghi chú", width=24)
# Many lists put the birth year under "Nam" or "Nữ" (a two-row header), or mark gender with x.
SPLIT_BIRTH = (Field("birth_male", "Nam", "split"), Field("birth_female", "Nữ", "split"))

PERSON = KindSpec("person", "Cá nhân", "DANH SÁCH CÁ NHÂN", (
    STT, NAME, GENDER, BIRTH, CCCD,
    Field("position", "Chức vụ", aliases=("Chức vụ, chức danh", "Chức danh", "Nghề nghiệp"),
          width=22),
    Field("workplace", "Đơn vị công tác", aliases=("Nơi công tác", "Đơn vị", "Cơ quan"), width=28,
          hint="Tên tập thể trong Danh mục (nếu có) hoặc ghi tự do."),
    AREA, PHONE, ADDRESS, NOTES,
), SPLIT_BIRTH)
COLLECTIVE = KindSpec("collective", "Tập thể", "DANH SÁCH TẬP THỂ", (
    STT,
    Field("name", "Tên tập thể", "text", True,
          ("Tên đơn vị", "Tập thể", "Tên cơ quan, đơn vị", "Đơn vị", "Tên"), 34),
    Field("kind", "Loại hình", aliases=("Loại", "Loại tập thể"), width=16,
          hint="Cơ quan, trường học, chi hội, doanh nghiệp…"),
    Field("field", "Lĩnh vực", width=16),
    Field("parent", "Đơn vị cấp trên", aliases=("Trực thuộc",), width=24),
    AREA, ADDRESS, PHONE, NOTES,
))
HOUSEHOLD = KindSpec("household", "Hộ gia đình", "DANH SÁCH HỘ GIA ĐÌNH", (
    STT,
    Field("name", "Chủ hộ", "name", True,
          ("Họ và tên chủ hộ", "Họ tên chủ hộ", "Tên chủ hộ", "Hộ gia đình", "Họ và tên",
           "Họ tên"), 28),
    Field("area", "Khu dân cư", "text", True, AREA.aliases, 22, AREA.hint),
    ADDRESS,
    Field("head_birth", "Năm sinh chủ hộ", "birthyear",
          aliases=("Năm sinh", "Ngày sinh", "Ngày, tháng, năm sinh", "Ngày tháng năm sinh",
                   "Năm sinh của chủ hộ"), width=10,
          hint="Năm sinh của chủ hộ (ví dụ 1965): giúp phân biệt người trùng tên."),
    Field("head_cccd", "Số CCCD chủ hộ", "cccd", aliases=("Số CCCD", *CCCD.aliases, "CCCD chủ hộ",
                                                          "Số CCCD của chủ hộ"), width=15,
          hint=CCCD.hint),
    Field("members", "Số nhân khẩu", "int", aliases=("Nhân khẩu", "Số khẩu", "Số người"), width=10,
          bounds=(1, MAX_MEMBERS), hint=f"Từ 1 đến {MAX_MEMBERS}."),
    PHONE, NOTES,
))
FORMER_UNIT = Field("former_unit", "Địa bàn cũ",
                    aliases=("Phường cũ", "Xã cũ", "Thuộc phường, xã cũ", "Đơn vị cũ"), width=18,
                    hint="Phường, xã trước ngày 01/7/2025 (chưa có thì sẽ được thêm).")
# An Thượng was a xã: a former unit keeps its kind (the report names it "xã An Thượng").
FORMER_UNIT_KIND = Field(
    "former_unit_kind", "Loại địa bàn cũ",
    aliases=("Phường/xã cũ", "Phường hay xã", "Phường, xã", "Loại đơn vị cũ"), width=12,
    choices=("phường", "xã", "thị trấn"),
    hint="Phường, xã hoặc thị trấn (để trống: phường). Dùng khi địa bàn cũ được thêm mới.")
AREA_KIND = KindSpec("area", "Khu dân cư", "DANH SÁCH KHU DÂN CƯ", (
    STT,
    Field("name", "Tên khu dân cư", "text", True,
          ("Khu dân cư", "Thôn, khu dân cư", "Thôn/Khu dân cư", "Tên thôn", "Tổ dân phố",
           "Thôn/TDP", "Tên"), 26, "Ví dụ: Khu dân cư số 3, Thôn Đông Giàng."),
    Field("kind", "Loại", aliases=("Loại hình",), width=14,
          hint="Khu dân cư, tổ dân phố hoặc thôn (để trống: khu dân cư)."),
    FORMER_UNIT, FORMER_UNIT_KIND,
    Field("leader", "Trưởng khu / Tổ trưởng", aliases=("Trưởng thôn", "Trưởng khu",
                                                      "Tổ trưởng", "Trưởng ban"), width=24),
    Field("households_total", "Tổng số hộ", "int", aliases=("Số hộ", "Tổng số hộ gia đình"),
          width=10, bounds=(0, MAX_AREA_HOUSEHOLDS),
          hint="Số hộ chính thức (dùng để tính tỷ lệ gia đình văn hóa)."),
    NOTES,
))
SUBJECT_TYPE = Field("subject_type", "Loại đối tượng", aliases=("Đối tượng", "Loại"), width=14,
                     hint="Cá nhân, Tập thể, Hộ gia đình hoặc Khu dân cư.")
SUBJECT_NAME = Field("name", "Tên đối tượng", "text", True,
                     ("Họ và tên", "Họ tên", "Tên", "Tên tập thể", "Chủ hộ", "Tên đơn vị",
                      "Họ và tên chủ hộ", "Tên khu dân cư", "Cá nhân, tập thể"), 30,
                     "Họ tên cá nhân, tên tập thể, chủ hộ hoặc tên khu dân cư.")
WORKPLACE = Field("workplace", "Đơn vị công tác", aliases=("Nơi công tác", "Cơ quan", "Đơn vị"),
                  width=26, hint="Giúp phân biệt người trùng tên.")
REGISTRATION = KindSpec("registration", "Đăng ký thi đua", "DANH SÁCH ĐĂNG KÝ THI ĐUA", (
    STT,
    Field("year", "Năm", "year", True, ("Năm đăng ký", "Năm thi đua"), 8, titled=True,
          hint="Có thể bỏ cột này nếu tiêu đề ghi năm (… NĂM 2025) hoặc chọn năm khi nhập."),
    SUBJECT_NAME, SUBJECT_TYPE, CCCD, BIRTH, AREA, WORKPLACE,
    Field("award", "Danh hiệu đăng ký", "text", True,
          ("Danh hiệu", "Danh hiệu thi đua", "Đăng ký danh hiệu"), 28, titled=True,
          hint="Có thể bỏ cột này nếu tiêu đề ghi danh hiệu hoặc chọn danh hiệu khi nhập."),
    Field("movement", "Phong trào", aliases=("Phong trào thi đua",), width=28),
    Field("outcome", "Kết quả", "outcome", aliases=("Kết quả bình xét", "Đạt/Không đạt"), width=12,
          hint="Đạt, Không đạt, hoặc để trống nếu chưa bình xét."),
    NOTES,
), SPLIT_BIRTH)
CANDIDATE = KindSpec("candidate", "Ứng viên khen thưởng", "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", (
    STT, SUBJECT_NAME, SUBJECT_TYPE, CCCD, BIRTH, AREA, WORKPLACE,
    Field("award", "Hình thức khen thưởng", "text", True,
          ("Danh hiệu", "Hình thức", "Danh hiệu, hình thức khen thưởng", "Đề nghị khen thưởng",
           "Hình thức đề nghị"), 28, titled=True),
    Field("achievement", "Thành tích", aliases=("Tóm tắt thành tích", "Thành tích đạt được",
                                                "Nội dung thành tích"), width=40),
    Field("proposing_unit", "Đơn vị đề nghị", aliases=("Đơn vị trình",), width=24),
    NOTES,
), SPLIT_BIRTH)

# Per-area yearly figures (issue 13): one row per area and year, or one row per area with a
# column group per year (app.excel.wide). The culture indicators' columns are added from the
# database (app.excel.rows_area_years.area_year_spec): the set is data the officer edits.
# The fields after the culture indicators' columns.
AREA_YEAR_TAIL = (FORMER_UNIT, FORMER_UNIT_KIND, NOTES)
AREA_YEAR = KindSpec("area_year", "Số liệu khu dân cư theo năm", "SỐ LIỆU KHU DÂN CƯ THEO NĂM", (
    STT,
    Field("area", "Khu dân cư", "text", True, AREA.aliases + ("Tên khu dân cư", "Tên thôn"), 24,
          "Tên khu dân cư (chưa có trong Danh mục thì sẽ được thêm)."),
    Field("year", "Năm", "year", True, ("Năm báo cáo", "Năm thống kê"), 8, titled=True,
          hint="Có thể bỏ cột này nếu tiêu đề ghi năm (… NĂM 2025) hoặc chọn năm khi nhập."),
    Field("households", "Tổng số hộ", "int",
          aliases=("Số hộ", "Tổng số hộ gia đình", "Tổng hộ", "Số hộ gia đình", "Tổng số hộ dân"),
          width=10, bounds=(0, MAX_AREA_HOUSEHOLDS), hint="Tổng số hộ của khu trong năm."),
    Field("registered", "Số hộ đăng ký Gia đình văn hóa", "int",
          aliases=("Số hộ đăng ký", "Hộ đăng ký", "Đăng ký", "Số hộ đăng ký GĐVH",
                   "Hộ đăng ký GĐVH", "Số gia đình đăng ký", "Đăng ký GĐVH",
                   "Số hộ đăng ký xây dựng gia đình văn hóa"),
          width=14, bounds=(0, MAX_AREA_HOUSEHOLDS),
          hint="Số hộ đăng ký xây dựng gia đình văn hóa (không lớn hơn tổng số hộ)."),
    Field("achieved", "Số hộ đạt Gia đình văn hóa", "int",
          aliases=("Số hộ đạt", "Hộ đạt", "Đạt", "Số hộ đạt GĐVH", "Hộ đạt GĐVH", "Đạt GĐVH",
                   "Số gia đình văn hóa", "Gia đình văn hóa", "Số hộ được công nhận"),
          width=14, bounds=(0, MAX_AREA_HOUSEHOLDS),
          hint="Số hộ được công nhận Gia đình văn hóa (không lớn hơn số hộ đăng ký)."),
    Field("kdcvh", "Khu dân cư văn hóa", "outcome",
          aliases=("KDCVH", "KDC văn hóa", "Danh hiệu khu dân cư văn hóa", "Thôn văn hóa",
                   "Tổ dân phố văn hóa", "Đạt khu dân cư văn hóa"),
          width=12, choices=("Đạt", "Không đạt", "Chưa xét"),
          hint="Đạt, Không đạt hoặc Chưa xét (để trống: chưa xét)."),
    *AREA_YEAR_TAIL,
), sheet_reader="app.excel.wide:read_area_year_sheet")
MOVEMENT = KindSpec("movement", "Phong trào thi đua", "DANH SÁCH PHONG TRÀO THI ĐUA", (
    STT,
    Field("name", "Tên phong trào", "text", True,
          ("Phong trào", "Phong trào thi đua", "Tên phong trào thi đua", "Nội dung phong trào"),
          40, "Tên đầy đủ, ví dụ: Toàn dân đoàn kết xây dựng đời sống văn hóa."),
    Field("launched_by", "Cấp phát động", aliases=("Cấp phát động", "Đơn vị phát động",
                                                   "Phát động", "Cơ quan phát động", "Cấp"),
          width=18, hint="Thủ tướng Chính phủ, Thành phố, Phường hoặc Mặt trận & đoàn thể "
                         "(để trống: Phường)."),
    Field("kind", "Loại phong trào", aliases=("Loại", "Hình thức", "Loại hình"), width=14,
          choices=("thường xuyên", "chuyên đề", "theo đợt"),
          hint="Thường xuyên, chuyên đề hoặc theo đợt (để trống: thường xuyên)."),
    Field("slogan", "Khẩu hiệu", width=24),
    Field("start", "Ngày bắt đầu", "day", aliases=("Từ ngày", "Bắt đầu", "Năm bắt đầu",
                                                   "Thời gian bắt đầu"), width=12,
          hint="ngày/tháng/năm, hoặc chỉ năm (ví dụ 2021)."),
    Field("end", "Ngày kết thúc", "day", aliases=("Đến ngày", "Kết thúc", "Năm kết thúc",
                                                  "Thời gian kết thúc"), width=12,
          hint="ngày/tháng/năm, hoặc chỉ năm; để trống nếu phong trào thường xuyên."),
    Field("plan_number", "Số kế hoạch", aliases=("Kế hoạch số", "Số kế hoạch phát động",
                                                 "Văn bản phát động", "Số văn bản"), width=16),
    Field("plan_date", "Ngày kế hoạch", "day", aliases=("Ngày ban hành kế hoạch",
                                                         "Ngày văn bản"), width=12),
    Field("description", "Nội dung", aliases=("Mô tả", "Nội dung chính", "Mục tiêu"), width=40),
))

# The ward's old commendation register (issue 16): one row per award, the decision on the row
# or on a section row above its block ("Quyết định số 151/QĐ-UBND ngày 12/12/2022 về việc …").
AWARD_HISTORY = KindSpec("award_history", "Sổ khen thưởng cũ", "SỔ KHEN THƯỞNG (NHẬP TỪ SỔ CŨ)", (
    STT,
    Field("name", "Họ và tên / Tên tập thể", "name", True,
          ("Họ và tên", "Họ tên", "Tên", "Tên tập thể", "Tên đơn vị", "Cá nhân, tập thể",
           "Tập thể, cá nhân", "Tên cá nhân, tập thể", "Họ và tên cá nhân, tên tập thể",
           "Họ tên cá nhân, tập thể", "Tên đối tượng", "Đối tượng được khen", "Người được khen",
           "Chủ hộ", "Họ và tên chủ hộ", "Hộ gia đình", "Tên tập thể, cá nhân"), 30,
          "Họ tên cá nhân, tên tập thể, chủ hộ (có thể ghi “Hộ ông …”) hoặc tên khu dân cư."),
    Field("subject_type", "Loại đối tượng", aliases=("Đối tượng", "Loại"), width=14,
          hint="Cá nhân, Tập thể, Hộ gia đình hoặc Khu dân cư; để trống nếu danh hiệu đã rõ."),
    Field("birth", "Năm sinh", "date", aliases=BIRTH.aliases[1:] + ("Ngày sinh",), width=10,
          hint="Năm sinh (hoặc ngày sinh), nếu sổ có: giúp phân biệt người trùng tên."),
    CCCD,
    Field("position", "Chức vụ, đơn vị", aliases=(
        "Chức vụ", "Chức vụ, đơn vị công tác", "Chức vụ, chức danh", "Chức danh",
        "Chức vụ - đơn vị", "Chức vụ, nơi công tác"), width=30,
          hint="Như sổ ghi (ví dụ “Giáo viên Trường TH Bình Hàn”): in lại đúng như vậy."),
    Field("unit", "Đơn vị công tác", aliases=("Đơn vị", "Nơi công tác", "Cơ quan",
                                               "Cơ quan, đơn vị"), width=26),
    Field("area", "Khu dân cư", aliases=AREA.aliases, width=20),
    Field("address", "Địa chỉ", aliases=("Nơi ở", "Nơi cư trú", "Địa chỉ, nơi ở"), width=24),
    Field("award", "Danh hiệu, hình thức", "text", True, (
        "Danh hiệu", "Hình thức", "Hình thức khen thưởng", "Danh hiệu thi đua",
        "Danh hiệu, hình thức khen thưởng", "Hình thức, danh hiệu", "Khen thưởng",
        "Loại khen thưởng", "Danh hiệu thi đua, hình thức khen thưởng"), 26,
          "Tên danh hiệu hoặc cách viết tắt (LĐTT, CSTĐCS, GK Chủ tịch UBND phường…)."),
    Field("decision_no", "Số quyết định", aliases=(
        "Số QĐ", "Quyết định số", "Quyết định", "Số, ngày quyết định", "Số và ngày quyết định",
        "Số, ngày QĐ", "QĐ số", "Số hiệu quyết định", "Số quyết định khen thưởng"), width=18,
          hint="Ví dụ 151/QĐ-UBND. Có thể bỏ cột nếu số và ngày ghi ở dòng “Quyết định số … "
               "ngày …” phía trên mỗi nhóm."),
    Field("decision_date", "Ngày quyết định", aliases=(
        "Ngày QĐ", "Ngày ký", "Ngày ký quyết định", "Ngày ban hành", "Ngày tháng năm quyết định",
        "Ngày"), width=14, hint="ngày/tháng/năm (ví dụ 05/09/2025)."),
    Field("level", "Cấp khen", aliases=("Cấp khen thưởng", "Cấp", "Cấp quyết định",
                                        "Cấp ra quyết định", "Cấp tặng"), width=12,
          hint="Phường (xã), quận (huyện), thành phố, tỉnh, bộ, trung ương."),
    Field("issuer", "Cơ quan quyết định", aliases=("Cơ quan ban hành", "Người ký",
                                                    "Cơ quan khen thưởng", "Cơ quan ra quyết định"),
          width=22, hint="Cho quyết định của cấp trên, ví dụ “Chủ tịch UBND thành phố”."),
    Field("year", "Năm thành tích", aliases=("Năm", "Năm thi đua", "Năm đạt", "Năm khen thưởng"),
          width=8, hint="Để trống: lấy năm trong quyết định, tên trang hoặc tiêu đề."),
    Field("money", "Số tiền (đồng)", aliases=("Số tiền", "Tiền thưởng", "Số tiền thưởng",
                                              "Mức thưởng", "Thành tiền", "Tiền"), width=12,
          hint="Như đã chi, ví dụ 710000 hoặc 710.000; không tính lại."),
    Field("citation", "Thành tích", aliases=("Nội dung khen thưởng", "Thành tích đạt được",
                                             "Nội dung thành tích"), width=30),
    NOTES,
), section=re.compile(r"(quyet dinh|\bqd\b)[^0-9]{0,30}\d+\s*/\s*\w"))


KINDS: dict[str, KindSpec] = {k.key: k for k in (AREA_KIND, PERSON, COLLECTIVE, HOUSEHOLD,
                                                 REGISTRATION, CANDIDATE, AREA_YEAR, MOVEMENT,
                                                 AWARD_HISTORY)}
# Names the command line and the wizard accept for each kind.
KIND_NAMES = {
    "area": "area", "khu-dan-cu": "area",
    "person": "person", "ca-nhan": "person", "collective": "collective", "tap-the": "collective",
    "household": "household", "ho-gia-dinh": "household", "registration": "registration",
    "dang-ky": "registration", "candidate": "candidate", "ung-vien": "candidate",
    "area-year": "area_year", "area_year": "area_year", "so-lieu-khu-dan-cu": "area_year",
    "movement": "movement", "phong-trao": "movement",
    "award-history": "award_history", "award_history": "award_history",
    "so-khen-thuong-cu": "award_history",
}
# Kinds whose columns depend on the database: "module:function" taking the Database.
DYNAMIC = {"area_year": "app.excel.rows_area_years:area_year_spec"}


def resolve(path: str):
    """The function a "module:function" string names (imported when first needed)."""
    import importlib

    module, _, name = path.partition(":")
    return getattr(importlib.import_module(module), name)


def spec_of(kind: str, db=None) -> KindSpec:
    """The kind's columns; for a kind in DYNAMIC, with the columns the database defines."""
    if kind in DYNAMIC and db is not None:
        return resolve(DYNAMIC[kind])(db)
    return KINDS[kind]
