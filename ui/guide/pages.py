"""Where the guide's pages are: one page per screen of ui.screens.SCREENS (named after its
key), the contents page, and the order of the contents list."""

from __future__ import annotations

from pathlib import Path

from app.paths import resource_path

INDEX = "index.html"
# The year's job, in the order the officer does it (the contents list follows it); the other
# screens come after, in the navigation's order.
YEAR_ORDER = ["settings", "persons", "collectives", "areas", "households", "excel_import",
              "movements", "registrations", "area_years", "batches", "decisions", "register",
              "certificates", "fund", "reports", "backup"]


def guide_dir() -> Path:
    return resource_path("guide")


def page_of(screen_key: str) -> str:
    return f"{screen_key}.html"


def contents() -> list[tuple[str, str]]:
    """(title, page) of the contents list: the guide's start page, then each screen."""
    from ui.screens import ordered_screens

    screens = ordered_screens()
    rank = {key: i for i, key in enumerate(YEAR_ORDER)}
    ordered = sorted(screens, key=lambda s: rank.get(s.key, len(rank)))
    return [("Hướng dẫn sử dụng — việc cả năm", INDEX)] + [(s.title, page_of(s.key))
                                                           for s in ordered]
