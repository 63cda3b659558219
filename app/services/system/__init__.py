"""System: audit trail, organisation settings, dashboard."""
