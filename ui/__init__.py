"""Qt user interface: windows, dialogs, table models. Calls app services; no SQL, no rules."""
