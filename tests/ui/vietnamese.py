"""The application as the program starts it: Vietnamese locale and Qt translation installed
(compiled from resources/i18n/qt_vi.ts first when missing, as `make test` does)."""

from __future__ import annotations


def started_app():
    from ui.app import make_application
    from ui.i18n import compile_translations

    compile_translations()
    return make_application()
