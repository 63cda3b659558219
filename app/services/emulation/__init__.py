"""Emulation: movements, registrations and their rates, initiatives, role models."""
