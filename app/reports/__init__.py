"""Reports: figures computed from the database (``figures``), the annual and period summary
report (``summary``), statistical forms (``forms``), public lists and award histories.

No Qt here. Heavy libraries (reportlab, docx, openpyxl) are imported inside the builders.
"""
