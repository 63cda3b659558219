"""Thi đua – Khen thưởng: the domain layer (no Qt widgets here)."""

__version__ = "0.1.0"
APP_NAME = "Thi đua – Khen thưởng"
APP_ID = "tdkt"
