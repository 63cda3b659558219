"""The user guide inside the program (Trợ giúp › Hướng dẫn sử dụng, F1): HTML pages with
screenshots in resources/guide/, read offline in a QTextBrowser. ``make_screens`` regenerates
the screenshots from the demo ward."""
