"""Issue 14.9: a user guide inside the program — Trợ giúp › Hướng dẫn sử dụng, F1 opens the
page of the screen in front; every screen has its page; every picture and link a page uses
exists; the pages are Vietnamese and shipped with the program."""

from __future__ import annotations

import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument

from tests.ui.english import english_in, qt_sources
from ui.guide import pages
from ui.screens import SCREENS

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "resources" / "guide"


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.images, self.links, self.anchors, self.text = [], [], set(), []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "img":
            self.images.append(a.get("src", ""))
        elif tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "a" and a.get("name"):
            self.anchors.add(a["name"])
        elif tag == "link":
            self.links.append(a.get("href", ""))

    def handle_data(self, data):
        self.text.append(data)


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def _html_pages() -> list[Path]:
    return sorted(GUIDE.glob("*.html"))


def test_every_screen_has_its_page_and_the_contents_list_them_all():
    missing = [s.key for s in SCREENS if not (GUIDE / pages.page_of(s.key)).is_file()]
    assert missing == []
    listed = [page for _title, page in pages.contents()]
    assert listed[0] == pages.INDEX
    assert sorted(listed[1:]) == sorted(pages.page_of(s.key) for s in SCREENS)


def test_every_picture_link_and_anchor_exists():
    problems = []
    parsed = {p.name: _parse(p) for p in _html_pages()}
    for name, page in parsed.items():
        if not page.images and name not in (pages.INDEX,):
            problems.append(f"{name}: không có hình nào")
        for src in page.images:
            if not (GUIDE / src).is_file():
                problems.append(f"{name}: thiếu hình {src}")
        for href in page.links:
            target, _, anchor = href.partition("#")
            if re.match(r"[a-z]+:", target):
                problems.append(f"{name}: liên kết ra ngoài {href}")  # the guide is offline
            elif target and not (GUIDE / target).is_file():
                problems.append(f"{name}: liên kết hỏng {href}")
            elif anchor and anchor not in parsed[target or name].anchors:
                problems.append(f"{name}: không có mục #{anchor} trong {target or name}")
    assert problems == []


def test_pages_are_vietnamese():
    sources = qt_sources()
    found = {p.name: english_in(" ".join(_parse(p).text), sources) for p in _html_pages()}
    assert {name: words for name, words in found.items() if words} == {}


def test_the_guide_ships_with_the_program():
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import bundle
    finally:
        sys.path.remove(str(ROOT / "packaging"))
    shipped = {Path(src).relative_to(ROOT).as_posix() for src, _dest in bundle.datas()}
    for path in [*_html_pages(), GUIDE / "style.css", *GUIDE.glob("images/*.png")]:
        assert path.relative_to(ROOT).as_posix() in shipped
    package_data = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    for pattern in ('"*.html"', '"*.css"', '"*.png"'):
        assert pattern in package_data


@pytest.fixture
def window(qtbot, org_db):
    from ui.main_window import MainWindow

    win = MainWindow(org_db, "phường Thành Đông")
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    yield win
    if getattr(win, "guide", None) is not None:
        win.guide.close()


def _picture_loaded(browser, src: str) -> bool:
    return browser.document().resource(QTextDocument.ImageResource, QUrl(src)) is not None


@pytest.mark.parametrize("key", ["register", "batches", "backup"])
def test_f1_opens_the_page_of_the_screen_in_front(qtbot, window, key):
    window.show_screen(key)
    qtbot.keyClick(window, Qt.Key_F1)
    guide = window.guide
    assert guide.isVisible()
    assert guide.current_page() == pages.page_of(key)
    title = next(s.title for s in SCREENS if s.key == key)
    assert guide.browser.document().toPlainText().startswith(title)
    qtbot.waitUntil(lambda: _picture_loaded(guide.browser, f"images/{key}.png"), timeout=3000)
    assert guide.toc.currentItem().text() == title


def test_help_menu_opens_the_contents_and_its_links_lead_to_the_steps(qtbot, window):
    help_menu = next(a.menu() for a in window.menuBar().actions() if "giúp" in a.text())
    action = next(a for a in help_menu.actions() if a.text() == "Hướng dẫn sử dụng")
    action.trigger()
    guide = window.guide
    assert guide.current_page() == pages.INDEX
    assert "Việc cả năm, từng bước" in guide.browser.document().toPlainText()
    guide.browser.setSource(QUrl("certificates.html"))  # a link of step 8
    assert guide.toc.currentItem().text() == "In giấy khen"
    guide.browser.backward()
    assert guide.current_page() == pages.INDEX


def test_the_buttons_the_guide_names_exist():
    """A bold text ending in … or ▾ names a button or menu item the officer is told to press:
    it must be written so in the program (a renamed button leaves the guide wrong)."""
    source = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "ui").rglob("*.py"))
    source = re.sub(r'"\s*\n\s*"', "", source)  # strings split over two lines
    missing = []
    for path in _html_pages():
        html = path.read_text(encoding="utf-8")
        for bold in re.findall(r"<b>(.*?)</b>", html, flags=re.DOTALL):
            label = re.sub(r"\s+", " ", bold).strip()
            if not label.endswith(("…", "▾")):
                continue
            label = label.removesuffix("▾").strip()
            if label not in source:
                missing.append(f"{path.name}: {label}")
    assert missing == []
