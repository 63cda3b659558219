"""Believable Vietnamese names for the demo ward (weights roughly as in the population)."""

from __future__ import annotations

import random

FAMILY = [
    ("Nguyễn", 38), ("Trần", 11), ("Lê", 9), ("Phạm", 7), ("Hoàng", 5), ("Vũ", 4), ("Phan", 3),
    ("Đặng", 2), ("Bùi", 2), ("Đỗ", 2), ("Ngô", 1.5), ("Dương", 1.3), ("Đào", 1.2), ("Đinh", 1),
    ("Mai", 0.8), ("Trịnh", 0.8), ("Lương", 0.6), ("Tạ", 0.5), ("Cao", 0.5), ("Tô", 0.4),
    ("Lý", 0.4), ("Hồ", 0.8), ("Võ", 1), ("Tăng", 0.2), ("Ưng", 0.05), ("Tôn Nữ", 0.05),
]
MIDDLE_M = ["Văn", "Văn", "Văn", "Hữu", "Đức", "Minh", "Quang", "Công", "Thành", "Xuân", "Ngọc",
            "Tiến", "Mạnh", "Trọng", "Đình", "Bá"]
MIDDLE_F = ["Thị", "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Hồng", "Minh", "Kim", "Phương",
            "Thúy", "Bích", "Diệu"]
GIVEN_M = ["An", "Bình", "Cường", "Dũng", "Đức", "Hải", "Hùng", "Huy", "Khánh", "Long", "Nam",
           "Phong", "Quân", "Sơn", "Thắng", "Tuấn", "Việt", "Vinh", "Hoàng", "Trung", "Đạt",
           "Hiếu", "Toàn", "Lâm", "Tùng", "Thịnh", "Quý", "Kiên", "Nghĩa", "Ước", "Ơn"]
GIVEN_F = ["Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Hương", "Huyền", "Lan",
           "Linh", "Loan", "Mai", "Ngọc", "Nhung", "Oanh", "Phương", "Quỳnh", "Thảo", "Thủy",
           "Trang", "Tuyết", "Vân", "Yến", "Ánh", "Ưng", "Hường", "Nguyệt", "Duyên"]
STREETS = ["Nguyễn Trãi", "Lê Lợi", "Trần Hưng Đạo", "Bình Hàn", "Cẩm Thượng", "Chi Lăng",
           "Đại lộ Hồ Chí Minh", "Phạm Ngũ Lão", "Hoàng Văn Thụ", "Thống Nhất", "Ngô Quyền",
           "Điện Biên Phủ", "Quang Trung", "Đồng Xuân", "An Thượng"]


class NameMaker:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self._families = [f for f, _ in FAMILY]
        self._weights = [w for _, w in FAMILY]

    def person(self, gender: str | None = None) -> tuple[str, str]:
        """(full name, gender "nam"/"nữ")."""
        rng = self.rng
        gender = gender or rng.choice(("nam", "nữ"))
        family = rng.choices(self._families, self._weights)[0]
        if gender == "nam":
            middle, given = rng.choice(MIDDLE_M), rng.choice(GIVEN_M)
        else:
            middle, given = rng.choice(MIDDLE_F), rng.choice(GIVEN_F)
        if rng.random() < 0.15:  # a second middle name, common in younger generations
            middle += " " + rng.choice(MIDDLE_F if gender == "nữ" else MIDDLE_M[3:])
        return f"{family} {middle} {given}", gender

    def address(self, number_max: int = 200) -> str:
        return f"Số {self.rng.randint(1, number_max)} đường {self.rng.choice(STREETS)}"
