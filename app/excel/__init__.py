"""Excel in and out (openpyxl): list export, templates per kind, tolerant import.

openpyxl is imported inside the functions that use it, so the main window starts fast."""
